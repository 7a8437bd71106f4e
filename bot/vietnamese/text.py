"""Vietnamese text as phones type it: Unicode forms, diacritics, tone placement, i/y, case.

Matching works on a *folded key*: NFKC (which also composes NFD text and the combining
marks of the Windows keyboard), invisible characters removed, casefolded, đ → d, every
diacritic dropped, "y" after consonants unified with "i" (sĩ/sỹ, tỉ/tỷ, lí/lý) and "qui" →
"quy". The key is the same for "Tỷ lệ che phủ rừng", "ty le che phu rung", "TỈ LỆ CHE PHỦ
RỪNG" and the NFD form of any of them, and for both tone placements (hoà/hòa, uỷ/ủy),
since the tone marks are dropped altogether.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Zero-width characters, word joiner, BOM and soft hyphen come with pasted text.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Eth (Icelandic) looks like Đ and comes out of legacy converters; NFD never decomposes đ.
_D_STROKE = str.maketrans({"đ": "d", "ð": "d"})
# "y" after consonants only: ty -> ti, sy -> si, ky -> ki, ly -> li (not uy, ay, ây, quy).
_Y_AFTER_CONSONANT = re.compile(r"\b([bcdghklmnprstvx]{1,3})y\b")
_QUI = re.compile(r"\bqui\b")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


#: The combining diacritical mark blocks (Vietnamese tones and vowel marks are in the first).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def clean(text: str) -> str:
    """Return the text in NFKC, without invisible or control characters, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    text = _CONTROL.sub(" ", text)
    return " ".join(text.split())


@functools.lru_cache(maxsize=4096)
def fold_diacritics(text: str) -> str:
    """Return the text casefolded, without diacritics, đ → d, keeping punctuation."""
    text = clean(text).casefold().translate(_D_STROKE)
    return _COMBINING.sub("", unicodedata.normalize("NFD", text))


def ascii_words(text: str) -> list[str]:
    """Return the words of a text without diacritics, quickly (for cheap pre-checks).

    Close to ``fold(text).split()`` for Vietnamese, without the i/y unification and with
    anything beyond ASCII dropped; a few times faster, so a rare path can be ruled out first.
    """
    decomposed = unicodedata.normalize("NFD", text.casefold().translate(_D_STROKE))
    return _NON_WORD.sub(" ", decomposed.encode("ascii", "ignore").decode()).split()


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Return the matching key of a text: folded words of ASCII letters and digits.

    Kept for the latest texts: one reply folds the same question (and the same item
    wording) many times.
    """
    words = _NON_WORD.sub(" ", fold_diacritics(text))
    words = _Y_AFTER_CONSONANT.sub(r"\1i", words)
    words = _QUI.sub("quy", words)
    return " ".join(words.split())


def padded_fold(text: str) -> str:
    """Return a text folded (:func:`fold`), a space at each end: a folded phrase padded the
    same way is in it only as whole words (" dan so " is in " ty le tang dan so ")."""
    return f" {fold(text)} "


# Tone marks (huyền, sắc, ngã, hỏi, nặng) and the digit each tone is keyed by; 0 is ngang.
_TONES = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}
_WORD = re.compile(r"[^\W_]+")


def tone_key(word: str) -> str | None:
    """Return a key of a word that keeps its tone, whichever vowel carries the mark.

    "hoà" and "hòa" give "hoa2", "kỳ" gives "ki2" and "ký" "ki1", "sĩ" and "sỹ" both "si4".
    A word typed without any diacritic gives None: it may be ngang or typed bare.
    """
    word = clean(word).casefold()
    decomposed = unicodedata.normalize("NFD", word)
    if decomposed == word and "đ" not in word:
        return None
    tone = next((_TONES[c] for c in decomposed if c in _TONES), "0")
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    base = _QUI.sub("quy", _Y_AFTER_CONSONANT.sub(r"\1i", base))
    return base + tone


def tones_agree(typed: str | None, known: str | None) -> bool:
    """Return whether a typed word may be the known word, judging by their tone keys.

    A word typed bare (None) may be any word; a word typed with vowel marks but no tone
    mark ("tôc") may have lost its tone, so only its vowels must agree with "tốc"; a word
    typed with a tone mark must carry the known tone ("cận" is not "cán").
    """
    if typed is None or known is None or typed == known:
        return True
    return typed.endswith("0") and typed[:-1] == known[:-1]


def words_with_tones(text: str) -> list[tuple[str, str | None]]:
    """Return the folded words of a text, each with its tone key (None if typed bare)."""
    out: list[tuple[str, str | None]] = []
    for raw in _WORD.findall(clean(text).casefold()):
        out += _word_keys(raw)
    return out


@functools.lru_cache(maxsize=65536)
def _word_keys(raw: str) -> tuple[tuple[str, str | None], ...]:
    folded = fold(raw).split()
    tone = tone_key(raw) if len(folded) == 1 else None
    return tuple((word, tone) for word in folded)


def has_diacritics(text: str) -> bool:
    """Return whether the text carries any Vietnamese diacritic or đ."""
    return fold_diacritics(text) != clean(text).casefold()


def question_key(text: str) -> str:
    """Return the normalized form of a question, used to group questions in the log."""
    return fold(text)
