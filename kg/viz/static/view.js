// view.js — what is on screen: class, article and time filters, groups of the reduced view, edges between them.
let articleMembers = null;

function passes(i) {
  if (!state.classOn.has(NC[i])) return false;
  if (articleMembers && !articleMembers.has(i)) return false;
  return !ND[i] || inRange(ND[i]);
}

function edgePasses(k) { return !EDGE_D[k] || inRange(EDGE_D[k]); }

function setArticle(a) {
  state.article = a;
  articleMembers = a >= 0 ? new Set([a].concat(neighbours(a))) : null;
}

// Recompute the view from the state; cheap (a pass over nodes and edges), done in one task.
function computeView() {
  const shown = new Uint8Array(COUNT);
  const groups = new Map();
  const nodes = [];
  for (let i = 0; i < COUNT; i++) {
    if (!passes(i)) continue;
    if (state.clustered && !state.expanded.has(NG[i]) && !state.pinned.has(i)) groups.set(NG[i], (groups.get(NG[i]) || 0) + 1);
    else { shown[i] = 1; nodes.push(i); }
  }
  const edges = [];
  const between = new Map();
  const m = EDGES.length / 3;
  const G = META.groups.length;
  for (let k = 0; k < m; k++) {
    const a = EDGES[3 * k], b = EDGES[3 * k + 1];
    if (shown[a] && shown[b]) { if (edgePasses(k)) edges.push(k); continue; }
    if (!state.clustered) continue;
    const ga = shown[a] ? -1 - a : (groups.has(NG[a]) && passes(a) ? NG[a] : null);
    const gb = shown[b] ? -1 - b : (groups.has(NG[b]) && passes(b) ? NG[b] : null);
    if (ga === null || gb === null || ga === gb || (ga < 0 && gb < 0) || !edgePasses(k)) continue;
    const lo = Math.min(ga, gb), hi = Math.max(ga, gb);
    const key = lo < 0 ? lo * G - hi : lo * G + hi;
    const cur = between.get(key);
    if (cur) { cur[6]++; continue; }
    const pa = ga < 0 ? [NX[a], NY[a]] : [META.groups[ga][2], META.groups[ga][3]];
    const pb = gb < 0 ? [NX[b], NY[b]] : [META.groups[gb][2], META.groups[gb][3]];
    between.set(key, [ga, gb, pa[0], pa[1], pb[0], pb[1], 1]);
  }
  const groupEdges = Array.from(between.values()).sort(function (x, y) { return y[6] - x[6]; })
    .slice(0, Math.max(20, groups.size));
  view = { nodes: Int32Array.from(nodes), shown: shown, groups: Array.from(groups.keys()).sort(function (a, b) { return a - b; }),
    groupCounts: groups, edges: edges, groupEdges: groupEdges };
  updateStats();
}

function updateStats() {
  let text = META.total + ' ' + ui('nodes') + ' · ' + (EDGES.length / 3) + ' ' + ui('edges') + ' (' + ui('shown') + ': '
    + view.nodes.length + (view.groups.length ? ' + ' + view.groups.length + ' ' + ui('groups') : '') + ')';
  document.getElementById('stats').textContent = text;
  const notice = document.getElementById('notice');
  const parts = [];
  if (META.focus) parts.push(ui('focus') + ': ' + META.focus);
  if (state.clustered) parts.push(ui('reduced'));
  if (META.capped) parts.push(ui('capped').replace('{n}', String(META.capped)));
  if (META.fallback) parts.push(ui('fallback'));
  notice.hidden = parts.length === 0;
  notice.textContent = parts.join(' ');
}

function refresh() {
  computeView();
  requestDraw();
}

// Make node i visible: its class on, filters lifted if they hide it, its group expanded and its neighbours
// (up to PINNED) taken out of their groups, so a searched node shows with its neighbourhood.
const PINNED = 60;
function ensureVisible(i) {
  state.classOn.add(NC[i]);
  if (articleMembers && !articleMembers.has(i)) setArticle(-1);
  if (ND[i] && !inRange(ND[i])) { state.from = ''; state.to = ''; }
  if (state.clustered) {
    state.expanded.add(NG[i]);
    neighbours(i).slice(0, PINNED).forEach(function (j) { state.pinned.add(j); });
  }
  syncControls();
  computeView();
}
