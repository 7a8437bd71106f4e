"""Several items in one question: "trường chuẩn và xã nông thôn mới mỗi thứ bao nhiêu".

When a question as a whole is not answered, its parts (split at the joining words of
``vocabulary.comparison.joins``: "và", "so với", "gấp mấy lần", "chiếm bao nhiêu phần",
commas) are tried one by one; parts that ask nothing of their own ("cái nào cao hơn") are
left out, and when every other part is answered, each with another item, the reply states
each item's figure as the resolution writes it. A difference, a ratio or a ranking asked
is computed by :mod:`bot.answering.computed` and labelled so: the resolution states none.
"""

from __future__ import annotations

import contextvars
import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence

from bot.answering.answers import Answer
from bot.answering.computed import NOTE as COMPUTED_NOTE
from bot.answering.computed import PLUS
from bot.answering.follow_up import FollowUpReader
from bot.answering.rules import SUPERLATIVE_NOTE, checked_line, checked_right
from bot.knowledge.schema import Vocabulary
from bot.matching.analysis import Analysis
from bot.vietnamese.phrases import PhraseSet, Token, tokens
from bot.vietnamese.spoken_numbers import digits_for_spoken_numbers
from bot.vietnamese.text import fold

MAX_PARTS = 4
HEADLINE = "Nghị quyết nêu từng nội dung như sau:"
NOTE = "Các con số trên là của Nghị quyết; Nghị quyết không nêu phép so sánh giữa chúng."

_EDGE = r"\b"
#: Items added: "+", or "cộng" typed with its tone (bare "cong" is also "công nghiệp").
_ADDED_TONE = tokens("cộng")[0].tone
#: A part that goes on from the one before ("…, còn xuất nhập khẩu 200 tỷ"): read after it.
_GOES_ON = re.compile(r"\s*(?:the |vay )?con\b")
#: A figure as typed ("600", "1.600", "13,8", "7,5%"), never a year after "năm".
_FIGURE = re.compile(r"(?<!năm )(?<!nam )(?<![\w.,])\d+(?:[.,]\d+)*(?:\s*[%‰])?")
#: Words of a figure's size or money, after its number ("120 triệu đô").
_MAGNITUDES = ("triệu", "tỷ", "nghìn", "ngàn", "đồng", "đô", "tấn", "ha")
#: Words asking how much, after "hơn" in "A hơn B bao nhiêu" (folded).
_HOW_MUCH = frozenset({"nhieu", "bn", "may"})


def joins_pattern(
    joins: Iterable[str], *, commas: bool = True, compounds: Iterable[str] = ()
) -> re.Pattern[str]:
    """Return the pattern that cuts a question at its joining words (and commas), never
    inside a compound holding a join ("Đảng Cộng sản", "họp gấp")."""
    words = sorted({j.strip() for j in joins if j.strip()}, key=len, reverse=True)
    after: dict[str, list[str]] = {}
    before: dict[str, list[str]] = {}
    for compound in compounds:
        parts = compound.strip().casefold().split()
        if len(parts) == 2:
            after.setdefault(parts[0], []).append(re.escape(parts[1]))
            before.setdefault(parts[1], []).append(re.escape(parts[0]))

    def unless_compound(word: str) -> tuple[str, str]:
        # (one fixed-width look-behind for each word a compound puts before the join)
        behind = "".join(rf"(?<!\b{w}\s)" for w in before.get(word.casefold(), ()))
        tails = after.get(word.casefold())
        ahead = rf"(?!\s+(?:{'|'.join(tails)})\b)" if tails else ""
        return behind, ahead

    # ("+" is a join too: a word boundary only where a join begins or ends with a letter)
    alternatives = "|".join(
        rf"{unless_compound(w)[0]}{_EDGE if w[0].isalnum() else ''}{re.escape(w)}"
        rf"{_EDGE if w[-1].isalnum() else ''}{unless_compound(w)[1]}"
        for w in words
    )
    marks = ",(?=\\s)|;|" if commas else ";|"
    return re.compile(rf"\s*(?:{marks}{alternatives})\s*", re.IGNORECASE)


def _as_typed(text: str, words: Sequence[Token]) -> list[str] | None:
    """Return the words of ``text`` as typed, with their marks, one for each of its tokens
    ``words``; None when they do not line up (a word the tokens split or drop)."""
    typed: list[str] = []
    pending = ""
    for word in text.split():
        if tokens(word):
            typed.append(f"{pending}{word}")
            pending = ""
        elif typed:
            typed[-1] = f"{typed[-1]} {word}"  # ("%" alone is no token: kept beside one)
        else:
            pending = f"{pending}{word} "
    return typed if len(typed) == len(words) else None


def several_items(
    question: str,
    answer_one: Callable[[str], Answer],
    whole: Callable[[list[str]], Answer | None] = lambda ids: None,
    *,
    split: Callable[[str], list[str]],
    asks_nothing: Callable[[str], bool] = lambda part: False,
    clean: Callable[[str], str] = lambda part: part,
    compute: Callable[[str, list[str]], str | None] = lambda question, ids: None,
    asked_order: Callable[[str, list[str]], list[str]] = lambda question, ids: ids,
    asks_of: Callable[[str, list[str]], bool] = lambda part, ids: False,
    follow: Callable[[str, Answer], Answer] | None = None,
    checks: bool = False,
) -> Answer | None:
    """Return one reply stating every item the parts of ``question`` ask, or None.

    ``split`` cuts the question into its parts (at its joining words, or after each figure).
    ``whole`` gives the reply for items that together make up one item (the figures of one
    target: "nông lâm ngư, công nghiệp, dịch vụ" are the GRDP target), when there is one.
    ``asks_nothing`` tells a part that only compares ("cái nào lớn hơn") from one that asks;
    ``clean`` cuts the comparing tail off a part ("trường chuẩn cái nào nhiều"); ``compute``
    gives the line of a difference or ratio the question asks of the items, if any, and
    ``asked_order`` their ids with the one it asks about first (a share's part);
    ``asks_of`` tells a part that asks what the wording of every item answered says
    ("… thì tầm nhìn khác nhau thế nào" of two schemes); ``follow`` reads a part that is
    not answered alone after the part before it ("nước sạch thành thị với nông thôn": the
    rural figure of the same target). With ``checks``, every part must check a figure.
    """
    parts = [p for p in split(question) if p.strip()]
    if not 2 <= len(parts) <= MAX_PARTS:
        return None
    answers: list[Answer] = []
    for part in parts:
        answer = answer_one(clean(part))
        before = answers[-1] if answers else None
        if (
            follow is not None
            and (answer.status != "answer" or _GOES_ON.match(fold(part)))
            and before is not None
            and before.status == "answer"
            and not asks_nothing(part)
            and not asks_of(clean(part), [a.matches[0].id for a in answers if a.matches])
        ):
            answer = follow(clean(part), before)
        answers.append(answer)
    named = [a.matches[0].id for a in answers if a.status == "answer" and a.matches]
    answers = [
        a
        for a, part in zip(answers, parts, strict=True)
        if a.status == "answer" or not (asks_nothing(part) or asks_of(clean(part), named))
    ]
    if len(answers) < 2 or any(a.status != "answer" or not a.matches for a in answers):
        return None
    ids = [a.matches[0].id for a in answers]
    if len(set(ids)) != len(ids):
        return None
    checked = [checked_line(a) for a in answers]
    if checks and not all(checked):
        return None
    # Figures put to the check are each told right or wrong, never merged into their target.
    together = None if any(checked) else whole(ids)
    if together is not None:
        # The target first (it answers), then the figures asked, for what is computed.
        computed = compute(question, ids)
        if computed is None:
            return dataclasses.replace(together, question=question)
        # What is compared are the figures named: they lead the matches, their target after.
        compared = {a.matches[0].id: a.matches[0] for a in answers}
        named_first = {i: compared[i] for i in asked_order(question, ids)}
        return dataclasses.replace(
            together,
            question=question,
            lines=(*together.lines, computed),
            note=COMPUTED_NOTE,
            matches=tuple({**named_first, **{m.id: m for m in together.matches}}.values()),
        )
    lines = tuple(f"• {check or a.headline}" for a, check in zip(answers, checked, strict=True))
    computed = compute(question, ids)
    # (a figure claimed wrong is what the asker must see first: its item leads the matches)
    leading = sorted(answers, key=lambda a: checked_right(a) is not False)
    return Answer(
        question,
        "answer",
        HEADLINE,
        (*lines, computed) if computed else lines,
        note=COMPUTED_NOTE if computed else "" if any(checked) else NOTE,
        place=leading[0].place,
        matches=tuple(a.matches[0] for a in leading),
    )


class Comparisons:
    """Questions naming several items, comparing them, or asking the highest or lowest."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        *,
        analyze: Callable[[str], Analysis],
        reader: FollowUpReader,
        answer_one: Callable[[str], Answer],
        parent_of: Callable[[list[str]], Answer | None],
        compute: Callable[[str, list[str]], str | None] = lambda question, ids: None,
        asked_order: Callable[[str, list[str]], list[str]] = lambda question, ids: ids,
        mentions: Callable[[str, str], bool] = lambda item_id, word: False,
        follow: Callable[[str, Answer], Answer] | None = None,
    ) -> None:
        self.follow = follow
        self.analyze = analyze
        self.mentions = mentions
        self.compute = compute
        self.asked_order = asked_order
        self.reader = reader
        self.answer_one = answer_one
        self.parent_of = parent_of
        comparison = vocabulary.comparison
        self._joins = (
            joins_pattern(comparison.joins, compounds=comparison.compounds),
            joins_pattern(comparison.joins, commas=False, compounds=comparison.compounds),
        )
        units = sorted({*vocabulary.units, *_MAGNITUDES}, key=len, reverse=True)
        self._figure_ends = re.compile(
            rf"{_FIGURE.pattern}(?:\s*(?:{'|'.join(re.escape(u) for u in units)})\b)*",
            re.IGNORECASE,
        )
        #: Whether a message is being cut after its figures (in this context).
        self._cutting: contextvars.ContextVar[bool] = contextvars.ContextVar(
            f"cutting-{id(self)}", default=False
        )
        self._compounds = PhraseSet(comparison.compounds)
        self._comparing = PhraseSet(comparison.asks)
        self._superlatives = PhraseSet(comparison.superlatives)
        self._comparison_cues = PhraseSet(comparison.cues)

    def several(self, question: str) -> Answer | None:
        """Return one reply stating every item the question names, or None."""
        # At commas too, then (names hold commas: "công nghiệp, xây dựng") at words only.
        splits: list[Callable[[str], list[str]]] = [
            joins.split for joins in (self._joins if "," in question else self._joins[1:])
        ]
        # Each figure ends a part, first when the words after the last one ask of every
        # part ("xuất khẩu 600 triệu USD, nhập khẩu 120 triệu USD đúng không").
        after_figures = [self._after_figures]
        if self._asked_after_figures(question):
            splits, after_figures = [self._after_figures, *splits], []
        for split in [*splits, *after_figures]:
            several = self._several(question, split)
            if several is not None:
                return several
        return None

    def checked(self, question: str) -> Answer | None:
        """Return the check of each figure a question puts to the check, or None.

        "GRDP 7,5% và thu nội địa 2.000 tỷ đúng không": each figure ends a part, and the
        words after the last one ("đúng không") ask of every part.
        """
        return self._several(question, self._after_figures, checks=True)

    def _several(
        self, question: str, split: Callable[[str], list[str]], *, checks: bool = False
    ) -> Answer | None:
        parts = split(question)
        # A part read after the one before it is read whole again: it is never cut at the
        # same figures again (see _after_figures).
        token = self._cutting.set(split == self._after_figures or self._cutting.get())
        try:
            return several_items(
                question,
                self.answer_one,
                self.parent_of,
                split=lambda _: parts,
                asks_nothing=self.asks_nothing,
                clean=self._before_comparison,
                compute=self.compute,
                asked_order=self.asked_order,
                asks_of=self._asks_of,
                follow=self.follow,
                checks=checks,
            )
        finally:
            self._cutting.reset(token)

    def _figures_in(self, question: str) -> tuple[str, list[int]]:
        """Return a question with its spoken numbers in digits, and where each figure it
        states ends (after its unit)."""
        question = digits_for_spoken_numbers(question)
        return question, [m.end() for m in self._figure_ends.finditer(question)]

    def _after_figures(self, question: str) -> list[str]:
        """Cut a question after each figure it states (with its unit), each part keeping
        what follows the last figure ("đúng không"); one part when fewer than two."""
        question, ends = self._figures_in(question)
        if len(ends) < 2 or self._cutting.get():
            return [question]
        tail = question[ends[-1] :].strip()
        starts = [0, *ends[:-1]]
        return [
            f"{question[a:b].strip(' ,')} {tail}".strip()
            for a, b in zip(starts, ends, strict=True)
        ]

    def _asked_after_figures(self, question: str) -> bool:
        """Return whether a question states two figures or more, then asks of them all."""
        question, ends = self._figures_in(question)
        return len(ends) >= 2 and any(c.isalpha() for c in question[ends[-1] :])

    def _before_comparison(self, part: str) -> str:
        """Return a part of a question up to its comparing words ("… cái nào nhiều")."""
        words = tokens(part)
        typed = _as_typed(part, words)
        if typed is None:
            return part
        for at in range(1, len(words)):
            if self._comparison_cues.match_at(words, at) is not None:
                return " ".join(typed[:at])
        return part

    def compares(self, question: str) -> bool:
        """Return whether a question compares ("so với", "cái nào cao hơn", "gấp mấy lần")."""
        # (a compound holding a join is no join: "Đảng Cộng sản", "đang họp gấp")
        words = self._compounds.take(tokens(question))[0]
        if PLUS in question or any(w.tone == _ADDED_TONE for w in words):
            return True  # "xuất khẩu + nhập khẩu", "… cộng …": items added
        plain = [str(w) for w in words]
        if "hon" in plain and _HOW_MUCH.intersection(plain[plain.index("hon") + 1 :]):
            # "A hơn B bao nhiêu": "hơn" before a count word ("hơn 2.000 đảng viên" is none).
            return True
        if not self._comparison_cues.could_match(words):
            return False
        return any(self._comparison_cues.match_at(words, at) for at in range(len(words)))

    def by_superlative(self, question: str) -> Answer | None:
        """Answer "chỉ tiêu nào cao nhất trong nhóm môi trường" with the group's figures.

        The resolution ranks nothing: the reply lists the figures of what is compared (a
        group, a target with several figures) and says that no ranking is stated.
        """
        words = tokens(question)
        rest, found = self._superlatives.take(words)
        if not found:
            return None
        kept, _ = self._comparing.take(rest)
        # Ranked among a target's figures or a group's targets the words name ("ngành nào
        # tăng chậm nhất": GRDP's sectors), else among the targets they are about. (Read as
        # typed, with their marks, when the words line up with the text.)
        as_typed = _as_typed(question, words) or [str(w) for w in words]
        typed = {id(w): t for w, t in zip(words, as_typed, strict=True)}

        def said(part: list[Token]) -> str:
            return " ".join(typed[id(w)] for w in part)

        answer = self.answer_one(said(rest))
        if answer.status != "answer" or len(answer.lines) < 2:
            answer = self.answer_one(" ".join(["các chỉ tiêu", said(kept)]))
        if answer.status != "answer" or len(answer.lines) < 2:
            return None
        note = f"{answer.note} {SUPERLATIVE_NOTE}".strip()
        return dataclasses.replace(answer, question=question, note=note)

    def _asks_of(self, part: str, ids: list[str]) -> bool:
        """Return whether a part asks only what every item's wording says ("tầm nhìn")."""
        rest = self.reader.read(part).rest
        kept, _ = self._comparing.take(tokens(rest))
        words = [w.text for w in self.analyze(" ".join(kept)).words]
        return (
            len(ids) >= 2 and bool(words) and all(self.mentions(i, w) for i in ids for w in words)
        )

    def asks_nothing(self, part: str) -> bool:
        """Return whether a part of a question only compares or asks ("cái nào cao hơn")."""
        rest = self.reader.read(part).rest
        kept, _ = self._comparing.take(tokens(rest))
        return not self.analyze(" ".join(kept)).words
