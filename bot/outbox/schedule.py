"""Reminder schedules written in Vietnamese, and their next firing.

"ngày 25 hằng tháng lúc 8:00", "thứ Hai hằng tuần 7:30", "hằng ngày 17h", "cuối mỗi quý",
"cuối tháng", "8 giờ sáng thứ sáu" (the next Friday, once), "25/12 lúc 9h" (once), each
optionally with skipped dates: "…, trừ 20/1-30/1" or "bỏ qua từ 15/01 đến 25/01" (every year,
for Tết). Text is read folded (no diacritics). Times are in the bot's time zone; a monthly
day beyond a month's end fires on its last day (the 31st in April is the 30th).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.vietnamese.text import fold_diacritics

Kind = Literal["daily", "weekly", "monthly", "month_end", "quarter_end", "once"]

DEFAULT_TIME = dt.time(8, 0)
#: Folded weekday names (Monday is 0): "thứ hai"/"thứ 2" … "chủ nhật".
_WEEKDAYS = {
    "thu hai": 0, "thu 2": 0, "t2": 0,
    "thu ba": 1, "thu 3": 1, "t3": 1,
    "thu tu": 2, "thu 4": 2, "t4": 2,
    "thu nam": 3, "thu 5": 3, "t5": 3,
    "thu sau": 4, "thu 6": 4, "t6": 4,
    "thu bay": 5, "thu 7": 5, "t7": 5,
    "chu nhat": 6, "cn": 6,
}  # fmt: skip
_EVERY = r"(?:hang|moi)"
_TIME = re.compile(
    r"(?:luc\s+)?(?<![\d/])(?P<hour>\d{1,2})\s*(?::|h(?![a-z])|gio\b)\s*(?P<minute>\d{1,2})?"
    r"(?:\s*phut)?"
    r"(?:\s*\b(?P<part>sang|trua|chieu|toi|dem)\b)?"
)
_DATE = r"(?P<day>\d{1,2})\s*/\s*(?P<month>\d{1,2})(?:\s*/\s*(?P<year>\d{4}))?"
_SKIP = re.compile(
    r"(?:tru|bo qua|nghi)\s+(?:tu\s+)?(?:ngay\s+)?(?P<d1>\d{1,2})\s*/\s*(?P<m1>\d{1,2})"
    r"\s*(?:-|den|toi)\s*(?:ngay\s+)?(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})"
)


class ScheduleError(ValueError):
    """The schedule cannot be read; the message says how to write one."""


HOW_TO_WRITE = (
    "Chưa đọc được lịch. Ví dụ: “ngày 25 hằng tháng lúc 8:00”, “thứ Hai hằng tuần 7:30”, "
    "“hằng ngày 17h”, “cuối mỗi quý”, “cuối tháng”, “8 giờ sáng thứ sáu”, “25/12 lúc 9h”; "
    "thêm “trừ 20/1-30/1” để bỏ qua những ngày nghỉ."
)


@dataclass(frozen=True, slots=True)
class Rule:
    """When a reminder fires."""

    kind: Kind
    time: dt.time = DEFAULT_TIME
    day: int = 1
    """The day of the month (monthly)."""
    weekday: int = 0
    """Monday is 0 (weekly)."""
    date: dt.date | None = None
    """The day of a one-off reminder."""
    skips: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = field(default=())
    """Skipped ranges as ((month, day), (month, day)), every year."""

    def as_json(self) -> dict[str, Any]:
        """Return the rule as it is stored."""
        return {
            "kind": self.kind,
            "time": self.time.strftime("%H:%M"),
            "day": self.day,
            "weekday": self.weekday,
            "date": self.date.isoformat() if self.date else None,
            "skips": [list(map(list, skip)) for skip in self.skips],
        }

    @classmethod
    def of_json(cls, data: dict[str, Any]) -> Rule:
        """Return a stored rule."""
        return cls(
            kind=data["kind"],
            time=dt.time.fromisoformat(data["time"]),
            day=int(data["day"]),
            weekday=int(data["weekday"]),
            date=dt.date.fromisoformat(data["date"]) if data.get("date") else None,
            skips=tuple(
                ((int(a[0]), int(a[1])), (int(b[0]), int(b[1]))) for a, b in data["skips"]
            ),
        )


def parse_schedule(text: str, today: dt.date) -> Rule:
    """Return the rule a schedule phrase writes; a one-off date without a year is the next.

    Raises:
        ScheduleError: the phrase is no schedule this reads.
    """
    folded = " ".join(fold_diacritics(text).split())
    skips: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for match in _SKIP.finditer(folded):
        start = (int(match["m1"]), int(match["d1"]))
        end = (int(match["m2"]), int(match["d2"]))
        if not (_valid(*start) and _valid(*end)):
            raise ScheduleError(HOW_TO_WRITE)
        skips.append((start, end))
    folded = _SKIP.sub(" ", folded)
    when = _time_of(folded)
    rest = _TIME.sub(" ", folded) if when is not None else folded
    at = when or DEFAULT_TIME
    kinds: list[Rule] = []
    if re.search(rf"\bcuoi\s+(?:{_EVERY}\s+)?quy\b", rest):
        kinds.append(Rule("quarter_end", at))
    elif re.search(rf"\bcuoi\s+(?:{_EVERY}\s+)?thang\b", rest):
        kinds.append(Rule("month_end", at))
    elif monthly := re.search(rf"\bngay\s+(\d{{1,2}})\s+{_EVERY}\s+thang\b", rest):
        day_of_month = int(monthly[1])
        if not 1 <= day_of_month <= 31:
            raise ScheduleError(HOW_TO_WRITE)
        kinds.append(Rule("monthly", at, day=day_of_month))
    elif re.search(rf"\b{_EVERY}\s+ngay\b", rest):
        kinds.append(Rule("daily", at))
    elif (weekday := _weekday_of(rest)) is not None:
        if re.search(rf"\b{_EVERY}\s+tuan\b|\bmoi\s+thu\b", rest):
            kinds.append(Rule("weekly", at, weekday=weekday))
        else:
            ahead = (weekday - today.weekday()) % 7
            kinds.append(Rule("once", at, date=today + dt.timedelta(days=ahead)))
    elif once := re.search(rf"\b(?:ngay\s+)?{_DATE}\b", rest):
        year = int(once["year"]) if once["year"] else today.year
        try:
            when_day = dt.date(year, int(once["month"]), int(once["day"]))
        except ValueError:
            raise ScheduleError(HOW_TO_WRITE) from None
        if once["year"] is None and when_day < today:
            when_day = when_day.replace(year=today.year + 1)
        kinds.append(Rule("once", at, date=when_day))
    if not kinds:
        raise ScheduleError(HOW_TO_WRITE)
    rule = kinds[0]
    return Rule(rule.kind, rule.time, rule.day, rule.weekday, rule.date, tuple(skips))


def next_fire(rule: Rule, after: dt.datetime, tz: dt.tzinfo) -> dt.datetime | None:
    """Return the first firing strictly after ``after`` (aware), skipping skipped days.

    None when a one-off reminder's time has passed (or falls on a skipped day).
    """
    local = after.astimezone(tz)
    day = local.date()
    for _ in range(3 * 366):
        if _fires_on(rule, day) and not _skipped(rule, day):
            moment = dt.datetime.combine(day, rule.time, tzinfo=tz)
            if moment > after:
                return moment.astimezone(dt.UTC)
        if rule.kind == "once" and rule.date is not None and day > rule.date:
            return None
        day += dt.timedelta(days=1)
    return None


def describe(rule: Rule) -> str:
    """Return a rule in Vietnamese: "8:00 ngày 25 hằng tháng"."""
    at = rule.time.strftime("%H:%M")
    names = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]
    text = {
        "daily": f"{at} hằng ngày",
        "weekly": f"{at} {names[rule.weekday]} hằng tuần",
        "monthly": f"{at} ngày {rule.day} hằng tháng",
        "month_end": f"{at} ngày cuối mỗi tháng",
        "quarter_end": f"{at} ngày cuối mỗi quý",
        "once": f"{at} ngày {rule.date:%d/%m/%Y}" if rule.date else at,
    }[rule.kind]
    for (m1, d1), (m2, d2) in rule.skips:
        text += f", trừ {d1:02d}/{m1:02d}–{d2:02d}/{m2:02d}"
    return text


def _fires_on(rule: Rule, day: dt.date) -> bool:
    last = calendar.monthrange(day.year, day.month)[1]
    if rule.kind == "daily":
        return True
    if rule.kind == "weekly":
        return day.weekday() == rule.weekday
    if rule.kind == "monthly":
        return day.day == min(rule.day, last)
    if rule.kind == "month_end":
        return day.day == last
    if rule.kind == "quarter_end":
        return day.month % 3 == 0 and day.day == last
    return day == rule.date


def _skipped(rule: Rule, day: dt.date) -> bool:
    key = (day.month, day.day)
    for start, end in rule.skips:
        if start <= end and start <= key <= end:
            return True
        if start > end and (key >= start or key <= end):  # across the new year
            return True
    return False


def _time_of(folded: str) -> dt.time | None:
    match = _TIME.search(folded)
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["part"] in {"chieu", "toi"} and hour < 12:
        hour += 12
    if match["part"] == "trua" and hour < 11:
        hour += 12
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ScheduleError(HOW_TO_WRITE)
    return dt.time(hour, minute)


def _weekday_of(folded: str) -> int | None:
    for name, number in sorted(_WEEKDAYS.items(), key=lambda item: -len(item[0])):
        if re.search(rf"\b{name}\b", folded):
            return number
    return None


def _valid(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2020, month)[1]
