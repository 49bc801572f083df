// util.js — meta data, state and helpers shared by the page's scripts. Data is never inserted as HTML.
const T0 = performance.now();
const META = JSON.parse(document.getElementById('hckg-meta').textContent);
const CLASSES = META.classes;
const ARTICLE_CLASS = CLASSES.findIndex(function (c) { return c.key === 'Article'; });
const COUNT = META.count;
const NC = new Uint8Array(COUNT);          // class
const NX = new Float64Array(COUNT);        // position
const NY = new Float64Array(COUNT);
const NV = new Int32Array(COUNT);          // degree (importance)
const NG = new Int32Array(COUNT);          // group
const NL = new Array(COUNT);               // labels: a string or {lang: text}
const ND = new Array(COUNT);               // dates [start, end] or 0
const NS = new Array(COUNT);               // search entry ' token stem …'
let EDGES = new Int32Array(0);             // source, target, property, per edge
const EDGE_X = {};                         // edge -> details
const EDGE_D = {};                         // edge -> [start, end] (tenures)
let NAMES = null;                          // name index of nodes left out of the page (big graphs)
let MAX_V = 1;
const state = {
  lang: META.lang, classOn: new Set(CLASSES.map(function (c, i) { return i; })), article: -1,
  clustered: META.reduced, expanded: new Set(), pinned: new Set(), selected: null, from: '', to: '', loaded: false, viewReady: false, stable: false,
};

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

let LANG_ORDER = null;
function pick(labels, lang) {
  if (typeof labels === 'string') return labels;
  if (!labels) return '';
  if (lang && lang !== state.lang) { if (labels[lang]) return labels[lang]; }
  if (!LANG_ORDER || LANG_ORDER[0] !== state.lang) LANG_ORDER = [state.lang].concat(META.langs, ['']);
  for (let k = 0; k < LANG_ORDER.length; k++) { const v = labels[LANG_ORDER[k]]; if (v) return v; }
  const any = Object.values(labels || {});
  return any.length ? any[0] : '';
}

function allNames(labels) { return typeof labels === 'string' ? [labels] : Object.values(labels || {}); }
function ui(key) { return META.ui[state.lang][key] || META.ui.en[key] || key; }
function nodeLabel(i) { return pick(NL[i]) || '?'; }
function groupLabel(g) { return pick(META.groups[g][0]); }
function classLabel(c) { return pick(CLASSES[c].labels); }
function propLabel(key) { return pick(META.props[key]) || key; }
function edgeProp(k) { return META.propKeys[EDGES[3 * k + 2]]; }
function isArticleEdge(k) { return NC[EDGES[3 * k]] === ARTICLE_CLASS || NC[EDGES[3 * k + 1]] === ARTICLE_CLASS; }
function short(text, max) { return text.length > max ? text.slice(0, max - 1) + '…' : text; }

function valueText(value) {
  if (typeof value !== 'string') return pick(value);
  if (value === 'true') return ui('yes');
  if (value === 'false') return ui('no');
  return value;
}

function swatch(c) {
  const s = el('span', { class: 'swatch ' + CLASSES[c].shape, 'aria-hidden': 'true' });
  s.style.background = CLASSES[c].color;
  return s;
}

function inRange(dates) {
  if (!dates) return true;
  const from = state.from || '0000', to = state.to || '9999-12-31';
  return dates[1] >= from && dates[0] <= to;
}

// One task per step: the page never holds the main thread for long (each step is a chunk of work).
function runSteps(steps, done) {
  let k = 0;
  function next() {
    if (k >= steps.length) { done(); return; }
    steps[k++]();
    setTimeout(next, 0);
  }
  setTimeout(next, 0);
}
