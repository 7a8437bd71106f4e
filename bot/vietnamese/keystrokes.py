"""Decode Telex and VNI keystrokes typed with the Vietnamese input method switched off.

"kim ngachj xuaats khaaur" is "kim ngạch xuất khẩu" typed in Telex, "ba3o hie63m" is
"bảo hiểm" typed in VNI. A word is decoded only when, as typed, it is no Vietnamese
syllable and its decoding is one, so unaccented words ("rung", "nam"), numbers ("2020"),
abbreviations ("grdp", "UBND") and most English ("ok", "wifi") stay as they were typed.

This module also holds :data:`SYLLABLE`, the shape of a folded Vietnamese syllable.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

#: The shape of a folded Vietnamese syllable (no diacritics, đ → d): onset, vowel nucleus,
#: final consonant.
SYLLABLE = re.compile(
    r"(?P<onset>ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?P<nucleus>uye|uya|ieu|yeu|uoi|uou|oai|oay|oeo|uay|"
    r"ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|[aeiouy])"
    r"(?P<final>ng|nh|ch|[cmnpt])?"
)


def is_syllable(word: str) -> bool:
    """Return whether a folded word has the shape of a Vietnamese syllable."""
    return SYLLABLE.fullmatch(word) is not None


_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_TELEX_TONES = {"s": _ACUTE, "f": _GRAVE, "r": _HOOK, "x": _TILDE, "j": _DOT}
# A Telex letter typed twice: "aa" → "â", "dd" → "đ".
_TELEX_DOUBLED = {"a": "â", "e": "ê", "o": "ô", "d": "đ"}
_TELEX_W = {"u": "ư", "o": "ơ", "a": "ă"}
_VNI_TONES = {"1": _ACUTE, "2": _GRAVE, "3": _HOOK, "4": _TILDE, "5": _DOT}
_VNI_MARKS = {
    "6": {"a": "â", "e": "ê", "o": "ô"},
    "7": {"u": "ư", "o": "ơ"},
    "8": {"a": "ă"},
    "9": {"d": "đ"},
}
_VOWELS = frozenset("aeiouy")
_TONE_MARKS = frozenset((_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT))
# The marks a letter can take, for a key a typist left out ("noij" for "nooij").
_MARKABLE = {"a": "âă", "e": "ê", "o": "ôơ", "u": "ư", "d": "đ"}
_UNMARK = str.maketrans("ăâêôơưđ", "aaeooud")
_TONED = {
    tone: {vowel: unicodedata.normalize("NFC", vowel + tone) for vowel in "aăâeêioôơuưy"}
    for tone in (_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT)
}


def _tone_position(nucleus: str, closed: bool) -> int:
    """Return where the tone mark goes: "người", "toán", "khuya", "của" (old style "hòa")."""
    for position in range(len(nucleus) - 1, -1, -1):
        if nucleus[position] in "ăâêôơư":
            return position
    if closed:
        return len(nucleus) - 1
    return 1 if len(nucleus) == 3 else 0


# Vowel groups of Vietnamese by whether a syllable may end in them (open: "ai", "ươi") and
# whether a final consonant may follow them (closed: "iên", "ương").
_VOWEL_GROUPS = {
    (False, True): "ă â iê yê uô ươ oă uâ uyê oo",
    (True, False): "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu uơ "
    "iêu yêu oai oay oeo uây uôi ươi ươu uya",
    (True, True): "a e ê i y o ô ơ u ư oa oe uê uy",
}
# Where each vowel group puts the tone, open and closed; None where it cannot be spelled so.
_NUCLEI = {
    group: (
        _tone_position(group, closed=False) if open_ else None,
        _tone_position(group, closed=True) if closed else None,
    )
    for (open_, closed), groups in _VOWEL_GROUPS.items()
    for group in groups.split()
}
# A syllable closed by a stop consonant can only carry the sắc or nặng tone ("các", "học").
_STOP_FINALS = frozenset(["c", "ch", "p", "t"])
# Words of chat that Telex would turn into a syllable ("as" → "á", "sos" → "só", "visa" →
# "vía"), more likely meant as typed than as the syllables they decode to. Telex words that
# read as English but decode to common Vietnamese words are decoded: "cos" (có), "max" (mã),
# "sex" (sẽ), "car" (cả).
_ENGLISH = frozenset(["as", "is", "of", "if", "or", "us", "per", "test", "post"])
_LOANWORDS = frozenset(["sos", "bus", "gas", "pos", "visa", "taxi", "usa", "imf"])


_WORD = re.compile(r"[^\W_]+")


def decode_word(word: str) -> str | None:
    """Return the Vietnamese syllable that a word's Telex or VNI keystrokes spell, if any.

    A word whose only VNI key is its last digit ("la2", "quy1") is left alone: alone it is
    more likely a number glued to a word; :func:`decode_text` decodes it in VNI company.
    """
    return _decode(word, vni_typed=False)


def decode_text(
    text: str, *, keep: Container[str] = frozenset(), known: Container[str] | None = None
) -> str:
    """Return the text with every word typed as Telex or VNI keystrokes decoded.

    Words in ``keep`` (lower case) stay as typed: abbreviations and chat shorthand that
    read as keystrokes too ("tw" is Trung ương, and "tư" in Telex). With ``known`` (the
    :func:`spelling_key` of every word the reader knows), a decoded word it does not know
    takes the one vowel mark a typist left out that makes it known ("noij" is "nội").
    """
    words = {word for word in _WORD.findall(text) if word.lower() not in keep}
    decoded = {word: out for word in words if (out := _decode(word, vni_typed=False, known=known))}
    # A question with a word surely typed in VNI ("ru72ng") is typed in VNI throughout, so
    # its "la2" and "ty3" are tones typed last, not numbers glued to words.
    if any(not word.isalpha() for word in decoded):
        for word in words - decoded.keys():
            out = _decode(word, vni_typed=True, known=known)
            if out is not None:
                decoded[word] = out
    return _WORD.sub(lambda match: decoded.get(match.group(), match.group()), text)


def spelling_key(word: str) -> str:
    """Return a word lower-cased with its tone mark last, wherever it was placed.

    "hòa" and "hoà" (old and new tone placement) have one key.
    """
    decomposed = unicodedata.normalize("NFD", word.casefold())
    tones = "".join(c for c in decomposed if c in _TONE_MARKS)
    base = "".join(c for c in decomposed if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", base) + tones


def _decode(word: str, *, vni_typed: bool, known: Container[str] | None = None) -> str | None:
    """Return the syllable a word's keystrokes spell; ``vni_typed`` when its text is VNI."""
    if not word.isascii() or not word.isalnum():
        return None
    lower = word.lower()
    # Vietnamese spells "oo" only in a few loanwords ("xoong", "boong"); elsewhere it is the
    # Telex "ô" of "khoong", "thoong", "noong", which the syllable shape would let through.
    if lower.isdigit() or (SYLLABLE.fullmatch(lower) and "oo" not in lower):
        return None
    # Abbreviations are typed in capitals (USD, GRDP, SOS, A4), keystrokes hardly ever.
    if (len(word) > 1 and word.isupper()) or lower in _ENGLISH or lower in _LOANWORDS:
        return None
    keyed = _telex(lower) if lower.isalpha() else _vni(lower, vni_typed=vni_typed)
    if keyed is None:
        return None
    syllable = _spell(*keyed)
    if syllable is not None and known is not None and spelling_key(syllable) not in known:
        syllable = _with_mark_left_out(*keyed, known) or syllable
    if syllable is not None and word[0].isupper():
        syllable = syllable[0].upper() + syllable[1:]
    return syllable


def _telex(lower: str) -> tuple[str, str] | None:
    """Return the letters and tone mark a word's Telex keys spell, or None if it has none."""
    letters: list[str] = []
    tone = ""
    has_vowel = False
    keys = 0
    tone_keys = 0
    for char in lower:
        if has_vowel and char in _TELEX_TONES:
            tone_keys += 1
            tone = _TELEX_TONES[char]
        elif has_vowel and char == "z":
            tone = ""  # the key that takes a tone back ("toansz" is "toan")
        elif char == "w":
            if not _mark_last(letters, _TELEX_W):
                if letters and not has_vowel:
                    # "w" alone is "ư" after an onset ("rwngf" → "rừng"). It is kept at the
                    # start of a word, where chat spells "qu" with it ("wa" → "quá").
                    letters.append("ư")
                    has_vowel = True
                else:
                    return None
        elif letters and letters[-1] == char and char in _TELEX_DOUBLED:
            letters[-1] = _TELEX_DOUBLED[char]
        else:
            letters.append(char)
            has_vowel = has_vowel or char in _VOWELS
            continue
        keys += 1
    # Two tone keys are a correction or no Telex at all ("virus", "sorry", "mass").
    if keys == 0 or tone_keys > 1:
        return None
    return "".join(letters), tone


def _vni(lower: str, *, vni_typed: bool) -> tuple[str, str] | None:
    """Return the letters and tone mark a word's VNI keys (digits) spell, or None."""
    # Outside VNI text, one digit at the end is a number glued to a word ("quy1", "thang6",
    # "dieu3") more often than the one key of a word ("la2", "co1").
    if not vni_typed and lower[-1].isdigit() and sum(c.isdigit() for c in lower) == 1:
        return None
    letters: list[str] = []
    tone = ""
    has_vowel = False
    for char in lower:
        if char in _VNI_TONES:
            if tone or not has_vowel:
                return None
            tone = _VNI_TONES[char]
        elif char in _VNI_MARKS:
            if not _mark_last(letters, _VNI_MARKS[char]):
                return None
        elif char == "0":
            return None  # it takes a tone back in VNI, but inside a word it is a number
        else:
            letters.append(char)
            has_vowel = has_vowel or char in _VOWELS
    return "".join(letters), tone


def _with_mark_left_out(letters: str, tone: str, known: Container[str]) -> str | None:
    """Return the one known syllable spelled with one more vowel mark or "đ", if one.

    "noij" spells "nọi", no word; the typist meant "nội" ("nooij") and left a key out.
    """
    found = set()
    for at, letter in enumerate(letters):
        for marked in _MARKABLE.get(letter, ""):
            if letter == "d" and at > 0:
                continue
            spelled = _spell(letters[:at] + marked + letters[at + 1 :], tone)
            if spelled is not None and spelling_key(spelled) in known:
                found.add(spelled)
    return found.pop() if len(found) == 1 else None


def _mark_last(letters: list[str], marked: dict[str, str]) -> bool:
    """Put a mark on the last letter that can take it; return whether there was one."""
    for position in range(len(letters) - 1, -1, -1):
        letter = marked.get(letters[position])
        if letter is not None:
            letters[position] = letter
            return True
    return False


def _spell(letters: str, tone: str) -> str | None:
    """Return the syllable the marked letters and tone spell, or None when there is none."""
    match = SYLLABLE.fullmatch(letters.translate(_UNMARK))
    if match is None:
        return None
    start, end = match.span("nucleus")
    onset, nucleus, final = letters[:start], letters[start:end], letters[end:]
    # Vowel marks belong to the nucleus; "đ" can only start the word.
    if not (onset[1:].isascii() and final.isascii()):
        return None
    # Typists mark one vowel of "ươ" and leave the other: "dduwongf", "nguowif", "duo7ng".
    if nucleus[:2] in ("ưo", "uơ") and (final or len(nucleus) == 3):
        nucleus = "ươ" + nucleus[2:]
    positions = _NUCLEI.get(nucleus)
    if positions is None:
        return None
    at = positions[1] if final else positions[0]
    if at is None or (final in _STOP_FINALS and tone not in (_ACUTE, _DOT)):
        return None
    if tone:
        nucleus = nucleus[:at] + _TONED[tone][nucleus[at]] + nucleus[at + 1 :]
    return onset + nucleus + final
