"""Positions computed ahead of time, so the page draws at once and never runs physics.

A small graph gets one force-directed layout (Fruchterman-Reingold with cooling, seeded numpy). A bigger one is
laid out group by group: inside a group, nodes sit on a sunflower spiral in breadth-first order from the most
connected node (so a hub has its neighbours around it); groups are discs packed around the largest. Linear
time apart from the disc packing (groups², bounded passes). Integer coordinates: the same graph, the same page.
"""
from __future__ import annotations

import numpy as np

SPACING = 46.0  # page units between neighbouring nodes
DIRECT_UP_TO = 600  # up to this many nodes: one force layout of the whole graph
ITERATIONS = 120
PACK_PASSES = 40
PACK_UP_TO = 1200  # groups; pushing overlaps apart costs groups² per pass
GOLDEN = np.pi * (3 - np.sqrt(5))


def force_layout(n: int, edges: np.ndarray, *, seed: int = 7, iterations: int = ITERATIONS) -> np.ndarray:
    """n x 2 positions; edges is an m x 2 int array (one direction per edge is enough)."""
    rng = np.random.default_rng(seed)
    pos = (rng.random((n, 2)) - 0.5) * 2
    if n <= 1:
        return pos * 0
    k = 1.6 / np.sqrt(n)
    for step in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist2 = np.maximum((delta ** 2).sum(axis=2), 1e-4)
        disp = (delta * (k * k / dist2)[:, :, None]).sum(axis=1)
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            f = d * (np.linalg.norm(d, axis=1) / k)[:, None]
            np.add.at(disp, edges[:, 0], -f)
            np.add.at(disp, edges[:, 1], f)
        disp -= pos * (2.0 * np.linalg.norm(pos, axis=1, keepdims=True))  # gravity keeps components together
        temperature = 0.12 * (1 - step / iterations) + 0.003
        length = np.maximum(np.linalg.norm(disp, axis=1, keepdims=True), 1e-9)
        pos += disp / length * np.minimum(length, temperature)
    return pos - pos.mean(axis=0)


def nearest_distance(pos: np.ndarray) -> float:
    """Median distance from a node to its nearest neighbour (the scale of a layout)."""
    if len(pos) < 2:
        return 1.0
    d = np.linalg.norm(pos[:, None, :] - pos[None, :, :], axis=2)
    np.fill_diagonal(d, np.inf)
    return float(np.median(d.min(axis=1))) or 1.0


def sunflower(count: int) -> np.ndarray:
    k = np.arange(count) + 0.5
    r = SPACING * 0.62 * np.sqrt(k) * (k > 0.5)
    return np.stack([r * np.cos(k * GOLDEN), r * np.sin(k * GOLDEN)], axis=1)


def disc_radius(size: int) -> float:
    return SPACING * 0.62 * float(np.sqrt(size)) + SPACING


def bfs_order(members: list[int], adjacency: list[list[int]], group: list[int], degree: np.ndarray) -> list[int]:
    """Members from the most connected one outwards; unreached members start a new search in degree order."""
    seen, out = set(), []
    g = group[members[0]]
    for start in sorted(members, key=lambda i: (-degree[i], i)):
        if start in seen:
            continue
        seen.add(start)
        queue = [start]
        while queue:
            nxt = []
            for i in queue:
                out.append(i)
                for j in adjacency[i]:
                    if j not in seen and group[j] == g:
                        seen.add(j)
                        nxt.append(j)
            queue = sorted(nxt, key=lambda i: (-degree[i], i))
    return out


def pack(sizes: np.ndarray) -> np.ndarray:
    """Centres for discs of the given sizes (largest first): a sunflower by area, then overlaps pushed apart."""
    radii = np.array([disc_radius(int(s)) for s in sizes])
    area = np.cumsum(radii ** 2) - radii ** 2 / 2
    angle = np.arange(len(sizes)) * GOLDEN
    pos = np.stack([np.cos(angle), np.sin(angle)], axis=1) * (1.9 * np.sqrt(area))[:, None]
    if len(sizes) > PACK_UP_TO:  # the sunflower by area already keeps most discs apart
        return pos
    for _ in range(PACK_PASSES):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-6)
        overlap = np.maximum(1.05 * (radii[:, None] + radii[None, :]) - dist, 0)
        np.fill_diagonal(overlap, 0)
        if not overlap.any():
            break
        pos += (delta / dist[:, :, None] * overlap[:, :, None] * 0.5).sum(axis=1)
    return pos


def positions(n: int, pairs: list[tuple[int, int]], groups: list[int], degree: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Node positions (n x 2 ints), group centres and group radii."""
    if n == 0:
        return np.zeros((0, 2), np.int64), np.zeros((0, 2)), np.zeros(0)
    count = max(groups) + 1
    if n <= DIRECT_UP_TO:
        pos = force_layout(n, np.array(pairs, np.int64).reshape(-1, 2))
        pos = pos / nearest_distance(pos) * SPACING * 1.3
        centres, radii = group_discs(pos, groups, count)
        return np.rint(pos).astype(np.int64), centres, radii
    adjacency: list[list[int]] = [[] for _ in range(n)]
    for s, t in pairs:
        adjacency[s].append(t)
        adjacency[t].append(s)
    members: list[list[int]] = [[] for _ in range(count)]
    for i, g in enumerate(groups):
        members[g].append(i)
    centres = pack(np.array([len(m) for m in members]))
    pos = np.zeros((n, 2))
    for g, ms in enumerate(members):
        order = bfs_order(ms, adjacency, groups, degree)
        pos[order] = centres[g] + sunflower(len(order))
    return np.rint(pos).astype(np.int64), centres, np.array([disc_radius(len(m)) for m in members])


def group_discs(pos: np.ndarray, groups: list[int], count: int) -> tuple[np.ndarray, np.ndarray]:
    """Centre and radius of each group's members (for a graph laid out whole)."""
    g = np.array(groups)
    centres = np.zeros((count, 2))
    radii = np.zeros(count)
    for k in range(count):
        pts = pos[g == k]
        centres[k] = pts.mean(axis=0)
        radii[k] = float(np.linalg.norm(pts - centres[k], axis=1).max()) + SPACING / 2
    return centres, radii
