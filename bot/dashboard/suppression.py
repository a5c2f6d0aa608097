"""Small-count suppression for tables shown to coordinators and printed into council reports.

Why: a cell that says "2" for "mantelzorgers × geld en post" in a small gemeente can point to one
family. Any count from 1 to 9 is therefore shown as "< 10" (primary suppression). Zero is shown
as 0: it says nobody asked, which points to no one. Hiding one cell is not enough when the row or
column total is shown, so more cells are hidden (secondary suppression, shown as "×") until:

1. *The classic rule.* Every row and column (the total counts as one of its entries) has either
   no hidden entry or at least two. So no hidden entry equals "visible total minus visible cells".
2. *No chain of rows and columns gives it away.* Combining several rows and columns can still pin
   down a hidden cell (two separate blocks of hidden cells joined by a single cell, for example).
   Every hidden entry must stay undetermined by the whole system of row and column sums.
3. *Bounds do not give it away in one line.* A reader knows "< 10" means 1 to 9 and "×" means at
   least 10: "< 10", "< 10", total 18 means 9 and 9. In each row and column no "< 10" may be
   pinned to a single value by those bounds.

The additional entries are chosen greedily: the smallest counts (least loss of information),
preferring entries that repair two lines at once; entries marked precious (the number of
tickets) only when no other count will do; zeros only as a last resort.
The tables are treated as additive (total = sum of its cells). For the werkmodel heatmap, where a
ticket can count in several cells, the totals are ticket counts and so at most the sum: the same
pattern then protects at least as well against subtraction. Rule 3 looks at one line at a time;
a full audit with linear programming over all lines at once is not attempted.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final, Iterable, Mapping, Sequence

import numpy as np

SMALL_MIN: Final = 1
SMALL_MAX: Final = 9
SMALL_TEXT: Final = "< 10"
HIDDEN_TEXT: Final = "×"

Pos = tuple[int, int]


@dataclass(frozen=True)
class Line:
    """One row or column: its cells and the entry holding their total."""

    members: tuple[Pos, ...]
    total: Pos

    @property
    def entries(self) -> tuple[Pos, ...]:
        return (*self.members, self.total)

    def sign(self, pos: Pos) -> int:
        """+1 for a cell, -1 for the total: each line says sum(sign × value) = 0."""
        return -1 if pos == self.total else 1


def is_small(value: int) -> bool:
    """True for a count that may not be shown as a number (1 up to and including 9)."""
    return SMALL_MIN <= value <= SMALL_MAX


def table_lines(n_rows: int, n_cols: int) -> tuple[Line, ...]:
    """The lines of an extended table: n_rows × n_cols cells plus a total row and column.

    Positions run over (0..n_rows, 0..n_cols); row n_rows holds the column totals, column n_cols
    the row totals and (n_rows, n_cols) the grand total. The total row and column are lines too,
    so a hidden row total cannot be worked out from the grand total either.
    """
    rows = tuple(
        Line(tuple((r, c) for c in range(n_cols)), (r, n_cols)) for r in range(n_rows + 1)
    )
    cols = tuple(
        Line(tuple((r, c) for r in range(n_rows)), (n_rows, c)) for c in range(n_cols + 1)
    )
    return rows + cols


def vector_lines(n: int) -> tuple[Line, ...]:
    """The single line of a one-way table: n counts in (0, 0..n-1) and their total in (0, n)."""
    return (Line(tuple((0, c) for c in range(n)), (0, n)),)


def suppress(
    values: Mapping[Pos, int],
    lines: Sequence[Line],
    forced: Iterable[Pos] = (),
    precious: Iterable[Pos] = (),
) -> frozenset[Pos]:
    """The entries to hide: every small count, `forced` ones, and enough others to protect them.

    `values` must hold every entry of every line. `forced` is for an entry hidden elsewhere
    (the number of tickets, shared by several tables), which must then be hidden here too.
    `precious` entries (that same number) are hidden for protection only when no other non-zero
    entry will do, even if that costs more cells.
    """
    for line in lines:
        for pos in line.entries:
            if pos not in values:
                raise ValueError(f"line entry {pos} has no value")
    hidden = {pos for pos, value in values.items() if is_small(value)}
    hidden.update(forced)
    cost = _Cost(values, frozenset(precious))
    while True:
        extra = (
            _repair_lonely(cost, lines, hidden)
            or _repair_determined(cost, lines, hidden)
            or _repair_pinned(cost, lines, hidden)
        )
        if extra is None:
            return frozenset(hidden)
        hidden.add(extra)


@dataclass(frozen=True)
class _Cost:
    """Which entry to hide next: ordinary non-zero counts, then precious ones, then zeros."""

    values: Mapping[Pos, int]
    precious: frozenset[Pos]

    def tier(self, pos: Pos) -> int:
        if self.values[pos] == 0:
            return 2  # a hidden 0 says less than "×" promises
        return 1 if pos in self.precious else 0

    def __call__(self, pos: Pos) -> tuple[int, int, Pos]:
        return (self.tier(pos), self.values[pos], pos)


def _repair_lonely(cost: _Cost, lines: Sequence[Line], hidden: set[Pos]) -> Pos | None:
    """Rule 1: a line with exactly one hidden entry gets a second one."""
    lonely = [line for line in lines if sum(pos in hidden for pos in line.entries) == 1]
    if not lonely:
        return None
    repairs: dict[Pos, int] = {}
    for line in lonely:
        for pos in line.entries:
            if pos not in hidden:
                repairs[pos] = repairs.get(pos, 0) + 1
    if not repairs:
        return None
    return min(repairs, key=lambda pos: (cost.tier(pos), -repairs[pos], *cost(pos)))


def determined(lines: Sequence[Line], hidden: Iterable[Pos]) -> set[Pos]:
    """Hidden entries whose value follows from the line sums, whatever the other hidden values.

    An entry is free exactly when some change to the hidden entries keeps every line sum the
    same and moves it: when its coordinate is not zero in the null space of the line equations.
    """
    unknowns = sorted(set(hidden))
    if not unknowns:
        return set()
    index = {pos: i for i, pos in enumerate(unknowns)}
    matrix = np.zeros((len(lines), len(unknowns)))
    for row, line in enumerate(lines):
        for pos in line.entries:
            if pos in index:
                matrix[row, index[pos]] = line.sign(pos)
    _, singular, vt = np.linalg.svd(matrix)
    rank = int((singular > 1e-9).sum())
    null_space = vt[rank:]
    moves = np.abs(null_space).max(axis=0) if len(null_space) else np.zeros(len(unknowns))
    return {pos for pos, move in zip(unknowns, moves) if move < 1e-9}


def _repair_determined(cost: _Cost, lines: Sequence[Line], hidden: set[Pos]) -> Pos | None:
    """Rule 2: hide the cheapest entry that frees a determined one, else one beside it."""
    stuck = determined(lines, hidden)
    if not stuck:
        return None
    target = min(stuck)
    visible = sorted((pos for pos in cost.values if pos not in hidden), key=cost)
    for pos in visible:
        if target not in determined(lines, hidden | {pos}):
            return pos
    beside = [pos for line in lines if target in line.entries for pos in line.entries if pos not in hidden]
    candidates = beside or visible
    return min(candidates, key=cost) if candidates else None


def bounds(values: Mapping[Pos, int], pos: Pos) -> tuple[float, float]:
    """What a reader knows of a hidden entry: "< 10" is 1 to 9, "×" is at least 10 (or a rare 0)."""
    value = values[pos]
    if is_small(value):
        return (SMALL_MIN, SMALL_MAX)
    return (0, math.inf) if value == 0 else (SMALL_MAX + 1, math.inf)


def pinned(values: Mapping[Pos, int], line: Line, hidden: set[Pos]) -> set[Pos]:
    """The "< 10" entries of one line that its sum and the readers' bounds fix to one value."""
    inside = [pos for pos in line.entries if pos in hidden]
    known = sum(line.sign(pos) * values[pos] for pos in line.entries if pos not in hidden)
    result = set()
    for target in inside:
        if not is_small(values[target]):
            continue
        low = high = -known  # sum of sign × value over the hidden entries
        for pos in inside:
            if pos == target:
                continue
            lo, hi = bounds(values, pos)
            sign = line.sign(pos)
            low, high = (low - sign * hi, high - sign * lo) if sign > 0 else (low + lo, high + hi)
        sign = line.sign(target)
        lo, hi = (low, high) if sign > 0 else (-high, -low)
        lo, hi = max(lo, SMALL_MIN), min(hi, SMALL_MAX)
        if lo == hi:
            result.add(target)
    return result


def _repair_pinned(cost: _Cost, lines: Sequence[Line], hidden: set[Pos]) -> Pos | None:
    """Rule 3: a line that pins a "< 10" hides one more of its entries (the cheapest)."""
    for line in lines:
        if pinned(cost.values, line, hidden):
            visible = [pos for pos in line.entries if pos not in hidden]
            if visible:
                return min(visible, key=cost)
    return None
