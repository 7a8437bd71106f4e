"""Score the golden question set: accuracy by category and every failure."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import yaml

from bot.answering.answers import Answer

#: Floors the issue sets: in-scope answered right, wrong answers, out-of-scope refused.
MIN_IN_SCOPE_ANSWERED = 0.97
MAX_WRONG_ANSWERS = 0
MIN_OUT_OF_SCOPE_NONE = 0.95
OUT_OF_SCOPE = "out-of-scope"


class Answers(Protocol):
    """Anything that answers a question (one year's answerer, or every year's)."""

    def answer(self, question: str, previous: Answer | None = None) -> Answer:
        """Answer a question as the bot would, after ``previous`` in the same conversation."""
        ...


@dataclass(frozen=True, slots=True)
class Case:
    """One golden question and the item ids that would be right (empty: out of scope)."""

    question: str
    expected: tuple[str, ...]
    category: str
    about: tuple[str, ...] = ()
    """For a question the resolution cannot answer about an item it names ("dự án X dài
    bao nhiêu km"): the items the refusal should tell about."""
    previous: str | None = None
    """The question asked just before in the same conversation (follow-ups)."""

    @property
    def in_scope(self) -> bool:
        """Return whether the question is about something the resolution holds."""
        return bool(self.expected or self.about)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the bot did with one case."""

    case: Case
    status: str
    got: tuple[str, ...]

    @property
    def verdict(self) -> str:
        """Return 'right', 'wrong' (an answer about another item), 'choices' or 'none'."""
        if self.case.about:
            if self.status == "none" and self.got and self.got[0] in self.case.about:
                return "right"
            return "wrong" if self.status == "answer" else self.status
        if not self.case.expected:
            return (
                "right"
                if self.status == "none"
                else ("wrong" if self.status == "answer" else "choices")
            )
        if self.status == "answer":
            return "right" if self.got[0] in self.case.expected else "wrong"
        return self.status


@dataclass(slots=True)
class Report:
    """Outcomes of a whole golden set, with the figures the floors apply to."""

    outcomes: list[Outcome] = field(default_factory=list)

    def _share(self, in_scope: bool, verdict: str) -> float:
        cases = [o for o in self.outcomes if o.case.in_scope == in_scope]
        return sum(o.verdict == verdict for o in cases) / len(cases) if cases else 1.0

    @property
    def in_scope_answered(self) -> float:
        """Return the share of in-scope questions answered with a right item."""
        return self._share(True, "right")

    @property
    def wrong_answers(self) -> int:
        """Return how many questions were answered with a wrong item."""
        return sum(o.verdict == "wrong" and o.status == "answer" for o in self.outcomes)

    @property
    def out_of_scope_none(self) -> float:
        """Return the share of out-of-scope questions answered ``none``."""
        return self._share(False, "right")

    @property
    def passes(self) -> bool:
        """Return whether the floors of the issue are met."""
        return (
            self.in_scope_answered >= MIN_IN_SCOPE_ANSWERED
            and self.wrong_answers <= MAX_WRONG_ANSWERS
            and self.out_of_scope_none >= MIN_OUT_OF_SCOPE_NONE
        )

    def lines(self) -> list[str]:
        """Return the report as text lines: a table by category, then each failure."""
        by_category: dict[str, list[Outcome]] = defaultdict(list)
        for outcome in self.outcomes:
            by_category[outcome.case.category].append(outcome)
        out = [f"{'category':<14} {'n':>4} {'right':>6} {'wrong':>6} {'choices':>8} {'none':>5}"]
        for category in sorted(by_category):
            items = by_category[category]
            count = {
                v: sum(o.verdict == v for o in items)
                for v in ("right", "wrong", "choices", "none")
            }
            out.append(
                f"{category:<14} {len(items):>4} {count['right'] / len(items):>6.1%} "
                f"{count['wrong']:>6} {count['choices']:>8} {count['none']:>5}"
            )
        out.append(
            f"in-scope answered right: {self.in_scope_answered:.1%} "
            f"(floor {MIN_IN_SCOPE_ANSWERED:.0%}); wrong answers: {self.wrong_answers} "
            f"(max {MAX_WRONG_ANSWERS}); out-of-scope none: {self.out_of_scope_none:.1%} "
            f"(floor {MIN_OUT_OF_SCOPE_NONE:.0%})"
        )
        failures = [o for o in self.outcomes if o.verdict != "right"]
        if failures:
            out.append(f"failures ({len(failures)}):")
        for o in failures:
            expected = "|".join(o.case.expected) or (
                f"none about {'|'.join(o.case.about)}" if o.case.about else "none"
            )
            got = ", ".join(o.got) or "-"
            out.append(
                f"  [{o.verdict}] {o.case.question!r}: expected {expected}; got {o.status} {got}"
            )
        return out


def load_cases(path: Path) -> list[Case]:
    """Read a golden question file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = []
    for item in data["questions"]:
        previous = item.get("previous")
        cases.append(
            Case(
                str(item["q"]),
                _ids(item.get("expect")),
                str(item.get("category", "other")),
                about=_ids(item.get("about")),
                previous=None if previous is None else str(previous),
            )
        )
    return cases


def _ids(value: object) -> tuple[str, ...]:
    """Read an ``expect`` or ``about`` value: none, one id, or a list of ids."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)


def evaluate(
    answerer: Answers, cases: list[Case], answered_id: Callable[[str], str] = lambda i: i
) -> Report:
    """Answer every case and collect the outcomes.

    ``answered_id`` gives the id an answer carries for an id a set names (the figure of a
    target stated by one figure is answered with the target's id).
    """
    report = Report()
    for named in cases:
        case = dataclasses.replace(
            named,
            expected=tuple(dict.fromkeys(map(answered_id, named.expected))),
            about=tuple(dict.fromkeys(map(answered_id, named.about))),
        )
        previous = None if case.previous is None else answerer.answer(case.previous)
        answer = answerer.answer(case.question, previous)
        report.outcomes.append(Outcome(case, answer.status, tuple(m.id for m in answer.matches)))
    return report
