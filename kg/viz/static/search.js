// search.js — case-insensitive search over every label and altLabel, in any language (Cyrillic, Kazakh letters).
const SEARCH_INDEX = N.map(function (n) { return norm(Object.values(n.l).concat(n.a).join('\n')); });
const RESULTS_SHOWN = 15;
let activeResult = -1;

function searchNodes(query) {
  const q = norm(query.trim());
  if (!q) return [];
  const hits = [];
  SEARCH_INDEX.forEach(function (text, i) {
    const at = text.indexOf(q);
    if (at < 0) return;
    const rank = at === 0 || text[at - 1] === '\n' ? 0 : /[\s"«(-]/.test(text[at - 1]) ? 1 : 2;
    hits.push([N[i].c === ARTICLE_CLASS ? 1 : 0, rank, -N[i].v, i]);  // entities before articles
  });
  hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]; });
  return hits.slice(0, RESULTS_SHOWN).map(function (h) { return h[3]; });
}

function matchedName(i, query) {
  const q = norm(query.trim());
  const names = Object.values(N[i].l).concat(N[i].a);
  const hit = names.find(function (name) { return norm(name).indexOf(q) >= 0; });
  return hit && hit !== nodeLabel(i) ? hit : null;
}

function resultItem(i, query) {
  const alt = matchedName(i, query);
  return el('li', { 'data-node': String(i), onmousedown: function (ev) { ev.preventDefault(); chooseResult(i); } },
    swatch(N[i].c), el('span', null, nodeLabel(i)), alt ? el('span', { class: 'alt' }, alt) : null);
}

function showResults(query) {
  const list = document.getElementById('results');
  const found = searchNodes(query);
  activeResult = found.length ? 0 : -1;
  list.replaceChildren(...(found.length ? found.map(function (i) { return resultItem(i, query); })
    : [el('li', { class: 'empty' }, ui('noResults'))]));
  if (found.length) list.firstChild.classList.add('active');
  list.hidden = !query.trim();
}

function moveActive(step) {
  const items = document.querySelectorAll('#results li[data-node]');
  if (!items.length) return;
  if (activeResult >= 0) items[activeResult].classList.remove('active');
  activeResult = (activeResult + step + items.length) % items.length;
  items[activeResult].classList.add('active');
}

function chooseResult(i) {
  document.getElementById('results').hidden = true;
  focusNode(i);
}

function onSearchKey(ev) {
  if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') { ev.preventDefault(); moveActive(ev.key === 'ArrowDown' ? 1 : -1); }
  else if (ev.key === 'Escape') document.getElementById('results').hidden = true;
  else if (ev.key === 'Enter') {
    const items = document.querySelectorAll('#results li[data-node]');
    if (items.length) chooseResult(Number(items[Math.max(activeResult, 0)].dataset.node));
  }
}

function setupSearch() {
  const input = document.getElementById('search');
  input.addEventListener('input', function () { showResults(input.value); });
  input.addEventListener('keydown', onSearchKey);
  input.addEventListener('focus', function () { if (input.value.trim()) showResults(input.value); });
  input.addEventListener('blur', function () { document.getElementById('results').hidden = true; });
}
