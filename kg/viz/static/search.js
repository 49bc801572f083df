// search.js — finds a name by any inflected form: the query is normalized and stemmed exactly as the Python
// index was (kg/viz/textindex.py; endings from the page's data), and each query stem must start a token or stem.
const STEM = META.stem;
const FOLD = new Map(Array.from(STEM.fold[0]).map(function (ch, k) { return [ch, STEM.fold[1][k]]; }));
const RESULTS_SHOWN = 15;
let activeResult = -1;
let lastResults = [];

function normalizeText(text) {
  return String(text).normalize('NFC').toLowerCase().replace(/./gu, function (ch) { return FOLD.get(ch) || ch; });
}

function stem(token) {
  for (let pass = 0; pass < 2; pass++) {
    const ending = STEM.endings.find(function (e) { return token.endsWith(e) && token.length - e.length >= STEM.min; });
    if (!ending) break;
    token = token.slice(0, token.length - ending.length);
  }
  return token;
}

function tokensOf(text) { return normalizeText(text).match(/[\p{L}\p{N}]+/gu) || []; }

// -1: no match; 0: a name equals the query; 1: a name starts with it; 2: every query word is a word of the
// names; 3: every query word's stem starts a word or stem of the names.
function matchRank(entry, names, stems, words, whole) {
  for (const s of stems) if (entry.indexOf(' ' + s) < 0) return -1;
  let rank = words.every(function (w) { return (entry + ' ').indexOf(' ' + w + ' ') >= 0; }) ? 2 : 3;
  for (const name of names) {
    const n = normalizeText(name);
    if (n === whole) return 0;
    if (n.startsWith(whole)) rank = 1;
  }
  return rank;
}

// The name (any language) that matched, when it is not the label shown.
function matchedName(names, stems) {
  return names.find(function (name) {
    const entry = ' ' + tokensOf(name).concat(tokensOf(name).map(stem)).join(' ');
    return stems.every(function (s) { return entry.indexOf(' ' + s) >= 0; });
  });
}

// Entries joined into one text, so a query scans it with indexOf (fast even over hundreds of thousands of names).
function searchText(entries) {
  const starts = new Int32Array(entries.length + 1);
  let at = 0;
  for (let k = 0; k < entries.length; k++) { starts[k] = at; at += entries[k].length + 1; }
  starts[entries.length] = at;
  return { text: entries.join('\n'), starts: starts };
}

function entryAt(idx, pos) {
  let lo = 0, hi = idx.starts.length - 2;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (idx.starts[mid] <= pos) lo = mid; else hi = mid - 1; }
  return lo;
}

// Entries holding ' ' + key, in order.
function candidates(idx, key) {
  const out = [];
  let from = 0;
  for (;;) {
    const pos = idx.text.indexOf(' ' + key, from);
    if (pos < 0) return out;
    const k = entryAt(idx, pos);
    out.push(k);
    from = idx.starts[k + 1];
  }
}

let NODE_TEXT = null, NAME_TEXT = null;

// Results: [rank, -degree, kind, index]; kind 0 = a node on the page, 1 = a name of the index only.
function searchAll(query) {
  const words = tokensOf(query);
  const stems = words.map(stem);
  if (!stems.length) return [];
  const whole = normalizeText(query.trim());
  const hits = [];
  const key = stems.reduce(function (a, b) { return b.length > a.length ? b : a; });
  if (!NODE_TEXT) NODE_TEXT = searchText(NS);
  candidates(NODE_TEXT, key).forEach(function (i) {
    const r = matchRank(NS[i], allNames(NL[i]), stems, words, whole);
    if (r >= 0) hits.push([r + (NC[i] === ARTICLE_CLASS ? 4 : 0), -NV[i], 0, i]);
  });
  if (NAMES) {
    if (!NAME_TEXT) NAME_TEXT = searchText(NAMES.s);
    candidates(NAME_TEXT, key).forEach(function (k) {
      const r = matchRank(NAMES.s[k], allNames(NAMES.l[k]), stems, words, whole);
      if (r >= 0) hits.push([r + 8, 0, 1, k]);
    });
  }
  hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]; });
  return hits.slice(0, RESULTS_SHOWN).map(function (h) { return h[2] ? 'x' + h[3] : h[3]; });
}

function resultItem(query, id, n) {
  const inPage = typeof id === 'number';
  const labels = inPage ? NL[id] : NAMES.l[Number(id.slice(1))];
  const label = pick(labels);
  const cls = inPage ? NC[id] : NAMES.c[Number(id.slice(1))];
  const other = matchedName(allNames(labels), tokensOf(query).map(stem));
  return el('li', { id: 'result-' + n, role: 'option', 'aria-selected': 'false', 'data-node': String(id),
    onmousedown: function (ev) { ev.preventDefault(); chooseResult(id); } },
    swatch(cls), el('span', null, label), other && other !== label ? el('span', { class: 'alt' }, other) : null,
    inPage ? null : el('span', { class: 'alt' }, ui('notInView')));
}

function setActive(n) {
  const items = document.querySelectorAll('#results li[role=option]');
  items.forEach(function (li, k) { li.setAttribute('aria-selected', k === n ? 'true' : 'false'); li.classList.toggle('active', k === n); });
  activeResult = n;
  const input = document.getElementById('search');
  if (n >= 0 && items[n]) input.setAttribute('aria-activedescendant', items[n].id);
  else input.removeAttribute('aria-activedescendant');
}

function showResults(query) {
  const list = document.getElementById('results');
  const input = document.getElementById('search');
  lastResults = searchAll(query);
  list.replaceChildren(...(lastResults.length ? lastResults.map(function (id, n) { return resultItem(query, id, n); })
    : [el('li', { class: 'empty', role: 'presentation' }, ui('noResults'))]));
  list.hidden = !query.trim();
  input.setAttribute('aria-expanded', list.hidden ? 'false' : 'true');
  setActive(lastResults.length ? 0 : -1);
}

function closeResults() {
  document.getElementById('results').hidden = true;
  document.getElementById('search').setAttribute('aria-expanded', 'false');
}

function chooseResult(id) {
  closeResults();
  if (typeof id === 'number') focusNode(id);
  else select(id);
}

function onSearchKey(ev) {
  const n = lastResults.length;
  if ((ev.key === 'ArrowDown' || ev.key === 'ArrowUp') && n) { ev.preventDefault(); setActive((activeResult + (ev.key === 'ArrowDown' ? 1 : -1) + n) % n); }
  else if (ev.key === 'Escape') { ev.stopPropagation(); closeResults(); }
  else if (ev.key === 'Enter' && n && !document.getElementById('results').hidden) chooseResult(lastResults[Math.max(activeResult, 0)]);
}

function setupSearch() {
  const input = document.getElementById('search');
  input.addEventListener('input', function () { showResults(input.value); });
  input.addEventListener('keydown', onSearchKey);
  input.addEventListener('focus', function () { if (input.value.trim()) showResults(input.value); });
  input.addEventListener('blur', closeResults);
}
