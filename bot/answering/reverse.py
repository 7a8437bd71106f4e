"""Reverse look-up: "13,8% là chỉ tiêu gì" — the items that carry a figure the user names."""

from __future__ import annotations

from collections.abc import Sequence

from bot.knowledge.entries import Entry, KnowledgeBase
from bot.vietnamese.numbers import normalize_unit, same_number


def figure_carriers(
    kb: KnowledgeBase, numbers: Sequence[float], units: Sequence[str]
) -> list[Entry]:
    """Return the items that state one of ``numbers`` (in one of ``units``, if any are given).

    A target with several figures is represented by the figure that matches; a target with
    one figure by itself. The result is in document order.
    """
    wanted = {normalize_unit(u) for u in units}
    found: list[Entry] = []
    for entry in kb.entries.values():
        if entry.kind == "target" and len(entry.figures) != 1:
            continue  # its matching figure is an entry of its own
        if entry.kind not in {"target", "figure", "named"}:
            continue
        for figure in entry.figures:
            if wanted and normalize_unit(figure.unit) not in wanted:
                continue
            if any(same_number(n, figure.number) for n in numbers):
                found.append(entry)
                break
    return found
