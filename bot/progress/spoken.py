"""Small numbers spoken as words where a report leaves no doubt they are numbers.

Voice typing writes "tháng sáu", "quý hai", "sáu tháng đầu năm", "bốn xã", "ba mươi hai
đảng viên". :func:`bot.vietnamese.spoken_numbers.digits_for_spoken_numbers` rewrites the
numbers of several words and leaves a lone digit word alone ("ba chỉ tiêu", "năm nay"), since
in a question it is as often no number. In a report a lone digit word is a number right after
"tháng" or "quý", right before "tháng", and right before a counted noun ("bốn xã"); those
are rewritten here. Typed without diacritics, "sau" stays ("tháng sau" is next month).
"""

from __future__ import annotations

import re

#: Digit words as typed with their tone, and bare where that is no other common word.
_DIGITS: dict[str, int] = {
    "một": 1, "mot": 1, "hai": 2, "ba": 3, "bốn": 4, "bon": 4, "tư": 4, "năm": 5, "nam": 5,
    "sáu": 6, "bảy": 7, "bay": 7, "tám": 8, "tam": 8, "chín": 9, "chin": 9,
    "mười": 10, "muoi": 10, "mười một": 11, "muoi mot": 11, "mười hai": 12, "muoi hai": 12,
    "giêng": 1, "gieng": 1, "chạp": 12, "chap": 12,
}  # fmt: skip
#: Words that "tư", "giêng" and "chạp" are numbers only after ("tháng tư", not "đầu tư").
_MONTH_ONLY = frozenset({"tư", "giêng", "gieng", "chạp", "chap"})
_COUNTED = (
    r"xã|xa|hộ|ho|trường|truong|đảng viên|dang vien|người|nguoi|đồng chí|dong chi|tháng|thang"
)
_WORD = "|".join(sorted((re.escape(w) for w in _DIGITS), key=len, reverse=True))
_AFTER = re.compile(rf"(?<!\w)(tháng|thang|quý|quy)(\s+)({_WORD})(?!\w)", re.IGNORECASE)
_BEFORE = re.compile(rf"(?<!\w)({_WORD})(\s+)(?=(?:{_COUNTED})(?!\w))", re.IGNORECASE)


def digits_for_report_words(text: str) -> str:
    """Return the text with lone digit words in report positions written as digits."""

    def after(match: re.Match[str]) -> str:
        number = _DIGITS[match.group(3).casefold()]
        return f"{match.group(1)}{match.group(2)}{number}"

    def before(match: re.Match[str]) -> str:
        word = match.group(1).casefold()
        if word in _MONTH_ONLY:
            return match.group()
        return f"{_DIGITS[word]}{match.group(2)}"

    return _BEFORE.sub(before, _AFTER.sub(after, text))
