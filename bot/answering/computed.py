"""Results computed from the resolution's figures: a difference, a ratio, the highest, a sum.

"tỷ lệ BHYT hơn tỷ lệ lao động qua đào tạo bao nhiêu", "thu nội địa chiếm bao nhiêu phần
tổng thu", "khu vực nào tăng trưởng cao nhất", "xuất khẩu + nhập khẩu + hàng giám sát có
bằng tổng kim ngạch không": the resolution states each figure, never the result; the bot
computes it from the figures it states, and says so on the same line. Which words ask which
operation is vocabulary (``comparison.computed``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from bot.knowledge.schema import Figure
from bot.vietnamese.numbers import UNIT_SIGNS, format_vietnamese_number, normalize_unit
from bot.vietnamese.phrases import PhraseSet, tokens

#: How every computed line starts: it is the bot's arithmetic, not a figure of the resolution.
COMPUTED = "Tính từ các con số của Nghị quyết (Nghị quyết không nêu con số này)"
NOTE = (
    "Các con số trên là của Nghị quyết; phép tính là do bot thực hiện trên các con số đó, "
    "Nghị quyết không nêu kết quả này."
)
PAIR_OPERATIONS = ("difference", "ratio", "share", "times")
#: Between the parts of a phrase whose words need not be side by side.
SPLIT = " … "
RANK_OPERATIONS = ("highest", "lowest")
#: Written between the figures added ("120 + 600"): a sum asked in symbols, whatever the words.
PLUS = "+"


class Arithmetic:
    """Read which operation a question asks, and state its result over given figures."""

    def __init__(self, phrases: Mapping[str, str]) -> None:
        whole = {p: o for p, o in phrases.items() if SPLIT not in p}
        self._phrases = PhraseSet(whole, whole.values())
        #: Phrases in parts, each found after the one before ("hơn … bao nhiêu").
        self._split = [
            ([tuple(tokens(part)) for part in p.split(SPLIT)], o)
            for p, o in phrases.items()
            if SPLIT in p
        ]

    def operations(self, question: str) -> list[str]:
        """Return the operations a question asks, in the order it asks them."""
        words = tokens(question)
        found: list[str] = []
        if self._phrases.could_match(words):
            found += self._phrases.take(words)[1]
        texts = [str(w) for w in words]
        found += [o for parts, o in self._split if _in_order(texts, parts)]
        if PLUS in question:
            found.append("sum")
        return list(dict.fromkeys(found))

    def total(self, question: str, parts: Sequence[Figure], whole: Figure | None) -> str | None:
        """Return the sum of ``parts`` if the question asks one, checked against ``whole``.

        ``whole`` is the figure the resolution gives as their total ("trên 2.370 triệu USD,
        trong đó: …"), when every part is added; rates (%) are never added.
        """
        if "sum" not in self.operations(question) or len(parts) < 2:
            return None
        if not _same_unit([*parts, *([whole] if whole else [])]) or parts[0].unit == "%":
            return None
        total = sum(p.number for p in parts)
        terms = " + ".join(format_vietnamese_number(p.number) for p in parts)
        unit = _unit_after(parts[0].unit)
        line = f"{COMPUTED}: {terms} = {format_vietnamese_number(round(total, 3))}{unit}"
        if whole is None:
            return f"{line}."
        if round(total, 3) == round(whole.number, 3):
            return f"{line}, đúng bằng {_inside(whole.label)} ({whole.statement})."
        gap = format_vietnamese_number(round(abs(total - whole.number), 3))
        side = "cao hơn" if total > whole.number else "thấp hơn"
        return f"{line}, {side} {_inside(whole.label)} ({whole.statement}) {gap}{unit}."

    def in_asked_order(self, question: str, first: Figure, second: Figure) -> bool:
        """Return whether ``first`` is what is asked of ``second`` ("chiếm bao nhiêu"): a
        share is the smaller figure's, in whichever order the question names them."""
        return "share" not in self.operations(question) or first.number <= second.number

    def pair(self, question: str, first: Figure, second: Figure) -> str | None:
        """Return the difference or ratio a question asks of two figures, if it asks one."""
        operation = next((o for o in self.operations(question) if o in PAIR_OPERATIONS), None)
        if operation is None or not _same_unit([first, second]) or not second.number:
            return None
        if not self.in_asked_order(question, first, second):
            first, second = second, first
        a, b = first.number, second.number
        if operation == "difference":
            if a == b:
                return f"{COMPUTED}: {first.label} và {_inside(second.label)} bằng nhau."
            high, low = (first, second) if a > b else (second, first)
            gap = format_vietnamese_number(round(abs(a - b), 3))
            unit = " điểm phần trăm" if first.unit == "%" else _unit_after(first.unit)
            return f"{COMPUTED}: {high.label} cao hơn {_inside(low.label)} {gap}{unit}."
        if operation in ("ratio", "share"):
            share = format_vietnamese_number(round(100 * a / b, 1))
            return f"{COMPUTED}: {first.label} bằng khoảng {share}% {_inside(second.label)}."
        times = format_vietnamese_number(round(a / b, 2))
        return f"{COMPUTED}: {first.label} gấp khoảng {times} lần {_inside(second.label)}."

    def rank(self, question: str, figures: Sequence[Figure]) -> str | None:
        """Return the highest or lowest of figures in one unit, if the question asks it."""
        operation = next((o for o in self.operations(question) if o in RANK_OPERATIONS), None)
        if operation is None:
            return None
        units = Counter(normalize_unit(f.unit) for f in figures)
        if not units:
            return None
        unit, count = units.most_common(1)[0]
        ranked = [f for f in figures if normalize_unit(f.unit) == unit]
        if count < 2:
            return None
        pick = max if operation == "highest" else min
        best = pick(ranked, key=lambda f: f.number)
        ties = [f for f in ranked if f.number == best.number]
        word = "cao nhất" if operation == "highest" else "thấp nhất"
        named = "; ".join(f"{f.label}: {f.statement}" for f in ties)
        return f"{COMPUTED}: con số {word} là {named}."


def _in_order(words: Sequence[str], parts: Sequence[tuple[object, ...]]) -> bool:
    """Return whether each part occurs in ``words``, each after the one before."""
    at = 0
    for part in parts:
        size = len(part)
        wanted = [str(w) for w in part]
        while at + size <= len(words) and words[at : at + size] != wanted:
            at += 1
        if at + size > len(words):
            return False
        at += size
    return True


def _inside(label: str) -> str:
    """Return a label as it reads inside a sentence: "tổng thu …", but "GRDP …" kept."""
    if len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def _same_unit(figures: Sequence[Figure]) -> bool:
    return len({normalize_unit(f.unit) for f in figures}) == 1


def _unit_after(unit: str) -> str:
    if not unit:
        return ""
    return unit if unit in UNIT_SIGNS else f" {unit}"
