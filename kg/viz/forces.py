"""A small force-directed layout in numpy (Fruchterman-Reingold with cooling) and disc packing.

The page starts from these positions so the browser's physics only polishes (and then stops); a big graph
is laid out per community, so a dense O(n²) step never sees more than one community.
"""
from __future__ import annotations

import numpy as np

ITERATIONS = 80
PACK_PASSES = 60


def force_layout(n: int, edges: np.ndarray, weights: np.ndarray, *, seed: int = 7,
                 iterations: int = ITERATIONS) -> np.ndarray:
    """n x 2 positions in about [-1, 1]; edges is an m x 2 int array of node indices."""
    rng = np.random.default_rng(seed)
    pos = (rng.random((n, 2), dtype=np.float32) - 0.5) * 2
    if n <= 1:
        return pos * 0
    k = np.float32(1.6 / np.sqrt(n))
    for step in range(iterations):
        disp = repulsion(pos, k) + attraction(pos, edges, weights, k)
        temperature = 0.15 * (1 - step / iterations) + 0.005
        length = np.maximum(np.linalg.norm(disp, axis=1, keepdims=True), 1e-6)
        pos += disp / length * np.minimum(length, temperature)
    return pos - pos.mean(axis=0)


def repulsion(pos: np.ndarray, k: np.float32) -> np.ndarray:
    dx = pos[:, 0, None] - pos[None, :, 0]
    dy = pos[:, 1, None] - pos[None, :, 1]
    scale = k * k / np.maximum(dx * dx + dy * dy, np.float32(1e-4))
    return np.stack([(dx * scale).sum(axis=1), (dy * scale).sum(axis=1)], axis=1)


def attraction(pos: np.ndarray, edges: np.ndarray, weights: np.ndarray, k: np.float32) -> np.ndarray:
    disp = np.zeros_like(pos)
    if len(edges):
        delta = pos[edges[:, 0]] - pos[edges[:, 1]]
        force = delta * (np.linalg.norm(delta, axis=1) * weights / k)[:, None]
        np.add.at(disp, edges[:, 0], -force)
        np.add.at(disp, edges[:, 1], force)
    return disp


def normalize(pos: np.ndarray) -> np.ndarray:
    """Centre and scale to a root-mean-square radius of 0.7 (so most nodes fall in the unit disc)."""
    pos = pos - pos.mean(axis=0)
    rms = float(np.sqrt((pos * pos).sum(axis=1).mean())) if len(pos) else 0.0
    return pos * (0.7 / rms) if rms > 0 else pos


def pack(centers: np.ndarray, radii: np.ndarray, passes: int = PACK_PASSES) -> np.ndarray:
    """Spread discs apart until none overlap (approximately), keeping their arrangement."""
    pos = normalize(centers) * float(np.sqrt((radii ** 2).sum()) * 1.2)
    for _ in range(passes):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-6)
        overlap = np.maximum(0.8 * (radii[:, None] + radii[None, :]) - dist, 0)
        np.fill_diagonal(overlap, 0)
        if not overlap.any():
            break
        pos += (delta / dist[:, :, None] * overlap[:, :, None] * 0.5).sum(axis=1)
    return pos
