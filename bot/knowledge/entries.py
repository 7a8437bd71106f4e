"""Entries: a resolution flattened into the things a question can be about."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel

from bot.knowledge.schema import (
    Document,
    Figure,
    Named,
    Section,
    Target,
    TargetGroup,
    TaskGroup,
    Unit,
    Vocabulary,
)
from bot.vietnamese.text import fold

Kind = Literal["fact", "section", "named", "group", "target", "figure", "task"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a question can be about, flattened from the document tree."""

    id: str
    kind: Kind
    title: str
    phrases: tuple[str, ...]
    document: Document
    code: str = ""
    source: str = ""
    parent: str | None = None
    figures: tuple[Figure, ...] = ()
    children: tuple[str, ...] = ()
    node: BaseModel | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """One resolution (``documents`` holds just it), the shared vocabulary, the entries."""

    documents: tuple[Document, ...]
    vocabulary: Vocabulary
    entries: dict[str, Entry]
    units: tuple[Unit, ...] = ()
    """The reporting units (``units.yaml``), shared by every resolution."""

    @property
    def document(self) -> Document:
        """Return the resolution."""
        return max(self.documents, key=lambda d: d.year)


def flatten(document: Document) -> Iterator[Entry]:
    """Yield every searchable entry of a document, parents before children."""
    for fact in document.facts:
        yield Entry(
            fact.id,
            "fact",
            fact.title,
            (fact.title, *fact.aliases),
            document,
            source=fact.source,
            node=fact,
        )
    yield from _section(document, document.section_i)
    for group in document.targets:
        yield from _target_group(document, group)
    for task in document.tasks:
        yield from _task_group(document, task)
    yield from _section(document, document.section_iii)


def _section(document: Document, section: Section) -> Iterator[Entry]:
    children = tuple(item.id for item in section.items)
    yield Entry(
        section.id,
        "section",
        section.title,
        (section.title, *section.aliases),
        document,
        code=section.code,
        source=section.source,
        children=children,
        node=section,
    )
    for index, item in enumerate(section.items, start=1):
        code = f"{section.code}.{index}" if section.code == "III" else ""
        yield _named(document, item, section.id, code)


def _named(document: Document, item: Named, parent: str, code: str = "") -> Entry:
    phrases = (item.title, *item.aliases, *(f.label for f in item.figures))
    return Entry(
        item.id,
        "named",
        item.title,
        phrases,
        document,
        code=code,
        source=item.source,
        parent=parent,
        figures=tuple(item.figures),
        node=item,
    )


def _target_group(document: Document, group: TargetGroup) -> Iterator[Entry]:
    yield Entry(
        group.id,
        "group",
        group.title,
        (group.title, *group.aliases),
        document,
        code=group.code,
        children=tuple(t.id for t in group.targets),
        node=group,
    )
    for target in group.targets:
        yield from _target(document, group, target)


def _target(document: Document, group: TargetGroup, target: Target) -> Iterator[Entry]:
    single = len(target.figures) == 1
    phrases = [target.title, *target.aliases]
    if single:
        phrases += [target.figures[0].label, *target.figures[0].aliases]
    yield Entry(
        target.id,
        "target",
        target.title,
        tuple(phrases),
        document,
        code=f"{group.code}.({target.number})",
        source=target.source,
        parent=group.id,
        figures=tuple(target.figures),
        children=() if single else tuple(f.id for f in target.figures),
        node=target,
    )
    if single:
        return
    for figure in target.figures:
        yield Entry(
            figure.id,
            "figure",
            figure.label,
            (figure.label, *figure.aliases),
            document,
            code=f"{group.code}.({target.number})",
            source=target.source,
            parent=target.id,
            figures=(figure,),
            node=figure,
        )


def _task_group(document: Document, task: TaskGroup) -> Iterator[Entry]:
    yield Entry(
        task.id,
        "task",
        task.title,
        (task.title, *task.aliases),
        document,
        code=task.code,
        source=task.source,
        children=tuple(i.id for i in task.items),
        node=task,
    )
    for item in task.items:
        yield _named(document, item, task.id)


#: Between a total and its parts in a target's wording ("…, trong đó: …"), folded.
IN_WHICH = "trong do"


def whole_and_parts(target: Entry) -> tuple[Figure, tuple[Figure, ...]] | None:
    """Return a target's total and the figures its source gives as its parts, if it has them.

    "Tổng kim ngạch … trên 2.370 triệu USD, trong đó: kim ngạch nhập khẩu … 120 triệu USD,
    …": the one figure stated before "trong đó" is the total, those after it its parts.
    """
    folded = fold(target.source)
    cut = folded.find(IN_WHICH)
    if target.kind != "target" or cut < 0:
        return None
    at = [folded.find(fold(f.source)) for f in target.figures]
    if any(i < 0 for i in at):
        return None
    wholes = [f for f, i in zip(target.figures, at, strict=True) if i < cut]
    parts = tuple(f for f, i in zip(target.figures, at, strict=True) if i > cut)
    return (wholes[0], parts) if len(wholes) == 1 and len(parts) >= 2 else None
