"""Knowledge entries as searchable items: the index the answering feature ranks with."""

from __future__ import annotations

import re
from typing import TypeAlias

from bot.knowledge.entries import Entry, KnowledgeBase
from bot.matching.index import Scored, SearchIndex
from bot.matching.searchable import Quantity, Searchable

#: Among equal scores: a group, task or section first, then a target or fact, then a
#: thing a section names, then a single figure of a target.
_KIND_ORDER = {
    "group": 0,
    "task": 0,
    "section": 0,
    "target": 1,
    "fact": 1,
    "named": 2,
    "figure": 3,
}

ScoredEntry: TypeAlias = Scored[Entry]


def entries_index(kb: KnowledgeBase) -> SearchIndex[Entry]:
    """Return the index of every entry of a knowledge base, its resolutions' names as context."""
    items = [
        Searchable(
            entry,
            entry.id,
            entry.phrases,
            wording=" ".join([*entry.phrases, entry.title, entry.source]),
            figures=tuple(Quantity(f.number, f.unit) for f in entry.figures),
            side=_side(kb, entry),
            order=_KIND_ORDER[entry.kind],
        )
        for entry in kb.entries.values()
    ]
    # The resolution is the province's: a question naming another place is out of scope.
    return SearchIndex(items, kb.vocabulary, context_names=_document_names(kb), place_scope=True)


def _document_names(kb: KnowledgeBase) -> list[str]:
    """Return the ways a question names a resolution itself ("Nghị quyết Hội nghị lần thứ 20")."""
    names: list[str] = []
    for document in kb.documents:
        # "… về mục tiêu và một số nhiệm vụ trọng tâm năm 2020": the last thing the title is
        # about names the resolution's own tasks as a whole ("nhiệm vụ trọng tâm về giáo
        # dục" asks the task of education, not the resolution's name).
        about = document.title.rpartition(" về ")[2]
        subject = about.rpartition(" và ")[2]
        if about != document.title:
            plain = re.sub(r"^một số ", "", subject)
            names += [f"Nghị quyết về {about}", about, about.replace(" một số ", " ")]
            names += [subject, plain, re.sub(r"\s*năm \d{4}$", "", plain)]
        bare_conference = re.sub(r"\s*\([^)]*\)", "", document.conference)
        names += [document.title, document.short_title, document.conference, bare_conference]
        names += [f"Nghị quyết {bare_conference}"]
        # "Hội nghị lần thứ 20 Ban Chấp hành (Đảng bộ tỉnh) khoá XVIII", parentheses or not.
        unwrapped = re.sub(r"[()]", "", document.conference)
        bare_issuer = unwrapped.replace(" Đảng bộ tỉnh", "")
        names += [unwrapped, bare_issuer, f"Nghị quyết {unwrapped}", f"Nghị quyết {bare_issuer}"]
        names += [f"Nghị quyết {document.conference}", f"Nghị quyết {document.short_title}"]
        term = re.search(r"khoá [IVXLC]+", document.conference)
        conference = re.match(r"Hội nghị lần thứ (\d+)", document.conference)
        if conference:
            names += [conference.group(), f"Nghị quyết {conference.group()}"]
            # As cadres call it: "Nghị quyết 20", "Hội nghị lần 20", "Hội nghị Tỉnh uỷ lần 20".
            number = conference.group(1)
            names += [
                f"Nghị quyết {number}",
                f"Nghị quyết lần {number}",
                f"Nghị quyết lần thứ {number}",
                f"Hội nghị lần {number}",
                f"Hội nghị {number}",
                f"Hội nghị Tỉnh uỷ lần thứ {number}",
                f"Hội nghị Tỉnh uỷ lần {number}",
                f"Hội nghị lần {number} Tỉnh uỷ",
                f"Hội nghị lần thứ {number} Tỉnh uỷ",
                f"Nghị quyết Hội nghị lần {number} Tỉnh uỷ",
                f"Nghị quyết Hội nghị lần {number}",
                f"Hội nghị BCH lần thứ {number}",
                f"Hội nghị Ban Chấp hành lần thứ {number}",
                f"Hội nghị BCH Đảng bộ tỉnh lần thứ {number}",
            ]
            if term:
                # "Nghị quyết Hội nghị lần thứ 20 khoá XVIII": the issuer left out.
                names += [
                    f"{prefix}Hội nghị lần {ordinal}{number} {term.group()}"
                    for prefix in ("", "Nghị quyết ")
                    for ordinal in ("thứ ", "")
                ]
                # "nghị quyết HN 20 khóa XVIII", "theo nghị quyết khoá XVIII": the term of
                # the issuer is the resolution's context, no number of the question's topic.
                names += [f"Hội nghị {number} {term.group()}"] + [
                    f"Nghị quyết {middle}{term.group()}"
                    for middle in (f"Hội nghị {number} ", "BCH ", "Ban Chấp hành ", "")
                ]
        # "nghị quyết này của BCH Đảng bộ tỉnh khoá mấy": the issuer, context when more is
        # asked (alone, the fact of the conference answers it).
        issuers = [document.issuer, "Ban Chấp hành Đảng bộ tỉnh"]
        names += issuers
        if term:
            names += [f"{issuer} {term.group()}" for issuer in issuers]
    # "Hội nghị lần thứ 20 BCH Đảng bộ tỉnh Cao Bằng khoá XVIII": the province named.
    province = f"Đảng bộ tỉnh {kb.vocabulary.province}"
    names += [n.replace("Đảng bộ tỉnh", province) for n in names if "Đảng bộ tỉnh" in n]
    return names


def _side(kb: KnowledgeBase, entry: Entry) -> str | None:
    """Return "targets" for II.1, "tasks" for II.2, None for the rest of the document."""
    if entry.kind in {"group", "target", "figure"}:
        return "targets"
    if entry.kind == "task" or (entry.parent and kb.entries[entry.parent].kind == "task"):
        return "tasks"
    return None
