"""Folding Vietnamese text as phones and keyboards type it."""

import unicodedata

import pytest

from bot.vietnamese.text import clean, fold, has_diacritics, question_key


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Tỷ lệ che phủ rừng", "ti le che phu rung"),
        ("ty le che phu rung", "ti le che phu rung"),
        ("TỈ LỆ CHE PHỦ RỪNG", "ti le che phu rung"),
        (unicodedata.normalize("NFD", "Tỷ lệ che phủ rừng"), "ti le che phu rung"),
        ("hoà", "hoa"),
        ("hòa", "hoa"),
        ("Tỉnh uỷ", "tinh uy"),
        ("Tỉnh ủy", "tinh uy"),
        ("thuỷ sản", "thuy san"),
        ("thủy sản", "thuy san"),
        ("bác sỹ", "bac si"),
        ("bác sĩ", "bac si"),
        ("kỹ thuật", "ki thuat"),
        ("lý luận", "li luan"),
        ("quí", "quy"),
        ("Đảng viên", "dang vien"),
        ("\u00d0ảng viên", "dang vien"),  # Icelandic Eth from legacy converters
        ("đảng\u200b viên", "dang vien"),  # zero-width space from pasted text
        ("2.000\u00a0đảng viên", "2 000 dang vien"),
        ("e\u0302\u0301", "e"),  # Windows keyboard: ê + combining acute
        ("chỉ tiêu?!", "chi tieu"),
        ("", ""),
    ],
)
def test_fold_gives_one_key_for_every_spelling(typed: str, key: str) -> None:
    assert fold(typed) == key


def test_y_is_kept_after_vowels() -> None:
    assert fold("uỷ ban quy hoạch hay") == "uy ban quy hoach hay"


def test_clean_removes_control_characters_and_collapses_spaces() -> None:
    assert clean("che\x00 phu\t\n rung\x1b") == "che phu rung"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("che phủ rừng", True), ("che phu rung", False), ("Đảng", True), ("GRDP", False)],
)
def test_has_diacritics(text: str, expected: bool) -> None:
    assert has_diacritics(text) is expected


def test_question_key_groups_spellings() -> None:
    assert question_key("Che phủ rừng?") == question_key("che phu rung")


def test_a_phrase_map_reads_its_phrases_as_questions_are_read() -> None:
    from bot.vietnamese.phrases import PhraseMap, tokens

    # ("Mỹ" is the token "mi": a phrase with it is found as typed in a question)
    rewrite = PhraseMap([("đô la Mỹ", "USD")]).rewrite
    assert [str(t) for t in rewrite(tokens("600 triệu đô la Mỹ"))] == ["600", "trieu", "usd"]
