"""Framing: what a question says about who asks and why, taken out before matching.

"Tôi công tác ở phòng nội vụ, cho hỏi tỷ lệ che phủ rừng" asks about forest cover; the
first clause is framing. The words come from ``vocabulary.yaml`` (``framing``), so that the
difference between framing and topic words is data a reviewer can read and extend: a clause
that starts with a framing starter is dropped up to the next boundary, a purpose ("để báo
cáo") up to the end of its clause. Nothing is dropped when nothing else would be left.
"""

from __future__ import annotations

import re

from bot.knowledge.schema import Framing
from bot.vietnamese.phrases import PhraseSet, tokens
from bot.vietnamese.text import ascii_words, fold

#: Where a clause ends: punctuation, or a connective after which the actual question comes.
#: ("7,5", "2.000" and "II.1.3" are no boundaries: punctuation counts before a space only.)
_BOUNDARY = re.compile(r"[,.;:!?]+(?:\s+|$)|\n+")
_THEN = re.compile(r"\s(?:nên|nen|thì|thi)\s", re.IGNORECASE)


class FramingRemover:
    """Remove framing clauses and purposes from a question's text."""

    def __init__(self, framing: Framing) -> None:
        self.starters = PhraseSet(framing.clauses)
        self.purposes = PhraseSet(framing.purposes)
        self._first_words = {t for phrase in framing.purposes for t in tokens(phrase)[:1]}
        # A cheap look first: most questions hold no word a framing phrase starts with.
        # (both spellings of i/y: the quick look does not unify them as fold() does)
        starts = [*framing.clauses, *framing.purposes]
        self._openers = {w[0] for p in starts for w in (ascii_words(p), fold(p).split()) if w}

    def remove(self, text: str) -> str:
        """Return ``text`` without its framing clauses and purposes (unchanged if all is)."""
        if self._openers.isdisjoint(ascii_words(text)):
            return text
        clauses = [c for c in _BOUNDARY.split(text) if c.strip()]
        kept: list[str] = []
        changed = False
        for clause in clauses:
            words = tokens(clause)
            if words and self.starters.match_at(words, 0) is not None:
                changed = True
                # "bên em đang tổng hợp số liệu quý nên cần tỷ lệ hộ nghèo": after "nên".
                then = _THEN.search(clause)
                if then is None:
                    continue
                clause = clause[then.end() :]
            shorter = self._without_purpose(clause)
            changed = changed or shorter != clause
            kept.append(shorter)
        if not changed:
            return text
        rest = ", ".join(c.strip() for c in kept if c.strip())
        return rest if tokens(rest) else text

    def _without_purpose(self, clause: str) -> str:
        words = tokens(clause)
        if not self._first_words.intersection(words):
            return clause
        for start in range(1, len(words)):
            if self.purposes.match_at(words, start) is not None:
                # Cut the text at the start of that word (counted on the clause's words).
                pieces = clause.split()
                return " ".join(pieces[:start]) if len(pieces) == len(words) else clause
        return clause
