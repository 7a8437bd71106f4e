"""Read a unit head's report message into figures: which target, what value, which period.

"cập nhật: che phủ rừng 54,2%; kết nạp 120 đảng viên; 3 xã đạt NTM tháng 6" is three
figures of June. The message is read in steps, each on the folded text:

1. a report starts with a verb ("cập nhật", "báo cáo", "/capnhat"), or states a figure
   and asks nothing; a question ("… bao nhiêu?") is no report;
2. the units it names ("huyện Hà Quảng") and the periods ("tháng 6", "quý II") are taken
   out, then every amount ("54,2%", "1,2 tỷ", "3 xã");
3. the text is cut between amounts at the separators (";", a line, ", ", "và"), and each
   piece's words are ranked against the figures as questions are (the same tolerance for
   missing diacritics, typos, abbreviations, raw Telex, numbers in words);
4. each amount is converted into its figure's unit and checked (a share within 0-100, a
   whole count, a unit that fits, a period within the resolution's year and not ahead).

Nothing here saves anything: the result is what the confirmation card shows.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.knowledge.entries import KnowledgeBase
from bot.knowledge.schema import Figure, Unit
from bot.matching.index import Scored, SearchIndex
from bot.matching.searchable import Quantity, Searchable
from bot.matching.units import NamedUnit, UnitFinder
from bot.progress.amounts import (
    SHARES,
    WHOLE,
    Amount,
    amounts_in,
    compatible,
    in_figure_unit,
    unit_of_figure,
)
from bot.progress.model import ParsedReport, Period, ReportedFigure
from bot.progress.periods import FoundPeriod, current_month, find_periods
from bot.progress.spoken import digits_for_report_words
from bot.vietnamese.keystrokes import decode_text
from bot.vietnamese.numbers import format_vietnamese_number
from bot.vietnamese.spoken_numbers import digits_for_spoken_numbers
from bot.vietnamese.text import clean, fold, fold_diacritics

#: A report starts with one of these (folded): "cập nhật", "báo cáo", "/capnhat".
_VERB = re.compile(
    r"^\s*(?:/capnhat(?:@\w+)?|cap\s*nhat|cap\s*nhap|bao\s*cao|bc|update)\b[\s:,.\-]*"
)
#: Words that ask: a message with one is a question, not a report.
_ASKS = re.compile(
    r"\?|\b(?:bao nhieu|bn|gi|khong|ko|chua|nao|sao|the nao|ntn|may|dung ko|phai ko)\b"
)
#: Where one figure's piece of a message ends and the next one's begins, strongest first.
_STRONG = re.compile(r"[;\n]|\s[-–•+]\s")
_WEAK = re.compile(r",\s|\s(?:va|con|voi)\s")
#: A note: "ghi chú: số liệu ước" to the end, or words in brackets without a number.
_NOTE_AFTER = re.compile(r"(?i)\b(?:ghi ch[úu]|gc|note)\s*:\s*(?P<note>.+)$")
_NOTE_IN_BRACKETS = re.compile(r"\((?P<note>[^()\d]{2,200})\)")
#: Words before an amount that say which way it went: "giảm 2,1%".
_DOWN = re.compile(r"\bgiam\s*(?:duoc\s*)?$")

#: A figure is taken when its score reaches this and leads the next figure by the margin.
FIGURE_SCORE = 50.0
FIGURE_MARGIN = 8.0
#: A unit that does not fit is named only when the figure is this clear; else none is known.
MISMATCH_SCORE = 60.0
#: ... or when it explains all the words of its piece and the next figure leaves this share.
FULL_COVERAGE = 0.95
COVERAGE_LEAD = 0.25
#: A figure more than this many times its target is asked about, not refused.
PLAUSIBLE_FACTOR = 3.0
#: A growth rate beyond this many points is asked about.
PLAUSIBLE_GROWTH = 30.0


@dataclass(frozen=True, slots=True)
class ReportableFigure:
    """A figure units report, with the target it belongs to."""

    figure: Figure
    place: str
    kind: str


class ReportParser:
    """Read report messages against one resolution and the reporting units."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.year = kb.document.year
        self.units = UnitFinder(kb.units)
        items: list[Searchable[ReportableFigure]] = []
        for entry in kb.entries.values():
            if entry.kind != "target":
                continue
            single = len(entry.figures) == 1
            for order, figure in enumerate(entry.figures):
                if figure.progress is None:
                    continue
                phrases = [figure.label, *figure.aliases]
                if single:
                    phrases += [entry.title, *entry.phrases]
                reportable = ReportableFigure(figure, entry.code, figure.progress.kind)
                items.append(
                    Searchable(
                        reportable,
                        figure.id,
                        tuple(dict.fromkeys(phrases)),
                        wording=" ".join([*phrases, figure.source]),
                        figures=(Quantity(figure.number, figure.unit),),
                        order=order,
                    )
                )
        self.figures = {item.id: item.item for item in items}
        # Numbers that are part of a figure's name ("trên 1 ha", "dưới 5 tuổi", "1 vạn
        # dân"): the number and the word after it, never an amount reported.
        self._named_numbers = {
            (float(number), word)
            for item in items
            for phrase in item.phrases
            for number, word in re.findall(r"\b(\d+) (\w+)", fold(phrase))
        }
        self.index = SearchIndex(items, kb.vocabulary, place_scope=True)

    def starts_like_report(self, message: str) -> bool:
        """Return whether a message starts with a report's verb, or a unit and one."""
        folded = fold_diacritics(clean(message)[:200])
        named = self.units.find(folded)
        return _VERB.match(_blank(folded, [(u.start, u.end) for u in named])) is not None

    def parse(self, message: str, today: dt.date) -> ParsedReport:
        """Return what a message reports, or why it cannot be saved, or that it reports nothing."""
        text = digits_for_report_words(digits_for_spoken_numbers(decode_text(clean(message))))
        text, note = self._without_note(text)
        folded = fold_diacritics(text)
        named_units = self.units.find(folded)
        # "Huyện Hà Quảng báo cáo: …": the verb may follow the unit's name.
        without_units = _blank(folded, [(u.start, u.end) for u in named_units])
        verb = _VERB.match(without_units)
        asks = _ASKS.search(folded[verb.end() if verb else 0 :])
        if asks:
            return ParsedReport(message, "none")
        start = verb.end() if verb else 0
        periods = find_periods(folded, self.year, today)
        blanked = _blank(without_units, [(p.start, p.end) for p in periods])
        blanked = _blank(blanked, [(0, start)])
        amounts = [a for a in amounts_in(blanked) if not self._in_a_name(blanked, a)]
        if not amounts:
            if verb is None:
                return ParsedReport(message, "none")
            return ParsedReport(
                message, "problem", problems=("Chưa thấy số liệu nào trong tin nhắn.",)
            )
        problems: list[str] = []
        warnings: list[str] = []
        items: list[ReportedFigure] = []
        recognised = 0
        pieces = _pieces(blanked, amounts, start)
        # The figure's words are read as typed (tones tell "đã" from "đa"), where the folded
        # text lines up with it character for character (it does for Vietnamese letters).
        typed = _keep_blanks(text, blanked) if len(text) == len(blanked) else blanked
        for (piece_start, piece_end), amount in zip(pieces, amounts, strict=True):
            words = typed[piece_start : amount.start] + " " + typed[amount.end : piece_end]
            # Count nouns help find the figure ("kết nạp 120 đảng viên"): keep them.
            if amount.unit.measure in WHOLE:
                words += " " + text[amount.start : amount.end]
            written = text[amount.start : amount.end].strip()
            if items and not _has_words(words):
                # "BHYT 97,6% T5, 98% T6": a bare amount is another figure of the same.
                chosen = self.figures.get(items[-1].figure)
            else:
                chosen = self._figure(words, amount, problems, written)
            if chosen is None:
                continue
            recognised += 1
            period = self._period(periods, piece_start, piece_end, today, problems)
            unit = _unit_in(named_units, piece_start, piece_end)
            value = self._value(
                chosen, amount, folded[: amount.start], written, problems, warnings
            )
            if period is None or value is None:
                continue
            items.append(
                ReportedFigure(
                    chosen.figure.id,
                    chosen.figure.label,
                    chosen.place,
                    value,
                    written,
                    chosen.figure.unit,
                    period,
                    unit.id if unit is not None else None,
                    unit.name if unit is not None else None,
                    chosen.figure.statement,
                )
            )
        if problems:
            return ParsedReport(
                message, "problem", problems=tuple(dict.fromkeys(problems)), recognised=recognised
            )
        if verb is None and not items:
            return ParsedReport(message, "none")
        return ParsedReport(
            message,
            "ok",
            tuple(items),
            warnings=tuple(warnings),
            note=note,
            recognised=recognised,
        )

    def _without_note(self, text: str) -> tuple[str, str | None]:
        """Return the text without its note, and the note ("(số liệu ước)", "ghi chú: …").

        Words in brackets are a note unless they name a unit ("(Ban Tổ chức)") or a target
        ("3 xã (nông thôn mới)"). The note's characters become spaces, so positions in the
        text stay as they were.
        """
        notes: list[str] = []
        for pattern in (_NOTE_AFTER, _NOTE_IN_BRACKETS):
            for match in pattern.finditer(text):
                note = match.group("note").strip()
                if pattern is _NOTE_IN_BRACKETS and self._names_something(note):
                    continue
                notes.append(note)
                start, end = match.span()
                text = text[:start] + " " * (end - start) + text[end:]
        kept = [note for note in notes if note]
        return text, "; ".join(kept) if kept else None

    def _names_something(self, text: str) -> bool:
        """Return whether a text names a unit or one of the figures."""
        if self.units.find(fold_diacritics(text)):
            return True
        ranked = self.index.rank(self.index.analyzer.analyze(text))
        return bool(ranked) and ranked[0].score >= FIGURE_SCORE

    def _in_a_name(self, folded: str, amount: Amount) -> bool:
        """Return whether an amount is a number of a figure's name ("trên 1 ha")."""
        after = re.match(r"\W*(\w+)", folded[amount.end :])
        unit_word = re.search(r"(\w+)\W*$", folded[amount.start : amount.end])
        words = {m.group(1) for m in (after, unit_word) if m is not None}
        return any((amount.value, fold(word)) in self._named_numbers for word in words)

    def _figure(
        self, words: str, amount: Amount, problems: list[str], written: str
    ) -> ReportableFigure | None:
        """Return the figure a piece's words name, or note why none is clear."""
        ranked: list[Scored[ReportableFigure]] = []
        if words.strip():
            ranked = self.index.rank(self.index.analyzer.analyze(words))
            if not ranked or ranked[0].score < FIGURE_SCORE:
                # A word typed with a wrong tone ("che phủ rùng") is read bare.
                ranked = self.index.rank(self.index.analyzer.analyze(fold_diacritics(words)))
        ranked = [s for s in ranked if not s.contradicted]
        if not ranked or ranked[0].score < FIGURE_SCORE:
            problems.append(f"Chưa nhận ra chỉ tiêu của số liệu “{written}”.")
            return None
        fitting = [
            s for s in ranked if compatible(amount.unit, unit_of_figure(s.item.figure.unit))
        ]
        top = ranked[0]
        if not fitting or fitting[0].score < max(FIGURE_SCORE, top.score - FIGURE_MARGIN):
            if top.score < MISMATCH_SCORE:
                problems.append(f"Chưa nhận ra chỉ tiêu của số liệu “{written}”.")
                return None
            # "BHYT 600 triệu USD": the figure named is clear, and it is not in USD.
            figure = top.item.figure
            problems.append(
                f"“{written}” không hợp với chỉ tiêu “{figure.label}” "
                f"(tính bằng {figure.unit or 'số'})."
            )
            return None
        best = fitting[0]
        if len(fitting) > 1 and not _ahead(best, fitting[1]):
            problems.append(_unsure(fitting[:3], written))
            return None
        return best.item

    def _period(
        self,
        periods: Sequence[FoundPeriod],
        start: int,
        end: int,
        today: dt.date,
        problems: list[str],
    ) -> Period | None:
        """Return the period of a piece: its own, else the message's, else this month."""
        own = [p for p in periods if start <= p.start < end]
        after = [p for p in periods if p.start >= end]
        before = [p for p in periods if p.start < start]
        candidates = own or after or before[::-1]
        chosen = candidates[0] if candidates else None
        if chosen is None:
            if today.year != self.year:
                example = "ví dụ “tháng 6”, “quý II”"
                problems.append(f"Đồng chí ghi rõ kỳ báo cáo ({example}) trong năm {self.year}.")
                return None
            return current_month(today)
        period = chosen.period
        if period.start.year != self.year or period.end.year != self.year:
            problems.append(
                f"Kỳ báo cáo phải nằm trong năm {self.year} của Nghị quyết "
                f"(tin nhắn ghi năm {period.end.year})."
            )
            return None
        if period.start > today:
            problems.append(
                f"Kỳ báo cáo từ {period.start:%d/%m/%Y} chưa tới (hôm nay {today:%d/%m/%Y})."
            )
            return None
        return period

    def _value(
        self,
        chosen: ReportableFigure,
        amount: Amount,
        before: str,
        written: str,
        problems: list[str],
        warnings: list[str],
    ) -> float | None:
        """Return the amount in the figure's unit, or note why it cannot be that figure."""
        figure = chosen.figure
        unit = unit_of_figure(figure.unit)
        value = in_figure_unit(amount.value, amount.unit, unit)
        if chosen.kind in {"growth", "reduction"} and _DOWN.search(before):
            # "GRDP giảm 1,2%" is a growth of -1,2; "hộ nghèo giảm 2,1%" a reduction of 2,1.
            value = -abs(value) if chosen.kind == "growth" else abs(value)
        label = figure.label
        measure = unit.measure
        if measure in SHARES and chosen.kind != "growth" and not 0 <= value <= _whole(measure):
            problems.append(
                f"“{written}” không hợp lệ cho “{label}”: tỷ lệ phải từ 0 đến "
                f"{_whole(measure):g}{figure.unit}."
            )
            return None
        if value < 0 and chosen.kind not in {"growth", "reduction"}:
            problems.append(f"“{written}” không hợp lệ cho “{label}”: số liệu không thể âm.")
            return None
        if measure in WHOLE and value != int(value):
            problems.append(
                f"“{written}” không hợp lệ cho “{label}”: số {figure.unit} phải là số nguyên."
            )
            return None
        target = figure.number
        if chosen.kind == "growth":
            far = abs(value) > PLAUSIBLE_GROWTH
        else:
            far = target > 0 and value > PLAUSIBLE_FACTOR * target
        if far:
            warnings.append(
                f"“{written}” khác xa chỉ tiêu “{label}” "
                f"({format_vietnamese_number(target)} {figure.unit}): đồng chí kiểm tra lại."
            )
        return round(value, 6)


def _ahead(best: Scored[ReportableFigure], second: Scored[ReportableFigure]) -> bool:
    """Return whether the best figure is clearly the one meant, not the second.

    It leads by :data:`FIGURE_MARGIN`, or explains every word of the piece where the second
    leaves a good part unexplained ("GRDP dịch vụ": the services growth, not the GRDP's).
    """
    if best.score - second.score >= FIGURE_MARGIN:
        return True
    return best.coverage >= FULL_COVERAGE and best.coverage - second.coverage >= COVERAGE_LEAD


def _keep_blanks(text: str, blanked: str) -> str:
    """Return the text with a space wherever the blanked copy has one it did not."""
    return "".join(" " if b == " " else t for t, b in zip(text, blanked, strict=True))


def _has_words(text: str) -> bool:
    """Return whether a piece of text has any word left (not only spaces and signs)."""
    return re.search(r"[^\W\d_]", text) is not None


def _whole(measure: str | None) -> float:
    return 1000.0 if measure == "permille" else 100.0


def _unsure(candidates: Sequence[Scored[ReportableFigure]], written: str) -> str:
    labels = " hay ".join(f"“{s.item.figure.label}”" for s in candidates)
    return f"Chưa rõ số liệu “{written}” là của chỉ tiêu nào: {labels}?"


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Return the text with the spans replaced by spaces (offsets stay valid)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _pieces(text: str, amounts: Sequence[Amount], start: int) -> list[tuple[int, int]]:
    """Return the piece of the text each amount belongs to: cut between amounts."""
    cuts = [start]
    for left, right in itertools.pairwise(amounts):
        between = text[left.end : right.start]
        strong = _STRONG.search(between)
        weak = _WEAK.search(between)
        cut = strong or weak
        cuts.append(left.end + (cut.start() if cut else 0))
    cuts.append(len(text))
    return list(itertools.pairwise(cuts))


def _unit_in(named: Sequence[NamedUnit], start: int, end: int) -> Unit | None:
    """Return the unit named in a piece, else the one the message names first."""
    own = [n.unit for n in named if start <= n.start < end]
    units = own or [n.unit for n in named]
    return units[0] if units else None
