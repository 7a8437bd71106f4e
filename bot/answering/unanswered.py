"""The administrators' report of questions the bot could not answer confidently."""

from __future__ import annotations

import zoneinfo
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from bot.answering.answers import Status

#: Questions listed in one report, the most frequent first.
UNANSWERED_LIMIT = 20
LINE = "{number}. “{example}” – {count} lần, lần cuối {last}; {statuses}"
STATUS_WORDS: dict[Status, str] = {
    "none": "không tìm thấy nội dung",
    "choices": "phải hỏi lại để chọn",
    "answer": "đã trả lời",
}


class UnansweredRow(Protocol):
    """A question left unanswered, grouped by its normalised text (as storage returns it)."""

    @property
    def example(self) -> str: ...
    @property
    def count(self) -> int: ...
    @property
    def last_asked(self) -> datetime: ...
    @property
    def statuses(self) -> tuple[Status, ...]: ...


def unanswered_lines(rows: Sequence[UnansweredRow], time_zone: zoneinfo.ZoneInfo) -> list[str]:
    """Return one line a question: wording, how often, when last, how it was answered."""
    return [
        LINE.format(
            number=number,
            example=row.example,
            count=row.count,
            last=f"{row.last_asked.astimezone(time_zone):%d/%m %H:%M}",
            statuses=", ".join(STATUS_WORDS[s] for s in row.statuses),
        )
        for number, row in enumerate(rows, start=1)
    ]
