"""Numbers spoken as words, as voice typing writes them, rewritten into digits.

"mười ba phẩy tám phần trăm" gives "13,8 phần trăm", "muoi ba phay tam phan tram" gives
"13,8 phan tram", "năm hai nghìn hai mươi" gives "năm 2020". Only the words of a number are
replaced; every other character of the text is kept as it is.

How the digits are written:

* Whole numbers plainly ("2020", "1600", "2000"): "2.020" would not read as a year and
  "1.600" has two readings for :func:`bot.vietnamese.numbers.parse_user_number`.
* Decimals with a comma ("7,5", "0,089"), without trailing zeros ("bảy phẩy năm không" is "7,5").
* "triệu" and "tỷ" stay as words after the number, as typed, because figures are written so
  ("600 triệu USD", "1.600 tỷ đồng"): "một nghìn sáu trăm tỷ" gives "1600 tỷ", "hai tỷ ba
  trăm triệu" gives "2,3 tỷ". A final "nghìn" stays too when 10 or more of them are counted
  ("276 ngàn tấn", "2370 nghìn tấn"); fewer are written out ("hai nghìn" gives "2000").

Precision comes before recall, since a wrong rewrite changes a question. Words that are
numbers only in some places stay words elsewhere:

* A lone digit word stays ("một số nhiệm vụ", "năm nay", "hằng năm", "ba chỉ tiêu"), unless
  "phần trăm" or "phần nghìn" follows ("năm phần trăm" gives "5 phần trăm"). A lone "mười"
  typed with its tone becomes "10"; bare "muoi" may be "muối" and stays.
* "năm" before another number is the word "year" ("năm hai nghìn hai mươi" gives "năm 2020"),
  and after a number it is a noun ("hai mươi năm" gives "20 năm"); after "linh"/"lẻ" or
  "phẩy" it is five. "tư", "lăm", "mốt" count only after "mươi"/"mười" or "linh"
  ("đầu tư", "tư pháp" stay); "lẻ" only between "trăm"/"nghìn" and a digit ("số lẻ" stays).
* Words typed with diacritics must carry the number's tone ("trạm", "sâu", "tâm", "làm",
  "ngân" are not numbers); "tỷ lệ", "tỷ suất", "ngân sách" (bare "ngan sach"), "trạm y tế"
  (bare "tram y te") are not scales.
* Readings that speech leaves open are not rewritten: "hai ba người" (two or three),
  "hai trăm hai" (220 or 202), "hai tỷ ba trăm" (2,3 tỷ, or 2.000.000.300 by the book).

Digit by digit, only years are read: "hai không hai không" gives "2020". "vạn" and "chục"
are not read: "vạn" is a unit here ("bác sỹ/vạn dân"), bare "van" is mostly "văn"/"vấn".
Numbers already in digits are left alone, and so are words glued to digits ("hai3").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from bot.vietnamese.text import fold, tone_key, tones_agree

# What a word may be in a number.
_DIGIT = "digit"  # không … chín, wherever a digit may stand
_UNIT = "unit"  # the last digit after mười or mươi: "mười một", "hai mươi tư", "ba mươi lăm"
_UNIT_AFTER_TENS = "unit after tens"  # only after mươi: "hai mươi mốt", "hai mươi nhăm"
_AFTER_LINH = "after linh"  # the digit after linh/lẻ: "một trăm linh năm", "linh tư"
_TEN = "ten"  # mười
_TENS = "tens"  # mươi, after a digit
_LINH = "linh"
_SCALE = "scale"
_POINT = "point"  # phẩy, the decimal comma
_HALF = "half"  # rưỡi, after a scale word: "hai triệu rưỡi"
_PART = "part"  # phần, of "phần trăm" and "phần nghìn"

_DIGIT_WORDS = {"không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6}
_DIGIT_WORDS |= {"bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
_LEXICON: tuple[tuple[str, str, int], ...] = (
    *((w, _DIGIT, d) for w, d in _DIGIT_WORDS.items()),
    *((w, _UNIT, d) for w, d in _DIGIT_WORDS.items() if d not in (0, 5)),
    *((w, _AFTER_LINH, d) for w, d in _DIGIT_WORDS.items() if d),
    ("tư", _UNIT, 4),
    ("tư", _AFTER_LINH, 4),
    ("lăm", _UNIT, 5),
    ("mốt", _UNIT_AFTER_TENS, 1),
    ("nhăm", _UNIT_AFTER_TENS, 5),
    ("mười", _TEN, 10),
    ("mươi", _TENS, 10),
    ("linh", _LINH, 0),
    ("lẻ", _LINH, 0),
    ("trăm", _SCALE, 100),
    ("nghìn", _SCALE, 1000),
    ("ngàn", _SCALE, 1000),
    ("triệu", _SCALE, 10**6),
    ("tỷ", _SCALE, 10**9),
    ("tỉ", _SCALE, 10**9),
    ("phẩy", _POINT, 0),
    ("rưỡi", _HALF, 0),
    ("rưởi", _HALF, 0),
    ("phần", _PART, 0),
)
_BY_FOLDED: dict[str, list[tuple[str | None, str, int]]] = {}
for _word, _role, _value in _LEXICON:
    _BY_FOLDED.setdefault(fold(_word), []).append((tone_key(_word), _role, _value))

# A word before one of these is not a number word: "tỷ lệ", "ngân sách", "trạm y tế", "tư pháp".
_NOT_BEFORE = {
    "ti": ("le", "suat", "trong", "gia", "vi"),
    "ngan": ("sach", "hang"),
    "tram": ("y te", "bom"),
    "tu": ("phap", "nhan", "van", "lieu", "cach", "duy", "tuong", "ban"),
}
# After a number, a noun or the question's "không?": "hai mươi năm", "có hai trăm không".
_NOT_A_DIGIT_AFTER = {"nam", "khong"}
# A lone word before a number that is another word: "năm 2020", "sau 20 năm", "bay", "tạm".
_OTHER_WORD_BEFORE = {"nam", "khong"}
_OTHER_WORD_BEFORE_BARE = {"sau", "bay", "tam"}

# Words, with the combining marks of text in NFD; only words of letters may be number words.
_WORD = re.compile(r"[\w\u0300-\u036f]+")
_LETTERS = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*")


# A rewrite needs one of these, or a year read digit by digit ("hai không …", "một chín …").
_TRIGGERS = frozenset({_TEN, _TENS, _SCALE, _POINT})
_CENTURIES: dict[tuple[int | None, int | None], int] = {(2, 0): 20, (1, 9): 19}


@dataclass(frozen=True, slots=True)
class SpokenNumber:
    """A number read from words: "một nghìn sáu trăm tỷ" is 1600, kept scale "tỷ", 5 words."""

    value: float
    """The number as written before :attr:`scale`: 1600 for "1600 tỷ", 13.8 for "13,8"."""
    digits: str
    """:attr:`value` in Vietnamese notation: "1600", "13,8"."""
    scale: str | None
    """The scale word kept after the digits, as typed ("tỷ", "triệu", "ngàn"), if any."""
    words: int
    """How many words the number took."""

    @property
    def text(self) -> str:
        """Return what replaces the words: "1600 tỷ", "13,8"."""
        return f"{self.digits} {self.scale}" if self.scale else self.digits


class _Lexeme(NamedTuple):
    folded: str
    bare: bool
    """Typed without any diacritic."""
    roles: Mapping[str, int]
    trigger: bool
    """Has a role that every rewrite needs (:data:`_TRIGGERS`)."""


class _Word(NamedTuple):
    start: int
    end: int
    raw: str
    folded: str
    bare: bool
    roles: Mapping[str, int]


_NO_ROLES: Mapping[str, int] = {}
_NOT_A_NUMBER_WORD = _Lexeme("", True, _NO_ROLES, False)


@functools.lru_cache(maxsize=4096)
def _lexeme(raw: str) -> _Lexeme:
    """Return what a typed word may be in a number, judging by its letters and tone."""
    if not _LETTERS.fullmatch(raw):  # "2020", "hai3", "_hai"
        return _NOT_A_NUMBER_WORD
    folded = fold(raw)
    tone = tone_key(raw)
    known = _BY_FOLDED.get(folded, ())
    roles = {role: v for k, role, v in known if tones_agree(tone, k)}
    return _Lexeme(folded, tone is None, roles, bool(roles.keys() & _TRIGGERS))


def _roles_in_context(lexemes: Sequence[_Lexeme], i: int) -> Mapping[str, int]:
    """Return the roles of word ``i``: none when the next words show another word ("tỷ lệ")."""
    lexeme = lexemes[i]
    if lexeme.folded in _NOT_BEFORE:
        following = " ".join(x.folded for x in lexemes[i + 1 : i + 3]) + " "
        if any(following.startswith(p + " ") for p in _NOT_BEFORE[lexeme.folded]):
            return _NO_ROLES
    return lexeme.roles


def _may_have_number(lexemes: Sequence[_Lexeme]) -> bool:
    """Return whether the words may hold a number to rewrite: a quick check before reading."""
    n = len(lexemes)
    for i, lexeme in enumerate(lexemes):
        if not lexeme.roles:
            continue
        if lexeme.trigger and _roles_in_context(lexemes, i):
            return True
        pair = (lexeme.roles.get(_DIGIT), lexemes[i + 1].roles.get(_DIGIT) if i + 1 < n else None)
        if pair in _CENTURIES:
            return True
    return False


class _Ambiguous(Exception):
    """The words read as more than one number: they are left as they are."""


@dataclass(slots=True)
class _Reader:
    """Read numbers from a run of number words that only spaces separate."""

    run: Sequence[_Word]

    def roles(self, i: int) -> Mapping[str, int]:
        return self.run[i].roles if i < len(self.run) else _NO_ROLES

    def read(self, i: int) -> tuple[SpokenNumber | None, int]:
        """Return the number starting at word ``i`` (if it is one) and where to go on."""
        try:
            year = self._year(i)
            if year is not None:
                self._check_end(year[1])
                return SpokenNumber(float(year[0]), str(year[0]), None, year[1] - i), year[1]
            number = self._number(i)
            if number is None:
                return None, i + 1
            end = number[1]
            if end == i + 1:
                if self._starts_number(end):
                    word = self.run[i]
                    if word.folded in _OTHER_WORD_BEFORE or (
                        word.bare and word.folded in _OTHER_WORD_BEFORE_BARE
                    ):
                        return None, i + 1
                    raise _Ambiguous
                if not (self._unit_follows(end) or self._is_ten(i)):
                    return None, i + 1
            self._check_end(end)
            return self._spoken(i, *number), end
        except _Ambiguous:
            return None, len(self.run)

    def _is_ten(self, i: int) -> bool:
        """Return whether a lone word is "mười" typed with its tone, and not a name ("Mười")."""
        word = self.run[i]
        return word.roles.keys() == {_TEN} and (word.start == 0 or not word.raw[0].isupper())

    def _starts_number(self, i: int) -> bool:
        roles = self.roles(i)
        return bool(roles.keys() - {_PART, _HALF}) and self.run[i].folded not in _NOT_A_DIGIT_AFTER

    def _check_end(self, i: int) -> None:
        # "hai ba người" (2 or 3), "hai trăm hai" (220 or 202), "hai mươi ba bốn" (23 or 24).
        if self._starts_number(i):
            raise _Ambiguous

    def _unit_follows(self, i: int) -> bool:
        """Return whether "phần trăm" or "phần nghìn" follows."""
        return _PART in self.roles(i) and self.roles(i + 1).get(_SCALE) in (100, 1000)

    def _year(self, i: int) -> tuple[int, int] | None:
        """Read a year spoken digit by digit: "hai không hai không", "hai không hai mốt"."""
        pair = (self.roles(i).get(_DIGIT), self.roles(i + 1).get(_DIGIT))
        century = _CENTURIES.get(pair)
        if century is None:
            return None
        tens = self._tens(i + 2, after_hundreds=False)
        if tens is not None:
            return century * 100 + tens[0], tens[1]
        first = self.roles(i + 2).get(_DIGIT)
        after = self.roles(i + 3)
        second = after.get(_DIGIT)
        if first and second is None:
            second = after.get(_UNIT, after.get(_UNIT_AFTER_TENS))
        if first is None or second is None:
            return None
        return century * 100 + first * 10 + second, i + 4

    def _tens(self, i: int, *, after_hundreds: bool) -> tuple[int, int] | None:
        """Read the last two digits: "mười lăm", "ba mươi mốt", "(trăm) linh năm"."""
        roles = self.roles(i)
        if _TEN in roles:
            unit = self.roles(i + 1).get(_UNIT)
            return (10 + unit, i + 2) if unit is not None else (10, i + 1)
        digit = roles.get(_DIGIT, 0)
        if digit >= 2 and _TENS in self.roles(i + 1):
            after = self.roles(i + 2)
            unit = after.get(_UNIT, after.get(_UNIT_AFTER_TENS))
            return (digit * 10 + unit, i + 3) if unit is not None else (digit * 10, i + 2)
        if after_hundreds and _LINH in roles and _AFTER_LINH in self.roles(i + 1):
            return self.roles(i + 1)[_AFTER_LINH], i + 2
        return None

    def _group(self, i: int, *, after_scale: bool) -> tuple[int, int, bool] | None:
        """Read a number below a thousand; say whether it is a lone digit."""
        digit = self.roles(i).get(_DIGIT)
        if digit is not None and self.roles(i + 1).get(_SCALE) == 100 and (digit or after_scale):
            if _HALF in self.roles(i + 2):
                return digit * 100 + 50, i + 3, False
            tens = self._tens(i + 2, after_hundreds=True)
            return digit * 100 + (tens[0] if tens else 0), tens[1] if tens else i + 2, False
        tens = self._tens(i, after_hundreds=after_scale)
        if tens is not None:
            return *tens, False
        return (digit, i + 1, True) if digit is not None else None

    def _number(self, i: int) -> tuple[Decimal, int, int] | None:
        """Read a number: its value, where it ends, where its kept scale word is (or -1)."""
        first = self._group(i, after_scale=False)
        if first is None:
            return None
        current, j, _ = first
        total, top, top_at = 0, 1, -1
        while True:
            scale = self.roles(j).get(_SCALE, 0)
            if scale >= 1000:
                if scale > top:
                    total, top, top_at = (total + current) * scale, scale, j
                elif scale < top and current:
                    total += current * scale
                elif scale == 1000 and current:
                    # "hai nghìn ba trăm bảy mươi nghìn (tấn)", as "2.370 nghìn tấn" is read.
                    return Decimal((total + current) * 1000), j + 1, -1
                else:
                    raise _Ambiguous
                current, j = 0, j + 1
                if _HALF in self.roles(j):
                    return Decimal(total + scale // 2), j + 1, top_at
                group = self._group(j, after_scale=True)
                if group is None:
                    continue  # "hai nghìn tỷ"
                if group[2]:
                    if self.run[j].folded in _NOT_A_DIGIT_AFTER:
                        break
                    raise _Ambiguous  # "hai nghìn hai": 2200 in speech, 2002 by the book
                if scale >= 10**6 and not 1000 <= self.roles(group[1]).get(_SCALE, 0) < scale:
                    raise _Ambiguous  # "hai tỷ ba trăm": 2,3 tỷ in speech
                current, j = group[0], group[1]
            elif _POINT in self.roles(j) and self.roles(j - 1).get(_SCALE, 0) < 1000:
                digits, j = self._fraction(j + 1)
                value = (total + current) + Decimal("0." + digits)
                while (scale := self.roles(j).get(_SCALE, 0)) > max(top, 100):
                    value, top, top_at, j = value * scale, scale, j, j + 1
                return value, j, top_at
            else:
                break
        return Decimal(total + current), j, top_at

    def _fraction(self, i: int) -> tuple[str, int]:
        """Read the digits after "phẩy": "năm", "không tám chín", "ba mươi bảy", "hai lăm"."""
        digits, j = "", i
        while (tens := self._tens(j, after_hundreds=False)) is None:
            roles = self.roles(j)
            if _DIGIT in roles and not (self.run[j].folded == "nam" and digits[-1:] > "0"):
                digits, j = digits + str(roles[_DIGIT]), j + 1
                continue
            unit = roles.get(_UNIT, roles.get(_UNIT_AFTER_TENS))
            if unit is not None and digits[-1:] not in ("", "0"):
                digits, j = digits + str(unit), j + 1
            break
        else:
            digits, j = digits + str(tens[0]), tens[1]
        # A last "không" is the question's "không?" ("đạt 7,5 không"), unless a unit follows.
        while self.roles(j - 1).get(_DIGIT) == 0 and j - 1 > i and not self._unit_follows(j):
            digits, j = digits[:-1], j - 1
        if not digits or (self.roles(j - 1).get(_DIGIT) == 0 and not self._unit_follows(j)):
            raise _Ambiguous  # "bảy phẩy không"
        return digits, j

    def _spoken(self, i: int, value: Decimal, end: int, top_at: int) -> SpokenNumber:
        scale: str | None = None
        if top_at >= 0 and self.run[top_at].roles[_SCALE] >= 10**6:
            value, scale = value / self.run[top_at].roles[_SCALE], self.run[top_at].raw
        elif self.roles(end - 1).get(_SCALE) == 1000 and value >= 10_000:
            value, scale = value / 1000, self.run[end - 1].raw
        return SpokenNumber(float(value), _vietnamese(value), scale, end - i)


def _vietnamese(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return f"{value:f}".rstrip("0").replace(".", ",")


def _runs(text: str, lexemes: Sequence[_Lexeme]) -> Iterator[list[_Word]]:
    """Yield the runs of number words of a text that only spaces separate."""
    run: list[_Word] = []
    for i, match in enumerate(_WORD.finditer(text)):
        roles = _roles_in_context(lexemes, i)
        if not roles:
            if run:
                yield run
            run = []
            continue
        start, end = match.span()
        if run and not text[run[-1].end : start].isspace():
            yield run
            run = []
        lexeme = lexemes[i]
        run.append(_Word(start, end, match.group(), lexeme.folded, lexeme.bare, roles))
    if run:
        yield run


#: A month spoken after "tháng" ("tháng một", "tháng giêng"): its number, by folded name.
_MONTHS = {
    "mot": 1, "gieng": 1, "gieng mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4,
    "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12,
    "chap": 12,
}  # fmt: skip
_MONTH = re.compile(
    # ("năm" is left out: "tháng năm nay" is more often "month, this year" than May)
    r"\b(tháng|thang)\s+(mười một|mười hai|mười|một|giêng|hai|ba|tư|bốn|sáu|bảy|tám|"
    r"chín|chạp|muoi mot|muoi hai|muoi|mot|gieng|tu|bon|sau|bay|tam|chin|chap)\b",
    re.IGNORECASE,
)
#: "ngày 10 tháng 1 năm 2020", once in digits, as the resolution writes a date.
_DAY_MONTH_YEAR = re.compile(
    r"\b(\d{1,2})\s+(?:tháng|thang)\s+(\d{1,2})\s+(?:năm|nam)\s+(\d{4})\b", re.IGNORECASE
)


def _months_and_dates(text: str) -> str:
    """Return the text with spoken months in digits and spoken dates as "10/1/2020"."""
    text = _MONTH.sub(lambda m: f"{m.group(1)} {_MONTHS[fold(m.group(2))]}", text)
    return _DAY_MONTH_YEAR.sub(lambda m: f"{m.group(1)}/{m.group(2)}/{m.group(3)}", text)


def digits_for_spoken_numbers(text: str) -> str:
    """Return the text with every number spoken as words written in digits, the rest as is.

    A month after "tháng" is a number too ("tháng một" gives "tháng 1"), and a whole date
    spoken out is written as the resolution writes one ("ngày 10/1/2020").
    """
    return _months_and_dates(_spoken_digits(text))


def _spoken_digits(text: str) -> str:
    lexemes = [_lexeme(word) for word in _WORD.findall(text)]
    if not _may_have_number(lexemes):
        return text
    pieces: list[str] = []
    done = 0
    for run in _runs(text, lexemes):
        reader, i = _Reader(run), 0
        while i < len(run):
            number, after = reader.read(i)
            if number is not None:
                pieces += [text[done : run[i].start], number.text]
                done = run[after - 1].end
            i = after
    return "".join([*pieces, text[done:]])


def spoken_number_value(words: Sequence[str]) -> SpokenNumber | None:
    """Return the number spoken by the first words, if they start with one.

    ``spoken_number_value("năm mươi tư phẩy hai phần trăm".split())`` gives 54.2 ("54,2"),
    read from 5 words. The words are read as inside a text: "một số", "năm nay" are not
    numbers, nor is a word with anything but letters in it ("hai," or "2").
    """
    lexemes = [_lexeme(word) for word in words]
    run: list[_Word] = []
    for i, (word, lexeme) in enumerate(zip(words, lexemes, strict=True)):
        roles = _roles_in_context(lexemes, i)
        if not roles:
            break
        run.append(_Word(i, i, word, lexeme.folded, lexeme.bare, roles))
    return _Reader(run).read(0)[0] if run else None
