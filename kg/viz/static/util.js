// util.js — data, state and helpers shared by the page's scripts. Data is never inserted as HTML.
const T0 = performance.now();
const DATA = JSON.parse(document.getElementById('hckg-data').textContent);
const N = DATA.nodes;
const E = DATA.edges;
const CLASSES = DATA.classes;
const ARTICLE_CLASS = CLASSES.findIndex(function (c) { return c.key === 'Article'; });
const MAX_VALUE = N.reduce(function (m, n) { return Math.max(m, n.v); }, 0) || 1;
const state = {
  lang: DATA.lang,
  classOn: new Set(CLASSES.map(function (c, i) { return i; })
    .filter(function (i) { return !DATA.reduced || CLASSES[i].core; })),
  article: -1,
  clustered: DATA.reduced,
  expanded: new Set(),
  selected: null,
  stable: false,
};
const ADJ = N.map(function () { return []; });
E.forEach(function (e, k) { ADJ[e[0]].push(k); if (e[1] !== e[0]) ADJ[e[1]].push(k); });
const MEMBERS = new Map();
N.forEach(function (n, i) {
  if (n.c === ARTICLE_CLASS) addMember(i, i);
  n.r.forEach(function (a) { addMember(a, i); });
});

const CENTER = new Map();
N.forEach(function (n) {
  const c = CENTER.get(n.k) || { x: 0, y: 0, count: 0 };
  c.x += n.x; c.y += n.y; c.count++;
  CENTER.set(n.k, c);
});
CENTER.forEach(function (c) { c.x /= c.count; c.y /= c.count; });

function addMember(article, i) {
  if (!MEMBERS.has(article)) MEMBERS.set(article, new Set());
  MEMBERS.get(article).add(i);
}

function el(tag, attrs) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(function (kv) {
    if (kv[0] === 'class') node.className = kv[1];
    else if (kv[0].slice(0, 2) === 'on') node.addEventListener(kv[0].slice(2), kv[1]);
    else node.setAttribute(kv[0], kv[1]);
  });
  for (let k = 2; k < arguments.length; k++) {
    const child = arguments[k];
    if (child !== null && child !== undefined) node.append(child);  // strings become text nodes
  }
  return node;
}

function pick(labels, lang) {
  const order = [lang || state.lang].concat(DATA.langs, ['']);
  for (const key of order) if (labels && labels[key]) return labels[key];
  const any = Object.values(labels || {});
  return any.length ? any[0] : '';
}

function ui(key) { return DATA.ui[state.lang][key] || DATA.ui.en[key] || key; }
function nodeLabel(i) { return pick(N[i].l) || N[i].i; }
function classLabel(c) { return pick(CLASSES[c].labels); }
function propLabel(key) { return pick(DATA.props[key]) || key; }
function edgeProp(e) { return DATA.propKeys[e[2]]; }
function isArticleEdge(e) { return N[e[0]].c === ARTICLE_CLASS || N[e[1]].c === ARTICLE_CLASS; }
function short(text, max) { return text.length > max ? text.slice(0, max - 1) + '…' : text; }
function norm(text) { return String(text).normalize('NFC').toLowerCase().replace(/ё/g, 'е'); }

function valueText(value) {
  if (typeof value !== 'string') return pick(value);
  if (value === 'true') return ui('yes');
  if (value === 'false') return ui('no');
  return value;
}

function swatch(c) {
  const s = el('span', { class: 'swatch ' + CLASSES[c].shape });
  s.style.background = CLASSES[c].color;
  return s;
}

function distance(a, b) { return Math.sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)); }

function nodeSize(i) { return 10 + 24 * Math.sqrt(N[i].v / MAX_VALUE); }
