"""Framing: what a question says about who asks and why, taken out before matching.

"Tôi công tác ở phòng nội vụ, cho hỏi tỷ lệ che phủ rừng" asks about forest cover; the
first clause is framing. The words come from ``vocabulary.yaml`` (``framing``), so that the
difference between framing and topic words is data a reviewer can read and extend: a clause
that starts with a framing starter is dropped up to the next boundary, a purpose ("để báo
cáo") up to the end of its clause. Nothing is dropped when nothing else would be left.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise

from bot.knowledge.schema import Framing
from bot.vietnamese.phrases import PhraseSet, Token, tokens
from bot.vietnamese.text import ascii_words, fold

#: Where a clause ends: punctuation, or a connective after which the actual question comes.
#: ("7,5", "2.000" and "II.1.3" are no boundaries: punctuation counts before a space only.)
_BOUNDARY = re.compile(r"[,.;:!?]+(?:\s+|$)|\n+")
_THEN = re.compile(r"\s(?:nên|nen|thì|thi)\s", re.IGNORECASE)
#: A goal before "thì" is the topic ("cơ quan em muốn đạt chuẩn văn hoá thì tỉnh giao tỷ
#: lệ bao nhiêu"): the clause is kept whole.
_GOAL = re.compile(r"\b(?:muốn|muon|phấn đấu|phan dau)\b", re.IGNORECASE)


#: A figure (not a year): a clause holding one is no framing ("mình thấy ghi 200 tỷ, …").
_FIGURE = re.compile(r"\b(?!(?:19|20)\d{2}\b)\d+(?:[.,]\d+)*\b")

#: Words after an opener ("tôi cần …") for the clause to ask something.
MIN_ASKED_WORDS = 2

#: The asker's own word (folded), after which a bare opener is one ("e can gap", "minh can").
_ASKERS = frozenset({"em", "e", "toi", "t", "minh", "anh", "a", "chi", "c", "chau"})
#: A message of more clauses is read only at its clauses that ask.
MAX_CLAUSES = 6
#: A clause ending "… đây" (typed bare "day") announces who speaks ("phòng nội vụ đây").
_ANNOUNCED = re.compile(r"\s(?:đây|day)\s*(?=[,.;:!?]|$)", re.IGNORECASE)


class FramingRemover:
    """Remove framing clauses and purposes from a question's text."""

    def __init__(
        self,
        framing: Framing,
        shorthand: Mapping[str, str] | None = None,
        *,
        places: Iterable[str] = (),
    ) -> None:
        # A clause saying what a place is ("Hạ Lang là huyện biên giới, …") is the story too.
        told = [f"{prefix}{place} là" for place in places for prefix in ("", "huyện ")]
        self.starters = PhraseSet([*framing.clauses, *told])
        #: Chat shorthand of one word for one word ("e" for "em"), read as that word where a
        #: clause's start is looked at ("e lam o so ngoai vu, …").
        self.shorthand = {
            key: value[0]
            for key, value in ((k, tokens(v)) for k, v in (shorthand or {}).items())
            if len(tokens(key)) == 1 and len(value) == 1
        }
        self.addresses = PhraseSet(framing.addresses)
        self.purposes = PhraseSet(framing.purposes)
        self.openers = PhraseSet(framing.asks)
        self.cues = PhraseSet(framing.cues)
        self._first_words = {t for phrase in framing.purposes for t in tokens(phrase)[:1]}
        # A cheap look first: most questions hold no word a framing phrase starts with.
        # (both spellings of i/y: the quick look does not unify them as fold() does)
        starts = [*framing.clauses, *framing.purposes, *framing.addresses]
        self._openers = {w[0] for p in starts for w in (ascii_words(p), fold(p).split()) if w}

    def remove(self, text: str) -> str:
        """Return ``text`` without its framing clauses and purposes (unchanged if all is)."""
        preamble, colon, asked = text.partition(": ")
        if colon and tokens(asked) and not any(c.isdigit() for c in preamble):
            # "bên phòng giáo dục cần số liệu: chỉ tiêu trường chuẩn …": what follows asks.
            return self.remove(asked)
        if self._openers.isdisjoint(ascii_words(text)) and not _ANNOUNCED.search(text):
            return text
        clauses = [c for c in _BOUNDARY.split(text) if c.strip()]
        kept: list[str] = []
        changed = False
        several = len(clauses) > 1
        for clause in clauses:
            words = tokens(clause)
            start = self._after_address(words)
            if start and start == len(words):
                changed = True
                continue  # "anh ơi," alone
            if start:
                changed = True
                clause = (
                    " ".join(clause.split()[start:])
                    if len(clause.split()) == len(words)
                    else clause
                )
                words = words[start:]
            if several and _ANNOUNCED.search(clause) and not _FIGURE.search(clause):
                changed = True
                continue  # "văn phòng huyện uỷ đây, …": who speaks, announced
            starter = self.starters.match_at(self._spelled_out(words), 0) if words else None
            if starter is not None:
                # "bên em đang tổng hợp số liệu quý nên cần tỷ lệ hộ nghèo": after "nên".
                then = _THEN.search(clause)
                if then is not None:
                    if not _GOAL.search(clause[: then.start()]):
                        changed = True
                        clause = clause[then.end() :]
                elif several and not _FIGURE.search(clause) and not self._opens_ask(words):
                    changed = True
                    continue  # the asker's clause; another one asks
                elif (
                    len(clause.split()) == len(words) > starter[0]
                    and words[starter[0] - 1] == "la"
                ):
                    # The clause is kept, its "tôi là" is not ("toi la hoi nong dan …": "toi"
                    # typed bare may be a word of the topic); never "cơ quan em …", whose
                    # place is the topic.
                    changed = True
                    clause = " ".join(clause.split()[starter[0] :])
            shorter = self._without_purpose(clause)
            changed = changed or shorter != clause
            kept.append(shorter)
        if not changed:
            return text
        rest = ", ".join(c.strip() for c in kept if c.strip())
        return rest if tokens(rest) else text

    def _spelled_out(self, words: list[Token]) -> list[Token]:
        """Return a clause's words with one-word chat shorthand spelled out."""
        return [self.shorthand.get(str(w), w) for w in words]

    def question_parts(self, text: str) -> list[str]:
        """Return the parts of a long message that may be the question itself.

        "Kính gửi …, tôi là cán bộ …, đang chuẩn bị báo cáo …. Xin hỏi chỉ tiêu … là bao
        nhiêu ạ? Trân trọng cảm ơn.": each clause that asks (it has a question word), and
        what follows an opener such as "xin hỏi" or "cần" (also in a message of one clause).
        """
        clauses = [c.strip() for c in _BOUNDARY.split(text) if c.strip()]
        parts: list[str] = []
        if 1 < len(clauses) <= MAX_CLAUSES:
            # Each clause, and each two in a row: the topic is often in one clause and
            # the question word in the next ("…, muốn đối chiếu tỷ lệ …, cho em hỏi bao
            # nhiêu %"). Which part is the question is for the whole message to decide.
            parts += clauses
            parts += [f"{a} {b}" for a, b in pairwise(clauses)]
        elif len(clauses) > MAX_CLAUSES:
            parts += [c for c in clauses if self.asks(c)]
        parts += self.after_openers(text)
        return list(dict.fromkeys(p for p in parts if p != text.strip()))

    def after_openers(self, text: str) -> list[str]:
        """Return what follows each opener of a message ("cho em hỏi …", "xin hỏi …")."""
        parts: list[str] = []
        words = text.split()
        folded = [tokens(w) for w in words]
        flat = [t for ts in folded for t in ts]
        owners = [i for i, ts in enumerate(folded) for _ in ts]
        for at in range(len(flat)):
            opener = self.openers.match_at(flat, at)
            # A one-word opener typed without diacritics may be another word ("hoi" in
            # "dai hoi"): only openers of several words, or typed with their tone, count.
            bare = opener is not None and opener[0] == 1 and flat[at].tone is None
            if opener is not None and not bare and at + opener[0] < len(flat):
                parts.append(" ".join(words[owners[at + opener[0]] :]))
        return parts

    def _opens_ask(self, words: Sequence[str]) -> bool:
        """Return whether a clause asks after its first word ("tôi cần chỉ tiêu …").

        A question word, or an opener followed by what is asked ("em cần gấp" asks nothing).
        """
        if any(self.cues.match_at(words, at) is not None for at in range(1, len(words))):
            return True
        for at in range(1, len(words)):
            opener = self.openers.match_at(words, at)
            # (as in after_openers: "toi la can bo xa" has no "cần", "hoi nong dan" no "hỏi";
            # right after the asker, "e can gap …" does)
            bare = (
                opener is not None
                and opener[0] == 1
                and getattr(words[at], "tone", 0) is None
                and words[at - 1] not in _ASKERS
            )
            if opener is not None and not bare and len(words) - at - opener[0] >= MIN_ASKED_WORDS:
                return True
        return False

    def asks(self, clause: str) -> bool:
        if clause.rstrip().endswith("?"):
            return True
        words = tokens(clause)
        return any(self.cues.match_at(words, at) is not None for at in range(len(words)))

    def _after_address(self, words: Sequence[str]) -> int:
        """Return how many leading words only address someone ("a ơi", "dạ")."""
        at = 0
        while at < len(words):
            match = self.addresses.match_at(words, at)
            if match is None:
                break
            at += match[0]
        return at

    def _without_purpose(self, clause: str) -> str:
        pieces = clause.split()
        # Each word with the piece of text it comes from ("Đăng - Trà": "-" has no word).
        owned = [(token, at) for at, piece in enumerate(pieces) for token in tokens(piece)]
        words = [token for token, _ in owned]
        if not self._first_words.intersection(words):
            return clause
        for start in range(1, len(words)):
            if self.purposes.match_at(words, start) is not None:
                # Cut the text at the start of that word's piece.
                return " ".join(pieces[: owned[start][1]])
        return clause
