"""Numbers spoken as words (voice typing) rewritten into digits, the rest of the text kept."""

import unicodedata

import pytest

from bot.matching.named_numbers import figures_in, years_in
from bot.vietnamese.spoken_numbers import (
    SpokenNumber,
    digits_for_spoken_numbers,
    spoken_number_value,
)
from bot.vietnamese.text import fold_diacritics


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        # Percentages, as the targets give them (7,5%, 13,8%, 55%, 0,88%, 65,3%, 98,5%).
        (
            "tỷ lệ hộ nghèo giảm bảy phẩy năm phần trăm phải không",
            "tỷ lệ hộ nghèo giảm 7,5 phần trăm phải không",
        ),
        ("ty le ho ngheo giam bay phay nam phan tram", "ty le ho ngheo giam 7,5 phan tram"),
        ("tỷ lệ suy dinh dưỡng mười ba phẩy tám phần trăm", "tỷ lệ suy dinh dưỡng 13,8 phần trăm"),
        ("muoi ba phay tam phan tram", "13,8 phan tram"),
        ("che phủ rừng năm mươi lăm phần trăm", "che phủ rừng 55 phần trăm"),
        ("che phu rung nam muoi lam phan tram", "che phu rung 55 phan tram"),
        (
            "tăng dân số tự nhiên không phẩy tám tám phần trăm",
            "tăng dân số tự nhiên 0,88 phần trăm",
        ),
        (
            "tỷ suất sinh giảm không phẩy không tám chín phần nghìn",
            "tỷ suất sinh giảm 0,089 phần nghìn",
        ),
        ("xã đạt chuẩn y tế sáu mươi lăm phẩy ba phần trăm", "xã đạt chuẩn y tế 65,3 phần trăm"),
        ("bảo hiểm y tế chín mươi tám phẩy năm phần trăm", "bảo hiểm y tế 98,5 phần trăm"),
        ("xóm có nhà văn hóa tám mươi phẩy bảy phần trăm", "xóm có nhà văn hóa 80,7 phần trăm"),
        ("gia đình văn hóa tám mươi lăm phần trăm", "gia đình văn hóa 85 phần trăm"),
        ("trạm y tế có bác sỹ một trăm phần trăm", "trạm y tế có bác sỹ 100 phần trăm"),
        ("lao động qua đào tạo năm phần trăm", "lao động qua đào tạo 5 phần trăm"),
        ("tăng trưởng bình quân bảy phẩy năm", "tăng trưởng bình quân 7,5"),
        ("dịch vụ tăng sáu phẩy ba phần trăm", "dịch vụ tăng 6,3 phần trăm"),
        (
            "cập nhật che phủ rừng năm mươi tư phẩy hai phần trăm",
            "cập nhật che phủ rừng 54,2 phần trăm",
        ),
        ("ba mươi lăm phần trăm", "35 phần trăm"),
        # Money: "triệu" and "tỷ" stay words after the number, as the figures are written.
        ("xuất khẩu sáu trăm triệu đô", "xuất khẩu 600 triệu đô"),
        ("kim ngạch xuất khẩu sáu trăm triệu USD", "kim ngạch xuất khẩu 600 triệu USD"),
        ("nhập khẩu một trăm hai mươi triệu đô la", "nhập khẩu 120 triệu đô la"),
        (
            "hàng hóa giám sát một nghìn sáu trăm năm mươi triệu USD",
            "hàng hóa giám sát 1650 triệu USD",
        ),
        ("xuất nhập khẩu hai nghìn ba trăm bảy mươi triệu đô", "xuất nhập khẩu 2370 triệu đô"),
        ("thu nội địa một nghìn sáu trăm tỷ đồng", "thu nội địa 1600 tỷ đồng"),
        ("thu noi dia mot nghin sau tram ty", "thu noi dia 1600 ty"),
        ("thu ngân sách một nghìn tám trăm tỷ", "thu ngân sách 1800 tỷ"),
        ("thu ngân sách một phẩy tám nghìn tỷ", "thu ngân sách 1800 tỷ"),
        ("thu xuất nhập khẩu hai trăm tỉ", "thu xuất nhập khẩu 200 tỉ"),
        ("GRDP bình quân ba mươi ba phẩy ba triệu đồng", "GRDP bình quân 33,3 triệu đồng"),
        ("bốn mươi triệu đồng trên một héc ta", "40 triệu đồng trên một héc ta"),
        ("hai tỷ ba trăm triệu", "2,3 tỷ"),
        ("hai triệu rưỡi", "2,5 triệu"),
        ("mười lăm nghìn tỷ", "15000 tỷ"),
        # Other figures: tonnes, party members, doctors.
        (
            "sản lượng lương thực hai trăm bảy mươi sáu ngàn tấn",
            "sản lượng lương thực 276 ngàn tấn",
        ),
        ("sản lượng hai nghìn ba trăm bảy mươi nghìn tấn", "sản lượng 2370 nghìn tấn"),
        ("kết nạp hai trăm đảng viên", "kết nạp 200 đảng viên"),
        ("kết nạp mới hai nghìn đảng viên trở lên", "kết nạp mới 2000 đảng viên trở lên"),
        ("mười lăm bác sỹ trên vạn dân", "15 bác sỹ trên vạn dân"),
        ("bốn mươi tư xã nông thôn mới", "44 xã nông thôn mới"),
        ("hai mươi mốt chỉ tiêu", "21 chỉ tiêu"),
        ("có hai mươi chín chỉ tiêu không", "có 29 chỉ tiêu không"),
        ("một trăm linh năm xã", "105 xã"),
        ("một trăm lẻ năm xã", "105 xã"),
        ("mười một nhiệm vụ", "11 nhiệm vụ"),
        ("hai nghìn hai mươi mốt", "2021"),
        # Years: "năm" before them is the word "year".
        ("chỉ tiêu năm hai nghìn hai mươi", "chỉ tiêu năm 2020"),
        ("chi tieu nam hai nghin hai muoi", "chi tieu nam 2020"),
        ("năm hai không hai không đạt bao nhiêu", "năm 2020 đạt bao nhiêu"),
        ("năm hai không hai mươi", "năm 2020"),
        ("giai đoạn hai không hai mốt đến hai không hai lăm", "giai đoạn 2021 đến 2025"),
        ("hai nghìn không trăm hai mươi", "2020"),
        ("hai nghìn lẻ năm", "2005"),
        ("từ năm một chín chín mươi", "từ năm 1990"),
        ("Hội nghị lần thứ hai mươi", "Hội nghị lần thứ 20"),
        ("sau hai mươi năm", "sau 20 năm"),
        ("một trăm năm", "100 năm"),
        ("sau năm phẩy năm năm", "sau 5,5 năm"),
        ("ngày ba mươi tháng tư", "ngày 30 tháng 4"),
        ("ngày mười lăm tháng mười hai", "ngày 15 tháng 12"),
        # Alone, "mười" is ten.
        ("mười", "10"),
        ("mười năm", "10 năm"),
        # Diacritics, case, spaces and punctuation around the number are kept as typed.
        ("MƯỜI BA PHẨY TÁM PHẦN TRĂM", "13,8 PHẦN TRĂM"),
        ("Năm mươi lăm phần trăm?", "55 phần trăm?"),
        ("đạt  hai mươi, ba mươi phần trăm!", "đạt  20, 30 phần trăm!"),
        ("có hai trăm không", "có 200 không"),
        ("đạt bảy phẩy năm không ạ", "đạt 7,5 không ạ"),
    ],
)
def test_spoken_numbers_become_digits(spoken: str, written: str) -> None:
    assert digits_for_spoken_numbers(spoken) == written


@pytest.mark.parametrize(
    "text",
    [
        # A lone digit word is a word: "some", "year", "one" before a noun.
        "giao một số nhiệm vụ trọng tâm",
        "một chỉ tiêu chưa đạt",
        "năm nay tỷ lệ che phủ rừng",
        "hằng năm tăng bao nhiêu",
        "năm học mới",
        "ba chỉ tiêu",
        "có hai không",
        "Hai Bà Trưng",
        # Words that number words are part of.
        "đầu tư công",
        "ngành tư pháp",
        "số lẻ",
        "trạm y tế xã",
        "tram y te xa",
        "tỷ lệ hộ nghèo",
        "năm tỷ lệ",
        "thu ngân sách",
        "nam ngan sach",
        "làm đường",
        "máy bay",
        "sau khi",
        "muoi i ot",
        "ba phần tư",
        "hàng trăm hộ",
        "trăm phần trăm",
        "anh Mười",
        # Digits are left alone, as are words glued to them.
        "năm 2020",
        "7,5% và 1.600 tỷ đồng",
        "hai3 muoi",
        # Readings that speech leaves open.
        "hai ba người",
        "hai trăm hai đảng viên",
        "hai nghìn hai",
        "hai tỷ ba trăm",
        "hai mươi ba bốn",
        "bảy phẩy không",
        "",
    ],
)
def test_words_that_are_no_numbers_stay(text: str) -> None:
    assert digits_for_spoken_numbers(text) == text


def test_text_typed_in_nfd_is_read_and_kept() -> None:
    nfd = unicodedata.normalize("NFD", "che phủ rừng năm mươi lăm phần trăm")
    assert digits_for_spoken_numbers(nfd) == nfd.replace(
        unicodedata.normalize("NFD", "năm mươi lăm"), "55"
    )


@pytest.mark.parametrize(
    "text",
    ["Cho em hỏi chỉ tiêu tỷ lệ che phủ rừng năm hai nghìn hai mươi là bao nhiêu ạ", "mười"],
)
def test_rewriting_twice_changes_nothing_more(text: str) -> None:
    once = digits_for_spoken_numbers(text)
    assert digits_for_spoken_numbers(once) == once


def test_rewritten_question_gives_its_figures_and_years() -> None:
    question = "năm hai nghìn hai mươi che phủ rừng năm mươi tư phẩy hai phần trăm"
    folded = fold_diacritics(digits_for_spoken_numbers(question))
    assert years_in(folded) == (2020,)
    assert figures_in(folded) == (54.2,)


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("năm mươi tư phẩy hai phần trăm", SpokenNumber(54.2, "54,2", None, 5)),
        ("một nghìn sáu trăm tỷ đồng", SpokenNumber(1600.0, "1600", "tỷ", 5)),
        ("sau tram trieu do", SpokenNumber(600.0, "600", "trieu", 3)),
        ("hai không hai không", SpokenNumber(2020.0, "2020", None, 4)),
        ("mười", SpokenNumber(10.0, "10", None, 1)),
        ("năm phần trăm", SpokenNumber(5.0, "5", None, 1)),
    ],
)
def test_spoken_number_value_reads_the_first_words(words: str, number: SpokenNumber) -> None:
    assert spoken_number_value(words.split()) == number


@pytest.mark.parametrize(
    "words", ["một số nhiệm vụ", "năm nay", "tỷ lệ", "hai, ba", "2020", "hai ba người", ""]
)
def test_spoken_number_value_finds_no_number(words: str) -> None:
    assert spoken_number_value(words.split()) is None


def test_spoken_number_text_keeps_the_scale_word() -> None:
    assert SpokenNumber(600.0, "600", "triệu", 3).text == "600 triệu"
    assert SpokenNumber(13.8, "13,8", None, 4).text == "13,8"


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        ("họp ngày mười tháng một năm hai nghìn không trăm hai mươi", "họp ngày 10/1/2020"),
        ("tháng tư năm hai nghìn hai mươi", "tháng 4 năm 2020"),
        ("ngày 10 tháng 01 năm 2020", "ngày 10/01/2020"),
        ("tháng giêng", "tháng 1"),
        ("tháng mười hai năm ngoái", "tháng 12 năm ngoái"),
        ("thang bay", "thang 7"),
        ("báo cáo tháng sáu", "báo cáo tháng 6"),
        ("tháng chạp", "tháng 12"),
        ("đến tháng 6", "đến tháng 6"),
        ("tháng năm nay", "tháng năm nay"),
    ],
)
def test_months_and_dates_spoken_are_written_as_dates(spoken: str, written: str) -> None:
    assert digits_for_spoken_numbers(spoken) == written
