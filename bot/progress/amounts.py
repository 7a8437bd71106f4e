"""Amounts in report messages: a number, its scale and what it measures, in a figure's unit.

"54,2%", "80.200 tấn", "1,2 tỷ", "600 triệu đô", "35 đảng viên": the number is read as users
type it (:func:`bot.vietnamese.numbers.parse_user_number`: "1.234,5" and "1,234.5" alike),
then the words right after it give a scale ("tỷ", "triệu", "nghìn") and a measure ("%",
"USD", "tấn", "xã"). A resolution's figure unit is read the same way ("triệu USD" is a scale
and a measure), so an amount is converted into it: "80.200 tấn" is 80,2 for a figure in
"ngàn tấn". Text is folded (:func:`bot.vietnamese.text.fold_diacritics`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.errors import NumberFormatError
from bot.vietnamese.numbers import NUMBER_TOKEN, parse_user_number
from bot.vietnamese.text import fold

#: Scale words, folded: "1,2 tỷ" is 1,2 × 10⁹.
SCALES: dict[str, float] = {
    "ty": 1e9,
    "ti": 1e9,
    "trieu": 1e6,
    "tr": 1e6,
    "nghin": 1e3,
    "ngan": 1e3,
    "k": 1e3,
}

#: Measure words, folded (longest first when read), and the measure each names.
MEASURES: dict[str, str] = {
    "%": "percent",
    "phan tram": "percent",
    "‰": "permille",
    "phan nghin": "permille",
    "usd": "usd",
    "do la": "usd",
    "do": "usd",
    "$": "usd",
    "dong": "dong",
    "vnd": "dong",
    "tan": "tonne",
    "ha": "hectare",
    "hecta": "hectare",
    "hec ta": "hectare",
    "xa": "commune",
    "ho": "household",
    "truong": "school",
    "dang vien": "member",
    "dv": "member",
    "nguoi": "person",
    "dong chi": "person",
    "dong chi moi": "person",
    "bac si": "doctor",
    "bac si/van dan": "doctor",
}

#: Measures counted in whole things: "3,5 xã" is no count.
WHOLE = frozenset({"commune", "household", "school", "member", "person"})
#: Measures of a share.
SHARES = frozenset({"percent", "permille"})
#: Measures of quantities that a count noun may also name ("120 người" for party members).
_PEOPLE = frozenset({"member", "person"})

_SIGNS = "%‰$"
_MEASURE_WORDS = sorted(MEASURES, key=len, reverse=True)


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit read into a scale and a measure: "triệu USD" is 10⁶ of "usd"."""

    scale: float = 1.0
    measure: str | None = None
    scaled: bool = False
    """Whether a scale word was written ("1,2 tỷ"), or the scale is only assumed."""


@dataclass(frozen=True, slots=True)
class Amount:
    """A number with the unit written after it, where it stands in the folded text."""

    value: float
    unit: Unit
    start: int
    end: int
    negative: bool = False


def read_unit(folded: str) -> tuple[Unit, int]:
    """Return the unit at the start of a folded text and how many characters it took."""
    at = len(folded) - len(folded.lstrip())
    scale, scaled, measure = 1.0, False, None
    # "1,85 nghìn tỷ": scale words multiply.
    while (word := re.match(r"[a-z]+", folded[at:])) and word.group() in SCALES:
        scale, scaled = scale * SCALES[word.group()], True
        at += word.end()
        at += len(folded[at:]) - len(folded[at:].lstrip())
    for candidate in _MEASURE_WORDS:
        if folded.startswith(candidate, at):
            after = at + len(candidate)
            if candidate[-1] in _SIGNS or after == len(folded) or not folded[after].isalnum():
                measure = MEASURES[candidate]
                at = after
                break
    if not scaled and measure is None:
        return Unit(), 0
    return Unit(scale, measure, scaled), at


def unit_of_figure(unit: str) -> Unit:
    """Return the unit of a resolution's figure ("ngàn tấn", "%", "bác sỹ/vạn dân")."""
    folded = unit.casefold() if unit in ("%", "‰") else fold(unit.split("/")[0])
    read, _ = read_unit(folded)
    return read


def amounts_in(folded: str) -> list[Amount]:
    """Return every amount of a folded text, in order, with the unit written after it."""
    found: list[Amount] = []
    for match in NUMBER_TOKEN.finditer(folded):
        try:
            number = parse_user_number(match.group())
        except NumberFormatError:
            continue
        unit, taken = read_unit(folded[match.end() :])
        before = folded[: match.start()]
        negative = before.endswith("-") or bool(re.search(r"\bam\s*$", before))
        found.append(
            Amount(
                -number.value if negative else number.value,
                unit,
                match.start() - (1 if before.endswith("-") else 0),
                match.end() + taken,
                negative,
            )
        )
    return found


def compatible(typed: Unit, figure: Unit) -> bool:
    """Return whether an amount typed in one unit can be a figure in the other."""
    if typed.measure is None:
        # "1,2 tỷ": a bare scale fits a figure in an amount, never a share or a count.
        return not typed.scaled or figure.measure not in SHARES | WHOLE
    if figure.measure is None or typed.measure == figure.measure:
        return True
    return typed.measure in _PEOPLE and figure.measure in _PEOPLE


def in_figure_unit(value: float, typed: Unit, figure: Unit) -> float:
    """Return an amount in the figure's unit ("80.200 tấn" is 80,2 "ngàn tấn")."""
    if not typed.scaled and typed.measure is None:
        return value  # the figure's own unit is meant: "thu nội địa 850"
    if not typed.scaled and typed.measure == figure.measure and figure.scale != 1:
        # "80.200 tấn" for a figure in "ngàn tấn": the unit written is the base measure.
        return value / figure.scale
    return value * typed.scale / figure.scale
