// main.js — the network, physics that stops once stable, selection with neighbour highlighting, the controls.
const dimmed = new Set();
let labelled = [];

// Nodes start from the precomputed layout, so a short stabilization suffices; fewer steps on big views.
function iterationsFor(count) { return count <= 300 ? 150 : Math.max(20, Math.min(100, Math.round(30000 / count))); }

function networkOptions(count) {
  const big = count > 1500;
  return {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 7 },
    nodes: { font: { face: 'system-ui, sans-serif', strokeWidth: 3, strokeColor: '#ffffff' }, scaling: { label: { drawThreshold: 7 } } },
    edges: { smooth: count <= 300 ? { type: 'continuous' } : false, font: { size: 10, color: '#555', strokeWidth: 3, strokeColor: '#ffffff', align: 'top' },
      selectionWidth: 1.5, hoverWidth: 0.5 },
    interaction: { hover: !big, hideEdgesOnDrag: big, hideEdgesOnZoom: big, tooltipDelay: 300, navigationButtons: false, keyboard: false },
    physics: { enabled: true, solver: 'barnesHut', minVelocity: 1.5, maxVelocity: 60, timestep: 0.5,
      barnesHut: { theta: count > 300 ? 1.0 : 0.5, gravitationalConstant: -8000, centralGravity: DATA.layered ? 0.01 : 0.2,
        springLength: 140, springConstant: 0.03, damping: 0.4, avoidOverlap: 0.3 },
      stabilization: { enabled: true, iterations: iterationsFor(count), updateInterval: 25, fit: true } },
  };
}

// Physics runs only to lay out: once the stabilization iterations are done it is switched off.
function onStable() {
  network.setOptions({ physics: { enabled: false, stabilization: { fit: false } } });
  state.stable = true;
  window.hckg.stableAt = performance.now();
  window.hckg.layouts++;
}

function relayout(added) {
  if (!added) return;
  state.stable = false;
  network.setOptions({ physics: { enabled: true } });
  network.stabilize(Math.min(100, 30 + added));
}

function restoreItem(id) {
  return { id: id, color: nodeColor(id), font: { color: '#222' } };
}

function highlight(id) {
  const keep = new Set([id].concat(network.getConnectedNodes(id)));
  const changes = [];
  nodesDS.forEach(function (item) {
    const dim = !keep.has(item.id);
    if (dim === dimmed.has(item.id)) return;
    changes.push(dim ? { id: item.id, color: { background: DATA.colors.dim, border: '#d0d0d0' }, font: { color: '#bdbdbd' } } : restoreItem(item.id));
    if (dim) dimmed.add(item.id); else dimmed.delete(item.id);
  });
  nodesDS.update(changes);
  showEdgeLabels(edgeLabelsOn ? [] : network.getConnectedEdges(id));
}

function showEdgeLabels(ids) {
  edgesDS.update(labelled.filter(function (id) { return edgesDS.get(id); }).map(function (id) { return { id: id, label: '' }; }));
  labelled = ids.filter(function (id) { return id[0] === 'e'; });
  edgesDS.update(labelled.map(function (id) { return { id: id, label: propLabel(edgeProp(E[Number(id.slice(1))])) }; }));
}

function clearSelection() {
  state.selected = null;
  nodesDS.update(Array.from(dimmed).filter(function (id) { return nodesDS.get(id); }).map(restoreItem));
  dimmed.clear();
  showEdgeLabels([]);
  network.unselectAll();
  hidePanel();
}

function select(id) {
  state.selected = id;
  network.selectNodes([id]);
  highlight(id);
  showPanel(id);
}

function refresh() {
  dimmed.clear();
  labelled = [];
  const added = applyView();
  relayout(added);
  return added;
}

function focusNode(i) {
  const added = ensureVisible(i);
  dimmed.clear();
  relayout(added);
  select(i);
  network.focus(i, { scale: Math.max(network.getScale(), 1), animation: { duration: 300 } });
}

function expandGroup(k) {
  state.expanded.add(k);
  clearSelection();
  refresh();
}

function onClick(params) {
  if (params.nodes.length) select(params.nodes[0]);
  else if (!params.edges.length) clearSelection();
}

function onDoubleClick(params) {
  const id = params.nodes[0];
  if (typeof id === 'string' && id[0] === 'c') expandGroup(Number(id.slice(1)));
}

function createNetwork() {
  window.hckg.timings.parsed = performance.now() - T0;
  applyView();
  window.hckg.timings.view = performance.now() - T0;
  network = new vis.Network(document.getElementById('net'), { nodes: nodesDS, edges: edgesDS }, networkOptions(nodesDS.length));
  network.on('stabilizationIterationsDone', onStable);
  network.on('click', onClick);
  network.on('doubleClick', onDoubleClick);
  window.hckg.timings.network = performance.now() - T0;
  if (nodesDS.length === 0) onStable();
}

function domPosition(id) {
  const p = network.canvasToDOM(network.getPosition(id));
  const box = document.getElementById('net').getBoundingClientRect();
  return { x: box.left + p.x, y: box.top + p.y };
}

window.hckg = { data: DATA, state: state, nodes: nodesDS, edges: edgesDS, network: null, stableAt: null, layouts: 0,
  panelFor: null, timings: { start: T0 }, focusNode: focusNode, search: searchNodes, domPosition: domPosition, expandGroup: expandGroup };
setupControls();
setupSearch();
createNetwork();
window.hckg.network = network;
