"""Reverse look-up: "13,8% là chỉ tiêu gì" — the items that carry a figure the user names."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from bot.knowledge.entries import Entry, KnowledgeBase
from bot.vietnamese.numbers import NUMBER_TOLERANCE, normalize_unit, same_number


class FigureCarriers:
    """The items of a knowledge base by the figures they state, for quick look-up.

    A target with several figures is represented by the figure that matches; a target with
    one figure by itself.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        rows: list[tuple[float, int, str, Entry]] = []
        for order, entry in enumerate(kb.entries.values()):
            if entry.kind == "target" and len(entry.figures) != 1:
                continue  # its matching figure is an entry of its own
            if entry.kind not in {"target", "figure", "named"}:
                continue
            rows += [(f.number, order, normalize_unit(f.unit), entry) for f in entry.figures]
        rows.sort(key=lambda row: (row[0], row[1]))
        self._rows = rows
        self._numbers = [row[0] for row in rows]

    def find(self, numbers: Sequence[float], units: Sequence[str]) -> list[Entry]:
        """Return the items that state one of ``numbers`` (in one of ``units``, if given).

        The result is in document order.
        """
        wanted = {normalize_unit(u) for u in units}
        found: dict[str, tuple[int, Entry]] = {}
        for typed in numbers:
            # Every figure within the tolerance of the typed number lies in this range.
            low = typed - NUMBER_TOLERANCE * abs(typed) * 2 - 1e-9
            high = typed + NUMBER_TOLERANCE * abs(typed) * 2 + 1e-9
            start = bisect.bisect_left(self._numbers, low)
            for number, order, unit, entry in self._rows[start:]:
                if number > high:
                    break
                if wanted and unit not in wanted:
                    continue
                if same_number(typed, number):
                    found.setdefault(entry.id, (order, entry))
        return [entry for _, entry in sorted(found.values(), key=lambda item: item[0])]
