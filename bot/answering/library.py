"""Every loaded resolution, one answerer a year: a question goes to the year it names.

The province adopts a resolution every year, and next year's file is a copy of this year's,
edited: the same ids and wording appear in several years. So each year keeps its own
knowledge base and index, and a question is answered from one year only: the year it names
("che phủ rừng năm 2020"), else the latest, saying which year when there are several.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from bot.answering.answers import Answer
from bot.answering.qa import QuestionAnswerer
from bot.answering.rules import EXAMPLES
from bot.errors import UnknownItem
from bot.knowledge.entries import Entry, KnowledgeBase
from bot.knowledge.schema import Document

LATEST_NOTE = "Theo nghị quyết năm {year}; hỏi kèm năm (ví dụ “… năm {other}”) để xem năm khác."


class Library:
    """Answer questions over every loaded resolution (build once, share across requests)."""

    def __init__(self, bases: Sequence[KnowledgeBase]) -> None:
        if not bases:
            raise ValueError("a library needs at least one resolution")
        years = tuple(sorted(kb.document.year for kb in bases))
        self._answerers = {
            kb.document.year: QuestionAnswerer(kb, covered_years=years) for kb in bases
        }
        self.years = years
        self.latest = years[-1]

    @property
    def examples(self) -> tuple[str, ...]:
        """Return example questions to offer a new user."""
        return EXAMPLES

    @property
    def entry_count(self) -> int:
        """Return how many items every resolution holds together."""
        return sum(len(a.kb.entries) for a in self._answerers.values())

    def answerer(self, year: int | None = None) -> QuestionAnswerer:
        """Return the answerer of one year (the latest by default).

        Raises:
            UnknownItem: no resolution of that year is loaded.
        """
        answerer = self._answerers.get(self.latest if year is None else year)
        if answerer is None:
            raise UnknownItem(f"năm {year}", year)
        return answerer

    def document(self, year: int | None = None) -> Document:
        """Return the resolution of one year (the latest by default)."""
        return self.answerer(year).kb.document

    def entry(self, item_id: str, year: int | None = None) -> Entry:
        """Return one item of a year's resolution.

        Raises:
            UnknownItem: the resolution has no such item (an old button, a mistyped link).
        """
        entry = self.answerer(year).kb.entries.get(item_id)
        if entry is None:
            raise UnknownItem(item_id, year)
        return entry

    def answer(self, question: str, previous: Answer | None = None) -> Answer:
        """Answer a question from the year it names, else from the latest resolution.

        ``previous`` is the previous answer of the same conversation (for follow-ups).
        """
        named = self._named_year(question)
        year = named or self.latest
        answer = self._answerers[year].answer(question, previous)
        if named is None and len(self.years) > 1 and answer.status == "answer":
            note = LATEST_NOTE.format(year=year, other=self.years[-2])
            answer = dataclasses.replace(
                answer, note=f"{answer.note} {note}".strip() if answer.note else note
            )
        return _with_year(answer, year)

    def answered_id(self, item_id: str, year: int | None = None) -> str:
        """Return the id answers carry for an id of a year's knowledge file (a target stated
        by one figure answers with its own id, also when its figure's id is named)."""
        return self.answerer(year).answered_id(item_id)

    def describe(self, item_id: str, year: int | None = None, question: str = "") -> Answer:
        """Return the full answer for one item of a year's resolution (the latest by default).

        Raises:
            UnknownItem: the resolution has no such item.
        """
        chosen = self.latest if year is None else year
        return _with_year(self.answerer(chosen).describe(item_id, question), chosen)

    def suggest(self, text: str, limit: int = 10) -> list[Answer]:
        """Return full answers for the best items of a query, from the latest resolution."""
        answers = self.answerer().suggest(text, limit)
        return [_with_year(a, self.latest) for a in answers]

    def _named_year(self, question: str) -> int | None:
        if len(self.years) == 1:
            return None
        analysis = self.answerer().index.analyzer.analyze(question)
        return next((y for y in analysis.years if y in self._answerers), None)


def _with_year(answer: Answer, year: int) -> Answer:
    matches = tuple(dataclasses.replace(m, year=year) for m in answer.matches)
    return dataclasses.replace(answer, matches=matches)
