"""Small-count suppression: no hidden count can be worked back from what the table shows."""
from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from bot.dashboard.suppression import (
    Line,
    determined,
    is_small,
    pinned,
    suppress,
    table_lines,
    vector_lines,
)


def vector(counts: list[int]) -> dict[tuple[int, int], int]:
    values = {(0, i): n for i, n in enumerate(counts)}
    values[(0, len(counts))] = sum(counts)
    return values


def extended(inner: list[list[int]]) -> dict[tuple[int, int], int]:
    """An additive table with its row totals, column totals and grand total."""
    n_rows, n_cols = len(inner), len(inner[0])
    values = {(r, c): inner[r][c] for r in range(n_rows) for c in range(n_cols)}
    for r in range(n_rows):
        values[(r, n_cols)] = sum(inner[r])
    for c in range(n_cols):
        values[(n_rows, c)] = sum(row[c] for row in inner)
    values[(n_rows, n_cols)] = sum(map(sum, inner))
    return values


# --- independent checks, written without the module's own helpers ---------------------------

def subtraction_leaks(values, lines, hidden) -> list[tuple[int, int]]:
    """Hidden entries equal to 'visible total minus visible cells' (or a sum of visible cells)."""
    leaks = []
    for line in lines:
        hidden_here = [pos for pos in line.entries if pos in hidden]
        if len(hidden_here) == 1:
            leaks.append(hidden_here[0])
    return leaks


def exactly_determined(lines, hidden) -> set[tuple[int, int]]:
    """Hidden entries fixed by the line equations, by exact elimination over the rationals."""
    unknowns = sorted(hidden)
    if not unknowns:
        return set()
    rows = [[Fraction(line.sign(pos)) if pos in line.entries else Fraction(0) for pos in unknowns]
            for line in lines]
    pivots: list[int] = []
    r = 0
    for c in range(len(unknowns)):
        pivot = next((i for i in range(r, len(rows)) if rows[i][c] != 0), None)
        if pivot is None:
            continue
        rows[r], rows[pivot] = rows[pivot], rows[r]
        rows[r] = [v / rows[r][c] for v in rows[r]]
        for i in range(len(rows)):
            if i != r and rows[i][c] != 0:
                factor = rows[i][c]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[r])]
        pivots.append(c)
        r += 1
    free = set(range(len(unknowns))) - set(pivots)
    return {unknowns[c] for i, c in enumerate(pivots) if all(rows[i][f] == 0 for f in free)}


def pinned_by_lp(values, line: Line, hidden) -> set[tuple[int, int]]:
    """Hidden "< 10" entries that one line, with the readers' bounds, fixes to a single value."""
    unknowns = [pos for pos in line.entries if pos in hidden]
    known = sum(line.sign(pos) * values[pos] for pos in line.entries if pos not in hidden)
    bounds = [(1, 9) if is_small(values[pos]) else ((0, None) if values[pos] == 0 else (10, None))
              for pos in unknowns]
    a_eq = [[line.sign(pos) for pos in unknowns]]
    result = set()
    for i, pos in enumerate(unknowns):
        if not is_small(values[pos]):
            continue
        objective = [1 if j == i else 0 for j in range(len(unknowns))]
        low = linprog(objective, A_eq=a_eq, b_eq=[-known], bounds=bounds)
        high = linprog([-v for v in objective], A_eq=a_eq, b_eq=[-known], bounds=bounds)
        if low.status == 0 and high.status == 0 and round(low.fun) == round(-high.fun):
            result.add(pos)
    return result


# --- examples ---------------------------------------------------------------------------

def test_zero_and_large_counts_stay_visible():
    values = vector([0, 25, 30])
    assert suppress(values, vector_lines(3)) == frozenset()


def test_one_small_count_takes_the_smallest_other_count_with_it():
    values = vector([3, 40, 0, 55])
    hidden = suppress(values, vector_lines(4))
    assert hidden == {(0, 0), (0, 1)}  # 3 and 40; the total 98 and the 0 and 55 stay visible
    assert values[(0, 4)] == 98 and (0, 4) not in hidden


def test_two_small_counts_protect_each_other():
    values = vector([3, 4, 50])
    assert suppress(values, vector_lines(3)) == {(0, 0), (0, 1)}


def test_bounds_that_pin_a_count_hide_one_more():
    # "< 10", "< 10", 30, total 48: the two hidden ones add up to 18, so both must be 9.
    values = vector([9, 9, 30])
    assert pinned(values, vector_lines(3)[0], {(0, 0), (0, 1)}) == {(0, 0), (0, 1)}
    hidden = suppress(values, vector_lines(3))
    assert hidden == {(0, 0), (0, 1), (0, 2)}
    # 1, then 10 as its partner, total 11: "×" is at least 10, so "< 10" would be 1. Hide the total.
    assert suppress(vector([1, 10]), vector_lines(2)) == {(0, 0), (0, 1), (0, 2)}


def test_a_small_total_hides_the_table():
    values = vector([2, 3, 0])
    assert suppress(values, vector_lines(3)) == {(0, 0), (0, 1), (0, 3)}


def test_forced_entry_is_hidden_and_protected():
    values = vector([20, 30, 40])
    hidden = suppress(values, vector_lines(3), forced=[(0, 3)])
    assert (0, 3) in hidden and len(hidden) == 2
    assert (0, 0) in hidden  # the smallest count goes with it


def test_classic_rule_in_a_two_way_table():
    inner = [[3, 20, 30], [25, 40, 15], [30, 12, 50]]
    values = extended(inner)
    lines = table_lines(3, 3)
    hidden = suppress(values, lines)
    assert (0, 0) in hidden
    assert subtraction_leaks(values, lines, hidden) == []
    assert exactly_determined(lines, hidden) == set()
    # The cheapest protection is a rectangle of four inner cells; no total is hidden.
    assert len(hidden) == 4
    assert all(r < 3 and c < 3 for r, c in hidden)


def test_two_blocks_joined_by_one_cell_give_that_cell_away():
    # Row and column sums of two hidden 2×2 blocks, joined by one hidden cell, fix that cell.
    lines = table_lines(4, 4)
    blocks = {(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3)}
    bridge = (1, 2)
    assert subtraction_leaks({}, lines, blocks | {bridge}) == []  # every line has two or more
    assert determined(lines, blocks | {bridge}) == {bridge}
    assert exactly_determined(lines, blocks | {bridge}) == {bridge}
    values = extended([[12, 13, 0, 0], [14, 15, 5, 0], [0, 0, 16, 17], [0, 0, 18, 19]])
    hidden = suppress(values, lines, forced=blocks)
    assert bridge in hidden
    assert exactly_determined(lines, hidden) == set()


def test_every_line_entry_needs_a_value():
    with pytest.raises(ValueError, match="no value"):
        suppress({(0, 0): 3}, vector_lines(1))


# --- properties -------------------------------------------------------------------------

counts = st.one_of(st.just(0), st.integers(1, 9), st.integers(10, 60))


@st.composite
def two_way(draw):
    n_rows = draw(st.integers(1, 5))
    n_cols = draw(st.integers(1, 5))
    return [[draw(counts) for _ in range(n_cols)] for _ in range(n_rows)]


def assert_protected(values, lines, hidden):
    for pos, value in values.items():
        if is_small(value):
            assert pos in hidden, f"small count {value} at {pos} is shown"
    assert subtraction_leaks(values, lines, hidden) == []
    assert exactly_determined(lines, hidden) == set()
    for line in lines:
        assert pinned_by_lp(values, line, hidden) == set()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(two_way())
def test_random_two_way_tables_are_protected(inner):
    values = extended(inner)
    lines = table_lines(len(inner), len(inner[0]))
    hidden = suppress(values, lines)
    assert_protected(values, lines, hidden)


@settings(max_examples=150, deadline=None)
@given(st.lists(counts, min_size=1, max_size=12))
def test_random_one_way_tables_are_protected(row):
    values = vector(row)
    lines = vector_lines(len(row))
    hidden = suppress(values, lines)
    assert_protected(values, lines, hidden)


@settings(max_examples=100, deadline=None)
@given(two_way())
def test_nothing_is_hidden_without_a_reason(inner):
    values = extended(inner)
    hidden = suppress(values, table_lines(len(inner), len(inner[0])))
    if not any(is_small(v) for v in values.values()):
        assert hidden == frozenset()
