// controls.js — legend (doubles as the class filter), article filter, period, language, group / show all.
const MAX_ARTICLE_OPTIONS = 2000;

function classCounts() {
  const counts = CLASSES.map(function () { return 0; });
  for (let i = 0; i < COUNT; i++) counts[NC[i]]++;
  return counts;
}
let CLASS_COUNTS = CLASSES.map(function () { return 0; });

function legendRow(c) {
  const box = el('input', { type: 'checkbox', 'data-class': String(c), id: 'class-' + c });
  box.checked = state.classOn.has(c);
  box.addEventListener('change', function () {
    if (box.checked) state.classOn.add(c); else state.classOn.delete(c);
    clearSelection();
    refresh();
  });
  return el('div', { class: 'row' }, box, el('label', { for: 'class-' + c }, swatch(c), el('span', null, classLabel(c))),
    el('span', { class: 'count' }, String(CLASS_COUNTS[c])));
}

function buildLegend() {
  const rows = CLASSES.map(function (c, i) { return i; }).filter(function (i) { return CLASS_COUNTS[i] > 0; }).map(legendRow);
  document.getElementById('legend').replaceChildren(el('h2', { id: 'legend-title' }, ui('classes')), ...rows,
    el('div', { class: 'note' }, ui('articleEdge')));
}

function buildArticleSelect() {
  const select = document.getElementById('article');
  const articles = [];
  for (let i = 0; i < COUNT; i++) if (NC[i] === ARTICLE_CLASS) articles.push(i);
  articles.sort(function (a, b) { return NV[b] - NV[a] || a - b; });
  const shown = articles.slice(0, MAX_ARTICLE_OPTIONS).map(function (a) { return [nodeLabel(a), a]; });
  shown.sort(function (x, y) { return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]; });
  const options = [new Option(ui('allArticles'), '-1')].concat(shown.map(function (r) { return new Option(short(r[0], 70), String(r[1])); }));
  select.replaceChildren(...options);
  select.value = String(state.article);
  select.hidden = articles.length === 0;
  document.querySelector('label[for=article]').hidden = articles.length === 0;
}

function buildLangSelect() {
  const select = document.getElementById('lang');
  select.replaceChildren(...META.langs.map(function (l) { return new Option(l, l); }));
  select.value = state.lang;
}

function syncControls() {
  document.querySelectorAll('#legend input[data-class]').forEach(function (box) { box.checked = state.classOn.has(Number(box.dataset.class)); });
  document.getElementById('article').value = String(state.article);
  document.getElementById('from').value = state.from;
  document.getElementById('to').value = state.to;
  document.getElementById('expand-all').hidden = !state.clustered;
  document.getElementById('collapse').hidden = state.clustered || !META.reduced;
}

function applyTexts() {
  document.documentElement.lang = state.lang;
  document.getElementById('title').textContent = ui('title');
  document.title = ui('title');
  const texts = { 'search-label': 'searchLabel', 'article-label': 'articleLabel', 'lang-label': 'language',
    'from-label': 'from', 'to-label': 'to', 'expand-all': 'expandAll', 'collapse': 'collapse', 'fit': 'fit' };
  Object.entries(texts).forEach(function (kv) { document.getElementById(kv[0]).textContent = ui(kv[1]); });
  document.getElementById('search').placeholder = ui('search');
  document.getElementById('results').setAttribute('aria-label', ui('results'));
  document.getElementById('panel-close').setAttribute('aria-label', ui('close'));
  document.getElementById('panel').setAttribute('aria-label', ui('details'));
  document.getElementById('legend').setAttribute('aria-label', ui('classes'));
  canvas.setAttribute('aria-label', ui('canvas'));
  buildLegend();
  buildArticleSelect();
  buildLangSelect();
  syncControls();
}

function setClustered(on) {
  state.clustered = on;
  state.expanded.clear();
  state.pinned.clear();
  clearSelection();
  syncControls();
  computeView();
  fitView();
}

function onPeriod() {
  state.from = document.getElementById('from').value;
  state.to = document.getElementById('to').value;
  clearSelection();
  refresh();
}

function setupControls() {
  CLASS_COUNTS = classCounts();
  applyTexts();
  document.getElementById('article').addEventListener('change', function (ev) {
    setArticle(Number(ev.target.value));
    clearSelection();
    computeView();
    fitView();
  });
  document.getElementById('lang').addEventListener('change', function (ev) {
    state.lang = ev.target.value;
    applyTexts();
    refresh();
    if (state.selected !== null) showPanel(state.selected);
  });
  document.getElementById('from').addEventListener('change', onPeriod);
  document.getElementById('to').addEventListener('change', onPeriod);
  document.getElementById('expand-all').addEventListener('click', function () { setClustered(false); });
  document.getElementById('collapse').addEventListener('click', function () { setClustered(true); });
  document.getElementById('fit').addEventListener('click', fitView);
  document.getElementById('panel-close').addEventListener('click', clearSelection);
}
