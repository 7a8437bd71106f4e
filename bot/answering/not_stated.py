"""What the resolution does not state, said plainly before what it does say.

It sets targets and tasks: it never gives results, lengths, budgets, areas, ranks or who
leads a task (unless its wording says so), an amount of an item that has no figure, a
figure in a unit of another kind, a count in a noun none of the figures counts, the
content of a document, scheme or project it only names, or the date of an event it only
names. Such a reply has the status ``none`` (no item answers what was asked) and keeps the
item it tells about as its first match.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from bot.answering.answers import Answer
from bot.answering.overview import BY_NOUN as OVERVIEW_BY_NOUN
from bot.answering.overview import NAMED
from bot.knowledge.entries import Entry, KnowledgeBase, whole_and_parts
from bot.knowledge.schema import Fact, Named
from bot.matching.analysis import WHEN, Analysis
from bot.matching.index import SearchIndex
from bot.matching.named_numbers import names_a_date, reads_as
from bot.vietnamese.numbers import normalize_unit, same_number
from bot.vietnamese.text import fold, padded_fold

NOT_STATED = (
    "Nghị quyết không nêu {attribute} (Nghị quyết đề ra mục tiêu, nhiệm vụ; không nêu kết "
    "quả, chiều dài hay kinh phí). Về nội dung này, Nghị quyết nêu:"
)
#: A year in an item's wording ("giai đoạn 2020 - 2025", "khởi công trong năm 2020").
#: A count asked of one noun ("bao nhiêu tuổi"), folded: the noun.
_COUNT_ASKED = re.compile(r"(?:bao nhieu|may) (\w+)")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
MENTIONED_ONLY = (
    "Nghị quyết chỉ nhắc đến {kind} này, không nêu {asked} của nó. Về nội dung này, "
    "Nghị quyết nêu:"
)
#: Kinds of item that state an amount only as a figure: asked "bao nhiêu" of one without
#: figures, the amount is not stated (facts answer in words: "ngày 10/01/2020").
AMOUNTLESS_KINDS = frozenset({"named", "task", "section"})
#: The exact day asked ("ngày mấy tháng mấy"): stated by an item whose wording has a date.
EXACT_DAY = "ngày cụ thể"
#: How the vocabulary names a share for each place asked ("chia theo từng huyện"): of a figure
#: the resolution itself sets for each district, that share is stated.
ALLOCATION = "mức phân bổ cho từng đơn vị"
#: Each part of a figure: stated only of a target of several figures (its own parts).
BREAKDOWN = "số liệu từng khoản"
#: What such a question asks, as the reply names it.
AMOUNT_ASKED = "con số được hỏi"
#: "… chỉ tiêu gì", "chỉ tiêu đến 2025 là gì": the targets themselves asked (folded).
_TARGETS_ASKED = re.compile(r"\bchi tieu\b.*\b(?:gi|nao|j)\b")
#: The targets of a document, an event or a scheme the resolution only names.
TARGETS_OF = "chỉ tiêu"
#: Who does something, asked of an item whose wording names no one.
WHO = "đơn vị hay người phụ trách"
#: "… A hay B?" closing a question: which of the options offered (folded words).
_OPTIONS = re.compile(
    r"(\w+(?: \w+)?) hay (?!sai\b|kh[oô]ng\b|ko\b|k\b|bao\b|mấy\b|may\b|là\b|la\b)"
    r"(\w+(?: \w+)?)\W*$"
)
OPTIONS = "cụ thể là phương án nào trong các phương án đồng chí nêu"
#: A wording that lists numbered parts ("(1) Đề án …; (2) Đề án …").
_LISTS_PARTS = re.compile(r"\(1\).*\(2\)", re.DOTALL)
#: "còn bao nhiêu", "còn lại": the level left, asked of a target set as a reduction.
_RESIDUAL = re.compile(
    r"\bcon (?:lai\b|bao nhieu|bn\b|may\b|khoang\b)|\bxuong (?:con )?(?:bao nhieu|bn\b|may\b)"
)
RESIDUAL = "mức còn lại sau khi giảm, chỉ nêu mức giảm"
#: A total to date asked ("tổng số xã đạt chuẩn NTM tính đến cuối 2020") of a figure the
#: resolution sets as an increase ("tăng thêm 5 xã"); folded.
_ACCUMULATED = re.compile(r"\b(?:tong so|luy ke|tinh den|nang tong so|tong cong)\b")
_INCREASE_ASKED = re.compile(r"\bthem\b")
ACCUMULATED = "tổng số tích luỹ, chỉ nêu mức tăng thêm trong năm"
#: A rate, or a figure per something: it holds for each place alike.
_RATE = re.compile(r"[%‰/]")
#: Words asking a rate (folded).
_RATE_WORDS = re.compile(r" (?:t[iy] le|phan tram) ")
RATE_ASKED = "tỷ lệ cho nội dung này, chỉ nêu con số"
#: A count for each place, asked of the province's.
EACH_PLACE = "mức phân bổ cho từng huyện, xã"
#: A month named ("tháng 6", "hết tháng 9"; folded, numbers as digits) when a figure is asked:
#: the resolution sets the year's figures, none by month (as "quý 1" in the vocabulary).
_MONTH = re.compile(r"\bthang\s*(?:\d{1,2}|gieng|chap)\b")
PERIOD = "số liệu theo từng kỳ trong năm"
#: A conversion asked ("tính ra USD", "quy đổi ra đồng"; folded).
_CONVERTED = re.compile(r"\b(?:tinh ra|quy ra|doi ra|quy doi|tinh bang|doi sang|quy sang)\b")
#: A document's number asked ("nghị quyết … số mấy", "quyết định số bao nhiêu"; folded).
_DOCUMENT_NUMBER = re.compile(
    r"\b(?:nghi quyet|quyet dinh|van ban|nghi dinh|thong tu)\b.*\bso (?:may|bao nhieu|bn)\W*$"
)
DOCUMENT_NUMBER = "số hiệu văn bản"
#: Asked of a province's figure for a place named: a figure of the place's own.
OWN_PLACE = "chỉ tiêu riêng cho từng địa phương, đơn vị"
#: Asked of a figure set for each district: the province's total.
ALL_PLACES = "tổng số của cả tỉnh cho chỉ tiêu đặt theo từng huyện, thành phố"
#: Words that compare two figures.
_COMPARING = re.compile(r"\b(?:hon|so voi|chenh|cach nhau|gap)\b")
#: Asked "bao nhiêu" of a figure the question itself quotes ("2.000 đảng viên thì mỗi huyện
#: kết nạp bao nhiêu", "276 ngàn tấn thì lúa bao nhiêu"): a share, a breakdown or a
#: conversion of it, which the resolution does not give.
BEYOND_QUOTED = "con số chi tiết hơn (chia theo đơn vị, theo loại hay quy đổi) của mức {figure}"


class Unstated:
    """Tell, for a question and the item it is about, what the resolution does not state."""

    def __init__(self, kb: KnowledgeBase, index: SearchIndex[Entry]) -> None:
        self.kb = kb
        self.index = index
        self._tails = frozenset(fold(t) for t in kb.vocabulary.tail_particles)
        self._per_unit_cues = [" ".join(fold(c).split()) for c in kb.vocabulary.per_unit_cues]
        self._total_cues = [" ".join(fold(c).split()) for c in kb.vocabulary.total_cues]
        self._own_cues = [" ".join(fold(c).split()) for c in kb.vocabulary.own_cues]
        province = kb.vocabulary.province
        self._province_own = [
            " ".join(fold(p).split())
            for p in ("của tỉnh", "toàn tỉnh", f"của {province}", f"tỉnh {province}")
        ]
        self._possessive_cues = [" ".join(fold(c).split()) for c in kb.vocabulary.possessive_cues]
        gates = kb.vocabulary.border_gates
        self._gate_attribute = gates.attribute if gates else ""

    def _without_tail(self, text: str) -> str:
        """Return a question folded, without the particles closing it ("… hay B vậy ạ")."""
        words = fold(text).split()
        while words and words[-1] in self._tails:
            words.pop()
        return " ".join(words)

    def headline(self, analysis: Analysis, entry: Entry) -> str | None:
        """Return the headline saying what the question asks that the resolution does not say.

        Results, lengths and budgets (:attr:`Analysis.not_stated`) are never stated. Of a
        document or an event it only names ("Báo cáo tổng kết năm 2019 nói gì", "Đại hội
        XIX họp khi nào") it gives neither the content nor, unless its wording has a date,
        the time.
        """
        named = self.attribute(analysis, entry)
        if named is not None:
            return named
        if (
            (analysis.asks_amount or self._counts_parts_of(analysis, entry))
            and not entry.figures
            and entry.kind in AMOUNTLESS_KINDS
        ):
            # "dự án bò sữa vốn bao nhiêu tỷ", "đề án nông nghiệp thông minh có mấy dự án
            # thành phần": an amount, or a count, the item does not give.
            return NOT_STATED.format(attribute=AMOUNT_ASKED)
        counted = analysis.counted
        if counted and entry.figures and all("/" in f.unit for f in entry.figures):
            # "số bác sỹ toàn tỉnh là bao nhiêu người": a count, of a figure set per
            # something ("15 bác sỹ/vạn dân") the question does not name.
            said = f" {' '.join(w.text for w in analysis.words)} {fold(analysis.text)} "
            per = {" ".join(fold(f.unit.split("/", 1)[1]).split()) for f in entry.figures}
            if not any(f" {p} " in said for p in per):
                return NOT_STATED.format(attribute=f"tổng số {counted}")
        if (
            counted
            and entry.figures
            and not self.counts_in(entry, counted)
            and not _share_of_own_count(analysis, entry)
        ):
            # "tiêu chí nông thôn mới gồm bao nhiêu tiêu chí": the target counts communes.
            return NOT_STATED.format(attribute=f"số {counted}")
        if analysis.asks_who and not self.names_who(entry):
            # "ai chịu trách nhiệm chỉ tiêu che phủ rừng": no one is named for it.
            return NOT_STATED.format(attribute=WHO)
        options = _OPTIONS.search(self._without_tail(analysis.text))
        # (figures offered are checked by the figure stated: "1.800 tỷ hay 2.000 tỷ")
        if (
            options
            and not any(c.isdigit() for c in "".join(options.groups()))
            and not any(self.index.mentions(entry.id, option) for option in options.groups())
        ):
            # "… trường mầm non, tiểu học hay THCS?": the choice offered is not stated.
            return NOT_STATED.format(attribute=OPTIONS)
        if _RESIDUAL.search(fold(analysis.text)) and _only_reductions(entry):
            # "tỷ lệ hộ nghèo cuối năm còn bao nhiêu": the resolution sets how much it falls.
            return NOT_STATED.format(attribute=RESIDUAL)
        unit = self._unit_not_given(analysis, entry)
        if unit is not None:
            return NOT_STATED.format(attribute=f"con số tính bằng {unit}")
        if self._rate_not_given(analysis, entry):
            # "xoá mù chữ cụ thể là tỷ lệ bao nhiêu": the item sets a count, no rate.
            return NOT_STATED.format(attribute=RATE_ASKED)
        if self._each_place(analysis, entry):
            # "mỗi huyện phải đưa bao nhiêu hộ gia súc ra khỏi gầm sàn": the province's count.
            return NOT_STATED.format(attribute=EACH_PLACE)
        if _DOCUMENT_NUMBER.search(fold(analysis.text)):
            # "nghị quyết sáp nhập huyện Thông Nông vào Hà Quảng số mấy": a document's number.
            return NOT_STATED.format(attribute=DOCUMENT_NUMBER)
        month = _MONTH.search(fold(analysis.text))
        if (
            analysis.asks_amount
            and entry.kind in {"target", "figure"}
            and month is not None
            # (not a month of the asker's story: "đề cương cho báo cáo viên tháng 2. Nhờ …")
            and self.index.analyzer.in_asking_clause(analysis.text, month.group())
        ):
            # "thu nội địa tháng 6 phải đạt bao nhiêu": the figures are the year's.
            return NOT_STATED.format(attribute=PERIOD)
        if analysis.gates and entry.figures:
            # "kim ngạch qua cửa khẩu Tà Lùng": the province's figure, across every gate.
            return NOT_STATED.format(attribute=self._gate_attribute)
        if self._own_of_place(analysis, entry):
            # "chỉ tiêu che phủ rừng riêng huyện Bảo Lâm": the resolution sets the province's.
            return NOT_STATED.format(attribute=OWN_PLACE)
        if self._all_places(analysis, entry):
            # "toàn tỉnh cộng lại bao nhiêu trường chuẩn": the target is set for each district.
            return NOT_STATED.format(attribute=ALL_PLACES)
        folded = fold(analysis.text)
        if (
            _ACCUMULATED.search(folded)
            and not _INCREASE_ASKED.search(folded)
            and _only_increases(entry)
        ):
            # "tổng số xã đạt chuẩn NTM tính đến cuối 2020": the resolution sets the increase.
            return NOT_STATED.format(attribute=ACCUMULATED)
        quoted = self._quoted(analysis, entry)
        if quoted is not None:
            return NOT_STATED.format(attribute=BEYOND_QUOTED.format(figure=quoted))
        asks_targets = analysis.count == "targets" or (
            not analysis.yes_no and _TARGETS_ASKED.search(fold(analysis.text)) is not None
        )
        if asks_targets and self.only_named(entry, content=True):
            # "nghị quyết đại hội XIX có mấy chỉ tiêu", "đề án du lịch đặt chỉ tiêu gì": the
            # targets of a thing only named.
            kind = _node_kind(entry)
            return MENTIONED_ONLY.format(kind=kind, asked=TARGETS_OF)
        asked = analysis.mentioned_ask
        if asked == WHEN and isinstance(entry.node, Named) and self._timeless_scheme(entry):
            # "đề án khu kinh tế cửa khẩu giai đoạn nào": its wording gives no time at all.
            return MENTIONED_ONLY.format(kind=entry.node.kind, asked=asked)
        if asked is None or not self.only_named(entry, content=asked != WHEN):
            return None
        kind = _node_kind(entry)
        if asked == WHEN and names_a_day(entry):
            return None
        return MENTIONED_ONLY.format(kind=kind, asked=asked)

    def attribute(self, analysis: Analysis, entry: Entry) -> str | None:
        """Return the headline for an attribute the question names (:attr:`Analysis.
        not_stated`: results, lengths, budgets, deadlines) that the item does not state."""
        asked = [(analysis.not_stated, analysis.not_stated_phrase), *analysis.not_stated_more]
        for attribute, phrase in asked:
            # ("báo cáo kết quả thực hiện … trước ngày nào": the item says who reports,
            # not by when)
            if attribute and self._not_said(attribute, phrase, entry):
                return NOT_STATED.format(attribute=attribute)
        return None

    def _not_said(self, attribute: str, phrase: str | None, entry: Entry) -> bool:
        """Return whether an item leaves out an attribute a question asks ("kết quả thực
        tế"), unless its own wording says it ("Văn phòng Tỉnh uỷ chủ trì")."""
        dated = attribute == EXACT_DAY and names_a_day(entry)
        allocated = attribute == ALLOCATION and per_district(entry)
        parted = attribute == BREAKDOWN and self._has_parts(entry)
        return not (
            dated
            or allocated
            or parted
            or (phrase and self.index.mentions(entry.id, phrase))
            or (phrase and _counted_in_wording(phrase, entry))
        )

    def _quoted(self, analysis: Analysis, entry: Entry) -> str | None:
        """Return the item's one figure when the question quotes it to ask a share of it.

        "2.000 đảng viên thì mỗi huyện kết nạp bao nhiêu" (:attr:`Analysis.shares_quoted`):
        the asker knows the figure, and "bao nhiêu" asks for a part of it. Not when what
        follows names another figure of the same target ("1.800 tỷ, trong đó thu nội địa bao
        nhiêu": stated), nor for a comparison ("… thì thấp hơn … bao nhiêu").
        """
        if analysis.shares_quoted is None or len(entry.figures) != 1:
            return None
        figure = entry.figures[0]
        typed, after = analysis.shares_quoted
        rest = padded_fold(after)
        if not all(reads_as(t, (figure.number,)) for t in typed) or _COMPARING.search(rest):
            return None
        if any(f" {name} " in rest for name in self._sibling_names(entry)):
            return None
        return " ".join(p for p in (figure.value, figure.unit) if p)

    def _has_parts(self, entry: Entry) -> bool:
        """Whether the resolution states parts of an item: a target's several figures, or the
        total of a target whose wording gives its parts ("…, trong đó: …")."""
        if len(entry.figures) >= 2:
            return True
        parent = self.kb.entries.get(entry.parent) if entry.parent else None
        split = whole_and_parts(parent) if parent is not None else None
        return split is not None and entry.figures == (split[0],)

    def _rate_not_given(self, analysis: Analysis, entry: Entry) -> bool:
        """Return whether a rate is asked of an item whose figures are no rates."""
        if not analysis.asks_amount or not entry.figures:
            return False
        if not _RATE_WORDS.search(f" {fold(analysis.text)} ") and "%" not in analysis.text:
            return False
        if any(_RATE.search(f.unit) for f in entry.figures):
            return False
        return not self.index.mentions(entry.id, "ty le")

    def _each_place(self, analysis: Analysis, entry: Entry) -> bool:
        """Return whether a count for each place is asked of a count for the whole province.

        Rates ("%", "‰") and figures per something ("bác sỹ/vạn dân") hold for every place;
        a figure set per district ("mỗi huyện … ít nhất 01 trường") answers for each.
        """
        if not analysis.asks_amount or not entry.figures:
            return False
        folded = padded_fold(analysis.text)
        if not any(f" {cue} " in folded for cue in self._per_unit_cues):
            return False
        return all(
            f.unit and not _RATE.search(f.unit) and not (f.progress and f.progress.per_unit)
            for f in entry.figures
        )

    @staticmethod
    def _counts_parts_of(analysis: Analysis, entry: Entry) -> bool:
        """Return whether a count asked is of a named thing's parts ("đề án … có mấy dự án").

        Not a count of such things themselves ("có mấy dự án phải khởi công": this project
        is one of them).
        """
        if not analysis.count or analysis.listing or entry.kind != "named":
            return False  # ("các dự án trọng điểm" lists, it counts nothing)
        if analysis.count == "targets":
            return False  # (the targets of a thing only named: told as such, below)
        title = entry.title.casefold()
        word = NAMED.get(OVERVIEW_BY_NOUN.get(analysis.count, ""), ("",))[0]
        # (only of a thing named "Đề án …", "Dự án …", whose parts may be counted)
        named = any(title.startswith(kind) for kind, _ in NAMED.values())
        return named and not (word and title.startswith(word))

    def _own_of_place(self, analysis: Analysis, entry: Entry) -> bool:
        """Return whether a place's own figure is asked of a figure set for the province.

        ("riêng huyện Bảo Lâm", "giao riêng cho xã mình"; a figure set for each district,
        "mỗi huyện … ít nhất 01 trường", is the place's own.)
        """
        if not entry.figures:
            return False
        folded = padded_fold(analysis.text)
        cues = [cue for cue in self._own_cues if f" {cue} " in folded]
        # ("che phủ rừng của huyện Nguyên Bình": the district's own, which it never sets)
        # (in the clause that asks, unless the province's own is asked: "trường em là trường
        # nghề của huyện Hòa An, chỉ tiêu đào tạo nghề của tỉnh …"). What a district "được
        # giao" is answered as any question of a named district: the province's figure with
        # the note that none is set for the district (most askers mean the figure that
        # applies there, and the note says the rest).
        assigned = not any(f" {home} " in folded for home in self._province_own) and any(
            f" {cue} {d} " in folded
            and self.index.analyzer.in_asking_clause(analysis.text, f"{cue} {d}")
            for cue in self._possessive_cues
            for d in analysis.districts
        )
        # (a cue of several words asks it of anyone: "hội nông dân được giao riêng bao nhiêu")
        if (
            not assigned
            and not any(" " in cue for cue in cues)
            and not (cues and (analysis.districts or analysis.own_place))
        ):
            return False
        return not any(f.progress and f.progress.per_unit for f in entry.figures)

    def _all_places(self, analysis: Analysis, entry: Entry) -> bool:
        """Return whether the province's total is asked of a figure set for each district."""
        if not analysis.asks_amount or not entry.figures:
            return False
        folded = padded_fold(analysis.text)
        if not any(f" {cue} " in folded for cue in self._total_cues):
            return False
        return per_district(entry)

    def _sibling_names(self, entry: Entry) -> list[str]:
        """Return the folded names (labels, aliases) of the other figures of an item's target."""
        parent = self.kb.entries.get(entry.parent) if entry.parent else None
        siblings = [self.kb.entries[c] for c in parent.children] if parent else []
        return [
            " ".join(fold(name).split())
            for s in siblings
            if s.id != entry.id
            for name in s.phrases
        ]

    def names_who(self, entry: Entry) -> bool:
        """Return whether an item's wording names who does it ("Giao Văn phòng Tỉnh uỷ")."""
        return any(self.index.mentions(entry.id, m) for m in self.kb.vocabulary.who_markers)

    def counts_in(self, entry: Entry, noun: str) -> bool:
        """Return whether one of an entry's figures is counted in ``noun`` (or its units)."""
        units = [noun, *self.kb.vocabulary.counted_as.get(noun, ())]
        return any(
            f" {fold(u)} " in f" {fold(f.unit)} " or fold(u) == fold(f.unit)
            for u in units
            for f in entry.figures
        )

    def _unit_not_given(self, analysis: Analysis, entry: Entry) -> str | None:
        """Return the unit asked when the item's figures measure something else, else None.

        "vốn đầu tư toàn xã hội bao nhiêu nghìn tỷ đồng" of a target set as a growth in %:
        the amount in money is not stated.
        """
        classes = self.kb.vocabulary.unit_classes
        asked = {normalize_unit(u) for u in analysis.units}
        given = {normalize_unit(f.unit) for f in entry.figures}
        if not asked or not given or asked & given:
            return None
        kinds = {normalize_unit(u): c for u, c in classes.items()}
        asked_kinds = {kinds.get(u, u) for u in asked}
        converted = _CONVERTED.search(fold(analysis.text)) is not None
        if asked_kinds & {kinds.get(u, u) for u in given} and not converted:
            return None  # (unless a conversion is asked: "tính ra USD" of a sum in đồng)
        shown = {normalize_unit(u): u for u in self.kb.vocabulary.units.values()}
        return ", ".join(sorted(shown.get(u, u) for u in asked))

    def _timeless_scheme(self, entry: Entry) -> bool:
        """Return whether an entry is a scheme or project whose wording names no year."""
        scheme = self.only_named(entry, content=True) and not self.only_named(entry)
        return scheme and _YEAR.search(f"{entry.title} {entry.source}") is None

    def only_named(self, entry: Entry, *, content: bool = False) -> bool:
        """Return whether an entry is a document or an event the resolution only names.

        With ``content``, also a scheme or a project (named with its time, never its
        content).
        """
        named = self.kb.vocabulary.mentioned_only
        kinds = [*named.kinds, *(named.content_kinds if content else ())]
        if content and _LISTS_PARTS.search(entry.source):
            return False  # ("04 Đề án chiến lược …: (1) …, (2) …": its parts are its content)
        return isinstance(entry.node, (Named, Fact)) and entry.node.kind in kinds


def _share_of_own_count(analysis: Analysis, entry: Entry) -> bool:
    """Return whether a count is asked as a rate's share of a number the asker gives.

    "chi bộ em có 20 đảng viên thì bao nhiêu người phải hoàn thành tốt nhiệm vụ": the rate
    (80%) answers it; the share of the asker's own count is theirs to work out.
    """
    rates = [f.number for f in entry.figures if f.unit == "%"]
    if not rates or len(rates) != len(entry.figures):
        return False
    # (never the rate itself, converted: "giảm nghèo 3% tức là bao nhiêu hộ")
    return any(not any(same_number(n, rate) for rate in rates) for n in analysis.numbers)


def _node_kind(entry: Entry) -> str:
    """Return the kind of thing an entry names ("đề án", "văn bản"), else its entry kind."""
    node = entry.node
    kind = node.kind if isinstance(node, (Named, Fact)) else None
    return kind or entry.kind


def not_stated(answer: Answer, headline: str) -> Answer:
    """Say (in ``headline``) what the resolution does not state, then what it does say.

    No item answers what was asked: the status is ``none``, and the item the reply tells
    about stays the first match (so no figure is claimed as the value asked for).
    """
    return dataclasses.replace(
        answer,
        status="none",
        headline=headline,
        lines=(answer.headline, *answer.lines),
    )


def _counted_in_wording(phrase: str, entry: Entry) -> bool:
    """Return whether a count asked ("bao nhiêu tuổi") is one the item's wording gives
    ("trẻ em dưới 5 tuổi")."""
    asked = _COUNT_ASKED.fullmatch(" ".join(fold(phrase).split()))
    if asked is None:
        return False
    wording = " ".join(fold(f"{entry.title} {entry.source}").split())
    return re.search(rf"\b\d+ {re.escape(asked.group(1))}\b", wording) is not None


def names_a_day(entry: Entry) -> bool:
    """Return whether an item's wording names a day ("họp ngày 10/01/2020").

    A fact is read by its reply: the conference's fact quotes the dated sentence, but only
    the date's fact answers with the day.
    """
    said = entry.node.answer if isinstance(entry.node, Fact) else entry.source
    return names_a_date(f"{entry.title} {said}")


def per_district(entry: Entry) -> bool:
    """Return whether the resolution sets each figure of an entry for each district
    ("mỗi huyện, thành phố tăng thêm ít nhất 01 trường")."""
    return bool(entry.figures) and all(
        f.progress is not None and f.progress.per_unit for f in entry.figures
    )


def _only_increases(entry: Entry) -> bool:
    """Return whether every figure of an entry is an increase ("tăng thêm 5 xã")."""
    return _every_direction(entry, lambda direction: direction == "tang them")


def _only_reductions(entry: Entry) -> bool:
    """Return whether every figure of an entry is a reduction ("giảm 3%")."""
    return _every_direction(entry, lambda direction: direction.startswith("giam"))


def _every_direction(entry: Entry, holds: Callable[[str], bool]) -> bool:
    """Return whether an entry has figures and each one's direction (folded) ``holds``."""
    return bool(entry.figures) and all(
        f.direction is not None and holds(fold(f.direction)) for f in entry.figures
    )
