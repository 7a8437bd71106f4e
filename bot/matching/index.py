"""Rank items against an analysed question, on a 0-100 scale.

Why not rapidfuzz ``WRatio`` on whole strings: over short Vietnamese titles it gives 85+ to
any pair sharing one syllable. Instead each phrase of an item (title, aliases, labels) is
scored from the question's content words, weighted by how rare each word is among the
indexed items (``tỷ lệ``, ``đạt`` weigh little, ``rừng``, ``sữa`` weigh a lot):

    score = 100 × (0.50 × question coverage + 0.35 × phrase coverage + 0.15 × word-pair cover)

*question coverage*: the share of the question's weight found in the phrase (a word the
index does not know counts against it, which keeps "giá lúa hôm nay" out);
*phrase coverage*: the share of the phrase's weight the question mentions; *word-pair
cover*: the share of the phrase's adjacent word pairs found in the question in order
("xuất khẩu" is not "xuất nhập khẩu"). A question equal to a phrase scores 100. Words that
were corrected count with their correction ratio (a typo weighs less than a sure word).
A number in the question that equals one of the item's figures adds ``NUMBER_BONUS``.

The items are anything wrapped in a :class:`~bot.matching.searchable.Searchable`: knowledge
entries (:mod:`bot.matching.knowledge_items`), reporting units, targets. Thresholds (named
in :mod:`bot.answering.qa`) turn the ranking into ``answer``, ``choices`` or ``none``.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Generic

from bot.knowledge.schema import Vocabulary
from bot.matching.analysis import Analysis, Analyzer
from bot.matching.corrections import Word
from bot.matching.named_numbers import numbered_nouns, numbers_in_wording
from bot.matching.searchable import Searchable, T
from bot.vietnamese.numbers import normalize_unit, same_number
from bot.vietnamese.text import fold, tones_agree

QUESTION_WEIGHT = 0.50
PHRASE_WEIGHT = 0.35
PAIR_WEIGHT = 0.15
#: Weight of a word no indexed phrase uses, relative to the index's rarest word.
UNKNOWN_WORD_WEIGHT = 1.0
#: Credit of a word whose folded form matches but whose typed tone differs ("ký" typed,
#: "kỳ" in the phrase): folding merges words, the tone typed tells them apart.
TONE_MISMATCH_CREDIT = 0.5
#: Added when a number of the question equals a figure of the item.
NUMBER_BONUS = 8.0
#: Added when a unit of the question ("triệu USD") is a unit of the item's figures, and
#: taken off when the item has figures in other units only.
UNIT_BONUS = 5.0
#: Taken off an item without figures when the question names a number its text lacks.
NUMBER_PENALTY = 40.0
#: A question of more content words than this is a message with a story around it ...
LONG_MESSAGE_WORDS = 10
#: ... where a word the index does not know weighs this share of an unknown word's weight.
LONG_MESSAGE_DISCOUNT = 0.4
#: Taken off a task when the question says "chỉ tiêu", and off a target when it says
#: "nhiệm vụ": the two halves of section II share many words.
SIDE_PENALTY = 10.0
#: Items fully scored per question, chosen by an upper bound of question coverage.
MAX_CANDIDATES = 60
#: Items whose words can explain less than this share of the question are not scored.
MIN_COVERAGE = 0.25
#: Scores at or above this are shown when ranking for inline mode.
SUGGEST_MIN_SCORE = 40.0


@dataclass(frozen=True, slots=True)
class Phrase:
    """A phrase of an item, as content words and word pairs."""

    words: tuple[str, ...]
    pairs: frozenset[tuple[str, str]]
    weight: float
    tones: dict[str, frozenset[str]]
    word_set: frozenset[str]
    credits: dict[tuple[str, str], float] = field(default_factory=dict, compare=False, repr=False)
    """The credit of each tone key already typed (every question asks the same words)."""

    def tone_credit(self, word: Word) -> float:
        """Return 1, or less when the user typed a word this phrase does not have.

        A word typed with a tone mark must carry the phrase's tone ("cận" is not "cán");
        a word typed with vowel marks but no tone mark ("tôc") may have lost its tone, so
        only its vowels must agree.
        """
        if word.tone is None:
            return 1.0
        key = (word.text, word.tone)
        credit = self.credits.get(key)
        if credit is None:
            tones = self.tones.get(word.text)
            agree = not tones or any(tones_agree(word.tone, t) for t in tones)
            credit = self.credits[key] = 1.0 if agree else TONE_MISMATCH_CREDIT
        return credit


@dataclass(frozen=True, slots=True)
class _Query:
    """The question's words with their weights, computed once per ranking."""

    words: tuple[Word, ...]
    texts: tuple[str, ...]
    weights: tuple[float, ...]
    total: float
    pairs: frozenset[tuple[str, str]]
    split_pairs: frozenset[tuple[str, str]]
    """Word pairs with a word unknown to the index between them ("hộ cận nghèo")."""
    split_words: tuple[tuple[Word, Word], ...] = ()
    """The same pairs, as typed (their tones tell "mỗi" from "mới")."""

    @classmethod
    def of(
        cls, analysis: Analysis, weight: Callable[[str], float], known: Callable[[str], bool]
    ) -> _Query:
        words = analysis.words
        texts = tuple(w.text for w in words)
        # In a long message, words the index does not know are mostly the story around the
        # question ("hôm qua họp xã, bí thư bảo …"): they weigh less there.
        story = LONG_MESSAGE_DISCOUNT if len(words) > LONG_MESSAGE_WORDS else 1.0
        weights = tuple(
            weight(w.text) * w.emphasis * (1.0 if known(w.text) else story) for w in words
        )
        around = tuple(
            (words[i - 1], words[i + 1])
            for i in range(1, len(words) - 1)
            if words[i].confidence == 0
        )
        split = frozenset((a.text, b.text) for a, b in around)
        return cls(words, texts, weights, sum(weights), frozenset(pairwise(texts)), split, around)


@dataclass(frozen=True, slots=True)
class Scored(Generic[T]):
    """An item and its score for one question."""

    item: T
    id: str
    score: float
    coverage: float = 1.0
    """The share (0-1) of the question's weight the item's best phrase explains."""
    contradicted: bool = False
    """The question names a number the item does not have ("lần thứ 21"): never answer."""

    @property
    def entry(self) -> T:
        """Return the item, by the name `bot.answering.qa` reads entries with (use ``item``)."""
        return self.item


class SearchIndex(Generic[T]):
    """Items, their phrases, and the weight of every word they use."""

    def __init__(
        self,
        items: Sequence[Searchable[T]],
        vocabulary: Vocabulary,
        *,
        context_names: Iterable[str] = (),
        place_scope: bool = False,
    ) -> None:
        """Index items (ids unique) for questions analysed with the shared vocabulary.

        ``context_names`` and ``place_scope`` are as in :meth:`Analyzer.build`: a question
        naming the resolution itself is ranked on the rest of it, and with ``place_scope``
        the places it names set its scope rather than its content.
        """
        self.items = {item.id: item for item in items}
        self.analyzer = Analyzer.build(
            vocabulary,
            (p for item in items for p in item.phrases),
            context_names=context_names,
            place_scope=place_scope,
        )
        read = self.analyzer.phrase_words
        item_words = {item.id: [read[p] for p in item.phrases] for item in items}
        frequency: dict[str, int] = defaultdict(int)
        for phrases in item_words.values():
            for word in {w for p in phrases for w in p}:
                frequency[word] += 1
        total = len(item_words)
        self.weights = {w: math.log((total + 1) / (n + 0.5)) for w, n in frequency.items()}
        self.unknown_weight = UNKNOWN_WORD_WEIGHT * max(self.weights.values(), default=1.0)
        self.phrases: dict[str, list[Phrase]] = {}
        self.postings: dict[str, set[str]] = defaultdict(set)
        # Per item, which of its phrases hold each word: scoring touches matches only.
        self.holders: dict[str, dict[str, list[int]]] = {}
        for item_id, phrases in item_words.items():
            built = []
            for words in dict.fromkeys(phrases):
                if not words:
                    continue
                # fsum: exactly rounded, so the weight does not depend on set order (hash seed).
                weight = math.fsum(self.weights[w] for w in set(words))
                tones: dict[str, set[str]] = defaultdict(set)
                for token in words:
                    if token.tone is not None:
                        tones[token].add(token.tone)
                frozen = {w: frozenset(t) for w, t in tones.items()}
                built.append(
                    Phrase(words, frozenset(pairwise(words)), weight, frozen, frozenset(words))
                )
                for word in words:
                    self.postings[word].add(item_id)
            self.phrases[item_id] = built
            holders: dict[str, list[int]] = defaultdict(list)
            for index, phrase in enumerate(built):
                for held in phrase.word_set:
                    holders[held].append(index)
            self.holders[item_id] = dict(holders)
        self.units = {i.id: {normalize_unit(f.unit) for f in i.figures} for i in items}
        self.figures = {i.id: tuple(f.value for f in i.figures) for i in items}
        self.numbers = {i.id: numbers_in_wording(i.text) for i in items}
        self.texts = {i.id: f" {fold(i.text)} " for i in items}
        self.numbered = {i.id: _by_noun(numbered_nouns(self.texts[i.id])) for i in items}

    def weight(self, word: str) -> float:
        """Return how much a word tells (rare words more), for an unknown word the most."""
        return self.weights.get(word, self.unknown_weight)

    def rank(
        self, analysis: Analysis, *, candidates: Iterable[str] | None = None
    ) -> list[Scored[T]]:
        """Return the items sharing a word with the question (or the candidates), best first."""
        words = analysis.words
        if not words:
            return []
        query = _Query.of(analysis, self.weight, self.weights.__contains__)
        pool: Iterable[str]
        if candidates is not None:
            pool = set(candidates)
        else:
            # Two phases: an upper bound of question coverage from the postings, then the
            # full score for the most promising items only (large indexes).
            bound: dict[str, float] = defaultdict(float)
            for text, weight in dict(zip(query.texts, query.weights, strict=True)).items():
                for item_id in self.postings.get(text, ()):
                    bound[item_id] += weight
            # An item explaining under MIN_COVERAGE of the question can neither be answered
            # nor offered (see bot.answering.qa), so it is not scored at all.
            floor = MIN_COVERAGE * query.total
            relevant = [item_id for item_id, b in bound.items() if b >= floor]
            pool = (
                heapq.nlargest(MAX_CANDIDATES, relevant, key=bound.__getitem__)
                if len(relevant) > MAX_CANDIDATES
                else relevant
            )
        scored = [(self.items[item_id], self._score(analysis, query, item_id)) for item_id in pool]
        scored.sort(key=lambda s: (-s[1][0], s[0].order, s[0].id))
        return [Scored(item.item, item.id, *score) for item, score in scored]

    def mentions(self, item_id: str, phrase: str) -> bool:
        """Return whether an item's wording mentions a folded phrase (a year, a place).

        An id the index does not hold (an overview such as "dem-nhiem-vu") mentions nothing.
        """
        return f" {fold(phrase)} " in self.texts.get(item_id, "")

    def _score(self, analysis: Analysis, query: _Query, item_id: str) -> tuple[float, float, bool]:
        best = 0.0
        coverage = 0.0
        phrases = self.phrases[item_id]
        holders = self.holders[item_id]
        touched: dict[int, tuple[list[float], dict[str, float]]] = {}
        for word, weight in zip(query.words, query.weights, strict=True):
            for index in holders.get(word.text, ()):
                held = touched.get(index)
                if held is None:
                    held = touched[index] = ([0.0], {})
                found_box, credit = held
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
            units = self.units[item_id]
            if units:
                matched = any(u in units for u in analysis.units)
                best = min(100.0, best + UNIT_BONUS) if matched else best - UNIT_BONUS
        side = self.items[item_id].side
        if analysis.side and side and side != analysis.side and best > 0:
            best = max(0.0, best - SIDE_PENALTY)
        # A word no indexed phrase uses, inside a word pair of the item, changes what is
        # asked: "hộ cận nghèo" is not "hộ nghèo".
        # (as typed: "đảng viên chia mỗi huyện" splits no "đảng viên mới")
        contradicted = bool(query.split_pairs) and any(
            (a.text, b.text) in phrase.pairs
            and phrase.tone_credit(a) == 1.0
            and phrase.tone_credit(b) == 1.0
            for phrase in phrases
            if phrase.pairs & query.split_pairs
            for a, b in query.split_words
        )
        if analysis.numbers and best > 0:
            figures = self.figures[item_id]
            if _any_close(analysis.numbers, figures):
                # (a premise to check, "nhập khẩu 600 triệu USD đúng không", names no item)
                if not analysis.yes_no:
                    best = min(100.0, best + NUMBER_BONUS)
            elif not figures and not any(n in self.numbers[item_id] for n in analysis.numbers):
                # "Hội nghị lần thứ 21", "Nghị quyết 57": a number the item does not have.
                best = max(0.0, best - NUMBER_PENALTY)
                contradicted = True
        if analysis.numbered and best > 0 and not self._same_ordinals(analysis, item_id):
            # "Hội nghị lần thứ 19" is not "Đại hội XIX"; "khoá 18" is "khoá XVIII": another
            # numbered thing is another thing, neither answered nor offered.
            best, contradicted = 0.0, True
        return round(best, 1), coverage, contradicted

    def _same_ordinals(self, analysis: Analysis, item_id: str) -> bool:
        """Return whether the item's wording agrees with every numbered noun of the question.

        It disagrees when it gives the same noun another number, does not name the number
        at all ("Đại hội XIX" and an item that never says XIX), or gives it only to another
        noun.
        """
        known = self.numbered[item_id]
        for noun, number in analysis.numbered:
            if noun in known:
                if number not in known[noun]:
                    return False
            elif number not in self.numbers[item_id] or any(
                number in numbers for numbers in known.values()
            ):
                return False
        return True


def _by_noun(pairs: frozenset[tuple[str, float]]) -> dict[str, frozenset[float]]:
    grouped: dict[str, set[float]] = defaultdict(set)
    for noun, number in pairs:
        grouped[noun].add(number)
    return {noun: frozenset(numbers) for noun, numbers in grouped.items()}


def _any_close(numbers: tuple[float, ...], figures: tuple[float, ...]) -> bool:
    """Return whether a number of the question is one of the figures, within tolerance."""
    return any(same_number(n, value) for value in figures for n in numbers)
