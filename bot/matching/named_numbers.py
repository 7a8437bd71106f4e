"""The numbers a text names: a question's years, figures and section codes, an item's numbers.

A question is read with diacritics folded but punctuation kept
(:func:`bot.vietnamese.text.fold_diacritics`): folding to words would split "7,5" into "7 5".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.errors import NumberFormatError
from bot.vietnamese.numbers import NUMBER_TOKEN, parse_user_number
from bot.vietnamese.text import padded_fold

_YEAR = re.compile(r"(?<![\d.,/])((?:19|20)\d\d)(?![\d.,])")
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}(?:/(\d{2,4}))?\b")
#: A day and month, maybe a year, as a premise puts them (:func:`day_month_year`).
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})\s*(?:/|-|\.|\s+th[aá]ng\s+)\s*(\d{1,2})"
    r"(?:\s*(?:/|-|\.|\s+n[aă]m\s+)\s*(\d{4}))?\b"
)
#: "tháng" right before a number (folded): the number is a month.
_MONTH_BEFORE = re.compile(r"\bthang\s*$")
#: "tháng 1 năm 2020", "tháng 01/2020": a month without a day (casefolded).
_MONTH_YEAR = re.compile(r"\bth[aá]ng\s+(\d{1,2})(?:\s*(?:/|-|\s+n[aă]m\s+)\s*(\d{4}))?\b")
#: "lần" after a number ("1 lần", "2 lần"): how often or how many times, never a figure.
_TIMES_AFTER = re.compile(r"\s*lan\b")
#: A number of months ("6 tháng đầu năm", "báo cáo 6 tháng"): a span, never a figure (the
#: month of a date comes after its noun: "tháng 6").
_MONTHS_AFTER = re.compile(r"\s*thang\b")
#: "năm" (or "nam", folded) right before a number: it is a year.
_YEAR_BEFORE = re.compile(r"\bnam\s*$")
#: Another number offered after it ("2000 hay 3000"; folded).
_OFFERED_AFTER = re.compile(r"\s*(?:hay|hoac)\s+(\d+)")
#: Nouns a number counts ("2000 đảng viên", "2600 hộ"), folded: after them it is no year.
_COUNTED_AFTER = re.compile(
    r"\s*(?:dang vien|dv\b|ho\b|nguoi|xa\b|truong|ty\b|trieu|nghin|ngan|tan\b|usd|ha\b|"
    r"to chuc|doanh nghiep|bac sy|bac si|km\b|dong chi|xom\b|thon\b|hoc sinh|lao dong|"
    r"chi bo|hop tac xa|htx\b|nha\b|con\b)"
)
_ROMAN_CODE = re.compile(
    # (the word naming a section stands apart: "cti" is chat for "chỉ tiêu", not "ct I")
    r"\b(?:(?:muc|phan|chi tieu|nhiem vu|ct|nv|tieu muc|diem)[\s.]+)?"
    r"(iii|ii|i)(?:\s*[.\-]\s*(\d)(?:\s*[.\-]\s*(\d))?)?(?:\s*[.\-]?\s*\(\s*(\d{1,2})\s*\))?"
    r"(?![\w])"
)
_ARABIC_CODE = re.compile(
    # after a word naming a section, or opening the question ("2.3 nói về gì"): a bare
    # "1.4" typed first is the resolution's numbering, not a decimal (written "1,4")
    r"(?:\b(muc|phan|chi tieu|nhiem vu|ct|nv|tieu muc|diem)\s*(?:so\s*)?|^\s*)"
    r"([12])\s*\.\s*(\d)(?:\s*\.\s*\(?\s*(\d{1,2})\s*\)?|\s*\(\s*(\d{1,2})\s*\))?"
    r"(?![\d,])(?!\s*(?:%|phan tram|ty\b|trieu\b|usd\b|nghin\b|ngan\b))"
)
# A unit after a number makes it a figure ("chỉ tiêu 45% là gì"), not a target's number.
_UNIT_AFTER = r"\s*(?:%|phan tram|ty\b|trieu\b|nghin\b|ngan\b|usd\b|do\b|dong\b|ha\b|tan\b|km\b)"
#: "nhiệm vụ (chủ yếu) thứ 3", "nhiệm vụ thứ hai", "nhiệm vụ đầu tiên" (folded words).
_TASK_ORDINAL = re.compile(
    r"\b(?:nhiem vu|nv)(?: chu yeu| trong tam)?\s+"
    r"(?:thu\s+(\d|nhat|hai|ba|tu|bon|nam)|(dau tien))\b"
)
#: Ordinals said in words, folded ("thứ hai", "thứ tư"/"thứ bốn", "đầu tiên").
ORDINAL_WORDS = {
    "nhat": 1, "dau tien": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5,
    "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10,
}  # fmt: skip
#: The ordinals said in one word, as a pattern's alternatives ("nhat|hai|ba|…").
ORDINALS_SAID = "|".join(w for w in ORDINAL_WORDS if " " not in w)
_TARGET_NUMBER = re.compile(
    rf"\b(?:chi tieu|muc tieu|ct)\s*(?:so\s*)?\(?\s*(\d{{1,2}})\s*\)?(?![\d.,]|{_UNIT_AFTER})"
)
#: "phần 3", "phần thứ 2": a part of the resolution (I, II, III) in Arabic numerals (folded).
_PART_NUMBER = re.compile(r"\bphan\s*(?:thu\s*)?([1-3])\b(?![.,]\d|\s*(?:%|phan tram))")
_TARGET_FIGURE = re.compile(rf"\b(?:chi tieu|muc tieu|ct)\s*(?:so\s*)?\d{{1,2}}{_UNIT_AFTER}")
# Roman numerals in an item's wording: "khoá XVIII", "Đại hội XIX".
_ROMAN = re.compile(r"\b[IVXLC]+\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
#: Nouns a number qualifies as an ordinal or a name ("Hội nghị lần thứ 20", "khoá XVIII"),
#: folded; the longest first.
ORDINAL_NOUNS = (
    "hoi nghi",
    "dai hoi",
    "ky hop",
    "nghi quyet",
    "chi thi",
    "ket luan",
    "quyet dinh",
    "khoa",
)
_NOUN_WORDS = [n.split() for n in ORDINAL_NOUNS]
_NOUN_FIRSTS = frozenset(n[0] for n in _NOUN_WORDS)
#: Words that may stand between such a noun and its "lần thứ N" ("Đại hội đại biểu toàn
#: quốc lần thứ XIII").
_MAX_GAP = 5
_ORDINAL_MARKS = (("lan", "thu"), ("thu",), ("so",))


def years_in(folded: str) -> tuple[int, ...]:
    """Return the years a question names, alone ("năm 2021") or in a date ("10/01/2020").

    A number that counts a noun after it ("kết nạp 2000 đảng viên") is no year, unless
    "năm" comes before it.
    """
    years = tuple(int(m.group(1)) for m in _YEAR.finditer(folded) if _is_year(folded, *m.span()))
    return years + tuple(int(y) for y in _DATE.findall(folded) if len(y) == 4)


def _is_year(folded: str, start: int, end: int) -> bool:
    """Return whether the 4-digit number at ``start:end`` is a year, not a count.

    ("hai nghìn hay ba nghìn": a number offered beside one that is no year is no year.)
    """
    if _YEAR_BEFORE.search(folded[:start]):
        return True
    offered = _OFFERED_AFTER.match(folded[end:])
    if offered and not _YEAR.fullmatch(offered.group(1)):
        return False
    return not _COUNTED_AFTER.match(folded[end:])


def without_years(text: str) -> str:
    """Return a text with the years it names taken out ("che phủ rừng năm 2020" → "… năm ")."""
    return _YEAR.sub(" ", text)


def full_dates_in(text: str) -> list[str]:
    """Return the dates with a year a text names, as written ("01/4/1930")."""
    return [m.group() for m in _DATE.finditer(text) if m.group(1) and len(m.group(1)) == 4]


def month_year(text: str) -> tuple[int, int | None] | None:
    """Return the month and year (None if not named) of a month a text names without a day."""
    found = _MONTH_YEAR.search(text.casefold())
    if found is None or not 1 <= int(found[1]) <= 12:
        return None
    return int(found[1]), int(found[2]) if found[2] else None


def day_month_year(text: str) -> tuple[int, int, int | None] | None:
    """Return the day, month and year (None if not named) of the first date a text names.

    Wider than :func:`names_a_date`, which only reads "10/01/2020" (the figures' reader must
    not take "ngày 15 tháng 1" for a date): "15/1/2020", "15-01", "ngày 15 tháng 1 năm 2020".
    """
    found = _DAY_MONTH.search(text.casefold())
    if found is None:
        return None
    return int(found[1]), int(found[2]), int(found[3]) if found[3] else None


def names_a_date(text: str) -> bool:
    """Return whether a text names a day ("10/01/2020", "01/4/1930")."""
    return _DATE.search(text) is not None


def figures_in(folded: str) -> tuple[float, ...]:
    """Return the figures a question names, with every plausible reading of each.

    Years, dates and the numbers that name a section ("mục 2.2", "chỉ tiêu số 3") are not
    figures.
    """
    text = _PART_NUMBER.sub(
        " ", _TARGET_NUMBER.sub(" ", _ARABIC_CODE.sub(" ", _DATE.sub(" ", folded)))
    )
    values: list[float] = []
    for match in NUMBER_TOKEN.finditer(text):
        if _YEAR.fullmatch(match.group()) and _is_year(text, match.start(), match.end()):
            continue
        if _TIMES_AFTER.match(text[match.end() :]):
            continue  # "mấy tháng 1 lần": how often, no figure
        if _MONTHS_AFTER.match(text[match.end() :]):
            continue  # "hàng quý hay 6 tháng": a span of months, no figure
        if _MONTH_BEFORE.search(text[: match.start()]):
            continue  # "ký tháng 2 năm 2020": a month, no figure
        try:
            number = parse_user_number(match.group())
        except NumberFormatError:
            continue
        values += [number.value, *number.alternatives]
    return tuple(values)


def quoted_then(
    text: str, numbers: tuple[float, ...], cues: Sequence[str]
) -> tuple[tuple[str, ...], str] | None:
    """Return the figures a question quotes and what follows the first, if a cue follows it.

    "2.000 đảng viên thì mỗi huyện …": ``("2.000",)`` and " thì mỗi huyện … ". ``text`` is
    the question as cleaned; ``numbers`` the figures read from it (:func:`figures_in`);
    ``cues`` folded words, one of which must follow.
    """
    named = [m for m in NUMBER_TOKEN.finditer(text) if reads_as(m.group(), numbers)]
    if not named:
        return None
    rest = text[named[0].end() :]
    if not any(f" {cue} " in padded_fold(rest) for cue in cues):
        return None
    return tuple(m.group() for m in named), rest


def reads_as(typed: str, values: Sequence[float]) -> bool:
    """Return whether a number as typed reads as one of ``values`` (in a plausible reading)."""
    try:
        number = parse_user_number(typed)
    except NumberFormatError:
        return False
    readings = (number.value, *number.alternatives)
    return any(abs(r - v) < 1e-9 for r in readings for v in values)


def section_codes(words: str, folded: str) -> tuple[tuple[str, ...], int | None]:
    """Return the section codes a question names, and a bare target number if no code.

    Codes are written as the knowledge base writes them ('II.1.3.(1)', 'II.2.2', 'III.2',
    'I'); ``words`` is the question folded to words ("chi tieu so 3" gives 3).
    """
    found: list[str] = []
    for match in _ARABIC_CODE.finditer(folded):
        _, top, sub, num_a, num_b = match.groups()
        number = num_a or num_b
        code = f"II.{top}.{sub}" + (f".({number})" if number else "")
        found.append(code)
    if not found:
        for match in _ROMAN_CODE.finditer(folded):
            roman, top, sub, number = match.groups()
            context = match.group(0).strip() != roman
            if not (context or top):
                continue
            code = roman.upper() + "".join(f".{p}" for p in (top, sub) if p)
            if number:
                code += f".({number})"
            found.append(code)
    part = _PART_NUMBER.search(words)
    if not found and part is not None:
        found.append("I" * int(part.group(1)))  # "phần 3": part III
    task = _TASK_ORDINAL.search(words)
    if not found and task is not None:
        # "nhiệm vụ thứ 3", "nhiệm vụ đầu tiên": the task of section II.2 so numbered.
        said = task.group(1) or task.group(2)
        found.append(f"II.2.{said if said.isdigit() else ORDINAL_WORDS[said]}")
    target = _TARGET_NUMBER.search(words)
    if target is not None and _TARGET_FIGURE.search(folded.lower()):
        target = None
    return tuple(dict.fromkeys(found)), int(target.group(1)) if target and not found else None


def _roman(numeral: str) -> int:
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(
        -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
    )


def _ordinal(word: str) -> float | None:
    if word.isdigit() and len(word) <= 4:
        # ("nghị quyết 2020" is the year's resolution: a year numbers nothing)
        return None if _YEAR.fullmatch(word) else float(word)
    if re.fullmatch(r"[ivxlc]+", word):
        return float(_roman(word.upper()))
    return None


def numbered_nouns(words: str) -> frozenset[tuple[str, float]]:
    """Return the (noun, number) pairs a text names: "hội nghị lần thứ 19" is ("hoi nghi", 19).

    ``words`` is folded to words (:func:`bot.vietnamese.text.fold`). A number right after the
    noun ("khoá 18", "Đại hội XIX") or after "lần thứ"/"số" up to five words later belongs to
    it; another such noun in between ends the search. Roman and Arabic numbers are the same
    number here, and only here: XIX meets 19 when both qualify the same noun.
    """
    split = words.split()
    found: set[tuple[str, float]] = set()
    if _NOUN_FIRSTS.isdisjoint(split):
        return frozenset(found)
    nouns = _NOUN_WORDS
    at = 0
    while at < len(split):
        if split[at] not in _NOUN_FIRSTS:
            at += 1
            continue
        noun = next((n for n in nouns if split[at : at + len(n)] == n), None)
        if noun is None:
            at += 1
            continue
        start = at + len(noun)
        value = _ordinal(split[start]) if start < len(split) else None
        if value is not None:
            found.add((" ".join(noun), value))
        else:
            for gap in range(start, min(start + _MAX_GAP + 1, len(split))):
                if any(split[gap : gap + len(n)] == n for n in nouns):
                    break
                marks = (m for m in _ORDINAL_MARKS if tuple(split[gap : gap + len(m)]) == m)
                mark = next(marks, None)
                if mark is None:
                    continue
                after = gap + len(mark)
                value = _ordinal(split[after]) if after < len(split) else None
                if value is not None:
                    found.add((" ".join(noun), value))
                    break
        at = start
    return frozenset(found)


def numbers_in_wording(text: str) -> set[float]:
    """Return the numbers an item's wording names, Roman ordinals included (XIX is 19)."""
    found = {float(n) for n in re.findall(r"\d+", text)}
    return found | {float(_roman(n)) for n in _ROMAN.findall(text)}
