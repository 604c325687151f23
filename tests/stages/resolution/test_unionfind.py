"""Union-find: the groups, and their roots, whatever order the pairs are joined in."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newstrace.stages.resolution.unionfind import UnionFind


@given(st.lists(st.tuples(st.integers(0, 19), st.integers(0, 19)), max_size=30), st.randoms(use_true_random=False))
def test_groups_and_roots_do_not_depend_on_the_order_of_the_pairs(pairs, rnd):
    def roots(order):
        groups = UnionFind(20)
        for a, b in order:
            groups.join(a, b)
        return [groups.find(i) for i in range(20)]

    first = roots(pairs)
    assert first == roots(rnd.sample(pairs, len(pairs)))
    assert all(first[i] <= i for i in range(20))  # the smallest member is each group's root
    for a, b in pairs:
        assert first[a] == first[b]
