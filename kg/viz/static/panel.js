// panel.js — the side panel: a node's class, labels, properties, links and source sentences; a group's members.
const LINKS_SHOWN = 80;
const MEMBERS_SHOWN = 60;

function section(title, body) { return [el('h3', null, title), body]; }

function linkButton(i) {
  return el('button', { class: 'link', type: 'button', onclick: function () { focusNode(i); } }, nodeLabel(i));
}

function labelsSection(i) {
  const dl = el('dl');
  Object.entries(N[i].l).forEach(function (kv) { dl.append(el('dt', null, kv[0] || '—'), el('dd', null, kv[1])); });
  const out = section(ui('labels'), dl);
  if (N[i].a.length) out.push(el('h3', null, ui('altLabels')), el('ul', null, ...N[i].a.map(function (a) { return el('li', null, a); })));
  return out;
}

function propsSection(i) {
  if (!N[i].p.length) return [];
  const dl = el('dl');
  N[i].p.forEach(function (pv) { dl.append(el('dt', null, propLabel(pv[0])), el('dd', null, valueText(pv[1]))); });
  return section(ui('properties'), dl);
}

function detailsText(details) {
  if (!details.length) return null;
  return ' (' + details.map(function (d) { return propLabel(d[0]) + ': ' + valueText(d[1]); }).join(', ') + ')';
}

function linkRow(i, k) {
  const e = E[k];
  const out = e[0] === i;
  const other = out ? e[1] : e[0];
  const prop = el('span', { class: 'prop' }, (out ? '→ ' : '← ') + propLabel(edgeProp(e)) + ' ');
  return el('li', null, prop, linkButton(other), el('span', { class: 'meta' }, detailsText(e[3])));
}

function linksSection(i) {
  const rows = ADJ[i].slice().sort(function (a, b) { return isArticleEdge(E[a]) - isArticleEdge(E[b]); });
  if (!rows.length) return [];
  const list = el('ul', null, ...rows.slice(0, LINKS_SHOWN).map(function (k) { return linkRow(i, k); }));
  if (rows.length > LINKS_SHOWN) list.append(el('li', { class: 'meta' }, ui('more') + ' ' + (rows.length - LINKS_SHOWN)));
  return section(ui('links') + ' (' + rows.length + ')', list);
}

function articleName(a) {
  if (a < 0) return '?';
  const file = N[a].p.find(function (pv) { return pv[0] === 'hc:sourceFile'; });
  const name = nodeLabel(a);
  return file && file[1] !== name ? name + ' — ' + file[1] : name;
}

function sourceBlock(s) {
  const art = s[1] >= 0 ? el('button', { class: 'link art', type: 'button', onclick: function () { focusNode(s[1]); } }, articleName(s[1]))
    : el('span', { class: 'art' }, '?');
  const where = (s[0] === 0 ? ui('evidence') + ' · ' : '') + (s[3] >= 0 ? '[' + s[3] + '–' + s[4] + ']' : '');
  return el('div', { class: 'source' }, art, el('blockquote', null, s[2]), el('div', { class: 'meta' }, where));
}

function sourcesSection(i) {
  const n = N[i];
  const body = el('div', { class: 'sources' });
  if (!n.s.length) body.append(el('div', { class: 'meta' }, ui('noSources')));
  n.s.forEach(function (s) { body.append(sourceBlock(s)); });
  if (n.n > n.s.length) body.append(el('div', { class: 'meta' }, ui('more') + ' ' + (n.n - n.s.length)));
  return section(ui('sources') + ' (' + n.n + ')', body);
}

function nodePanel(i) {
  const head = [el('h2', null, nodeLabel(i)), el('div', { class: 'cls' }, swatch(N[i].c), classLabel(N[i].c)),
    el('div', { class: 'iri' }, N[i].i)];
  return head.concat(sourcesSection(i), propsSection(i), linksSection(i), labelsSection(i));
}

function groupPanel(id) {
  const members = nodesDS.get(id).members;
  const k = Number(id.slice(1));
  const expand = el('button', { class: 'primary', type: 'button', onclick: function () { expandGroup(k); } }, ui('expand'));
  const list = el('ul', null, ...members.slice(0, MEMBERS_SHOWN).map(function (i) { return el('li', null, swatch(N[i].c), ' ', linkButton(i)); }));
  if (members.length > MEMBERS_SHOWN) list.append(el('li', { class: 'meta' }, ui('more') + ' ' + (members.length - MEMBERS_SHOWN)));
  return [el('h2', null, ui('group') + ': ' + nodeLabel(members[0])), el('div', { class: 'meta' }, members.length + ' ' + ui('nodes')),
    expand].concat(section(ui('members'), list));
}

function showPanel(id) {
  const body = document.getElementById('panel-body');
  body.replaceChildren(...(typeof id === 'string' ? groupPanel(id) : nodePanel(id)));
  document.getElementById('panel').hidden = false;
  document.getElementById('panel').scrollTop = 0;
  window.hckg.panelFor = id;
}

function hidePanel() {
  document.getElementById('panel').hidden = true;
  window.hckg.panelFor = null;
}
