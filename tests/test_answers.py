"""Answers as a specification: what the bot says to typical and tricky questions."""

import unicodedata
from pathlib import Path

import pytest

from bot.answering.qa import QuestionAnswerer
from bot.answering.render import render_text
from bot.errors import UnknownItem
from bot.knowledge.loader import load_knowledge

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def qa() -> QuestionAnswerer:
    return QuestionAnswerer(load_knowledge(ROOT / "knowledge" / "resolution.yaml"))


@pytest.mark.parametrize(
    ("question", "item", "figure"),
    [
        ("chỉ tiêu che phủ rừng?", "che-phu-rung", "55%"),
        ("che phu rung", "che-phu-rung", "55%"),
        (unicodedata.normalize("NFD", "Tỷ lệ che phủ rừng"), "che-phu-rung", "55%"),
        ("dan so tham gia bhyt la bn", "bhyt", "98,5%"),
        ("TCCS đảng hoàn thành tốt nhiệm vụ bao nhiêu", "to-chuc-co-so-dang", "80% trở lên"),
        ("kim ngach xk dat bao nhieu", "kim-ngach-xuat-khau", "600 triệu USD"),
        ("kim ngạch nhập khẩu", "kim-ngach-nhap-khau", "120 triệu USD"),
        ("thu xuat nhap khau bao nhieu ty dong", "thu-xuat-nhap-khau", "200 tỷ đồng"),
        ("grdp tăng bao nhiêu", "grdp-tang-truong", "tăng 7,5%"),
        ("dịch vụ tăng bao nhiêu", "grdp-dich-vu", "tăng trên 6,3%"),
        ("ket nap dang vien moi", "ket-nap-dang-vien", "2.000 đảng viên trở lên"),
        ("tỷ suất sinh giảm", "ty-suat-sinh", "giảm 0,089‰"),
        ("suy dinh duong tre em", "suy-dinh-duong", "dưới 17,8%"),
        ("ho ngheo giam bn", "ho-ngheo", "giảm 3% trở lên"),
        ("truong chuan quoc gia", "truong-chuan", "ít nhất 01 trường"),
        ("ntm tang them bn xa", "nong-thon-moi", "5 xã trở lên"),
        ("khi nao khoi cong cao toc", "cao-toc-dong-dang-tra-linh", "2020"),
        ("ai ký nghị quyết", "nguoi-ky", "Lại Xuân Môn"),
        ("hội nghị họp ngày nào", "ngay-hoi-nghi", "10/01/2020"),
        ("ai theo dõi đôn đốc thực hiện nghị quyết", "iii-theo-doi", "Văn phòng Tỉnh uỷ"),
        ("kỷ niệm 90 năm thành lập chi bộ đầu tiên", "ky-niem-90-nam-chi-bo", "01/4/1930"),
    ],
)
def test_answers_state_the_exact_figure(qa, question: str, item: str, figure: str) -> None:
    answer = qa.answer(question)
    assert answer.status == "answer", render_text(answer)
    assert answer.item_id == item
    assert figure in render_text(answer)


def test_an_answer_says_where_it_stands_and_quotes_the_source(qa) -> None:
    text = render_text(qa.answer("che phu rung"))
    assert text.splitlines() == [
        "Tỷ lệ che phủ rừng năm 2020: 55%",
        "Chỉ tiêu về môi trường (1) – mục II.1.3, Nghị quyết Hội nghị lần thứ 20 BCH Đảng bộ"
        " tỉnh khoá XVIII (10/01/2020)",
        "Nguyên văn: “(1) Tỷ lệ che phủ rừng 55%.”",
    ]


def test_a_group_lists_its_targets_with_figures(qa) -> None:
    answer = qa.answer("các chỉ tiêu về môi trường")
    assert answer.item_id == "moi-truong"
    assert len(answer.lines) == 3
    assert "55%" in answer.lines[0]


@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("mục II.1.3", "moi-truong"),
        ("chỉ tiêu 1.3.1", "che-phu-rung"),
        ("nhiệm vụ 2.5", "nv-xay-dung-dang"),
        ("II.2.1", "nv-dai-hoi-dang"),
        ("phần III", "phan-iii"),
        ("chỉ tiêu số 4 về kinh tế", "xuat-nhap-khau"),
    ],
)
def test_section_codes(qa, question: str, item: str) -> None:
    assert qa.answer(question).item_id == item


@pytest.mark.parametrize(
    ("question", "item", "count"),
    [
        ("nghị quyết có bao nhiêu chỉ tiêu", "dem-chi-tieu", "18 chỉ tiêu"),
        ("có mấy chỉ tiêu về môi trường", "dem-chi-tieu-moi-truong", "3 chỉ tiêu"),
        ("bao nhieu nhiem vu", "dem-nhiem-vu", "5 nhóm nhiệm vụ"),
    ],
)
def test_counting_questions(qa, question: str, item: str, count: str) -> None:
    answer = qa.answer(question)
    assert answer.item_id == item
    assert count in answer.headline


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("giá lúa hôm nay", "không có nội dung"),
        ("lịch cắt điện tuần này", "không có nội dung"),
        ("số điện thoại công an xã", "không có nội dung"),
        ("chỉ tiêu che phủ rừng năm 2025", "năm 2025"),
        ("GRDP năm 2019 tăng bao nhiêu", "năm 2019"),
        ("tỷ lệ hộ nghèo của Lạng Sơn", "Lạng Sơn"),
    ],
)
def test_what_the_resolution_does_not_cover_gets_none(qa, question: str, reason: str) -> None:
    answer = qa.answer(question)
    assert answer.status == "none", render_text(answer)
    assert reason in answer.headline
    assert "/chitieu" in answer.hint


@pytest.mark.parametrize("question", ["hội nghị lần thứ 21", "nghị quyết số 57"])
def test_a_number_the_item_lacks_is_never_answered(qa, question: str) -> None:
    assert qa.answer(question).status != "answer"


def test_a_place_named_in_the_resolution_is_not_out_of_scope(qa) -> None:
    answer = qa.answer("cao tốc Đồng Đăng Lạng Sơn khởi công khi nào")
    assert answer.item_id == "cao-toc-dong-dang-tra-linh"


def test_a_district_gets_the_province_figure_with_a_note(qa) -> None:
    # The resolution allocates nothing to a district: the province's figure answers, with
    # the same note as for the asker's own place ("xã chúng tôi").
    answer = qa.answer("che phu rung huyen Bao Lac")
    assert (answer.status, answer.item_id) == ("answer", "che-phu-rung")
    assert answer.headline == "Tỷ lệ che phủ rừng năm 2020: 55%"
    assert answer.note == (
        "Nghị quyết đặt chỉ tiêu chung cho toàn tỉnh, không có chỉ tiêu riêng cho Bảo Lạc."
    )


def test_a_vague_question_offers_two_to_four_choices(qa) -> None:
    answer = qa.answer("thu")
    assert answer.status == "choices"
    assert 2 <= len(answer.matches) <= 4
    assert all(0 <= m.score <= 100 for m in answer.matches)


def test_a_typed_tone_tells_folded_twins_apart(qa) -> None:
    # "ký" (sign) and "kỳ" (term) fold alike; the typed tone decides.
    assert qa.answer("nhiệm kỳ nào").item_id == "nhiem-ky"
    assert qa.answer("ai ký").item_id == "nguoi-ky"


@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("che phu rnug", "che-phu-rung"),  # swapped letters
        ("xuat khuu", "kim-ngach-xuat-khau"),  # "xuất khẩu" is an alias of the export figure
        ("kim ngach xuat khau", "kim-ngach-xuat-khau"),  # no diacritics
        ("chephu rung", "che-phu-rung"),  # a missing space
    ],
)
def test_typos_are_corrected_against_the_knowledge_base(qa, question: str, item: str) -> None:
    answer = qa.answer(question)
    assert (answer.status, answer.item_id) == ("answer", item)


def test_describe_every_item(qa) -> None:
    for item_id in qa.kb.entries:
        answer = qa.describe(item_id)
        assert answer.headline
        assert answer.place
    with pytest.raises(UnknownItem):
        qa.describe("khong-co")
