// render.js — our canvas renderer: positions come precomputed, there is no physics. A frame draws edges, nodes,
// then labels; when a frame's budget is spent the rest is drawn in the next animation frame (progressive).
const canvas = document.getElementById('net');
const ctx = canvas.getContext('2d');
const cam = { s: 1, tx: 0, ty: 0 };        // screen = world * s + t (CSS pixels)
const FRAME_BUDGET = 8;                   // ms of drawing per task
const WORK_BUDGET = 1500;                 // shapes per task: the canvas is rastered after the script, so count work too
const MAX_LABELS = 250;
const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
let job = null;
let drawn = { labels: [], complete: false, frames: 0 };
let view = { nodes: new Int32Array(0), shown: new Uint8Array(COUNT), groups: [], edges: [], groupEdges: [] };
let highlight = null;                      // Set of node ids kept bright around the selection

function size() {
  const box = canvas.getBoundingClientRect();
  return { w: box.width, h: box.height };
}

function resize() {
  const r = window.devicePixelRatio || 1;
  const s = size();
  canvas.width = Math.max(1, Math.round(s.w * r));
  canvas.height = Math.max(1, Math.round(s.h * r));
  requestDraw();
}

function sx(x) { return x * cam.s + cam.tx; }
function sy(y) { return y * cam.s + cam.ty; }
function nodeRadius(i) {
  const r = 7 + 15 * Math.sqrt(NV[i] / MAX_V);
  return Math.max(2, Math.min(r * cam.s, r * 0.9));  // grows with zoom up to a fixed pixel size
}
function groupRadius(g) { return Math.max(6, META.groups[g][4] * cam.s); }

function fitTo(xs, ys, pad) {
  const s = size();
  if (!xs.length) { cam.s = 1; cam.tx = s.w / 2; cam.ty = s.h / 2; return; }
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let k = 0; k < xs.length; k++) {
    x0 = Math.min(x0, xs[k] - pad[k]); x1 = Math.max(x1, xs[k] + pad[k]);
    y0 = Math.min(y0, ys[k] - pad[k]); y1 = Math.max(y1, ys[k] + pad[k]);
  }
  const margin = 40;
  cam.s = Math.min(1.6, Math.max(1e-4, Math.min((s.w - 2 * margin) / Math.max(1, x1 - x0), (s.h - 2 * margin) / Math.max(1, y1 - y0))));
  cam.tx = s.w / 2 - (x0 + x1) / 2 * cam.s;
  cam.ty = s.h / 2 - (y0 + y1) / 2 * cam.s;
}

function fitView() {
  const xs = [], ys = [], pad = [];
  view.nodes.forEach(function (i) { xs.push(NX[i]); ys.push(NY[i]); pad.push(24); });
  view.groups.forEach(function (g) { xs.push(META.groups[g][2]); ys.push(META.groups[g][3]); pad.push(META.groups[g][4]); });
  fitTo(xs, ys, pad);
  requestDraw();
}

function requestDraw() {
  const fresh = !job;
  job = { phase: 0, at: 0, labels: [], grid: new Map(), tasks: 0 };
  drawn.complete = false;
  if (fresh) requestAnimationFrame(step);
}

function step() {
  if (!job) return;
  if (!state.loaded) { job = null; return; }
  const start = performance.now();
  const current = job;
  current.work = 0;
  if (current.phase === 0 && current.at === 0) clear();
  while (job === current && current.phase < 4 && !busy(current, start)) {
    [drawGroups, drawEdges, drawNodes, drawLabels][current.phase](current, start);
  }
  current.tasks++;
  window.hckg.frames.push([Math.round(start), Math.round(performance.now() - start), current.phase]);
  if (job === current && current.phase >= 4) {
    drawn = { labels: current.labels, complete: true, frames: current.tasks };
    job = null;
    afterDraw();
  } else requestAnimationFrame(step);
}

function busy(j, start) { return j.work > WORK_BUDGET || performance.now() - start > FRAME_BUDGET; }

function clear() {
  const r = window.devicePixelRatio || 1;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = META.colors.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(r, 0, 0, r, 0, 0);
}

function onScreen(x, y, margin) {
  const s = size();
  return x > -margin && y > -margin && x < s.w + margin && y < s.h + margin;
}

function drawGroups(j) {
  view.groups.forEach(function (g) {
    const x = sx(META.groups[g][2]), y = sy(META.groups[g][3]), r = groupRadius(g);
    if (!onScreen(x, y, r)) return;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fillStyle = state.selected === 'g' + g ? 'rgba(95,107,122,0.30)' : highlight ? 'rgba(95,107,122,0.05)' : 'rgba(95,107,122,0.14)';
    ctx.fill();
    ctx.lineWidth = state.selected === 'g' + g ? 3 : 1.2;
    ctx.strokeStyle = highlight ? '#d9dce0' : META.colors.cluster;  // a selected node's neighbourhood stands out
    ctx.stroke();
  });
  ctx.lineWidth = 1;
  ctx.strokeStyle = highlight ? 'rgba(95,107,122,0.12)' : 'rgba(95,107,122,0.45)';
  ctx.beginPath();
  view.groupEdges.forEach(function (ge) {
    ctx.moveTo(sx(ge[2]), sy(ge[3]));
    ctx.lineTo(sx(ge[4]), sy(ge[5]));
  });
  ctx.stroke();
  j.phase = 1; j.at = 0;
}

function edgeStyle(k) {
  const a = EDGES[3 * k], b = EDGES[3 * k + 1];
  const lit = !highlight || (highlight.has(a) && highlight.has(b) && (a === state.selected || b === state.selected));
  return (isArticleEdge(k) ? 2 : 0) + (lit ? 0 : 1);
}

const EDGE_COLORS = ['#8a8a8a', '#ececec', '#d4d4d4', '#f3f3f3'];  // article links lighter (no dashes: costly to raster)
function drawEdges(j, start) {
  const list = view.edges;
  const s = size();
  if (j.style === undefined) { j.style = 0; j.n = 0; }
  while (j.style < 4) {
    const style = j.style;
    const end = Math.min(list.length, j.n + 1000);
    ctx.beginPath();
    ctx.strokeStyle = EDGE_COLORS[style];
    ctx.lineWidth = style === 0 && highlight ? 2 : 1;
    for (let n = j.n; n < end; n++) {
      const k = list[n];
      if (edgeStyle(k) !== style) continue;
      const a = EDGES[3 * k], b = EDGES[3 * k + 1];
      const x1 = sx(NX[a]), y1 = sy(NY[a]), x2 = sx(NX[b]), y2 = sy(NY[b]);
      if ((x1 < 0 && x2 < 0) || (y1 < 0 && y2 < 0) || (x1 > s.w && x2 > s.w) || (y1 > s.h && y2 > s.h)) continue;
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
      j.work++;
    }
    ctx.stroke();
    if (end >= list.length) { j.style++; j.n = 0; } else j.n = end;
    if (busy(j, start)) return;
  }
  j.phase = 2; j.at = 0; j.n = 0;
}

function shapePath(shape, x, y, r) {
  if (r < 3 || shape === 'dot') { ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, 2 * Math.PI); return; }
  const pts = SHAPES[shape] || SHAPES.square;
  ctx.moveTo(x + pts[0][0] * r, y + pts[0][1] * r);
  for (let p = 1; p < pts.length; p++) ctx.lineTo(x + pts[p][0] * r, y + pts[p][1] * r);
  ctx.closePath();
}

const SHAPES = {
  square: [[-0.9, -0.9], [0.9, -0.9], [0.9, 0.9], [-0.9, 0.9]],
  diamond: [[0, -1.2], [1.2, 0], [0, 1.2], [-1.2, 0]],
  triangle: [[0, -1.2], [1.1, 0.9], [-1.1, 0.9]],
  triangleDown: [[-1.1, -0.9], [1.1, -0.9], [0, 1.2]],
  hexagon: [[-0.55, -1], [0.55, -1], [1.1, 0], [0.55, 1], [-0.55, 1], [-1.1, 0]],
  star: [[0, -1.25], [0.33, -0.4], [1.2, -0.4], [0.5, 0.15], [0.75, 1.05], [0, 0.5], [-0.75, 1.05], [-0.5, 0.15], [-1.2, -0.4], [-0.33, -0.4]],
};

// Nodes are drawn class by class, one path per class and slice; the time budget is checked every 400 nodes.
function drawNodes(j, start) {
  const list = view.nodes;
  const s = size();
  if (j.c === undefined) { j.c = 0; j.n = 0; }  // j.n was the edge cursor: reset below
  while (j.c < CLASSES.length) {
    const c = j.c;
    const end = Math.min(list.length, j.n + 400);
    ctx.beginPath();
    for (let n = j.n; n < end; n++) {
      const i = list[n];
      if (NC[i] !== c || (highlight && !highlight.has(i))) continue;
      const x = sx(NX[i]), y = sy(NY[i]), r = nodeRadius(i);
      if (x < -r || y < -r || x > s.w + r || y > s.h + r) continue;
      shapePath(CLASSES[c].shape, x, y, r);
      j.work++;
    }
    ctx.fillStyle = CLASSES[c].color;
    ctx.fill();
    if (end >= list.length) { j.c++; j.n = 0; } else j.n = end;
    if (busy(j, start)) return;
  }
  if (highlight) drawDimmed(list);
  drawRing();
  j.phase = 3; j.at = 0;
}

function drawDimmed(list) {
  ctx.beginPath();
  for (let n = 0; n < list.length; n++) {
    const i = list[n];
    if (highlight.has(i)) continue;
    shapePath('dot', sx(NX[i]), sy(NY[i]), Math.min(nodeRadius(i), 6));
  }
  ctx.fillStyle = META.colors.dim;
  ctx.fill();
}

function drawRing() {
  const i = state.selected;
  if (typeof i !== 'number' || !view.shown[i]) return;
  ctx.beginPath();
  ctx.arc(sx(NX[i]), sy(NY[i]), nodeRadius(i) + 5, 0, 2 * Math.PI);
  ctx.lineWidth = 3;
  ctx.strokeStyle = '#000000';
  ctx.stroke();
}

// Labels at a fixed screen size whatever the zoom, most important first, never overlapping one another.
function placeLabel(j, text, x, y, px, weight) {
  const font = weight + ' ' + px + 'px ' + LABEL_FONT;
  if (j.font !== font) { ctx.font = font; j.font = font; }
  const w = ctx.measureText(text).width + 6, h = px + 4;
  const box = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
  const cells = [];
  for (let cx = Math.floor(box[0] / 80); cx <= Math.floor(box[2] / 80); cx++) {
    for (let cy = Math.floor(box[1] / 40); cy <= Math.floor(box[3] / 40); cy++) cells.push(cx + ':' + cy);
  }
  for (const cell of cells) {
    for (const b of (j.grid.get(cell) || [])) {
      if (b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3]) return false;
    }
  }
  cells.forEach(function (cell) { if (!j.grid.has(cell)) j.grid.set(cell, []); j.grid.get(cell).push(box); });
  ctx.lineWidth = 3.5;
  ctx.strokeStyle = 'rgba(255,255,255,0.92)';
  ctx.strokeText(text, x, y);
  ctx.fillStyle = META.colors.text;
  ctx.fillText(text, x, y);
  j.work += 12;
  j.labels.push({ text: text, x: x, y: y, size: px });
  return true;
}

function drawLabels(j, start) {
  const s = size();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  if (j.g === undefined) {
    if (typeof state.selected === 'number' && view.shown[state.selected]) {
      const i = state.selected;
      placeLabel(j, short(nodeLabel(i), 60), sx(NX[i]), sy(NY[i]) - nodeRadius(i) - 14, 15, '700');
    }
    j.groupOrder = view.groups.slice().sort(function (a, b) { return (view.groupCounts.get(b) - view.groupCounts.get(a)) || a - b; });
    j.g = 0;
  }
  while (!highlight && j.g < j.groupOrder.length) {
    const g = j.groupOrder[j.g++];
    const x = sx(META.groups[g][2]), y = sy(META.groups[g][3]);
    if (!onScreen(x, y, 0)) continue;
    placeLabel(j, short(groupLabel(g), 40) + ' · ' + view.groupCounts.get(g), x, y, groupRadius(g) > 40 ? 15 : 13, '600');
    if ((j.g & 31) === 0 && busy(j, start)) return;
  }
  while (j.at < COUNT && j.labels.length < MAX_LABELS) {
    if (!view.nodes.length) { j.at = COUNT; break; }
    const i = ORDER[j.at++];
    if (!view.shown[i] || (highlight && !highlight.has(i)) || i === state.selected) continue;
    const x = sx(NX[i]), y = sy(NY[i]);
    if (!onScreen(x, y, 0)) continue;
    const rank = j.labels.length, r = nodeRadius(i), text = short(nodeLabel(i), 40);
    const px = rank < 30 ? 14 : 12, weight = rank < 30 ? '600' : '400';
    if (!placeLabel(j, text, x, y + r + 9, px, weight)) placeLabel(j, text, x, y - r - 9, px, weight);  // below, else above
    if ((j.at & 63) === 0 && busy(j, start)) return;
  }
  if (highlight) drawEdgeLabels(j);
  j.phase = 4;
}

function drawEdgeLabels(j) {
  const i = state.selected;
  if (typeof i !== 'number') return;
  for (let a = ADJ_START[i]; a < ADJ_START[i + 1] && a < ADJ_START[i] + 60; a++) {
    const k = ADJ[a];
    const o = EDGES[3 * k] === i ? EDGES[3 * k + 1] : EDGES[3 * k];
    if (!view.shown[o]) continue;
    placeLabel(j, propLabel(edgeProp(k)), (sx(NX[i]) + sx(NX[o])) / 2, (sy(NY[i]) + sy(NY[o])) / 2, 11, '400');
  }
}

// What is under a point of the canvas: a node (nearest within its radius + 4 px) or a group disc.
function hit(px, py) {
  let best = null, bestD = Infinity;
  const list = view.nodes;
  for (let n = 0; n < list.length; n++) {
    const i = list[n];
    const dx = sx(NX[i]) - px, dy = sy(NY[i]) - py, r = nodeRadius(i) + 4;
    const d = dx * dx + dy * dy;
    if (d <= r * r && d < bestD) { best = i; bestD = d; }
  }
  if (best !== null) return best;
  for (const g of view.groups) {
    const dx = sx(META.groups[g][2]) - px, dy = sy(META.groups[g][3]) - py, r = groupRadius(g);
    if (dx * dx + dy * dy <= r * r) return 'g' + g;
  }
  return null;
}

function zoomAt(px, py, factor) {
  const s = Math.min(8, Math.max(1e-4, cam.s * factor));
  cam.tx = px - (px - cam.tx) * (s / cam.s);
  cam.ty = py - (py - cam.ty) * (s / cam.s);
  cam.s = s;
  requestDraw();
}

function centreOn(x, y, scale) {
  const free = freeArea();
  cam.s = scale || cam.s;
  cam.tx = (free.left + free.right) / 2 - x * cam.s;
  cam.ty = (free.top + free.bottom) / 2 - y * cam.s;
  requestDraw();
}
