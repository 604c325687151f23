"""Resolution partitions: mentions joined through the blocks they share (union-find over block keys).

merge.cluster only ever compares two mentions that share a block key, and a group only
grows through such a pair, so a partition (a connected component of the mention/block
graph) is clustered exactly as it would be inside the whole corpus. Partitions are
the unit of work a resolution worker takes; they are listed largest first so the
longest task starts first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newstrace.model import EventMention
from newstrace.stages.resolution.merge import Affiliation, block_keys


def partitions(mentions: Sequence[EventMention], affiliation: Affiliation) -> list[list[EventMention]]:
    """The mentions split into components joined by shared block keys, each sorted by id."""
    parent: dict[object, object] = {}

    def find(x: object) -> object:
        root = x
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[x] != root:  # path compression keeps later finds short
            parent[x], x = root, parent[x]
        return root

    def union(a: object, b: object) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    for m in mentions:
        find(("m", m.id))
        for key in block_keys(m, affiliation):
            union(("m", m.id), ("k", key))
    groups: dict[object, list[EventMention]] = {}
    for m in mentions:
        groups.setdefault(find(("m", m.id)), []).append(m)
    parts = [sorted(group, key=lambda m: m.id) for group in groups.values()]
    return sorted(parts, key=lambda p: (-len(p), p[0].id))


def packed(parts: list[list[EventMention]], target: int, size: Callable[[list], int] = len) -> list[list[list[EventMention]]]:
    """Small partitions packed into tasks of about `target` mentions (a task per partition costs too
    much when most partitions hold one or two mentions); a large partition is a task of its own."""
    tasks: list[list[list[EventMention]]] = []
    current: list[list[EventMention]] = []
    filled = 0
    for part in parts:
        if size(part) >= target:
            tasks.append([part])
            continue
        current.append(part)
        filled += size(part)
        if filled >= target:
            tasks.append(current)
            current, filled = [], 0
    if current:
        tasks.append(current)
    return tasks
