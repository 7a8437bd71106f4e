"""Decoding Telex and VNI keystrokes typed with the Vietnamese input method off."""

import re
import unicodedata
from pathlib import Path

import pytest

from bot.vietnamese.keystrokes import decode_text, decode_word, is_syllable, spelling_key
from bot.vietnamese.text import fold_diacritics, tone_key

ROOT = Path(__file__).resolve().parent.parent

TELEX = [
    ("ngachj", "ngạch"),
    ("xuaats", "xuất"),
    ("khaaur", "khẩu"),
    ("baor", "bảo"),
    ("hieemr", "hiểm"),
    ("tees", "tế"),
    ("dduwowngf", "đường"),
    ("dduwongf", "đường"),  # one "w" marks both vowels of "ươ"
    ("nguwowif", "người"),
    ("nguowif", "người"),
    ("tyr", "tỷ"),
    ("leej", "lệ"),
    ("chir", "chỉ"),
    ("tieeu", "tiêu"),
    ("rwngf", "rừng"),  # "w" alone after an onset is "ư"
    ("rungf", "rùng"),  # "rừng" typed without its "w": decoded as typed
    ("nawm", "năm"),
    ("quyeets", "quyết"),
    ("nghiax", "nghĩa"),
    ("gif", "gì"),
    ("giuwax", "giữa"),
    ("khoong", "không"),
    ("thoong", "thông"),
    ("noong", "nông"),
    ("mowis", "mới"),
    ("ddangr", "đảng"),
    ("vieejt", "việt"),  # tone typed before the final consonant
    ("chisnh", "chính"),
    ("tosan", "toán"),  # tone typed after the first vowel
    ("hojc", "học"),
    ("xaay", "xây"),
    ("dwngj", "dựng"),
    ("truwowngr", "trưởng"),
    ("thuowr", "thuở"),  # "uơ" with no final consonant keeps its "u"
    ("hoaf", "hòa"),  # tone on the first vowel of "oa", "oe", "uy" (old style)
    ("khoer", "khỏe"),
    ("thuyr", "thủy"),
    ("khuyeens", "khuyến"),
    ("nguyeenx", "nguyễn"),
    ("ys", "ý"),
    ("aj", "ạ"),
    ("cos", "có"),
    ("toansz", "toan"),  # "z" takes the tone back
    ("Tinhr", "Tỉnh"),
    ("Ddaf", "Đà"),
    ("DDuwowngf", "Đường"),
]

VNI = [
    ("tho6n", "thôn"),
    ("mo71i", "mới"),
    ("ru72ng", "rừng"),
    ("d9u7o7ng2", "đường"),
    ("ba3o", "bảo"),
    ("hie63m", "hiểm"),
    ("xua61t", "xuất"),
    ("kha63u", "khẩu"),
    ("nga5ch", "ngạch"),
    ("te61", "tế"),
    ("le65", "lệ"),
    ("nu7o71c", "nước"),
    ("nguo7i2", "người"),  # one "7" marks both vowels of "ươ"
    ("duo7ng", "dương"),
    ("d9a3ng", "đảng"),
    ("vie65t", "việt"),
    ("na8m", "năm"),
    ("quye61t", "quyết"),
    ("kho6ng", "không"),
    ("tru7o73ng", "trưởng"),
    ("D9a2", "Đà"),
]

NOT_KEYSTROKES = [
    # unaccented Vietnamese: already a syllable
    "che",
    "phu",
    "rung",
    "nam",
    "xuat",
    "khau",
    "tang",
    "truong",
    "nghi",
    "quyet",
    "kim",
    "y",
    # two syllables glued together
    "xuatkhau",
    # abbreviations and chat shorthand
    "usd",
    "grdp",
    "bhyt",
    "ntm",
    "xnk",
    "thcs",
    "ubnd",
    "bn",
    "ko",
    "dc",
    "wa",  # chat "quá": a "w" starting a word is no Telex "ư"
    # capitals are abbreviations, even those Telex would read ("sô", "ã", "tỷ")
    "USD",
    "SOS",
    "A4",
    "TYR",
    # English
    "ok",
    "sms",
    "wifi",
    "for",
    "as",
    "is",
    "of",
    "if",
    "sos",
    "test",
    "virus",  # two tone keys: not how anyone types a syllable
    "sorry",
    "visa",
    "taxi",
    "data",  # "dât": a syllable ending in "t" takes only the sắc or nặng tone
    "yes",  # "yé": "ye" is always written "yê"
    # numbers, and digits that are no VNI keys
    "2020",
    "13",
    "g7",
    "b2b",
    "4g",
    "covid19",
    "f0",
    "u23",
    "nam2020",
    # one digit at the end: a number glued to a word, outside VNI text
    "quy1",
    "thang6",
    "dieu3",
    "la2",
    # already typed with diacritics
    "rừng",
    "tỉnhr",
]


@pytest.mark.parametrize(("typed", "word"), TELEX)
def test_telex_keystrokes_spell_the_word(typed: str, word: str) -> None:
    assert decode_word(typed) == word


@pytest.mark.parametrize(("typed", "word"), VNI)
def test_vni_keystrokes_spell_the_word(typed: str, word: str) -> None:
    assert decode_word(typed) == word


@pytest.mark.parametrize("typed", NOT_KEYSTROKES)
def test_words_that_are_not_keystrokes_stay_as_typed(typed: str) -> None:
    assert decode_word(typed) is None


@pytest.mark.parametrize("word", [word for _, word in TELEX + VNI])
def test_decoded_words_are_nfc_syllables(word: str) -> None:
    assert unicodedata.is_normalized("NFC", word)
    assert is_syllable(fold_diacritics(word))


@pytest.mark.parametrize(
    ("question", "decoded"),
    [
        ("kim ngachj xuaats khaaur nawm 2020 bn", "kim ngạch xuất khẩu năm 2020 bn"),
        ("tyr leej che phur rwngf laf bao nhieeu?", "tỷ lệ che phủ rừng là bao nhiêu?"),
        ("baor hieemr y tees ddajt bao nhieeu %", "bảo hiểm y tế đạt bao nhiêu %"),
        ("Chir tieeu daan toocj thieeur soos", "Chỉ tiêu dân tộc thiểu số"),
        (
            "cho em hoir GRDP binh quaan ddaauf nguwowif",
            "cho em hỏi GRDP binh quân đầu người",
        ),
        ("thu ngaan sachs 1.800 tyr ddoongf", "thu ngân sách 1.800 tỷ đồng"),
        (
            "tyr leej hooj ngheof giarm conf bn %/nawm?",
            "tỷ lệ hộ nghèo giảm còn bn %/năm?",
        ),
        ("SOS: dduwowngf giao thoong 4G/5G, covid19", "SOS: đường giao thông 4G/5G, covid19"),
        (
            "ban hành NQ số 13 ngày 20/10/2020 ddeer lamf gif",
            "ban hành NQ số 13 ngày 20/10/2020 để làm gì",
        ),
        # VNI throughout: the words keyed only by their last digit are decoded too
        (
            "ty3 le65 che phu3 ru72ng la2 bao nhie6u a5",
            "tỷ lệ che phủ rừng là bao nhiêu ạ",
        ),
        ("xa4 d9a5t chua63n no6ng tho6n mo71i", "xã đạt chuẩn nông thôn mới"),
        # no VNI word: "dieu3", "quy1" are numbers glued to words
        ("dieu3 quy1 nam 2020 co bao nhieu chi tieu", "dieu3 quy1 nam 2020 co bao nhieu chi tieu"),
        ("", ""),
    ],
)
def test_questions_are_decoded_word_by_word(question: str, decoded: str) -> None:
    assert decode_text(question) == decoded


#: Words a reader knows (the resolution's and the vocabulary's, in the analyzer).
KNOWN = frozenset(
    spelling_key(w)
    for w in ["nội", "địa", "năm", "nhiêu", "tỷ", "lệ", "hộ", "nghèo", "mới", "hoà"]
)


@pytest.mark.parametrize(
    ("typed", "decoded"),
    [
        ("thu noij ddiaj", "thu nội địa"),  # "nooij": the circumflex key left out
        ("nawm 2020 bao nhieu", "năm 2020 bao nhieu"),
        ("hoj ngheo", "hộ ngheo"),
        ("dang vien mois", "dang vien mới"),
        ("hoaf", "hòa"),  # known as typed (in either tone placement): as typed
        ("gias lua", "giá lua"),  # no known word near: as typed
        ("noij", "nội"),
    ],
)
def test_a_vowel_key_left_out_gives_the_one_known_word(typed: str, decoded: str) -> None:
    assert decode_text(typed, known=KNOWN) == decoded


def test_without_known_words_keystrokes_spell_what_was_typed() -> None:
    assert decode_text("thu noij ddiaj") == "thu nọi địa"


def test_a_spelling_key_ignores_where_the_tone_is_placed() -> None:
    assert spelling_key("hòa") == spelling_key("hoà") == spelling_key("HOÀ")
    assert spelling_key("tôi") != spelling_key("tối")


def test_words_to_keep_stay_as_typed() -> None:
    # "tw" is the vocabulary's Trung ương, and "tư" in Telex.
    assert decode_text("nghij quyeets tw") == "nghị quyết tư"
    assert decode_text("nghij quyeets tw", keep={"tw"}) == "nghị quyết tw"


TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng
# The keys of each tone mark, vowel mark (circumflex, breve, horn) and of "đ".
TELEX_KEYS = dict(zip(TONE_MARKS, "sfrxj", strict=True)) | {
    "\u0302": "{base}",
    "\u0306": "w",
    "\u031b": "w",
    "đ": "dd",
}
VNI_KEYS = dict(zip(TONE_MARKS, "12345", strict=True)) | {
    "\u0302": "6",
    "\u0306": "8",
    "\u031b": "7",
    "đ": "d9",
}


def keystrokes(word: str, keys_of: dict[str, str], *, tone_last: bool) -> str:
    """Return the keys that type a word: each letter, then its marks; the tone last or not."""
    keys, tone = [], ""
    for letter in word:
        if letter == "đ":
            keys.append(keys_of["đ"])
            continue
        decomposed = unicodedata.normalize("NFD", letter)
        base = decomposed[0]
        keys.append(base)
        for mark in decomposed[1:]:
            if mark in TONE_MARKS and tone_last:
                tone = keys_of[mark]
            else:
                keys.append(keys_of[mark].format(base=base))
    return "".join(keys) + tone


def knowledge_syllables() -> list[str]:
    """Return the words with diacritics of the knowledge file that are one syllable."""
    text = unicodedata.normalize("NFC", (ROOT / "knowledge" / "resolution.yaml").read_text())
    words = set(re.findall(r"[^\W\d_]+", text.lower()))
    return sorted(w for w in words if not w.isascii() and is_syllable(fold_diacritics(w)))


def test_every_word_of_the_knowledge_file_typed_as_keystrokes_is_decoded() -> None:
    words = knowledge_syllables()
    assert len(words) > 300
    wrong = []
    for word in words:
        typed = [
            keystrokes(word, TELEX_KEYS, tone_last=True),
            keystrokes(word, TELEX_KEYS, tone_last=False),
            keystrokes(word, VNI_KEYS, tone_last=True),
            keystrokes(word, VNI_KEYS, tone_last=False),
        ]
        for keys in typed:
            # In VNI company, so that "la2" is "là" and not a number glued to "la".
            decoded = decode_text(f"ru72ng {keys}").split()[1]
            # The tone may sit on either vowel of "oa", "oe", "uy": compare tone keys.
            if tone_key(decoded) != tone_key(word):
                wrong.append((word, keys, decoded))
    assert wrong == []
