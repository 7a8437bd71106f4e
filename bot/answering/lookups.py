"""Direct routes to an answer, before the ranking decides: section codes, figures, counts.

"mục II.1.3", "chỉ tiêu số 4 về kinh tế" name a section; "13,8% là chỉ tiêu gì" and "cái mốc
năm 2035 gắn với cái gì" name a figure, a year or a date the resolution states; "bao nhiêu
chỉ tiêu", "kể hết các chỉ tiêu về môi trường", "những dự án nào" ask for a count or a list.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.answering.answers import Answer, Match
from bot.answering.describe import describe_entry, figure_line, target_line
from bot.answering.overview import BY_NOUN as OVERVIEW_BY_NOUN
from bot.answering.overview import overview, part_ii
from bot.answering.reverse import FigureCarriers
from bot.answering.rules import (
    ANSWER_SCORE,
    CARRIED_BY,
    CHOICES_COVERAGE,
    CHOICES_SCORE,
    CHOICES_WINDOW,
    CHOOSE_FIGURE,
    CHOOSE_HINT,
    COUNT_PREFIX,
    GROUP_FOR_NUMBER_SCORE,
    LIST_SCORE,
    LISTED_WHOLE,
    MAX_CARRIERS,
    MAX_CHOICES,
    MIN_CHOICES,
    NO_SUCH_FIGURE,
    NOT_COVERED,
    TARGETS_ABOUT,
    UNNAMED_COVERAGE,
    UNNAMED_MEMBER_COVERAGE,
    UNNAMED_WORDS,
    choice_title,
    none_reply,
)
from bot.errors import NumberFormatError
from bot.knowledge.entries import Entry, KnowledgeBase
from bot.knowledge.schema import Named, Target
from bot.matching.analysis import Analysis
from bot.matching.index import SearchIndex
from bot.matching.knowledge_items import ScoredEntry as Scored
from bot.matching.named_numbers import full_dates_in
from bot.vietnamese.numbers import SCALE_WORDS, SCALES, parse_user_number, same_number
from bot.vietnamese.phrases import PhraseSet, Token
from bot.vietnamese.text import clean, fold, fold_diacritics, padded_fold

#: "15% của 2 triệu": a share of an amount (folded).
#: The parts of what a figure names asked ("… gồm những khoản nào", "chia thành mấy").
#: A number and the word after it ("90 nam"), folded.
#: Words naming the province itself, folded (the resolution's own scope, no topic).
_PROVINCE_WORDS = frozenset({"tinh", "toan", "ca"})
_NUMBER_NOUN = re.compile(r"\b(\d+) ([a-z]+)\b")
_PARTS_ASKED = re.compile(
    r"\b(?:bao gom|gom) (?:nhung|may|bao nhieu|cac)\b|\bchia (?:thanh|lam)\b"
)
_SHARE_OF = re.compile(r"\d\s*(?:%|phan tram)\s+cua\s+\d")
#: The code of the resolution's part II, which has no item of its own.
PART_II = "II"
#: "mấy lần", "bao nhiêu lần": a count of the times a figure appears (folded).
_COUNTS_TIMES = re.compile(r"\b(?:may|bao nhieu|bn) (?:lan|cho)\b")
#: A number with the scale typed after it ("3 triệu", "1.800 tỷ"; folded): only a figure
#: in that scale is it ("3 triệu" is not "3%").
_SCALED = re.compile(rf"(\d[\d.,]*)\s*({SCALE_WORDS})\b")


class Lookups:
    """The direct routes of one knowledge base."""

    def __init__(
        self,
        kb: KnowledgeBase,
        index: SearchIndex[Entry],
        sure: Callable[[list[Scored]], Scored | None],
    ) -> None:
        self.kb = kb
        self.index = index
        #: The best of a ranking when it is sure enough to answer with (see qa).
        self.sure = sure
        #: Entries by section code ("II.1.3", "II.1.3.(1)"): figures share their target's.
        self._coded = {e.code: e for e in kb.entries.values() if e.code and e.kind != "figure"}
        self._carriers = FigureCarriers(kb)
        self._reverse_generic = PhraseSet(kb.vocabulary.reverse_generic)
        self._generic = {" ".join(fold(p).split()) for p in kb.vocabulary.reverse_generic}

    def by_code(self, analysis: Analysis) -> Answer | None:
        for code in analysis.codes:
            entry = self._coded.get(code)
            if entry is not None:
                return describe_entry(self.kb, entry, analysis.text, 100.0)
            if code == PART_II:
                return part_ii(self.kb, analysis.text)
        return None

    def by_figure(self, question: str, analysis: Analysis) -> Answer | None:
        """Answer "13,8% là chỉ tiêu gì": the items whose figure is the number named.

        A year or a date the resolution names ("cái mốc năm 2035 gắn với cái gì",
        "01/4/1930") finds the items whose wording names it, the same way.
        """
        if analysis.codes or (analysis.count and not analysis.numbers):
            # ("chỉ tiêu 95% là những chỉ tiêu nào": a count with a figure asks its items)
            return None
        # ("80% thì áp dụng cho chỉ tiêu nào": a not-stated phrase that is also a reverse
        # look-up's own wording asks nothing of an item)
        generic_ask = " ".join(fold(analysis.not_stated_phrase or "").split()) in self._generic
        if analysis.yes_no or (analysis.not_stated and not generic_ask) or analysis.offers_figures:
            return None
        if _SHARE_OF.search(fold_diacritics(question)):
            return None  # "15% của 2 triệu": a sum to work out, no figure asked about
        if analysis.asks_how_much and not _COUNTS_TIMES.search(fold(question)):
            # (unless it counts the times it appears: "95% xuất hiện mấy lần")
            return None
        # "1" is mostly a measure's own ("trên 1 ha", "1 vạn dân"), not a figure asked about.
        numbers = tuple(n for n in analysis.numbers if n != 1)
        if analysis.numbers and not numbers:
            return None
        marks = self._named_marks(analysis) if not numbers else []
        if not numbers and not marks:
            return None
        # Beside the number, only words naming no topic ("con số … là gì", "ứng với ngành
        # nào"), or words every item kept says ("200 tỷ đồng là khoản thu nào").
        typed = [Token(w.typed or w.text) for w in analysis.words]
        rest, _ = self._reverse_generic.take(typed)
        # (as typed, or as corrected: "chỉ tiu" is "chỉ tiêu")
        corrected, _ = self._reverse_generic.take([Token(w.text) for w in analysis.words])
        rest = min(rest, corrected, key=len)
        if rest and _PARTS_ASKED.search(fold(question)):
            # "thu ngân sách 1.800 tỷ gồm những khoản nào": the parts of what the words
            # name are asked ("2.370 triệu USD gồm những gì" alone still asks the figure)
            return None
        if marks and rest:
            return None  # a year beside a topic is that topic's year, not a question about it
        found = (
            self._carriers.find(numbers, analysis.units)
            if numbers
            else [
                e
                for e in self.kb.entries.values()
                if e.kind in {"target", "named"}
                and all(self.index.mentions(e.id, m) for m in marks)
            ]
        )
        # The other words are the item's, or its group's ("số 2.000 trong phần xây dựng
        # Đảng", "cái tăng trên 10% trong phần kinh tế").
        carriers = [
            e
            for e in found
            if all(self._said_of(e, w) for w in rest) and self._in_scale(e, analysis.text)
        ]
        titled = [e for e in carriers if all(fold(m) in fold(e.title) for m in marks)]
        if marks and titled:
            carriers = titled  # the item a date or year is the mark of, not every mention
        counted = self._counted_alike(carriers, analysis.text)
        if counted:
            carriers = counted  # ("con số 90 năm": the 90 years, not 90%)
        if len(carriers) == 1:
            return describe_entry(self.kb, carriers[0], question, 100.0)
        if not carriers and numbers and not rest:
            # "con số 77% là gì": only the figure is asked about, and no item states it.
            return none_reply(question, NO_SUCH_FIGURE)
        if not carriers:
            return None
        if len(carriers) > MAX_CARRIERS or not numbers:
            matches = tuple(Match(e.id, choice_title(e), 100.0) for e in carriers[:MAX_CHOICES])
            return Answer(question, "choices", CHOOSE_FIGURE, hint=CHOOSE_HINT, matches=matches)
        # "55% là chỉ tiêu gì": each item that states it, with its figure and place.
        return Answer(
            question,
            "answer",
            CARRIED_BY.format(count=len(carriers)),
            tuple(self._carrier_line(e, numbers) for e in carriers),
            matches=tuple(Match(e.id, choice_title(e), 100.0) for e in carriers),
        )

    @staticmethod
    def _counted_alike(carriers: list[Entry], text: str) -> list[Entry]:
        """Return the carriers whose wording has a number with the noun the question puts
        after its number ("90 năm"), if the question puts one there."""
        nouns = {f"{n} {w}" for n, w in _NUMBER_NOUN.findall(fold(text))}
        return [
            e
            for e in carriers
            if any(f" {noun} " in padded_fold(f"{e.title} {e.source}") for noun in nouns)
        ]

    @staticmethod
    def _in_scale(entry: Entry, text: str) -> bool:
        """Return whether the figures of an item a number finds are in the scale typed."""
        for match in _SCALED.finditer(clean(text).casefold()):
            try:
                number = parse_user_number(match.group(1))
            except NumberFormatError:
                continue
            scale = SCALES[match.group(2)]
            matched = [
                f
                for f in entry.figures
                for typed in (number.value, *number.alternatives)
                if same_number(typed, f.number)
            ]
            units = [f.unit.casefold().split()[:1] for f in matched]
            if matched and not any(SCALES.get(u[0]) == scale for u in units if u):
                return False
        return True

    def _said_of(self, entry: Entry, word: str) -> bool:
        """Return whether an item's wording, or a group or section above it, has a word."""
        current: Entry | None = entry
        while current is not None:
            if self.index.mentions(current.id, word):
                return True
            current = self.kb.entries.get(current.parent) if current.parent else None
        return False

    def _carrier_line(self, entry: Entry, numbers: tuple[float, ...]) -> str:
        """Return an item's figure that states one of ``numbers``, and where it stands."""
        figure = next(
            (f for f in entry.figures if any(same_number(n, f.number) for n in numbers)),
            entry.figures[0],
        )
        where = f" (mục {entry.code})" if entry.code else ""
        return f"{figure_line(figure)}{where}"

    def _targets_about(self, analysis: Analysis) -> Answer | None:
        """List the targets a topic spans across groups ("các chỉ tiêu về giáo dục, đào tạo").

        Several targets that fit about as well as the best are listed, each with its
        figures; none or one leave the question to the ranking.
        """
        ranked = [
            s
            for s in self.index.rank(analysis)
            if s.entry.kind == "target" and not s.contradicted and s.coverage >= CHOICES_COVERAGE
        ]
        if not ranked or ranked[0].score < LIST_SCORE:
            return None
        listed = [
            s for s in ranked if s.score >= max(LIST_SCORE, ranked[0].score - CHOICES_WINDOW)
        ]
        if len(listed) < MIN_CHOICES:
            return None
        lines = tuple(
            f"• {target_line(s.entry.node)}" for s in listed if isinstance(s.entry.node, Target)
        )
        return Answer(
            analysis.text,
            "answer",
            TARGETS_ABOUT,
            lines,
            matches=tuple(Match(s.entry.id, s.entry.title, s.score) for s in listed),
        )

    def _named_marks(self, analysis: Analysis) -> list[str]:
        """Return the dates and other years a question names, as an item's wording has them."""
        dates = full_dates_in(analysis.text)
        years = [str(y) for y in analysis.years if y != self.kb.document.year]
        return dates or years

    def by_count(self, analysis: Analysis) -> Answer | None:
        """Answer "bao nhiêu chỉ tiêu", "kể hết các chỉ tiêu", "gồm những phần nào"."""
        if analysis.count is None:
            return None
        # ("các mục tiêu năm 2020 của tỉnh": the province is the resolution's own scope)
        own_scope = {w.text for w in analysis.words} <= _PROVINCE_WORDS
        if analysis.count == "targets" and analysis.words and not own_scope:
            # "các chỉ tiêu về môi trường": a group's targets, if one group clearly fits.
            groups = [e.id for e in self.kb.entries.values() if e.kind == "group"]
            ranked = self.index.rank(analysis, candidates=groups)
            if not ranked or ranked[0].score < ANSWER_SCORE:
                return self._targets_about(analysis) if analysis.listing else None
            group = ranked[0].entry
            target = self._target_named_whole(analysis, group, ranked[0].score)
            if target is not None:
                # "mấy chỉ tiêu về văn hoá, kể ra": the target named so (its figures), not
                # the group "văn hoá - xã hội", which the question names only in part.
                return describe_entry(self.kb, target, analysis.text, ranked[0].score)
            if analysis.listing:
                return describe_entry(self.kb, group, analysis.text, ranked[0].score)
            return self.count_answer(f"{COUNT_PREFIX}chi-tieu-{group.id}", analysis.text)
        if analysis.count in LISTED_WHOLE and analysis.words and not analysis.not_stated:
            # "những dự án nào được yêu cầu khởi công", "có mấy dự án phải khởi công": the
            # projects are few, all of them; unless the words name one ("các dự án trọng
            # điểm"), or name another thing whose parts are counted ("đề án … có mấy dự án").
            kind = LISTED_WHOLE[analysis.count]
            members = [
                e.id
                for e in self.kb.entries.values()
                if isinstance(e.node, Named) and e.node.kind == kind
            ]
            ranked = self.index.rank(analysis, candidates=members)
            fitting = [s for s in ranked if s.score >= CHOICES_SCORE]
            best = self.sure(self.index.rank(analysis))
            if (
                len(fitting) == 1
                and best is not None
                and not (analysis.listing and self._left_to_the_named(analysis, best, kind))
            ):
                return None
            if not analysis.listing and (
                not fitting or (best is not None and best.entry.id not in members)
            ):
                return None  # ("đề án … có mấy dự án" counts another thing's parts)
            everything = self.index.rank(analysis)
            if (
                not fitting
                and len(analysis.words) >= UNNAMED_WORDS
                and (not ranked or ranked[0].coverage < UNNAMED_MEMBER_COVERAGE)
                and (not everything or everything[0].coverage < UNNAMED_COVERAGE)
            ):
                # ("chương trình mục tiêu quốc gia giảm nghèo có những dự án nào": the words
                # name a thing the resolution does not, whose projects it cannot list)
                return none_reply(analysis.text, NOT_COVERED)
            return self.count_answer(OVERVIEW_BY_NOUN[analysis.count], analysis.text)
        if analysis.count == "tasks" and analysis.words:
            # "nhiệm vụ về kinh tế có mấy cái": a task group, which lists its tasks.
            task_groups = [e.id for e in self.kb.entries.values() if e.kind == "task"]
            ranked = self.index.rank(analysis, candidates=task_groups)
            if ranked and ranked[0].score >= ANSWER_SCORE and not ranked[0].contradicted:
                return describe_entry(self.kb, ranked[0].entry, analysis.text, ranked[0].score)
            return None
        # "chỉ tiêu 95% là những chỉ tiêu nào" asks about a figure, not for the whole list.
        asks_a_figure = analysis.numbers or analysis.target_number is not None
        if (analysis.words and len(analysis.words) > 1 and not own_scope) or asks_a_figure:
            return None
        return self.count_answer(OVERVIEW_BY_NOUN[analysis.count], analysis.text)

    def _target_named_whole(self, analysis: Analysis, group: Entry, score: float) -> Entry | None:
        """Return the target of several figures the question names whole, scoring as well as
        the group it names only in part, if there is one."""
        said = padded_fold(analysis.text)

        def whole(entry: Entry) -> bool:
            return any(padded_fold(p) in said for p in entry.phrases)

        if whole(group):
            return None
        targets = [
            e.id for e in self.kb.entries.values() if e.kind == "target" and len(e.figures) >= 2
        ]
        ranked = self.index.rank(analysis, candidates=targets)
        near = [s for s in ranked if s.score >= score and whole(s.entry)]
        return near[0].entry if len(near) == 1 else None

    def _left_to_the_named(self, analysis: Analysis, best: Scored, kind: str) -> bool:
        """Whether a list asks for things only those named so explain, not the best line.

        "kể tên các dự án trọng điểm phải khởi công trong năm 2020": the line on key
        projects says nothing of starting; the projects named to start ("Dự án …") do.
        """
        named = [
            e.id
            for e in self.kb.entries.values()
            if isinstance(e.node, Named)
            and e.node.kind == kind
            and fold(e.title).startswith(fold(kind))
        ]
        if not named or best.entry.id in named:
            return False
        return any(
            not self.index.mentions(best.entry.id, word.text)
            and all(self.index.mentions(item_id, word.text) for item_id in named)
            for word in analysis.words
        )

    def count_answer(self, item_id: str, question: str) -> Answer:
        listed = overview(self.kb, item_id, question)
        if listed is not None:
            return listed
        group = self.kb.entries[item_id.removeprefix(f"{COUNT_PREFIX}chi-tieu-")]
        base = describe_entry(self.kb, group, question, 100.0)
        return Answer(
            question,
            "answer",
            f"{group.title}: {len(group.children)} chỉ tiêu",
            base.lines,
            place=base.place,
            matches=(Match(item_id, f"Số chỉ tiêu – {group.title}", 100.0),),
        )

    def by_target_number(self, analysis: Analysis, ranked: list[Scored]) -> Answer | None:
        number = analysis.target_number
        if number is None:
            return None
        groups = [s for s in ranked if s.entry.kind == "group"]
        if not groups or groups[0].score < GROUP_FOR_NUMBER_SCORE:
            return None
        for child_id in groups[0].entry.children:
            child = self.kb.entries[child_id]
            if child.code.endswith(f".({number})"):
                return describe_entry(self.kb, child, analysis.text, 100.0)
        return None

    # --- scope and decision --------------------------------------------------------------
