"""Compose the answer for one knowledge entry: the figures, where it stands, the wording."""

from __future__ import annotations

import functools
import re

from bot.answering.answers import Answer, Match
from bot.knowledge.entries import Entry, KnowledgeBase
from bot.knowledge.schema import Document, Figure, Named, Section, Target, TargetGroup, TaskGroup
from bot.vietnamese.text import fold


def citation(document: Document) -> str:
    """Return how the resolution is cited after a place: title and date."""
    return f"{document.short_title} ({document.date:%d/%m/%Y})"


def figure_headline(figure: Figure, year: int) -> str:
    """Return 'Tỷ lệ che phủ rừng năm 2020: 55%'."""
    when = figure.period or f"năm {year}"
    return f"{figure.label} {when}: {figure.statement}"


def figure_line(figure: Figure) -> str:
    """Return one figure as a list line: '• Kim ngạch xuất khẩu ...: 600 triệu USD'."""
    period = f" ({figure.period})" if figure.period else ""
    return f"• {figure.label}{period}: {figure.statement}"


def place_of(kb: KnowledgeBase, entry: Entry) -> str:
    """Return where an entry stands: 'Chỉ tiêu về môi trường (1) – mục II.1.3, Nghị quyết …'."""
    cite = citation(entry.document)
    node = entry.node
    if entry.kind in {"target", "figure"}:
        target = kb.entries[entry.parent if entry.kind == "figure" and entry.parent else entry.id]
        group = kb.entries[target.parent] if target.parent else None
        number = target.node.number if isinstance(target.node, Target) else 0
        group_title = group.title if group else ""
        group_code = group.code if group else ""
        return f"{group_title} ({number}) – mục {group_code}, {cite}"
    if entry.kind == "group" and isinstance(node, TargetGroup):
        return f"Mục {node.code} – Các chỉ tiêu chủ yếu, {cite}"
    if entry.kind == "task" and isinstance(node, TaskGroup):
        return f"Mục {node.code} – Một số nhiệm vụ chủ yếu, {cite}"
    if entry.kind == "section" and isinstance(node, Section):
        return f"Phần {node.code}, {cite}"
    if entry.kind == "named" and entry.parent:
        parent = kb.entries[entry.parent]
        if parent.kind == "task":
            return f"Nhiệm vụ {parent.code.removeprefix('II.')} (mục {parent.code}), {cite}"
        where = f"mục {entry.code}" if entry.code else f"Phần {parent.code}"
        return f"{where[0].upper()}{where[1:]}, {cite}"
    return cite


def describe_entry(kb: KnowledgeBase, entry: Entry, question: str, score: float) -> Answer:
    """Return the full answer for one entry."""
    year = entry.document.year
    node = entry.node
    lines: tuple[str, ...] = ()
    if entry.kind in {"figure", "target"} and len(entry.figures) == 1:
        headline = figure_headline(entry.figures[0], year)
    elif entry.kind == "target":
        headline = f"{entry.title} năm {year}:"
        lines = tuple(figure_line(f) for f in entry.figures)
    elif entry.kind == "group" and isinstance(node, TargetGroup):
        headline = f"{node.title} năm {year} ({len(node.targets)} chỉ tiêu):"
        lines = tuple(target_line(t) for t in node.targets)
    elif entry.kind == "task" and isinstance(node, TaskGroup):
        headline = f"Nhiệm vụ {node.code.removeprefix('II.')}: {node.title}"
        lines = tuple(f"• {item.title}" for item in node.items)
    elif entry.kind == "section" and isinstance(node, Section):
        headline = f"Phần {node.code}: {node.title}"
        lines = tuple(f"• {item.title}" for item in node.items)
    elif entry.kind == "fact":
        headline = getattr(node, "answer", entry.title)
    elif isinstance(node, Named) and node.figures:
        headline = node.title
        lines = tuple(figure_line(f) for f in node.figures)
    else:
        headline = entry.title
    source = entry.source
    # No repeated content: a list of titles the source sentence already lists word for
    # word is shown once, in the source; a headline that is the source is not quoted again.
    if lines and not entry.figures and _restates(lines, source):
        lines = ()
    if not lines and _words(headline) == _words(source):
        source = ""
    return Answer(
        question=question,
        status="answer",
        headline=headline,
        lines=lines,
        place=place_of(kb, entry),
        source=source,
        matches=(Match(entry.id, entry.title, score),),
    )


#: A list line restates the source when this share of its words is in the source ...
RESTATED_LINE = 0.9
#: ... and the lines together use this share of the source's words.
RESTATED_SOURCE = 0.7
# A list number opening a clause: "(4)", "2.1.", "I-".
_NUMBERING = re.compile(r"^\s*(?:\(\d+\)|\d+(?:\.\d+)*\.|[IVX]+\s*-)\s*")


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    """Return a text's folded words, without the list number it may open with."""
    return tuple(fold(_NUMBERING.sub("", text)).split())


@functools.lru_cache(maxsize=4096)
def _restates(lines: tuple[str, ...], source: str) -> bool:
    """Return whether list lines say what the source sentence says, nearly word for word."""
    known = set(_words(source))
    if not known:
        return False
    used: set[str] = set()
    for line in lines:
        words = _words(line.removeprefix("• "))
        if not words or sum(w in known for w in words) < RESTATED_LINE * len(words):
            return False
        used.update(words)
    return len(used & known) >= RESTATED_SOURCE * len(known)


def target_line(target: Target) -> str:
    """Return one target as a list line: "(1) Tỷ lệ che phủ rừng: 55%"."""
    if len(target.figures) == 1:
        return f"({target.number}) {target.figures[0].label}: {target.figures[0].statement}"
    figures = "; ".join(f"{f.label}: {f.statement}" for f in target.figures)
    return f"({target.number}) {target.title} – {figures}"
