"""Follow-up questions: "vậy còn nhập khẩu?", "năm 2021 thì sao?", "cái đó ở mục nào?".

A follow-up is understood from the previous answer of the same conversation, passed in as
an argument: this module keeps no state (the terminal chat keeps the previous answer for
its run, Telegram for a while per chat and user; ``ask`` has none). A question that is
answered on its own keeps that answer, unless it points at the previous item ("cái đó").

Three readings, tried in order:

- nothing of its own but a year, a place or "nữa" ("năm 2021 thì sao", "còn huyện Hà Quảng")
  is the previous question asked again with it;
- nothing of its own but a pointer ("cái đó ở mục nào", "nguyên văn chỉ tiêu đó"), or
  nothing but asking words ("nằm ở mục nào") is the previous item itself;
- its own words ("vậy còn nhập khẩu?") name another item of the previous item's family
  (its target's other figures, its group's other targets), when one clearly fits.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.answering.answers import Answer
from bot.answering.overview import NAMED, TARGETS, TASKS, named_items
from bot.answering.rules import CHOICES_WINDOW, yes_or_no
from bot.knowledge.entries import KnowledgeBase
from bot.knowledge.schema import Vocabulary
from bot.matching.analysis import Analysis
from bot.matching.knowledge_items import ScoredEntry
from bot.matching.named_numbers import ORDINAL_WORDS, ORDINALS_SAID, without_years
from bot.vietnamese.phrases import PhraseSet, Token, tokens
from bot.vietnamese.text import clean, fold

_MARKER, _POINTER, _ASK = "marker", "pointer", "ask"
#: "cái thứ 2", "đề án thứ hai" (typed with its tone, or bare after its noun: "de an thu
#: hai"): which item of a list the previous answer gave is meant.
_ORDINAL = re.compile(r"\bthứ\s+(\d+|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)\b")
_ORDINAL_BARE = re.compile(
    rf"\b(?:cai|nhiem vu|chi tieu|de an|du an|muc|phan|nhom|y) thu\s+(\d+|{ORDINALS_SAID})\b"
)
#: "có cả X không", "đã gồm X chưa", "có tính cả X không": whether the previous item
#: includes X (folded words; X is the first group).
_INCLUDES = re.compile(
    r"^(?:(?:the|vay)\s+)?(?:co\s+|da\s+)?(?:bao\s+)?(?:gom|co ca|tinh ca|ke ca|tinh)"
    r"\s+(?:ca\s+)?(.+?)\s+(?:khong|ko|k|chua|hok)(?:\s+(?:a|vay|nhi|the))?\W*$"
)
#: "dự án còn lại", "ngoài cao tốc ra còn dự án nào", "còn dự án nào nữa", "dự án kia": the
#: other items of the same kind.
_OTHERS = re.compile(r"\bcon lai\b|\bngoai\b|\bkhac\b|\bkia\b|\bnao\b.*\bnua\b")


def ordinal_in(question: str) -> int | None:
    """Return the ordinal a question names ("cái thứ 2" → 2), if any."""
    typed = _ORDINAL.search(clean(question).casefold())
    found = typed.group(1) if typed else None
    if found is None:
        bare = _ORDINAL_BARE.search(fold(question))
        found = bare.group(1) if bare else None
    if found is None:
        return None
    return int(found) if found.isdigit() else ORDINAL_WORDS.get(fold(found))


def listed(kb: KnowledgeBase, item_id: str) -> list[str]:
    """Return the items an answer about ``item_id`` lists, in the resolution's order.

    A group's targets, a target's figures, an overview's items; and for a count of named
    things ("04 Đề án chiến lược"), the things of that kind that follow it.
    """
    if item_id.startswith(f"{TARGETS}-"):
        group = kb.entries.get(item_id.removeprefix(f"{TARGETS}-"))
        return list(group.children) if group is not None else []
    if item_id == TASKS:
        return [e.id for e in kb.entries.values() if e.kind == "task"]
    if item_id in NAMED:
        return [e.id for e in named_items(kb, item_id)]
    entry = kb.entries.get(item_id)
    if entry is None:
        return []
    if entry.children:
        return list(entry.children)
    kind = getattr(entry.node, "kind", None)
    if entry.kind != "named" or len(entry.figures) != 1 or entry.parent is None:
        return []
    siblings = list(kb.entries[entry.parent].children)
    after = siblings[siblings.index(entry.id) + 1 :]
    same = [c for c in after if getattr(kb.entries[c].node, "kind", None) == kind]
    return same[: int(entry.figures[0].number)]


def others_of_kind(kb: KnowledgeBase, item_id: str) -> list[str]:
    """Return the other named things of an item's kind beside it ("Dự án …" for a project)."""
    entry = kb.entries.get(item_id)
    if entry is None or entry.kind != "named" or entry.parent is None:
        return []
    kind = fold(getattr(entry.node, "kind", ""))
    return [
        c
        for c in kb.entries[entry.parent].children
        if c != item_id and kind and fold(kb.entries[c].title).startswith(kind)
    ]


@dataclass(frozen=True, slots=True)
class Reading:
    """A question read for what makes it a follow-up."""

    rest: str
    """The question without its follow-up words."""
    marked: bool
    """It says it follows ("vậy còn", "thì sao", "nữa")."""
    pointing: bool
    """It points at the previous item ("cái đó", "chỉ tiêu này", "nó")."""
    asking: bool = False
    """It has asking words ("đơn vị tính", "nguyên văn", "kể tên")."""


class FollowUpReader:
    """Find the follow-up words of a question (:attr:`Vocabulary.follow_up`)."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        words = vocabulary.follow_up
        self.place_nouns = frozenset(" ".join(tokens(p)) for p in vocabulary.own_place.places)
        self.phrases = PhraseSet(
            [*words.markers, *words.pointers, *words.asks],
            [
                *(_MARKER for _ in words.markers),
                *(_POINTER for _ in words.pointers),
                *(_ASK for _ in words.asks),
            ],
        )

    def read(self, question: str) -> Reading:
        """Return the question without its follow-up words, and which kinds it had.

        The rest keeps the words as typed (diacritics tell "ở" from "o").
        """
        typed = question.split()
        words: list[Token] = []
        owners: list[int] = []
        for index, word in enumerate(typed):
            for token in tokens(word):
                words.append(token)
                owners.append(index)
        taken: set[int] = set()
        found: list[str] = []
        at = 0
        while at < len(words):
            match = self.phrases.match_at(words, at)
            if match is None:
                at += 1
                continue
            found.append(match[1])
            taken.update(owners[at : at + match[0]])
            at += match[0]
        rest = " ".join(w for i, w in enumerate(typed) if i not in taken)
        return Reading(rest, _MARKER in found, _POINTER in found, _ASK in found)


def topic_of(previous: Answer | None) -> str | None:
    """Return the item a previous answer was about (also when it said "không nêu")."""
    if previous is None or not previous.matches or previous.status == "choices":
        return None
    return previous.matches[0].id


def family(kb: KnowledgeBase, item_id: str) -> list[str]:
    """Return the items near one: its parent's descendants (two levels) and its children;
    of a fact about the resolution, the other facts ("lần thứ mấy" after its date)."""
    entry = kb.entries[item_id]
    if entry.kind == "fact":
        return [e.id for e in kb.entries.values() if e.kind == "fact" and e.id != item_id]
    head = kb.entries.get(entry.parent) if entry.parent else None
    near = list(entry.children)
    if head is not None:
        for child in head.children:
            near.append(child)
            near += kb.entries[child].children
    return [i for i in dict.fromkeys(near) if i != item_id and i in kb.entries]


def sure_best(
    ranked: list[ScoredEntry], sure: Callable[[float, float, float], bool]
) -> ScoredEntry | None:
    """Return the best of a ranking when ``sure`` of it (score, margin, coverage), else None."""
    if not ranked or ranked[0].contradicted:
        return None
    best = ranked[0]
    margin = best.score - (ranked[1].score if len(ranked) > 1 else 0.0)
    return best if sure(best.score, margin, best.coverage) else None


@dataclass(frozen=True, slots=True)
class FollowUps:
    """Answer a question knowing the previous answer of its conversation."""

    kb: KnowledgeBase
    reader: FollowUpReader
    analyze: Callable[[str], Analysis]
    alone: Callable[[str], Answer]
    """Answer a question on its own."""
    describe: Callable[[str, str, float], Answer]
    """The answer for an item, first saying what the resolution does not state of it if
    the question names such an attribute ("dự án đó bao giờ xong")."""
    rank: Callable[[Analysis, list[str]], list[ScoredEntry]]
    sure: Callable[[float, float, float], bool]
    """Whether a score, its margin and its coverage are sure enough to answer."""
    mentions: Callable[[str, str], bool]
    """Whether an item's wording mentions a folded phrase."""
    describe_picked: Callable[[str, str, float], Answer] | None = None
    """The answer for an item picked by its place in a list, as the question asks it (what
    it does not state first: "cái thứ hai ở huyện nào"); :attr:`describe` if None."""

    def _picked(self, item_id: str, question: str) -> Answer:
        return (self.describe_picked or self.describe)(item_id, question, 100.0)

    def answer(self, question: str, alone: Answer, previous: Answer) -> Answer:
        """Return the answer to ``question`` as a follow-up of ``previous``, or ``alone``."""
        number = ordinal_in(question)
        if previous.status == "choices" and number is not None:
            # "cái thứ hai là gì" after choices: the second option offered.
            offered = [m.id for m in previous.matches if m.id in self.kb.entries]
            if 1 <= number <= len(offered):
                return self._picked(offered[number - 1], question)
        topic = topic_of(previous)
        if topic is None:
            return alone
        items = listed(self.kb, topic) if number is not None else []
        if number is not None and 1 <= number <= len(items):
            # "cái thứ 2 là gì" after a list: its second item.
            return self._picked(items[number - 1], question)
        if topic not in self.kb.entries:
            # An overview: "kể cụ thể giúp" (asking words only) is its list again.
            reading = self.reader.read(question)
            rest = self.analyze(reading.rest)
            if reading.asking and alone.status != "answer" and not (rest.words or rest.numbers):
                return self.describe(topic, question, 100.0)
            return alone
        included = self._includes(question, topic)
        if included is not None:
            return included
        others = others_of_kind(self.kb, topic) if _OTHERS.search(fold(question)) else []
        if len(others) == 1:
            # "dự án còn lại là gì" after the expressway: the one other project.
            return self.describe(others[0], question, 100.0)
        reading = self.reader.read(question)
        if alone.status == "answer" and not reading.pointing:
            return self._worded_like_before(question, reading, alone, topic)
        offered = [m.id for m in alone.matches] if alone.status == "choices" else []
        fact_again = self.kb.entries[topic].kind == "fact" and offered[:1] != [topic]
        if topic in offered and not fact_again:
            # "tầm nhìn đến năm nào" after the tourism scheme: of the choices, the one
            # the conversation is about.
            return self.describe(topic, question, 100.0)
        whole = self.analyze(question)
        if alone.status == "none" and any(y != self.kb.document.year for y in whole.years):
            # "thế năm 2019 kết nạp được bao nhiêu": the previous question, of that year.
            composed = self.alone(f"{without_years(previous.question)} {question}")
            return dataclasses.replace(composed, question=question)
        analysis = self.analyze(reading.rest)
        own = analysis.words
        if analysis.districts or analysis.own_place:
            # "còn huyện Hà Quảng?": the place's own noun is part of the place.
            own = tuple(w for w in own if w.text not in self.reader.place_nouns)
        counted = fold(whole.counted or "").split()
        if (
            all(w.text in counted for w in whole.words)
            and alone.status != "answer"
            and (whole.not_stated or whole.yes_no)
        ):
            # "dài bao nhiêu km", "đúng là 3% à": asked of the previous question's item.
            composed = self.alone(f"{previous.question} {question}")
            if composed.status == "none" and not composed.matches:
                # (the previous question pointed back itself: "dự án đó khởi công khi nào")
                return self.describe(topic, question, 100.0)
            return dataclasses.replace(composed, question=question)
        if not (own or analysis.codes or analysis.count or analysis.numbers):
            if analysis.years or analysis.districts or analysis.own_place:
                earlier = without_years(previous.question) if analysis.years else previous.question
                composed = self.alone(f"{earlier} {question}")
                return dataclasses.replace(composed, question=question)
            if reading.pointing or reading.marked or (reading.asking and alone.status != "answer"):
                # (asking words and units only: "đơn vị tính là triệu đồng hay USD")
                return self.describe(topic, question, 100.0)
            if not reading.rest.strip() and alone.status != "answer":
                # Only asking words ("nằm ở mục nào", "nguyên văn ra sao"): of the previous.
                return self.describe(topic, question, 100.0)
            return alone
        if not (reading.marked or reading.pointing or alone.status != "answer"):
            return alone
        near = family(self.kb, topic)
        if reading.pointing:
            # "thế nó khởi công khi nào": the previous item itself first.
            near.insert(0, topic)
        ranked = self.rank(analysis, near)
        best = (
            self._parallel(ranked, topic) or sure_best(ranked, self.sure) or _explains_all(ranked)
        )
        if best is None:
            # "giai đoạn thực hiện thì sao" of a scheme: what its own wording says.
            own_item = self.rank(analysis, [topic])
            if (
                own_item
                and own_item[0].coverage >= OWN_ITEM_COVERAGE
                and not own_item[0].contradicted
            ):
                return self.describe(topic, question, own_item[0].score)
            return self._rest_alone(question, reading, alone, topic)
        return self.describe(best.entry.id, question, best.score)

    def _includes(self, question: str, topic: str) -> Answer | None:
        """Answer "có cả Mặt trận Tổ quốc không" after a question about an item: yes, with
        the item (or its part) whose wording names it; None when none of them does.
        """
        match = _INCLUDES.search(fold(question))
        if match is None:
            return None
        named = match.group(1)
        holder = next(
            (i for i in (topic, *self.kb.entries[topic].children) if self.mentions(i, named)),
            None,
        )
        if holder is None:
            return None
        return yes_or_no(self.describe(holder, question, 100.0), self.kb.entries[holder], ())

    def _rest_alone(self, question: str, reading: Reading, alone: Answer, topic: str) -> Answer:
        """Return the answer to a follow-up's own words when they alone are answered by an
        item beside the previous one (under the same heading).

        "thế khoá mấy" after the conference's date: "khoá mấy" is answered on its own by
        another fact about the resolution (the follow-up words only kept it from that).
        """
        if alone.status == "answer" or not (reading.marked or reading.pointing):
            return alone
        rest = self.alone(reading.rest)
        if rest.status != "answer" or rest.item_id is None:
            return alone
        heading = self.kb.entries[topic].parent
        answered = self.kb.entries.get(rest.item_id)  # (an overview is no item beside it)
        if answered is None or answered.parent != heading:
            return alone
        return dataclasses.replace(rest, question=question)

    def _worded_like_before(
        self, question: str, reading: Reading, alone: Answer, topic: str
    ) -> Answer:
        """Return ``alone``, unless a follow-up marked as one is answered by a family item
        worded more like the previous item than ``alone``'s own.

        "còn đảng viên?" after the rate of party cells completing their tasks: the rate of
        party members completing theirs, though "đảng viên" alone is the admissions target.
        """
        if not reading.marked:
            return alone
        # (not a restatement of the previous item: "trong đó nhập khẩu" after the trade
        # total is no "tổng kim ngạch xuất nhập khẩu (bao gồm …)")
        before = set(fold(self.kb.entries[topic].title).split())
        ranked = [
            s
            for s in self.rank(self.analyze(reading.rest), family(self.kb, topic))
            if not before <= set(fold(s.entry.title).split())
        ]
        if alone.item_id not in {s.entry.id for s in ranked if s.coverage >= 1.0}:
            return alone
        best = self._parallel(ranked, topic)
        if best is None or best.entry.id == alone.item_id:
            return alone
        own = next(s.score for s in ranked if s.entry.id == alone.item_id)
        if own - best.score >= CHOICES_WINDOW:
            # "còn hàng giám sát" after exports: its own item by name, far ahead of the
            # trade total that only mentions it
            return alone
        return self.describe(best.entry.id, question, best.score)

    def _parallel(self, ranked: list[ScoredEntry], topic: str) -> ScoredEntry | None:
        """Return, of the family items explaining the whole follow-up, the one worded most
        like the previous item, if one stands out.

        "đảng viên thì sao" after the rate of party cells completing their tasks: the rate
        of party members completing theirs, not the admissions of new members.
        """
        full = [s for s in ranked if s.coverage >= 1.0 and not s.contradicted]
        if len(full) < MIN_PARALLEL:
            return None
        before = set(fold(self.kb.entries[topic].title).split())
        shared = sorted(
            ((len(before & set(fold(s.entry.title).split())), s) for s in full),
            key=lambda pair: pair[0],
            reverse=True,
        )
        return shared[0][1] if shared[0][0] > shared[1][0] else None


#: Items explaining the whole follow-up, from which the one worded like the previous wins.
MIN_PARALLEL = 2
#: Nothing of the family sure, the previous item itself explaining this share of the
#: follow-up's words is what it asks about ("tầm nhìn tới năm bao nhiêu" of a scheme).
OWN_ITEM_COVERAGE = 0.45
#: Of the previous item's family, one explaining every word of a follow-up and this far
#: ahead of the next ("trong đó nghề bao nhiêu" after the trained-labour rate) is meant.
FAMILY_MARGIN = 8.0


def _explains_all(ranked: list[ScoredEntry]) -> ScoredEntry | None:
    if not ranked or ranked[0].contradicted or ranked[0].coverage < 1.0:
        return None
    best = ranked[0]
    runner = ranked[1].score if len(ranked) > 1 else 0.0
    return best if best.score - runner >= FAMILY_MARGIN else None
