"""Several items in one question: "trường chuẩn và xã nông thôn mới mỗi thứ bao nhiêu".

When a question as a whole is not answered, its parts (split at "và", "với", "so với",
"hơn", commas) are tried one by one; when every part is answered, each with another item,
the reply states each item's figure as the resolution writes it. Nothing is computed: a
difference or a ratio would be a figure the resolution does not state.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from bot.answering.answers import Answer

#: Where a question naming several items is cut.
_JOINS = re.compile(
    r"\s*(?:,(?=\s)|;|\bso với\b|\bso voi\b|\bvà\b|\bva\b|\bvới\b|\bvoi\b|\bhơn\b|\bhon\b)\s*",
    re.IGNORECASE,
)
MAX_PARTS = 4
HEADLINE = "Nghị quyết nêu từng nội dung như sau:"
NOTE = "Các con số trên là của Nghị quyết; Nghị quyết không nêu phép so sánh giữa chúng."


def several_items(
    question: str,
    answer_one: Callable[[str], Answer],
    whole: Callable[[list[str]], Answer | None] = lambda ids: None,
) -> Answer | None:
    """Return one reply stating every item the parts of ``question`` ask, or None.

    ``whole`` gives the reply for items that together make up one item (the figures of one
    target: "nông lâm ngư, công nghiệp, dịch vụ" are the GRDP target), when there is one.
    """
    parts = [p for p in _JOINS.split(question) if p.strip()]
    if not 2 <= len(parts) <= MAX_PARTS:
        return None
    answers = [answer_one(part) for part in parts]
    if any(a.status != "answer" or not a.matches for a in answers):
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
