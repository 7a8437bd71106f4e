"""Structured answers: what the bot says, before it is rendered for a terminal or Telegram."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["answer", "choices", "none"]


@dataclass(frozen=True, slots=True)
class Match:
    """A knowledge item the question may be about, with its score on the 0-100 scale.

    ``year`` is the year of the resolution the item belongs to (ids repeat across years).
    """

    id: str
    title: str
    score: float
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    """A reply to a question, in parts that renderers put together.

    ``headline`` is the first line (the figure or the fact), ``lines`` the figures or
    items listed under it, ``place`` where the item stands in the resolution, ``source``
    the resolution's own wording, ``hint`` advice on how to ask (for ``none`` and
    ``choices``), and ``matches`` the candidates (the item answered first).
    """

    question: str
    status: Status
    headline: str
    lines: tuple[str, ...] = ()
    place: str = ""
    source: str = ""
    note: str = ""
    hint: str = ""
    matches: tuple[Match, ...] = field(default=())

    @property
    def item_id(self) -> str | None:
        """Return the id of the item answered, if the status is ``answer``."""
        return self.matches[0].id if self.status == "answer" and self.matches else None
