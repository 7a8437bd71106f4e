"""Vietnamese numbers, as the resolution writes them and as users type them.

The resolution follows the Vietnamese convention: ``.`` groups thousands and ``,`` marks
decimals ("2.370", "7,5", "0,089", "01"). Users on phones type either convention
("7.5", "54,2%", "2370", "1,800").

Rule for ambiguous user input (a single separator followed by exactly three digits, as in
"2.370" or "1,800"): the Vietnamese reading wins, so "2.370" is 2370 and "1,800" is 1,8.
Both readings are kept (``UserNumber.alternatives``) so that callers who know the expected
magnitude (for example a figure in "triệu USD") can check the other one, and so that a
confirmation step can show the user what was understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.errors import NumberFormatError
from bot.vietnamese.text import fold

_VN_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_VN_DECIMAL = re.compile(r"(?:0|[1-9]\d{0,2}(?:\.\d{3})*|\d+),\d+")
_PLAIN = re.compile(r"\d+")

#: A number token in free text: digits with optional '.' or ',' groups.
#: Not glued to letters on the left ("covid19", "g7") nor part of "1e309" on the right; a
#: unit glued on the right is fine ("600tr", "54,2ha").
NUMBER_TOKEN = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\d]|[^\W\d_]\d)")
#: Units written as a sign against the number ("7,5%", "0,089‰"), not as words.
UNIT_SIGNS = ("%", "‰")
#: Words of scale typed after a number ("1.800 tỷ", "600 triệu", "276 ngàn tấn"), each
#: spelling (with diacritics or without) with the scale it names.
SCALES = {
    **dict.fromkeys(("tỷ", "tỉ", "ty", "ti"), "tỷ"),
    **dict.fromkeys(("triệu", "trieu"), "triệu"),
    **dict.fromkeys(("nghìn", "ngàn", "nghin", "ngan"), "nghìn"),
}
#: The spellings of :data:`SCALES` as a regex alternation.
SCALE_WORDS = "|".join(SCALES)


def normalize_unit(unit: str) -> str:
    """Return a unit's matching key: a sign as it is, a unit in words folded ("triệu USD")."""
    # Folding keeps letters and digits only: it would turn "%" into nothing.
    return unit if unit in UNIT_SIGNS else fold(unit)


def parse_resolution_number(text: str) -> float:
    """Parse a number written in the Vietnamese convention, as in the resolution.

    Raises:
        NumberFormatError: the text is not a number in that convention.
    """
    token = text.strip()
    if _PLAIN.fullmatch(token):
        return float(int(token))
    if _VN_THOUSANDS.fullmatch(token):
        return float(int(token.replace(".", "")))
    if _VN_DECIMAL.fullmatch(token):
        return float(token.replace(".", "").replace(",", "."))
    raise NumberFormatError(text)


@dataclass(frozen=True, slots=True)
class UserNumber:
    """A number typed by a user: the preferred reading and any other plausible ones."""

    text: str
    value: float
    alternatives: tuple[float, ...] = ()


#: Relative tolerance when a typed number is compared with a figure ("7.5" for "7,5").
NUMBER_TOLERANCE = 0.005


def same_number(typed: float, figure: float) -> bool:
    """Return whether a typed number is the figure, within :data:`NUMBER_TOLERANCE`."""
    return abs(typed - figure) <= NUMBER_TOLERANCE * max(abs(figure), 1e-9)


#: Digits a typed number may have; longer ones overflow a float ("9" × 400) or mean nothing.
MAX_DIGITS = 18


def parse_user_number(text: str) -> UserNumber:
    """Parse a number as a user may type it ('7.5', '54,2', '2370', '2.370', '1.234,5').

    Raises:
        NumberFormatError: the text is not a number, or one too large to mean anything
            (more than :data:`MAX_DIGITS` digits: no figure of a resolution is).
    """
    token = text.strip().rstrip("".join(UNIT_SIGNS)).strip()
    if sum(c.isdigit() for c in token) > MAX_DIGITS:
        raise NumberFormatError(text)
    if _PLAIN.fullmatch(token):
        return UserNumber(text, float(int(token)))
    dots, commas = token.count("."), token.count(",")
    if not re.fullmatch(r"\d+(?:[.,]\d+)+", token):
        raise NumberFormatError(text)
    if dots and commas:
        # The last separator is the decimal mark: "1.234,5" and "1,234.5".
        decimal = "," if token.rfind(",") > token.rfind(".") else "."
        group = "." if decimal == "," else ","
        whole, _, frac = token.rpartition(decimal)
        if not re.fullmatch(rf"\d{{1,3}}(?:\{group}\d{{3}})*", whole):
            raise NumberFormatError(text)
        return UserNumber(text, float(whole.replace(group, "") + "." + frac))
    sep = "." if dots else ","
    parts = token.split(sep)
    grouped = all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3 and parts[0][0] != "0"
    if len(parts) > 2:
        if not grouped:
            raise NumberFormatError(text)
        return UserNumber(text, float("".join(parts)))
    as_decimal = float(parts[0] + "." + parts[1])
    if not grouped:
        return UserNumber(text, as_decimal)
    as_thousands = float("".join(parts))
    if set(parts[1]) == {"0"}:
        # "3.000", "2,000": nobody writes three zero decimals; a count of thousands.
        return UserNumber(text, as_thousands)
    if sep == ".":
        return UserNumber(text, as_thousands, (as_decimal,))
    return UserNumber(text, as_decimal, (as_thousands,))


def format_vietnamese_number(value: float, decimals: int | None = None) -> str:
    """Format a number the Vietnamese way: 2370 -> '2.370', 7.5 -> '7,5'."""
    text = f"{value:.6f}".rstrip("0").rstrip(".") if decimals is None else f"{value:.{decimals}f}"
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"
