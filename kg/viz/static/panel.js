// panel.js — the side panel: evidence sentences first (one per article and sentence, with the article's title,
// date and publisher), then properties, links and names; a group's members. Focus moves into it on open.
const LINKS_SHOWN = 80;
const MEMBERS_SHOWN = 60;

function section(title, body) { return [el('h3', null, title), body]; }

function linkButton(i) {
  return el('button', { class: 'link', type: 'button', onclick: function () { focusNode(i); } }, nodeLabel(i));
}

function articleMeta(a) {
  const row = META.articles[a];
  return row ? { title: row[0], date: row[1], publisher: row[2], node: row[3] } : { title: '?', date: '', publisher: '', node: -1 };
}

function sourceBlock(s) {
  const art = articleMeta(s[1]);
  const title = art.node >= 0
    ? el('button', { class: 'link art', type: 'button', onclick: function () { focusNode(art.node); } }, art.title)
    : el('span', { class: 'art' }, art.title);
  const meta = [art.date, art.publisher, s[0] === 0 ? ui('evidence') : ui('mention')].filter(Boolean).join(' · ');
  return el('li', { class: 'source' + (s[0] === 0 ? ' evidence' : '') }, el('blockquote', null, s[2]), title,
    el('div', { class: 'meta' }, meta));
}

function sourcesSection(d) {
  if (!d.sources.length) return section(ui('sources'), el('div', { class: 'meta' }, ui('noSources')));
  const list = el('ol', { class: 'sources' }, ...d.sources.map(sourceBlock));
  if (d.total > d.sources.length) list.append(el('li', { class: 'meta' }, ui('more') + ' ' + (d.total - d.sources.length)));
  return section(ui('sources') + ' (' + d.total + ')', list);
}

function propsSection(d) {
  if (!d.props.length) return [];
  const dl = el('dl');
  d.props.forEach(function (pv) { dl.append(el('dt', null, propLabel(pv[0])), el('dd', null, valueText(pv[1]))); });
  return section(ui('properties'), dl);
}

function detailsText(k) {
  const parts = (EDGE_X[k] || []).map(function (d) { return propLabel(d[0]) + ': ' + valueText(d[1]); });
  if (EDGE_D[k]) parts.push(EDGE_D[k][0] === EDGE_D[k][1] ? EDGE_D[k][0] : EDGE_D[k][0] + ' – ' + EDGE_D[k][1]);
  return parts.length ? ' (' + parts.join(', ') + ')' : null;
}

function linksSection(i) {
  const rows = [];
  for (let a = ADJ_START[i]; a < ADJ_START[i + 1]; a++) rows.push(ADJ[a]);
  rows.sort(function (a, b) { return isArticleEdge(a) - isArticleEdge(b) || a - b; });
  if (!rows.length) return [];
  const list = el('ul', null, ...rows.slice(0, LINKS_SHOWN).map(function (k) {
    const out = EDGES[3 * k] === i;
    const other = out ? EDGES[3 * k + 1] : EDGES[3 * k];
    return el('li', null, el('span', { class: 'prop' }, (out ? '→ ' : '← ') + propLabel(edgeProp(k)) + ' '), linkButton(other),
      el('span', { class: 'meta' }, detailsText(k)));
  }));
  if (rows.length > LINKS_SHOWN) list.append(el('li', { class: 'meta' }, ui('more') + ' ' + (rows.length - LINKS_SHOWN)));
  return section(ui('links') + ' (' + rows.length + ')', list);
}

function labelsSection(i, d) {
  const dl = el('dl');
  const labels = typeof NL[i] === 'string' ? { '': NL[i] } : NL[i];
  Object.entries(labels).forEach(function (kv) { dl.append(el('dt', null, kv[0] || '—'), el('dd', null, kv[1])); });
  const out = section(ui('labels'), dl);
  if (d.alt.length) out.push(el('h3', null, ui('altLabels')), el('ul', null, ...d.alt.map(function (a) { return el('li', null, a); })));
  return out;
}

function nodePanel(i) {
  const d = details(i);
  const head = [el('h2', { id: 'panel-title', tabindex: '-1' }, nodeLabel(i)),
    el('div', { class: 'cls' }, swatch(NC[i]), classLabel(NC[i])), el('div', { class: 'iri' }, d.iri)];
  return head.concat(sourcesSection(d), propsSection(d), linksSection(i), labelsSection(i, d));
}

function groupPanel(g) {
  const members = Array.from(GROUP_MEMBERS.subarray(GROUP_START[g], GROUP_START[g + 1]));
  const expand = el('button', { class: 'primary', type: 'button', onclick: function () { expandGroup(g); } }, ui('expand'));
  const list = el('ul', null, ...members.slice(0, MEMBERS_SHOWN).map(function (i) { return el('li', null, swatch(NC[i]), ' ', linkButton(i)); }));
  if (members.length > MEMBERS_SHOWN) list.append(el('li', { class: 'meta' }, ui('more') + ' ' + (members.length - MEMBERS_SHOWN)));
  return [el('h2', { id: 'panel-title', tabindex: '-1' }, ui('group') + ': ' + groupLabel(g)),
    el('div', { class: 'meta' }, members.length + ' ' + ui('nodes')), expand].concat(section(ui('members'), list));
}

// A name the page does not hold (a big graph's overview): what it is and the command that shows it.
function namePanel(k) {
  const label = pick(NAMES.l[k]);
  return [el('h2', { id: 'panel-title', tabindex: '-1' }, label), el('div', { class: 'cls' }, swatch(NAMES.c[k]), classLabel(NAMES.c[k])),
    el('div', { class: 'iri' }, NAMES.i[k]), el('p', null, ui('notEmbedded')), el('code', { class: 'cmd' }, 'kg page GRAPH --focus ' + NAMES.i[k] + ' --out PAGE.html')];
}

function showPanel(id) {
  const body = document.getElementById('panel-body');
  const panel = document.getElementById('panel');
  if (typeof id === 'string' && id[0] === 'g') body.replaceChildren(...groupPanel(Number(id.slice(1))));
  else if (typeof id === 'string' && id[0] === 'x') body.replaceChildren(...namePanel(Number(id.slice(1))));
  else body.replaceChildren(...nodePanel(id));
  panel.hidden = false;
  panel.scrollTop = 0;
  window.hckg.panelFor = id;
  document.getElementById('panel-title').focus({ preventScroll: true });
}

function hidePanel() {
  const panel = document.getElementById('panel');
  const had = !panel.hidden;
  panel.hidden = true;
  window.hckg.panelFor = null;
  if (had) canvas.focus({ preventScroll: true });
}
