"""Word sequences of folded Vietnamese: tokens that keep their tone, phrase maps and sets.

Shared by question analysis, and next by submissions and schedules: everything here works
on the folded key of :mod:`bot.vietnamese.text`, with the typed tone riding along.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Container, Iterable, Sequence

from bot.vietnamese.text import fold, has_diacritics, tones_agree, words_with_tones


class Token(str):
    """A folded word that remembers its tone key (None when typed without diacritics).

    It compares and hashes as the folded word, so phrase lookups work on folded text
    while the tone rides along to tell "kỳ" from "ký" when the user typed it.
    """

    tone: str | None

    def __new__(cls, word: str, tone: str | None = None) -> Token:
        token = super().__new__(cls, word)
        token.tone = tone
        return token


def tokens(text: str) -> list[Token]:
    """Return the folded words of a text as tokens carrying their tone keys.

    One reply reads the same texts many times (the whole message, its parts, each stage
    of the analysis): the latest are kept (a Token is never changed once made).
    """
    return list(_tokens(text))


@functools.lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[Token, ...]:
    return tuple(Token(word, tone) for word, tone in words_with_tones(text))


def _level(token: Token) -> Token:
    """Return a bare word as the level-tone word it spells ("con" → tone key "con0")."""
    if token.tone is None and token.isascii() and token.isalpha():
        return Token(token, f"{token}0")
    return token


def as_typed(text: str) -> list[Token]:
    """Return the tokens of ``text``; in a text typed with its marks, a bare word is the
    level-tone word it spells ("rừng trong nghị quyết" has no "trồng")."""
    words = tokens(text)
    return [_level(w) for w in words] if has_diacritics(text) else words


class PhraseMap:
    """Rewrite word sequences (folded) to canonical ones, longest match first."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._map: dict[tuple[str, ...], tuple[tuple[Token, ...], tuple[Token, ...]]] = {}
        for source, target in pairs:
            typed = tuple(tokens(source))
            # (the words as tokens spell them: "Mỹ" is read "mi", as in a question)
            key = tuple(str(t) for t in typed)
            if key and key not in self._map:
                self._map[key] = (typed, tuple(tokens(target)))
        self._longest = max((len(k) for k in self._map), default=0)

    def rewrite(self, words: Sequence[Token]) -> list[Token]:
        """Return the words with every known phrase replaced by its canonical form.

        A word typed with its tone must carry the phrase's ("đó là" is not "đô la").
        """
        out: list[Token] = []
        i = 0
        while i < len(words):
            for size in range(min(self._longest, len(words) - i), 0, -1):
                found = self._map.get(tuple(words[i : i + size]))
                if found is not None and all(
                    tones_agree(getattr(w, "tone", None), p.tone)
                    for w, p in zip(words[i : i + size], found[0], strict=True)
                ):
                    out += found[1]
                    i += size
                    break
            else:
                out.append(words[i])
                i += 1
        return out


class PhraseSet:
    """Phrases (folded word sequences) found left to right, the longest at each position."""

    def __init__(
        self,
        phrases: Iterable[str],
        values: Iterable[str] | None = None,
        *,
        bare_is_level: bool = False,
    ) -> None:
        """``bare_is_level``: a phrase's word written without diacritics is that very word,
        level tone ("con" is not "còn", "ha" not "Hà"), not any word typed bare."""
        names = list(phrases)
        labels = list(values) if values is not None else [" ".join(fold(p).split()) for p in names]
        self._by_first: dict[str, list[tuple[tuple[Token, ...], str]]] = defaultdict(list)
        for phrase, label in zip(names, labels, strict=True):
            key = tuple(tokens(phrase))
            if bare_is_level:
                key = tuple(_level(t) for t in key)
            if key:
                self._by_first[key[0]].append((key, label))
        for options in self._by_first.values():
            options.sort(key=lambda option: -len(option[0]))
        self._firsts = frozenset(self._by_first)

    def could_match(self, words: Sequence[str]) -> bool:
        """Return whether some phrase may start among ``words`` (a quick look, first words)."""
        return not self._firsts.isdisjoint(words)

    def match_at(self, words: Sequence[str], start: int) -> tuple[int, str] | None:
        """Return (length, label) of the longest phrase starting at ``start``, if any."""
        for phrase, label in self._by_first.get(words[start], ()):
            typed = words[start : start + len(phrase)]
            if tuple(typed) == phrase and all(
                tones_agree(getattr(w, "tone", None), p.tone)
                for w, p in zip(typed, phrase, strict=True)
            ):
                return len(phrase), label
        return None

    def take(
        self, words: list[Token], *, keep: Container[str] = (), keep_first: int = 0
    ) -> tuple[list[Token], list[str]]:
        """Return the words without the phrases, and the labels of the phrases found.

        The words of a phrase whose label is in ``keep`` stay (found all the same), and so do
        the first ``keep_first`` words of every phrase found ("cửa khẩu" of "cửa khẩu Tà Lùng").
        """
        if self._firsts.isdisjoint(words):
            return list(words), []
        kept: list[Token] = []
        found: list[str] = []
        i = 0
        while i < len(words):
            match = self.match_at(words, i) if words[i] in self._firsts else None
            if match is None:
                kept.append(words[i])
                i += 1
            else:
                found.append(match[1])
                kept += words[i : i + (match[0] if match[1] in keep else keep_first)]
                i += match[0]
        return kept, found
