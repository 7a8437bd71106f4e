"""Correct a typed word towards the words the index knows: typos, lost tones, run-together words.

A word that cannot be a Vietnamese syllable ("rnug", "nhein") is corrected to the closest
known word; a real syllable the index does not use ("khuu" for "khẩu") only when a
neighbour shows what was meant (the correction forms a word pair of the index). A
corrected word carries how sure the correction is, and counts for that much in ranking.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.vietnamese.keystrokes import SYLLABLE
from bot.vietnamese.phrases import Token

#: A word that cannot be a Vietnamese syllable is corrected to the closest known word at
#: or above this similarity (0-100, optimal string alignment, so a swap of two letters
#: counts as one edit).
CORRECTION_MIN_SIMILARITY = 70.0
#: A real syllable the index does not use is corrected only at or above this similarity,
#: and only into a word pair the index uses: one edit of a short syllable often makes
#: another word.
CONTEXT_CORRECTION_MIN_SIMILARITY = 50.0

# The shape of a folded Vietnamese syllable: onset, vowel nucleus, final consonant.


@dataclass(frozen=True, slots=True)
class Word:
    """A content word of the question; ``confidence`` is below 1 when it was corrected."""

    text: str
    confidence: float = 1.0
    typed: str = ""
    tone: str | None = None
    emphasis: float = 1.0
    """Multiplies the word's weight: below 1 for a bare word that may be a stop word."""


class Corrector:
    """The words, word pairs and tones of the index, and corrections towards them."""

    def __init__(self, spelled: Iterable[str]) -> None:
        """Start from the words the indexed phrases are spelled with (numbers left out)."""
        self.known: set[str] = set()
        self._sorted: list[str] = []
        self._followers: dict[str, set[str]] = defaultdict(set)
        self._leaders: dict[str, set[str]] = defaultdict(set)
        self._tones: dict[str, set[str]] = defaultdict(set)
        self._cache: dict[str, Word] = {}
        self._add_words(spelled)

    def learn(self, phrases: Iterable[tuple[Token, ...]]) -> None:
        """Add the content words of phrases: their words, adjacent pairs and tones."""
        words: set[str] = set()
        for phrase in phrases:
            words.update(phrase)
            for first, second in pairwise(phrase):
                self._followers[first].add(second)
                self._leaders[second].add(first)
            # Token by token: "kỳ" and "ký" are one folded word with two tones.
            for token in phrase:
                if token.tone is not None:
                    self._tones[token].add(token.tone)
        self._add_words(words)

    def _add_words(self, words: Iterable[str]) -> None:
        self.known |= {w for w in words if w and not w[0].isdigit()}
        self._sorted = sorted(self.known)
        self._cache.clear()

    def tones(self, word: str) -> set[str]:
        """Return the tones the index writes a folded word with (empty when never toned)."""
        return self._tones.get(word, set())

    def correct_non_word(self, word: str) -> list[Word]:
        """Correct a word that is no Vietnamese syllable: split it, or find the closest."""
        for cut in range(1, len(word)):
            head, tail = word[:cut], word[cut:]
            if head in self.known and tail in self.known:
                return [Word(head, 1.0, word), Word(tail, 1.0, word)]
        cached = self._cache.get(word)
        if cached is None:
            best = process.extractOne(
                word,
                self._sorted,
                scorer=OSA.normalized_similarity,
                processor=None,
                score_cutoff=CORRECTION_MIN_SIMILARITY / 100,
            )
            cached = Word(best[0], float(best[1]), word) if best else Word(word, 0.0, word)
            self._cache[word] = cached
        return [cached]

    def correct_in_context(self, word: str, before: str | None, after: str | None) -> Word:
        """Correct a real but unknown syllable when a neighbour shows what was meant."""
        best: tuple[float, str] | None = None
        followers = self._followers.get(before or "", set())
        candidates = followers | self._leaders.get(after or "", set())
        frame = _frame(word)
        for candidate in sorted(candidates):
            # Only the vowels may differ ("khuu" for "khẩu"): a changed consonant makes
            # another real word far too often ("sang" is not "đăng").
            if _frame(candidate) != frame:
                continue
            similarity = 100 * OSA.normalized_similarity(word, candidate)
            if similarity >= CONTEXT_CORRECTION_MIN_SIMILARITY and (
                best is None or similarity > best[0]
            ):
                best = (similarity, candidate)
        if best is None:
            return Word(word, 0.0, word)
        return Word(best[1], best[0] / 100, word)


def _frame(word: str) -> tuple[str, str] | None:
    """Return the consonants around a syllable's vowels, or None if it is no syllable."""
    match = SYLLABLE.fullmatch(word)
    if match is None:
        return None
    # "ngh" and "gh" are how "ng" and "g" are spelled before i, e, ê: one consonant.
    onset = {"ngh": "ng", "gh": "g"}.get(match.group("onset") or "", match.group("onset") or "")
    return onset, match.group("final") or ""
