"""Rank knowledge entries against an analysed question, on a 0-100 scale.

Why not rapidfuzz ``WRatio`` on whole strings: over short Vietnamese titles it gives 85+ to
any pair sharing one syllable. Instead each phrase of an entry (title, aliases, labels) is
scored from the question's content words, weighted by how rare each word is in the
knowledge base (``tỷ lệ``, ``đạt`` weigh little, ``rừng``, ``sữa`` weigh a lot):

    score = 100 × (0.50 × question coverage + 0.35 × phrase coverage + 0.15 × word-pair cover)

*question coverage*: the share of the question's weight found in the phrase (a word the
knowledge base does not know counts against it, which keeps "giá lúa hôm nay" out);
*phrase coverage*: the share of the phrase's weight the question mentions; *word-pair
cover*: the share of the phrase's adjacent word pairs found in the question in order
("xuất khẩu" is not "xuất nhập khẩu"). A question equal to a phrase scores 100. Words that
were corrected count with their correction ratio (a typo weighs less than a sure word).
A number in the question that equals one of the entry's figures adds ``NUMBER_BONUS``.

Thresholds (named in :mod:`bot.answering.qa`) turn the ranking into ``answer``, ``choices`` or
``none``.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise

from bot.knowledge.entries import Entry, KnowledgeBase
from bot.matching.analysis import Analysis, Analyzer, Word
from bot.vietnamese.phrases import Token
from bot.vietnamese.text import fold, tones_agree

QUESTION_WEIGHT = 0.50
PHRASE_WEIGHT = 0.35
PAIR_WEIGHT = 0.15
#: Weight of a word the knowledge base does not use, relative to its rarest word.
UNKNOWN_WORD_WEIGHT = 1.0
#: Credit of a word whose folded form matches but whose typed tone differs ("ký" typed,
#: "kỳ" in the phrase): folding merges words, the tone typed tells them apart.
TONE_MISMATCH_CREDIT = 0.5
#: Added when a number of the question equals a figure of the entry.
NUMBER_BONUS = 8.0
#: Added when a unit of the question ("triệu USD") is a unit of the entry's figures, and
#: taken off when the entry has figures in other units only.
UNIT_BONUS = 5.0
#: Taken off an entry without figures when the question names a number its text lacks.
NUMBER_PENALTY = 40.0
#: Taken off a task when the question says "chỉ tiêu", and off a target when it says
#: "nhiệm vụ": the two halves of section II share many words.
SIDE_PENALTY = 10.0
#: Relative tolerance when comparing a typed number with a figure.
NUMBER_TOLERANCE = 0.005
#: Entries fully scored per question, chosen by an upper bound of question coverage.
MAX_CANDIDATES = 60
#: Entries whose words can explain less than this share of the question are not scored.
MIN_COVERAGE = 0.25
#: Scores at or above this are shown when ranking for inline mode.
SUGGEST_MIN_SCORE = 40.0

_KIND_ORDER = {
    "group": 0,
    "task": 0,
    "section": 0,
    "target": 1,
    "fact": 1,
    "named": 2,
    "figure": 3,
    "count": 0,
}


@dataclass(frozen=True, slots=True)
class Phrase:
    """A phrase of an entry, as content words and word pairs."""

    words: tuple[str, ...]
    pairs: frozenset[tuple[str, str]]
    weight: float
    tones: dict[str, frozenset[str]]
    word_set: frozenset[str]

    def tone_credit(self, word: Word) -> float:
        """Return 1, or less when the user typed a word this phrase does not have.

        A word typed with a tone mark must carry the phrase's tone ("cận" is not "cán");
        a word typed with vowel marks but no tone mark ("tôc") may have lost its tone, so
        only its vowels must agree.
        """
        tones = self.tones.get(word.text)
        if word.tone is None or not tones or any(tones_agree(word.tone, t) for t in tones):
            return 1.0
        return TONE_MISMATCH_CREDIT


@dataclass(frozen=True, slots=True)
class _Query:
    """The question's words with their weights, computed once per ranking."""

    words: tuple[Word, ...]
    texts: tuple[str, ...]
    weights: tuple[float, ...]
    total: float
    pairs: frozenset[tuple[str, str]]
    split_pairs: frozenset[tuple[str, str]]
    """Word pairs with a word unknown to the knowledge base between them ("hộ cận nghèo")."""

    @classmethod
    def of(cls, analysis: Analysis, weight: Callable[[str], float]) -> _Query:
        words = analysis.words
        texts = tuple(w.text for w in words)
        weights = tuple(weight(w.text) * w.emphasis for w in words)
        split = frozenset(
            (words[i - 1].text, words[i + 1].text)
            for i in range(1, len(words) - 1)
            if words[i].confidence == 0
        )
        return cls(words, texts, weights, sum(weights), frozenset(pairwise(texts)), split)


@dataclass(frozen=True, slots=True)
class Scored:
    """An entry and its score for one question."""

    entry: Entry
    score: float
    coverage: float = 1.0
    """The share (0-1) of the question's weight the entry's best phrase explains."""
    contradicted: bool = False
    """The question names a number the entry does not have ("lần thứ 21"): never answer."""


class SearchIndex:
    """Entries of a knowledge base, their phrases, and the weight of every word."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        raw_words = {w for e in kb.entries.values() for p in e.phrases for w in fold(p).split()}
        self.analyzer = Analyzer(kb.vocabulary, (w for w in raw_words if not w[0].isdigit()))
        entry_words: dict[str, list[tuple[Token, ...]]] = {
            e.id: [tuple(self.analyzer.content_words(p)) for p in e.phrases]
            for e in kb.entries.values()
        }
        frequency: dict[str, int] = defaultdict(int)
        for phrases in entry_words.values():
            for word in {w for p in phrases for w in p}:
                frequency[word] += 1
        total = len(entry_words)
        self.weights = {w: math.log((total + 1) / (n + 0.5)) for w, n in frequency.items()}
        self.unknown_weight = UNKNOWN_WORD_WEIGHT * max(self.weights.values(), default=1.0)
        self.analyzer.learn(
            self.weights,
            {pair for phrases in entry_words.values() for p in phrases for pair in pairwise(p)},
            (token for phrases in entry_words.values() for p in phrases for token in p),
        )
        self.phrases: dict[str, list[Phrase]] = {}
        self.postings: dict[str, set[str]] = defaultdict(set)
        # Per entry, which of its phrases hold each word: scoring touches matches only.
        self.holders: dict[str, dict[str, list[int]]] = {}
        for entry_id, phrases in entry_words.items():
            built = []
            for words in dict.fromkeys(phrases):
                if not words:
                    continue
                weight = sum(self.weights[w] for w in set(words))
                tones: dict[str, set[str]] = defaultdict(set)
                for token in words:
                    if token.tone is not None:
                        tones[token].add(token.tone)
                frozen = {w: frozenset(t) for w, t in tones.items()}
                built.append(
                    Phrase(words, frozenset(pairwise(words)), weight, frozen, frozenset(words))
                )
                for word in words:
                    self.postings[word].add(entry_id)
            self.phrases[entry_id] = built
            holders: dict[str, list[int]] = defaultdict(list)
            for index, phrase in enumerate(built):
                for held in phrase.word_set:
                    holders[held].append(index)
            self.holders[entry_id] = dict(holders)
        self.analyzer.learn_document_names(_document_names(kb))
        self.entry_side = {e.id: _side(kb, e) for e in kb.entries.values()}
        self.entry_units = {
            e.id: {fold(f.unit) if f.unit not in {"%", "‰"} else f.unit for f in e.figures}
            for e in kb.entries.values()
        }
        self.entry_numbers = {
            e.id: _numbers_in(self.entry_text_of(e)) for e in kb.entries.values()
        }
        self.entry_text = {
            e.id: " " + fold(self.entry_text_of(e)) + " " for e in kb.entries.values()
        }

    @staticmethod
    def entry_text_of(entry: Entry) -> str:
        """Return all the wording of an entry: phrases, title and source."""
        return " ".join([*entry.phrases, entry.title, entry.source])

    def weight(self, word: str) -> float:
        """Return how much a word tells (rare words more), for an unknown word the most."""
        return self.weights.get(word, self.unknown_weight)

    def rank(self, analysis: Analysis, *, candidates: Iterable[str] | None = None) -> list[Scored]:
        """Return entries sharing a word with the question, best first."""
        words = analysis.words
        if not words:
            return []
        query = _Query.of(analysis, self.weight)
        pool: Iterable[str]
        if candidates is not None:
            pool = set(candidates)
        else:
            # Two phases: an upper bound of question coverage from the postings, then the
            # full score for the most promising entries only (large knowledge bases).
            bound: dict[str, float] = defaultdict(float)
            for text, weight in dict(zip(query.texts, query.weights, strict=True)).items():
                for entry_id in self.postings.get(text, ()):
                    bound[entry_id] += weight
            # An entry explaining under MIN_COVERAGE of the question can neither be answered
            # nor offered (see bot.answering.qa), so it is not scored at all.
            floor = MIN_COVERAGE * query.total
            relevant = [entry_id for entry_id, b in bound.items() if b >= floor]
            pool = (
                heapq.nlargest(MAX_CANDIDATES, relevant, key=bound.__getitem__)
                if len(relevant) > MAX_CANDIDATES
                else relevant
            )
        scored = [
            Scored(self.kb.entries[entry_id], *self._score(analysis, query, entry_id))
            for entry_id in pool
        ]
        scored.sort(key=lambda s: (-s.score, _KIND_ORDER[s.entry.kind], s.entry.id))
        return scored

    def mentions(self, entry_id: str, phrase: str) -> bool:
        """Return whether an entry's wording mentions a folded phrase (a year, a place)."""
        return f" {fold(phrase)} " in self.entry_text[entry_id]

    def _score(
        self, analysis: Analysis, query: _Query, entry_id: str
    ) -> tuple[float, float, bool]:
        best = 0.0
        coverage = 0.0
        phrases = self.phrases[entry_id]
        holders = self.holders[entry_id]
        touched: dict[int, tuple[list[float], dict[str, float]]] = {}
        for word, weight in zip(query.words, query.weights, strict=True):
            for index in holders.get(word.text, ()):
                found_box, credit = touched.setdefault(index, ([0.0], {}))
                sure = word.confidence
                if word.tone is not None:
                    sure *= phrases[index].tone_credit(word)
                found_box[0] += weight * sure
                # A bare word that may be a stop word covers the phrase only weakly.
                sure *= word.emphasis
                if sure > credit.get(word.text, 0.0):
                    credit[word.text] = sure
        for index, (found_box, credit) in touched.items():
            phrase = phrases[index]
            found = found_box[0]
            if query.texts == phrase.words and all(c == 1 for c in credit.values()):
                best, coverage = 100.0, 1.0
                break
            covered = sum(self.weights[w] * c for w, c in credit.items())
            # Word pairs in order, against the longer of the two: a one-word phrase earns
            # this part only from a one-word question.
            widest = max(len(phrase.pairs), len(query.pairs))
            if widest:
                pairs = len(phrase.pairs & query.pairs) / widest
            else:
                pairs = 1.0 if covered >= phrase.weight else 0.0
            score = 100 * (
                QUESTION_WEIGHT * found / query.total
                + PHRASE_WEIGHT * covered / phrase.weight
                + PAIR_WEIGHT * pairs
            )
            best = max(best, score)
            coverage = max(coverage, found / query.total)
        if analysis.units and best > 0:
            units = self.entry_units[entry_id]
            if units:
                matched = any(u in units for u in analysis.units)
                best = min(100.0, best + UNIT_BONUS) if matched else best - UNIT_BONUS
        side = self.entry_side[entry_id]
        if analysis.side and side and side != analysis.side and best > 0:
            best = max(0.0, best - SIDE_PENALTY)
        # A word the knowledge base does not know, inside a word pair of the entry, changes
        # what is asked: "hộ cận nghèo" is not "hộ nghèo".
        contradicted = any(phrase.pairs & query.split_pairs for phrase in phrases)
        if analysis.numbers and best > 0:
            if self._figures_match(entry_id, analysis.numbers):
                best = min(100.0, best + NUMBER_BONUS)
            elif not self.kb.entries[entry_id].figures and not self._text_has_numbers(
                entry_id, analysis.numbers
            ):
                # "Hội nghị lần thứ 21", "Nghị quyết 57": a number the entry does not have.
                best = max(0.0, best - NUMBER_PENALTY)
                contradicted = True
        return round(best, 1), coverage, contradicted

    def _text_has_numbers(self, entry_id: str, numbers: tuple[float, ...]) -> bool:
        text = self.entry_numbers[entry_id]
        return any(n in text for n in numbers)

    def _figures_match(self, entry_id: str, numbers: tuple[float, ...]) -> bool:
        for figure in self.kb.entries[entry_id].figures:
            value = figure.number
            if any(abs(n - value) <= NUMBER_TOLERANCE * max(abs(value), 1e-9) for n in numbers):
                return True
        return False


_ROMAN = re.compile(r"\b[IVXLC]+\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(numeral: str) -> int:
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(
        -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
    )


def _numbers_in(text: str) -> set[float]:
    """Return the numbers an entry's wording names, Roman ordinals included (XIX is 19)."""
    found = {float(n) for n in re.findall(r"\d+", text)}
    return found | {float(_roman(n)) for n in _ROMAN.findall(text)}


def _document_names(kb: KnowledgeBase) -> list[str]:
    """Return the ways a question names a resolution itself ("Nghị quyết Hội nghị lần thứ 20")."""
    names: list[str] = []
    for document in kb.documents:
        bare_conference = re.sub(r"\s*\([^)]*\)", "", document.conference)
        names += [document.title, document.short_title, document.conference, bare_conference]
        names += [f"Nghị quyết {document.conference}", f"Nghị quyết {document.short_title}"]
        conference = re.match(r"Hội nghị lần thứ \d+", document.conference)
        if conference:
            names += [conference.group(), f"Nghị quyết {conference.group()}"]
    return names


def _side(kb: KnowledgeBase, entry: Entry) -> str | None:
    """Return "targets" for II.1, "tasks" for II.2, None for the rest of the document."""
    if entry.kind in {"group", "target", "figure"}:
        return "targets"
    if entry.kind == "task" or (entry.parent and kb.entries[entry.parent].kind == "task"):
        return "tasks"
    return None
