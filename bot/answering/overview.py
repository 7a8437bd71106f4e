"""Overviews: the whole list of targets, of task groups, of the resolution's parts, of the
schemes and projects it names — answered as one compact list (title and figure a line)."""

from __future__ import annotations

from bot.answering.answers import Answer, Match
from bot.answering.describe import citation, target_line
from bot.knowledge.entries import Entry, KnowledgeBase
from bot.knowledge.schema import Document

PREFIX = "dem-"
TARGETS = f"{PREFIX}chi-tieu"
TASKS = f"{PREFIX}nhiem-vu"
PARTS = f"{PREFIX}phan"
#: Named items listed by the word their title starts with ("Đề án …", "Dự án …").
NAMED = {f"{PREFIX}de-an": ("đề án", "đề án"), f"{PREFIX}du-an": ("dự án", "dự án")}
#: What each count noun of the vocabulary lists.
BY_NOUN = {
    "targets": TARGETS,
    "groups": TARGETS,
    "figures": TARGETS,
    "tasks": TASKS,
    "sections": PARTS,
    "schemes": f"{PREFIX}de-an",
    "projects": f"{PREFIX}du-an",
}


def overview_ids(kb: KnowledgeBase) -> set[str]:
    """Return the ids of every overview of a knowledge base."""
    groups = {f"{TARGETS}-{e.id}" for e in kb.entries.values() if e.kind == "group"}
    return {TARGETS, TASKS, PARTS, *NAMED, *groups}


def target_count(document: Document) -> int:
    """Return how many targets a resolution sets (section II.1, every group)."""
    return sum(len(group.targets) for group in document.targets)


def named_items(kb: KnowledgeBase, item_id: str) -> list[Entry]:
    """Return the named things an overview of schemes or projects lists, in order.

    The things named so ("Dự án …", "Đề án …") come first, in the resolution's order; the
    lines that speak of such things without naming one ("các dự án trọng điểm") follow. A
    count of them ("04 Đề án chiến lược") is no such thing: the things it counts are listed.
    """
    word = NAMED[item_id][0]
    found = [
        e
        for e in kb.entries.values()
        if e.kind == "named" and word in e.title.casefold() and not e.figures
    ]
    named = [e for e in found if e.title.casefold().startswith(word)]
    return named + [e for e in found if e not in named]


def overview(kb: KnowledgeBase, item_id: str, question: str) -> Answer | None:
    """Return the overview ``item_id`` names (None for another id)."""
    document = kb.document
    cite = citation(document)
    lines: list[str] = []
    if item_id == TARGETS:
        total = target_count(document)
        figures = sum(len(t.figures) for g in document.targets for t in g.targets)
        headline = (
            f"Nghị quyết đề ra {total} chỉ tiêu chủ yếu năm {document.year} "
            f"(mục II.1), với {figures} số liệu:"
        )
        for group in document.targets:
            lines.append(f"{group.title} ({len(group.targets)} chỉ tiêu):")
            lines += [f"  {target_line(t)}" for t in group.targets]
        return _answer(question, item_id, "Các chỉ tiêu", headline, lines, f"Mục II.1, {cite}")
    if item_id == TASKS:
        lines = [f"• {t.code.removeprefix('II.')}: {t.title}" for t in document.tasks]
        headline = f"Nghị quyết nêu {len(document.tasks)} nhóm nhiệm vụ chủ yếu (mục II.2):"
        place = f"Mục II.2 – Một số nhiệm vụ chủ yếu, {cite}"
        return _answer(question, item_id, "Số nhóm nhiệm vụ", headline, lines, place)
    if item_id == PARTS:
        lines = [
            f"• Phần {document.section_i.code}: {document.section_i.title}",
            "• Phần II: Mục tiêu và một số nhiệm vụ chủ yếu năm "
            f"{document.year} (II.1 – {target_count(document)} chỉ "
            f"tiêu chủ yếu; II.2 – {len(document.tasks)} nhóm nhiệm vụ chủ yếu)",
            f"• Phần {document.section_iii.code}: {document.section_iii.title}",
        ]
        return _answer(question, item_id, "Các phần", "Nghị quyết gồm 3 phần:", lines, cite)
    if item_id in NAMED:
        label = NAMED[item_id][1]
        named = named_items(kb, item_id)
        lines = [f"• {e.title}" for e in named]
        headline = f"Các {label} Nghị quyết nêu ({len(named)}):"
        return _answer(question, item_id, f"Các {label}", headline, lines, f"Mục II.2, {cite}")
    return None


def part_ii(kb: KnowledgeBase, question: str) -> Answer:
    """Return the overview of part II ("phần 2 gồm những gì"): its targets and its tasks.

    Part II has no item of its own: the reply is its two sections' overviews together.
    """
    document = kb.document
    lines = [f"• II.1 – {target_count(document)} chỉ tiêu chủ yếu:"]
    lines += [f"  {group.title} ({len(group.targets)} chỉ tiêu)" for group in document.targets]
    lines.append(f"• II.2 – {len(document.tasks)} nhóm nhiệm vụ chủ yếu:")
    lines += [f"  {t.code.removeprefix('II.')}: {t.title}" for t in document.tasks]
    headline = f"Phần II: Mục tiêu và một số nhiệm vụ chủ yếu năm {document.year} gồm:"
    return Answer(
        question,
        "answer",
        headline,
        tuple(lines),
        place=f"Phần II, {citation(document)}",
        matches=(Match(TARGETS, "Các chỉ tiêu", 100.0), Match(TASKS, "Các nhóm nhiệm vụ", 100.0)),
    )


def _answer(
    question: str, item_id: str, title: str, headline: str, lines: list[str], place: str
) -> Answer:
    return Answer(
        question,
        "answer",
        headline,
        tuple(lines),
        place=place,
        matches=(Match(item_id, title, 100.0),),
    )
