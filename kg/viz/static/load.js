// load.js — parses the data blocks one per task (nodes, edges, adjacency), so loading never freezes the page.
let ADJ_START = new Int32Array(COUNT + 1);
let ADJ = new Int32Array(0);               // edge indices around each node (CSR)
let GROUP_START = null;
let GROUP_MEMBERS = null;                  // node indices per group, most connected first
let ORDER = null;                          // node indices, most connected first
const DETAIL_CHUNKS = new Map();

function block(id) { return JSON.parse(document.getElementById(id).textContent); }

function loadNodes(k) {
  const part = block('hckg-n' + k);
  const lo = k * META.chunk;
  for (let j = 0; j < part.c.length; j++) {
    const i = lo + j;
    NC[i] = part.c[j]; NX[i] = part.x[j]; NY[i] = part.y[j]; NV[i] = part.v[j]; NG[i] = part.g[j];
    NL[i] = part.l[j]; ND[i] = part.d[j]; NS[i] = part.s[j];
    if (NV[i] > MAX_V) MAX_V = NV[i];
  }
}

const edgeParts = [];
function loadEdges(k) {
  const part = block('hckg-e' + k);
  edgeParts.push(part.e);
  Object.assign(EDGE_X, part.x);
  Object.assign(EDGE_D, part.d);
}

function joinEdges() {
  let total = 0;
  edgeParts.forEach(function (p) { total += p.length; });
  EDGES = new Int32Array(total);
  let at = 0;
  edgeParts.forEach(function (p) { EDGES.set(p, at); at += p.length; });
  edgeParts.length = 0;
}

function buildAdjacency() {
  const m = EDGES.length / 3;
  const count = new Int32Array(COUNT + 1);
  for (let k = 0; k < m; k++) { count[EDGES[3 * k]]++; count[EDGES[3 * k + 1]]++; }
  ADJ_START = new Int32Array(COUNT + 1);
  for (let i = 0; i < COUNT; i++) ADJ_START[i + 1] = ADJ_START[i] + count[i];
  ADJ = new Int32Array(ADJ_START[COUNT]);
  const fill = ADJ_START.slice(0, COUNT);
  for (let k = 0; k < m; k++) { ADJ[fill[EDGES[3 * k]]++] = k; ADJ[fill[EDGES[3 * k + 1]]++] = k; }
}

function buildOrder() {
  ORDER = new Int32Array(COUNT);
  for (let i = 0; i < COUNT; i++) ORDER[i] = i;
  ORDER.sort(function (a, b) { return NV[b] - NV[a] || a - b; });
  const groups = META.groups.length;
  GROUP_START = new Int32Array(groups + 1);
  for (let i = 0; i < COUNT; i++) GROUP_START[NG[i] + 1]++;
  for (let g = 0; g < groups; g++) GROUP_START[g + 1] += GROUP_START[g];
  GROUP_MEMBERS = new Int32Array(COUNT);
  const fill = GROUP_START.slice(0, groups);
  for (let r = 0; r < COUNT; r++) { const i = ORDER[r]; GROUP_MEMBERS[fill[NG[i]]++] = i; }
}

function neighbours(i) {
  const out = [];
  for (let a = ADJ_START[i]; a < ADJ_START[i + 1]; a++) {
    const k = ADJ[a];
    out.push(EDGES[3 * k] === i ? EDGES[3 * k + 1] : EDGES[3 * k]);
  }
  return out;
}

// A node's details (IRI, other names, properties, sources) are parsed only when its panel opens.
function details(i) {
  const k = Math.floor(i / META.detailChunk);
  if (!DETAIL_CHUNKS.has(k)) DETAIL_CHUNKS.set(k, block('hckg-d' + k));
  const d = DETAIL_CHUNKS.get(k)[i - k * META.detailChunk];
  return { iri: d[0], alt: d[1], props: d[2], sources: d[3], total: d[4] };
}

function loadAll(done) {
  const steps = [];
  for (let k = 0; k < META.chunks[0]; k++) steps.push(loadNodes.bind(null, k));
  for (let k = 0; k < META.chunks[1]; k++) steps.push(loadEdges.bind(null, k));
  steps.push(joinEdges, buildAdjacency, buildOrder, function () { NODE_TEXT = searchText(NS); });
  if (document.getElementById('hckg-names')) {
    steps.push(function () { NAMES = block('hckg-names'); }, function () { NAME_TEXT = searchText(NAMES.s); });
  }
  runSteps(steps, done);
}
