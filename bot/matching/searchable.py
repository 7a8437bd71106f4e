"""What the search index ranks: any item, described by the phrases and figures it is asked by.

A knowledge entry, a reporting unit ("huyện Hà Quảng", "Sở Y tế") or a submission's target
is wrapped in a :class:`Searchable` that carries the item itself, so a ranking hands back
the caller's own objects (:class:`bot.matching.index.Scored`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure an item states: its value and unit as written ("%", "triệu USD", or none)."""

    value: float
    unit: str = ""


@dataclass(frozen=True, slots=True)
class Searchable(Generic[T]):
    """One item to rank, and everything ranking reads of it."""

    item: T
    id: str
    """Unique in one index; ties of score and ``order`` are broken by it."""
    phrases: tuple[str, ...]
    """The names it is asked by (title, aliases, labels); each is scored on its own."""
    wording: str = ""
    """All its text, for :meth:`SearchIndex.mentions` and the numbers it names ("lần thứ
    20"): its phrases and, for instance, its source clause. Empty means its phrases."""
    figures: tuple[Quantity, ...] = ()
    """Its figures: a question naming one of them, or one of their units, scores higher."""
    side: str | None = None
    """"targets" or "tasks" when the item belongs to one of them: a question that names
    the other side ("nhiệm vụ", "chỉ tiêu") scores it lower."""
    order: int = 0
    """Among equal scores, a lower order ranks first (a whole target before its figures)."""

    @property
    def text(self) -> str:
        """Return all the item's wording: ``wording``, or its phrases when that is empty."""
        return self.wording or " ".join(self.phrases)
