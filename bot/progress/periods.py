"""Reporting periods as unit heads write them: "tháng 6", "quý II", "6 tháng đầu năm", "đến 30/6".

A figure is reported as it stands at the end of its period, counted from the start of the
year for the forms that say so ("6 tháng", "đến 30/6"). Text is read folded (no diacritics,
lower case, punctuation kept: :func:`bot.vietnamese.text.fold_diacritics`), so "thang 6"
and "tháng 6" are one form.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from bot.progress.model import Period

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
#: A year after a period: "tháng 6/2020", "quý 2 năm 2020", "6 tháng đầu năm 2020".
_YEAR = r"(?:\s*(?:/|-|nam|(?<=nam))\s*(?P<year>(?:19|20)\d\d)(?!\d))?"
#: A number of a period is no part of another number ("14,9 tháng 6" is 14,9 of June).
_ALONE = r"(?<![\d.,])"

#: Each form of a period, the most specific first (the first that matches a span wins).
_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        # "đến 30/6", "tính đến ngày 30/6/2020", "tới 15/9": from the start of the year.
        (
            "until",
            r"\b(?:tinh\s+)?(?:den|toi)\s+(?:het\s+)?(?:ngay\s+)?"
            r"(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})(?:\s*[/.-]\s*(?P<year>\d{4}))?\b",
        ),
        # "6 tháng đầu năm", "9 tháng", "9 thang nam 2020": the first months of the year.
        (
            "months",
            _ALONE + r"\b(?P<months>\d{1,2})\s+thang(?:\s+dau\s+nam)?" + _YEAR + r"(?![\d/])",
        ),
        # "quý II", "quý 2", "quy 3/2020".
        ("quarter", r"\bquy\s+(?P<quarter>iv|iii|ii|i|[1-4])\b" + _YEAR),
        # "tháng 6", "tháng 6/2020", "T6", "th6", "tháng 06 năm 2020".
        ("month", r"\b(?:thang\s*|th\s*|t)(?P<month>\d{1,2})\b" + _YEAR),
        # "đầu năm đến nay", "từ đầu năm": from the start of the year to today.
        ("to-date", r"\b(?:tu\s+)?dau\s+nam(?:\s+(?:den|toi)\s+nay)?\b|\blu[yi]\s+ke\b"),
        # "cả năm", "ước cả năm", "năm 2020".
        ("year", r"\b(?:ca\s+nam|uoc\s+nam)" + _YEAR + r"|\bnam\s+(?P<only_year>\d{4})\b"),
    )
)


@dataclass(frozen=True, slots=True)
class FoundPeriod:
    """A period named in a text, where it was named, and the year the text gave (if any)."""

    period: Period
    start: int
    end: int
    year_named: int | None


def find_periods(folded: str, year: int, today: dt.date) -> list[FoundPeriod]:
    """Return every period a folded text names, in text order (overlaps: the first form wins).

    ``year`` is the resolution's year, used when the text names none; ``today`` ends the
    open forms ("từ đầu năm đến nay").
    """
    taken: list[tuple[int, int]] = []
    found: list[FoundPeriod] = []
    for name, pattern in _FORMS:
        for match in pattern.finditer(folded):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            period = _period(name, match, year, today)
            if period is None:
                continue
            taken.append(span)
            named = match.groupdict().get("year") or match.groupdict().get("only_year")
            found.append(FoundPeriod(period[0], *span, int(named) if named else period[1]))
    return sorted(found, key=lambda f: f.start)


def current_month(today: dt.date) -> Period:
    """Return the whole month ``today`` lies in (the default period of a report)."""
    last = calendar.monthrange(today.year, today.month)[1]
    return Period(today.replace(day=1), today.replace(day=last))


def _period(
    name: str, match: re.Match[str], year: int, today: dt.date
) -> tuple[Period, int | None] | None:
    """Return the period a match names and the year it named, or None if it names none."""
    groups = match.groupdict()
    named = groups.get("year") or groups.get("only_year")
    in_year = int(named) if named else year
    if in_year < 1900 or in_year > 2200:
        return None
    if name == "until":
        try:
            day = dt.date(in_year, int(groups["month"]), int(groups["day"]))
        except ValueError:
            return None
        return Period(dt.date(in_year, 1, 1), day), int(named) if named else None
    if name in {"months", "month", "quarter"}:
        if name == "quarter":
            quarter = _ROMAN.get(groups["quarter"]) or int(groups["quarter"])
            first, last = 3 * quarter - 2, 3 * quarter
        else:
            number = int(groups["months" if name == "months" else "month"])
            if not 1 <= number <= 12:
                return None
            first, last = (1, number) if name == "months" else (number, number)
        end = dt.date(in_year, last, calendar.monthrange(in_year, last)[1])
        return Period(dt.date(in_year, first, 1), end), int(named) if named else None
    if name == "to-date":
        end = today if today.year == year else dt.date(year, 12, 31)
        return Period(dt.date(year, 1, 1), end), None
    # "cả năm", "năm 2020"
    return Period(dt.date(in_year, 1, 1), dt.date(in_year, 12, 31)), int(named) if named else None
