// controls.js — legend (doubles as the class filter), article filter, language, expand/collapse buttons.
function classCounts() {
  const counts = CLASSES.map(function () { return 0; });
  N.forEach(function (n) { counts[n.c]++; });
  return counts;
}
const CLASS_COUNTS = classCounts();

function legendRow(c) {
  const box = el('input', { type: 'checkbox', 'data-class': String(c) });
  box.checked = state.classOn.has(c);
  box.addEventListener('change', function () {
    if (box.checked) state.classOn.add(c); else state.classOn.delete(c);
    clearSelection();
    refresh();
  });
  return el('label', null, box, swatch(c), el('span', null, classLabel(c)), el('span', { class: 'count' }, String(CLASS_COUNTS[c])));
}

function buildLegend() {
  const rows = CLASSES.map(function (c, i) { return i; }).filter(function (i) { return CLASS_COUNTS[i] > 0; }).map(legendRow);
  document.getElementById('legend').replaceChildren(el('h2', null, ui('classes')), ...rows, el('div', { class: 'note' }, ui('articleEdge')));
}

function buildArticleSelect() {
  const select = document.getElementById('article');
  const articles = Array.from(MEMBERS.keys()).filter(function (a) { return N[a].c === ARTICLE_CLASS; });
  articles.sort(function (a, b) { return nodeLabel(a).localeCompare(nodeLabel(b)); });
  const options = [new Option(ui('allArticles'), '-1')].concat(articles.map(function (a) { return new Option(short(nodeLabel(a), 70), String(a)); }));
  select.replaceChildren(...options);
  select.value = String(state.article);
  select.hidden = articles.length === 0;
}

function buildLangSelect() {
  const select = document.getElementById('lang');
  select.replaceChildren(...DATA.langs.map(function (l) { return new Option(l, l); }));
  select.value = state.lang;
  select.title = ui('language');
}

function syncControls() {
  document.querySelectorAll('#legend input[data-class]').forEach(function (box) { box.checked = state.classOn.has(Number(box.dataset.class)); });
  document.getElementById('article').value = String(state.article);
  document.getElementById('expand-all').hidden = !state.clustered;
  document.getElementById('collapse').hidden = state.clustered || !DATA.reduced;
}

function applyTexts() {
  document.documentElement.lang = state.lang;
  document.getElementById('title').textContent = ui('title');
  document.title = ui('title');
  document.getElementById('search').placeholder = ui('search');
  document.getElementById('expand-all').textContent = ui('expandAll');
  document.getElementById('collapse').textContent = ui('collapse');
  document.getElementById('panel-close').title = ui('close');
  buildLegend();
  buildArticleSelect();
  buildLangSelect();
  syncControls();
}

function onArticle(ev) {
  state.article = Number(ev.target.value);
  clearSelection();
  refresh();
  network.fit({ animation: false });
}

function onLang(ev) {
  state.lang = ev.target.value;
  applyTexts();
  refresh();
  if (state.selected !== null && nodesDS.get(state.selected)) select(state.selected);
}

function setClustered(on) {
  state.clustered = on;
  state.expanded.clear();
  clearSelection();
  syncControls();
  refresh();
  network.fit({ animation: false });
}

function setupControls() {
  applyTexts();
  document.getElementById('article').addEventListener('change', onArticle);
  document.getElementById('lang').addEventListener('change', onLang);
  document.getElementById('expand-all').addEventListener('click', function () { setClustered(false); });
  document.getElementById('collapse').addEventListener('click', function () { setClustered(true); });
  document.getElementById('panel-close').addEventListener('click', clearSelection);
}
