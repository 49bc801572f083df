// main.js — selection, keyboard and pointer, the selected node kept clear of panel and legend, start-up.
function obstacles() {
  const out = [];
  ['panel', 'legend', 'notice'].forEach(function (id) {
    const node = document.getElementById(id);
    if (!node.hidden) out.push(node.getBoundingClientRect());
  });
  return out;
}

// The part of the canvas no panel covers (canvas coordinates).
function freeArea() {
  const box = canvas.getBoundingClientRect();
  const panel = document.getElementById('panel');
  const right = panel.hidden ? box.width : Math.max(80, panel.getBoundingClientRect().left - box.left);
  return { left: 0, top: 0, right: right, bottom: box.height };
}

function covered(x, y) {
  const box = canvas.getBoundingClientRect();
  const free = freeArea();
  if (x < 20 || y < 20 || x > free.right - 20 || y > free.bottom - 20) return true;
  return obstacles().some(function (r) {
    return box.left + x > r.left - 24 && box.left + x < r.right + 24 && box.top + y > r.top - 24 && box.top + y < r.bottom + 24;
  });
}

function positionOf(id) {
  if (typeof id === 'number') return [NX[id], NY[id]];
  if (typeof id === 'string' && id[0] === 'g') { const g = META.groups[Number(id.slice(1))]; return [g[2], g[3]]; }
  return null;
}

function keepClear(id) {
  const p = positionOf(id);
  if (p && covered(sx(p[0]), sy(p[1]))) centreOn(p[0], p[1]);
}

function select(id) {
  if (id === null || id === undefined) { clearSelection(); return; }
  state.selected = id;
  highlight = typeof id === 'number' ? new Set([id].concat(neighbours(id))) : null;
  showPanel(id);
  keepClear(id);
  requestDraw();
}

function clearSelection() {
  state.selected = null;
  highlight = null;
  hidePanel();
  requestDraw();
}

// Show node i with its neighbourhood: the camera fits the node and its shown neighbours into the free area.
function focusNode(i) {
  ensureVisible(i);
  select(i);
  const pts = [i].concat(neighbours(i).filter(function (j) { return view.shown[j]; }));
  let x0 = NX[i], x1 = NX[i], y0 = NY[i], y1 = NY[i];
  pts.forEach(function (j) { x0 = Math.min(x0, NX[j]); x1 = Math.max(x1, NX[j]); y0 = Math.min(y0, NY[j]); y1 = Math.max(y1, NY[j]); });
  const free = freeArea();
  const fit = Math.min((free.right - free.left - 160) / Math.max(1, x1 - x0), (free.bottom - free.top - 160) / Math.max(1, y1 - y0));
  centreOn((x0 + x1) / 2, (y0 + y1) / 2, Math.max(0.05, Math.min(1.2, fit)));
}

function expandGroup(g) {
  state.expanded.add(g);
  clearSelection();
  refresh();
}

function canvasPoint(ev) {
  const box = canvas.getBoundingClientRect();
  return [ev.clientX - box.left, ev.clientY - box.top];
}

function setupPointer() {
  let drag = null;
  canvas.addEventListener('pointerdown', function (ev) { drag = { x: ev.clientX, y: ev.clientY, moved: false }; canvas.setPointerCapture(ev.pointerId); });
  canvas.addEventListener('pointermove', function (ev) {
    if (!drag) return;
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    drag.moved = true;
    cam.tx += dx; cam.ty += dy; drag.x = ev.clientX; drag.y = ev.clientY;
    requestDraw();
  });
  canvas.addEventListener('pointerup', function (ev) {
    const wasDrag = drag && drag.moved;
    drag = null;
    if (wasDrag) return;
    const p = canvasPoint(ev);
    const id = hit(p[0], p[1]);
    if (id === null) clearSelection(); else select(id);
  });
  canvas.addEventListener('dblclick', function (ev) {
    const p = canvasPoint(ev);
    const id = hit(p[0], p[1]);
    if (typeof id === 'string' && id[0] === 'g') expandGroup(Number(id.slice(1)));
  });
  canvas.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    const p = canvasPoint(ev);
    zoomAt(p[0], p[1], Math.exp(-ev.deltaY * 0.0015));
  }, { passive: false });
}

function setupKeys() {
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && !document.getElementById('panel').hidden) { ev.preventDefault(); clearSelection(); }
  });
  canvas.addEventListener('keydown', function (ev) {
    const s = size();
    const moves = { ArrowLeft: [60, 0], ArrowRight: [-60, 0], ArrowUp: [0, 60], ArrowDown: [0, -60] };
    if (ev.key === '+' || ev.key === '=') zoomAt(s.w / 2, s.h / 2, 1.25);
    else if (ev.key === '-') zoomAt(s.w / 2, s.h / 2, 0.8);
    else if (ev.key === '0') fitView();
    else if (moves[ev.key]) { cam.tx += moves[ev.key][0]; cam.ty += moves[ev.key][1]; requestDraw(); }
    else return;
    ev.preventDefault();
  });
}

function afterDraw() {
  if (!state.stable && state.loaded && state.viewReady) {     // not before the first view is computed
    state.stable = true;
    window.hckg.stableAt = performance.now();
  }
}

// Where a node is on screen (page coordinates), for tests and the benchmark.
function screenOf(id) {
  const p = positionOf(id);
  const box = canvas.getBoundingClientRect();
  return p ? { x: box.left + sx(p[0]), y: box.top + sy(p[1]) } : null;
}

window.hckg = { frames: [], meta: META, state: state, stableAt: null, panelFor: null, timings: { start: T0 },
  view: function () { return { nodes: view.nodes.length, groups: view.groups.length, edges: view.edges.length }; },
  drawn: function () { return drawn; }, camera: cam, select: select, clear: clearSelection, focusNode: focusNode, expandGroup: expandGroup,
  search: searchAll, stem: stem, normalize: normalizeText, screenOf: screenOf, setClustered: setClustered,
  label: function (i) { return nodeLabel(i); }, iri: function (i) { return details(i).iri; },
  indexOf: function (iri) { for (let i = 0; i < COUNT; i++) if (details(i).iri === iri) return i; return -1; },
  shownIds: function () { return Array.from(view.nodes); },
  shownEdges: function () { return view.edges.map(function (k) { return [EDGES[3 * k], EDGES[3 * k + 1]]; }); }, groupIds: function () { return view.groups.slice(); },
  neighbours: function (i) { return neighbours(i); }, lit: function () { return highlight ? Array.from(highlight) : null; } };
window.addEventListener('resize', resize);
resize();
loadAll(function () {
  window.hckg.timings.loaded = performance.now() - T0;
  state.loaded = true;
  runSteps([setupControls, function () { setupSearch(); setupPointer(); setupKeys(); },
    function () { computeView(); window.hckg.timings.view = performance.now() - T0; }],
    function () { state.viewReady = true; fitView(); });
});
