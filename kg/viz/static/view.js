// view.js — which nodes and edges are on screen: class filter, article filter, clusters of the reduced view.
const nodesDS = new vis.DataSet();
const edgesDS = new vis.DataSet();
const EDGE_LABELS_UP_TO = 600;
let network = null;
const GROUP_EDGES_PER_GROUP = 3;
let edgeLabelsOn = true;

function repOf(i) {
  const n = N[i];
  if (!state.classOn.has(n.c)) return null;
  if (state.article >= 0) return MEMBERS.get(state.article).has(i) ? i : null;
  if (state.clustered && !state.expanded.has(n.k)) return 'c' + n.k;
  return i;
}

function nodeColor(id) {
  if (typeof id === 'string') return { background: DATA.colors.cluster, border: '#444', highlight: { background: '#444', border: '#222' } };
  const color = CLASSES[N[id].c].color;
  return { background: color, border: '#555', highlight: { background: color, border: '#000' }, hover: { background: color, border: '#000' } };
}

function nodeItem(i) {
  const size = nodeSize(i);
  return { id: i, label: short(nodeLabel(i), 48), shape: CLASSES[N[i].c].shape, size: size,
    color: nodeColor(i), font: { size: 11 + size / 4, color: '#222' }, borderWidth: 1 };
}

function clusterItem(id, members) {
  members.sort(function (a, b) { return N[b].v - N[a].v; });
  const size = DATA.layered ? 20 * Math.sqrt(members.length) : 14 + 6 * Math.log2(members.length);
  return { id: id, members: members, label: short(nodeLabel(members[0]), 36) + ' · ' + members.length,
    shape: 'dot', size: size, color: nodeColor(id), font: { size: Math.max(14, size / 2.5), color: '#222' }, borderWidth: 2 };
}

function edgeItem(k) {
  const e = E[k];
  const art = isArticleEdge(e);
  return { id: 'e' + k, from: e[0], to: e[1], label: edgeLabelsOn ? propLabel(edgeProp(e)) : '',
    length: DATA.layered ? Math.max(80, distance(N[e[0]], N[e[1]])) : undefined,
    arrows: { to: { enabled: true, scaleFactor: 0.5 } }, dashes: art, width: art ? 1 : 1.5,
    color: { color: art ? DATA.colors.articleEdge : DATA.colors.edge, highlight: '#333', hover: '#333' } };
}

function groupEdge(edges, a, b) {
  const id = 'x' + (String(a) < String(b) ? a + '|' + b : b + '|' + a);
  const cur = edges.get(id);
  if (cur) { cur.count++; cur.width = Math.min(8, 1 + Math.log2(cur.count)); return; }
  const length = Math.max(80, distance(seedPosition(a), seedPosition(b)));
  edges.set(id, { id: id, from: a, to: b, count: 1, width: 1, label: '', arrows: '', dashes: false, length: length,
    color: { color: '#b5b5b5', highlight: '#333', hover: '#333' } });
}

// A node hidden inside a collapsed group still ties that group to others (shown as one grey edge per pair).
function edgeEnd(reps, i, groups) {
  if (reps[i] !== null) return reps[i];
  const g = 'c' + N[i].k;
  return groups.has(g) && !state.expanded.has(N[i].k) ? g : null;
}

function wantedEdges(reps, groups) {
  const edges = new Map();
  let plain = 0;
  E.forEach(function (e) { const a = reps[e[0]], b = reps[e[1]]; if (typeof a === 'number' && typeof b === 'number' && a !== b) plain++; });
  edgeLabelsOn = plain <= EDGE_LABELS_UP_TO;
  E.forEach(function (e, k) {
    const a = edgeEnd(reps, e[0], groups), b = edgeEnd(reps, e[1], groups);
    if (a === null || b === null || a === b) return;
    if (typeof a === 'number' && typeof b === 'number') edges.set('e' + k, edgeItem(k));
    else groupEdge(edges, a, b);
  });
  return thinGroupEdges(edges, groups.size * GROUP_EDGES_PER_GROUP);
}

// Keep only the heaviest group-to-group edges so the reduced view stays legible.
function thinGroupEdges(edges, keep) {
  const grouped = Array.from(edges.values()).filter(function (e) { return e.id[0] === 'x'; });
  if (grouped.length <= keep) return edges;
  grouped.sort(function (a, b) { return b.count - a.count; });
  grouped.slice(keep).forEach(function (e) { edges.delete(e.id); });
  return edges;
}

function wantedView() {
  const reps = N.map(function (n, i) { return repOf(i); });
  const nodes = new Map();
  const groups = new Map();
  reps.forEach(function (r, i) {
    if (typeof r === 'number') nodes.set(r, nodeItem(r));
    else if (r !== null) { if (!groups.has(r)) groups.set(r, []); groups.get(r).push(i); }
  });
  groups.forEach(function (members, id) { nodes.set(id, clusterItem(id, members)); });
  return { reps: reps, nodes: nodes, edges: wantedEdges(reps, groups) };
}

// Where a node appears: its precomputed place, shifted with its group if the group was moved.
function seedPosition(id) {
  if (typeof id === 'string') { const c = CENTER.get(Number(id.slice(1))); return { x: c.x, y: c.y }; }
  const n = N[id];
  const group = 'c' + n.k;
  if (!network || !nodesDS.get(group)) return { x: n.x, y: n.y };
  const at = network.getPosition(group);
  const c = CENTER.get(n.k);
  return { x: n.x - c.x + at.x, y: n.y - c.y + at.y };
}

function diff(dataset, wanted, placeNew) {
  const gone = dataset.getIds().filter(function (id) { return !wanted.has(id); });
  const fresh = [];
  const items = [];
  wanted.forEach(function (item, id) {
    if (placeNew && !dataset.get(id)) { Object.assign(item, placeNew(id)); fresh.push(id); }
    items.push(item);
  });
  return { gone: gone, items: items, fresh: fresh };
}

// Bring the screen in line with the state; returns how many nodes appeared.
function applyView() {
  const want = wantedView();
  const n = diff(nodesDS, want.nodes, seedPosition);
  const e = diff(edgesDS, want.edges, null);
  edgesDS.remove(e.gone);
  nodesDS.remove(n.gone);
  nodesDS.update(n.items);
  edgesDS.update(e.items);
  updateStats();
  return n.fresh.length;
}

function updateStats() {
  const text = N.length + ' ' + ui('nodes') + ' · ' + E.length + ' ' + ui('edges') + ' (' + ui('shown') + ': '
    + nodesDS.length + ' / ' + edgesDS.length + ')';
  document.getElementById('stats').textContent = text;
  const notice = document.getElementById('notice');
  notice.hidden = !(state.clustered && state.article < 0);
  notice.textContent = ui('reduced');
}

// Make node i visible: its class on, the article filter off if it hides it, its group expanded.
function ensureVisible(i) {
  state.classOn.add(N[i].c);
  if (state.article >= 0 && !MEMBERS.get(state.article).has(i)) state.article = -1;
  if (state.clustered) state.expanded.add(N[i].k);
  syncControls();
  return applyView();
}
