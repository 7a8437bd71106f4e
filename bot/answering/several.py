"""Several items in one question: "trường chuẩn và xã nông thôn mới mỗi thứ bao nhiêu".

When a question as a whole is not answered, its parts (split at the joining words of
``vocabulary.comparison.joins``: "và", "so với", "gấp mấy lần", "chiếm bao nhiêu phần",
commas) are tried one by one; parts that ask nothing of their own ("cái nào cao hơn") are
left out, and when every other part is answered, each with another item, the reply states
each item's figure as the resolution writes it. Nothing is computed: a difference, a ratio
or a ranking would be a figure the resolution does not state, and the reply says so.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable

from bot.answering.answers import Answer

MAX_PARTS = 4
HEADLINE = "Nghị quyết nêu từng nội dung như sau:"
NOTE = "Các con số trên là của Nghị quyết; Nghị quyết không nêu phép so sánh giữa chúng."


def joins_pattern(joins: Iterable[str], *, commas: bool = True) -> re.Pattern[str]:
    """Return the pattern that cuts a question at its joining words (and commas)."""
    words = sorted({j.strip() for j in joins if j.strip()}, key=len, reverse=True)
    alternatives = "|".join(rf"\b{re.escape(w)}\b" for w in words)
    marks = ",(?=\\s)|;|" if commas else ";|"
    return re.compile(rf"\s*(?:{marks}{alternatives})\s*", re.IGNORECASE)


def several_items(
    question: str,
    answer_one: Callable[[str], Answer],
    whole: Callable[[list[str]], Answer | None] = lambda ids: None,
    *,
    joins: re.Pattern[str],
    asks_nothing: Callable[[str], bool] = lambda part: False,
    clean: Callable[[str], str] = lambda part: part,
) -> Answer | None:
    """Return one reply stating every item the parts of ``question`` ask, or None.

    ``whole`` gives the reply for items that together make up one item (the figures of one
    target: "nông lâm ngư, công nghiệp, dịch vụ" are the GRDP target), when there is one.
    ``asks_nothing`` tells a part that only compares ("cái nào lớn hơn") from one that asks;
    ``clean`` cuts the comparing tail off a part ("trường chuẩn cái nào nhiều").
    """
    parts = [p for p in joins.split(question) if p.strip()]
    if not 2 <= len(parts) <= MAX_PARTS:
        return None
    answers = [answer_one(clean(part)) for part in parts]
    answers = [
        a
        for a, part in zip(answers, parts, strict=True)
        if a.status == "answer" or not asks_nothing(part)
    ]
    if len(answers) < 2 or any(a.status != "answer" or not a.matches for a in answers):
        return None
    ids = [a.matches[0].id for a in answers]
    if len(set(ids)) != len(ids):
        return None
    together = whole(ids)
    if together is not None:
        return dataclasses.replace(together, question=question)
    lines = tuple(f"• {line}" for a in answers for line in (a.headline, *a.lines)[:1])
    return Answer(
        question,
        "answer",
        HEADLINE,
        lines,
        note=NOTE,
        place=answers[0].place,
        matches=tuple(a.matches[0] for a in answers),
    )
