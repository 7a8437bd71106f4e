"""Turn a question into what the search needs: content words, numbers, years, places, intent.

Steps, on the folded key (see :mod:`bot.vietnamese.text`): numbers, years and section codes
are taken out first (folding would split "7,5" into "7 5"); abbreviations, chat shorthand
and synonyms are rewritten to one canonical phrase; a count intent ("bao nhiêu chỉ tiêu") is noted;
places are noted; then question framing ("cho em hỏi", "bao nhiêu", "là gì"), stop words
and sentence-final particles ("ạ", "nhé", "vậy") are dropped; last, each word the knowledge
base does not know is corrected to its closest known word when that is close enough.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.errors import NumberFormatError
from bot.knowledge.schema import Vocabulary
from bot.vietnamese.numbers import NUMBER_TOKEN, parse_user_number
from bot.vietnamese.phrases import PhraseMap, PhraseSet, Token, tokens
from bot.vietnamese.text import clean, fold, fold_diacritics, tones_agree

#: A word that cannot be a Vietnamese syllable ("rnug", "nhein") is corrected to the
#: closest known word at or above this similarity (0-100, optimal string alignment, so a
#: swap of two letters counts as one edit).
CORRECTION_MIN_SIMILARITY = 70.0
#: A word that is a real syllable the knowledge base does not use ("khuu" for "khẩu") is
#: corrected only when the correction forms a word pair the knowledge base uses, and only
#: at or above this similarity: one edit of a short syllable often makes another word.
CONTEXT_CORRECTION_MIN_SIMILARITY = 50.0
#: Weight kept by a bare word that is a stop word or a word of the knowledge base.
AMBIGUOUS_STOP_EMPHASIS = 0.3
#: Words shorter than this are never corrected.
CORRECTION_MIN_LENGTH = 3

# The shape of a folded Vietnamese syllable: onset, vowel nucleus, final consonant.
_SYLLABLE = re.compile(
    r"(?P<onset>ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?P<nucleus>uye|uya|ieu|yeu|uoi|uou|oai|oay|oeo|uay|"
    r"ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|[aeiouy])"
    r"(?P<final>ng|nh|ch|[cmnpt])?"
)
#: Questions are matched on their first characters only; longer text is refused upstream.
MAX_MATCHED_CHARS = 500

_YEAR = re.compile(r"(?<![\d.,/])((?:19|20)\d\d)(?![\d.,])")
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}(?:/(\d{2,4}))?\b")
_ROMAN_CODE = re.compile(
    r"\b(?:muc|phan|chi tieu|nhiem vu|ct|nv|tieu muc|diem)?\s*"
    r"(iii|ii|i)(?:\s*[.\-]\s*(\d)(?:\s*[.\-]\s*(\d))?)?(?:\s*[.\-]?\s*\(\s*(\d{1,2})\s*\))?"
    r"(?![\w])"
)
_ARABIC_CODE = re.compile(
    r"\b(muc|phan|chi tieu|nhiem vu|ct|nv|tieu muc|diem)\s*(?:so\s*)?"
    r"([12])\s*\.\s*(\d)(?:\s*\.\s*\(?\s*(\d{1,2})\s*\)?|\s*\(\s*(\d{1,2})\s*\))?(?![\d,])"
)
_TARGET_NUMBER = re.compile(
    r"\b(?:chi tieu|muc tieu|ct)\s*(?:so\s*)?\(?\s*(\d{1,2})\s*\)?(?![\d.,])"
)


@dataclass(frozen=True, slots=True)
class Word:
    """A content word of the question; ``confidence`` is below 1 when it was corrected."""

    text: str
    confidence: float = 1.0
    typed: str = ""
    tone: str | None = None
    emphasis: float = 1.0
    """Multiplies the word's weight: below 1 for a bare word that may be a stop word."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """What a question asks, ready for ranking."""

    text: str
    words: tuple[Word, ...]
    numbers: tuple[float, ...]
    years: tuple[int, ...]
    provinces: tuple[str, ...]
    districts: tuple[str, ...]
    count: str | None
    side: str | None
    """"targets" when the question says "chỉ tiêu", "tasks" when it says "nhiệm vụ"."""
    units: tuple[str, ...]
    codes: tuple[str, ...]
    target_number: int | None

    @property
    def tokens(self) -> tuple[str, ...]:
        """Return the content words as plain strings."""
        return tuple(w.text for w in self.words)


class Analyzer:
    """Analyse questions with the shared vocabulary and the knowledge base's own words."""

    def __init__(self, vocabulary: Vocabulary, known_words: Iterable[str]) -> None:
        self.vocabulary = vocabulary
        synonym_pairs = [(p, group[0]) for group in vocabulary.synonyms for p in group[1:]]
        self.canonical = PhraseMap(
            [*vocabulary.abbreviations.items(), *vocabulary.shorthand.items(), *synonym_pairs]
        )
        self.stop_phrases = PhraseSet(vocabulary.stop_phrases)
        self.stop_words: dict[str, set[str | None]] = defaultdict(set)
        for stop_word in vocabulary.stop_words:
            for token in tokens(stop_word):
                self.stop_words[token].add(token.tone)
        self.tails = PhraseSet(vocabulary.tail_particles)
        units = vocabulary.units
        self.units = PhraseSet(units, [u if u in {"%", "‰"} else fold(u) for u in units.values()])
        self.count_words = PhraseSet(vocabulary.count_words)
        self.count_nouns = PhraseSet(vocabulary.count_nouns, vocabulary.count_nouns.values())
        self.home = PhraseSet([vocabulary.province, f"tỉnh {vocabulary.province}"])
        self.provinces = PhraseSet(vocabulary.provinces)
        self.districts = PhraseSet(vocabulary.districts)
        self.document_names = PhraseSet(())
        self.side_words = PhraseSet(
            ["chỉ tiêu", "mục tiêu", "nhiệm vụ", "giải pháp"],
            ["targets", "targets", "tasks", "tasks"],
        )
        self.known: list[str] = []
        self._known_set: set[str] = set()
        self._followers: dict[str, set[str]] = defaultdict(set)
        self._leaders: dict[str, set[str]] = defaultdict(set)
        self._corrections: dict[str, Word] = {}
        self._tones: dict[str, set[str]] = defaultdict(set)
        self.learn(known_words, ())

    def learn(
        self,
        words: Iterable[str],
        pairs: Iterable[tuple[str, str]],
        tones: Iterable[Token] = (),
    ) -> None:
        """Add the words, word pairs and toned words of the knowledge base."""
        for token in tones:
            if token.tone is not None:
                self._tones[token].add(token.tone)
        self._known_set |= {w for w in words if w and not w[0].isdigit()}
        self.known = sorted(self._known_set)
        for first, second in pairs:
            self._followers[first].add(second)
            self._leaders[second].add(first)
        self._corrections.clear()

    def learn_document_names(self, names: Iterable[str]) -> None:
        """Add the names of the resolutions themselves: context in a question, not content."""
        self.document_names = PhraseSet(names)

    def content_words(self, text: str) -> list[Token]:
        """Return the content words of a knowledge phrase (no correction, no intent)."""
        words = self.canonical.rewrite(tokens(text))
        kept = self._drop_framing(list(words))
        return kept or [w for w in words if not w.isdigit()]

    def analyze(self, question: str) -> Analysis:
        """Analyse a question typed by a user."""
        text = clean(question)[:MAX_MATCHED_CHARS]
        folded = fold_diacritics(text)
        years = tuple(int(y) for y in _YEAR.findall(folded))
        years += tuple(int(y) for y in _DATE.findall(folded) if len(y) == 4)
        codes, target_number = _codes(" ".join(fold(text).split()), folded)
        # Numbers that name a section ("mục 2.2", "chỉ tiêu số 3") are not figures.
        figures_text = _TARGET_NUMBER.sub(" ", _ARABIC_CODE.sub(" ", _DATE.sub(" ", folded)))
        numbers = _numbers(figures_text)
        words = self.canonical.rewrite(tokens(text))
        count = self._count_intent(words)
        sides = set(self.side_words.take(words)[1])
        side = sides.pop() if len(sides) == 1 else None
        # "Nghị quyết Hội nghị lần thứ 20 do ai ký": the resolution's own name is context.
        rest, named = self.document_names.take(words)
        if named and self._drop_framing(list(rest)):
            words = rest
            # Its numbers ("lần thứ 20") belong to the name, not to the question.
            in_names = {float(n) for name in named for n in re.findall(r"\d+", name)}
            numbers = tuple(n for n in numbers if n not in in_names)
        words, units = self.units.take(words)
        units += [sign for sign in ("%", "‰") if sign in text]
        words, provinces = self.provinces.take(words)
        words, districts = self.districts.take(words)
        words, _ = self.home.take(words)
        words = self._drop_framing(words)
        return Analysis(
            text=text,
            words=self._correct_all(words),
            numbers=numbers,
            years=years,
            provinces=tuple(dict.fromkeys(provinces)),
            districts=tuple(dict.fromkeys(districts)),
            count=count,
            side=side,
            units=tuple(dict.fromkeys(units)),
            codes=codes,
            target_number=target_number,
        )

    def _drop_framing(self, words: list[Token]) -> list[Token]:
        words, _ = self.stop_phrases.take(words)
        words = [w for w in words if self._is_stop_word(w) is not True]
        while words and self.tails.match_at(words, len(words) - 1):
            words.pop()
        return [w for w in words if not w[0].isdigit()]

    def _is_stop_word(self, token: Token) -> bool | None:
        """Return whether a word carries no meaning here; None when it cannot be told.

        Typed with diacritics, it must be the stop word itself ("để", not "đề"); typed
        bare, it is dropped when the knowledge base has no word spelled so, and undecided
        when it has one ("cua" may be "của" or "cửa khẩu").
        """
        tones = self.stop_words.get(token)
        if tones is None:
            return False
        if token.tone is not None:
            return any(tones_agree(token.tone, t) for t in tones)
        if None in tones or token not in self._known_set:
            return True
        return None

    def _count_intent(self, words: list[Token]) -> str | None:
        """Remove "bao nhiêu chỉ tiêu" and the like; return what is counted, if asked."""
        for start in range(len(words)):
            counting = self.count_words.match_at(words, start)
            if counting is None or start + counting[0] >= len(words):
                continue
            noun = self.count_nouns.match_at(words, start + counting[0])
            if noun is not None:
                del words[start : start + counting[0] + noun[0]]
                return noun[1]
        return None

    def _correct_all(self, words: list[Token]) -> tuple[Word, ...]:
        out: list[Word] = []
        for index, word in enumerate(words):
            if word in self._known_set or len(word) < CORRECTION_MIN_LENGTH:
                known_tones = self._tones.get(word, set())
                if (
                    word.tone
                    and known_tones
                    and not any(tones_agree(word.tone, t) for t in known_tones)
                ):
                    # Typed with a tone the knowledge base never has for this spelling
                    # ("cận" where it has "cán", "cần"): another word, unknown to it.
                    out.append(Word(word.tone, 0.0, word))
                else:
                    maybe_stop = self._is_stop_word(word) is None
                    emphasis = AMBIGUOUS_STOP_EMPHASIS if maybe_stop else 1.0
                    out.append(Word(word, tone=word.tone, emphasis=emphasis))
            elif not _SYLLABLE.fullmatch(word):
                out += self._correct_non_word(word)
            else:
                before = words[index - 1] if index else None
                after = words[index + 1] if index + 1 < len(words) else None
                out.append(self._correct_in_context(word, before, after))
        return tuple(out)

    def _correct_non_word(self, word: str) -> list[Word]:
        """Correct a word that is no Vietnamese syllable: split it, or find the closest."""
        for cut in range(1, len(word)):
            head, tail = word[:cut], word[cut:]
            if head in self._known_set and tail in self._known_set:
                return [Word(head, 1.0, word), Word(tail, 1.0, word)]
        cached = self._corrections.get(word)
        if cached is None:
            best = process.extractOne(
                word,
                self.known,
                scorer=OSA.normalized_similarity,
                processor=None,
                score_cutoff=CORRECTION_MIN_SIMILARITY / 100,
            )
            cached = Word(best[0], float(best[1]), word) if best else Word(word, 0.0, word)
            self._corrections[word] = cached
        return [cached]

    def _correct_in_context(self, word: str, before: str | None, after: str | None) -> Word:
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
    match = _SYLLABLE.fullmatch(word)
    if match is None:
        return None
    # "ngh" and "gh" are how "ng" and "g" are spelled before i, e, ê: one consonant.
    onset = {"ngh": "ng", "gh": "g"}.get(match.group("onset") or "", match.group("onset") or "")
    return onset, match.group("final") or ""


def _numbers(folded: str) -> tuple[float, ...]:
    values: list[float] = []
    for match in NUMBER_TOKEN.finditer(folded):
        if _YEAR.fullmatch(match.group()):
            continue
        try:
            number = parse_user_number(match.group())
        except NumberFormatError:
            continue
        values += [number.value, *number.alternatives]
    return tuple(values)


def _codes(words: str, folded: str) -> tuple[tuple[str, ...], int | None]:
    """Return section codes named in the question ('II.1.3.(1)', 'II.2.2', 'III.2', 'I')."""
    found: list[str] = []
    for match in _ARABIC_CODE.finditer(folded):
        _, top, sub, num_a, num_b = match.groups()
        number = num_a or num_b
        code = f"II.{top}.{sub}" + (f".({number})" if number else "")
        found.append(code)
    if not found:
        for match in _ROMAN_CODE.finditer(folded):
            roman, top, sub, number = match.groups()
            context = match.group(0).strip() != roman
            if not (context or top):
                continue
            code = roman.upper() + "".join(f".{p}" for p in (top, sub) if p)
            if number:
                code += f".({number})"
            found.append(code)
    target = _TARGET_NUMBER.search(words)
    return tuple(dict.fromkeys(found)), int(target.group(1)) if target and not found else None
