"""Follow-up questions, understood from the previous answer passed in (tables)."""

from __future__ import annotations

import pytest

from bot.answering.answers import Answer
from bot.answering.conversations import Conversations
from bot.answering.render import render_text
from bot.core import Library
from tests.fakes.clock import FakeClock

# (previous question, follow-up, the item answered; None: no answer).
FOLLOW_UPS = [
    ("kim ngạch xuất khẩu năm nay bao nhiêu", "vậy còn nhập khẩu?", "kim-ngach-nhap-khau"),
    ("kim ngach xuat khau bn", "con nhap khau thi sao", "kim-ngach-nhap-khau"),
    # of the family items explaining the follow-up, the one worded like the previous item
    (
        "ty le to chuc co so dang hoan thanh tot nhiem vu nam 2020 bn",
        "dang vien thi sao",
        "dang-vien-htt",
    ),
    ("tỷ lệ TCCS đảng hoàn thành tốt nhiệm vụ", "còn đảng viên?", "dang-vien-htt"),
    ("ty le TCCS dang hoan thanh tot nhiem vu bn", "con dang vien?", "dang-vien-htt"),
    # (not a restatement of the previous item: the part asked)
    (
        "Tổng kim ngạch XNK qua địa bàn 2020 bao nhiêu?",
        "trong đó nhập khẩu bn",
        "kim-ngach-nhap-khau",
    ),
    # nothing near the previous item: the follow-up's own words, of an item beside it
    ("hội nghị lần 20 họp ngày nào", "thế khóa mấy", "nhiem-ky"),
    ("ai ký nghị quyết", "thế ngày nào", "ngay-hoi-nghi"),
    # the asker's place named after "bao nhiêu" is no noun counted
    ("chi tieu ntm nam 2020 la bn", "huyen em trung khanh phai dat bn", "nong-thon-moi"),
    # what a named district "được giao": the province's figure (with the note)
    ("chi tieu ntm nam 2020 la bn", "huyen em trung khanh dc giao bn", "nong-thon-moi"),
    ("dự án cao tốc Đồng Đăng Trà Lĩnh", "nó nối từ đâu tới đâu", "cao-toc-dong-dang-tra-linh"),
    ("tăng trưởng công nghiệp xây dựng", "còn dịch vụ thì sao", "grdp-dich-vu"),
    ("tăng trưởng khu vực dịch vụ", "thế còn nông lâm ngư nghiệp?", "grdp-nong-lam-ngu"),
    ("thu ngân sách trên địa bàn", "vậy còn thu nội địa", "thu-noi-dia"),
    ("tỷ lệ che phủ rừng", "còn nước sạch?", "nuoc-sach"),
    ("tỷ lệ che phủ rừng", "cái đó ở mục nào?", "che-phu-rung"),
    ("tỷ lệ che phủ rừng", "nó nằm ở phần nào vậy", "che-phu-rung"),
    ("tỷ lệ che phủ rừng", "nguyên văn chỉ tiêu đó", "che-phu-rung"),
    (
        "cao tốc Đồng Đăng Trà Lĩnh dài bao nhiêu km",
        "thế nó khởi công khi nào",
        "cao-toc-dong-dang-tra-linh",
    ),
    ("tỷ lệ BHYT", "còn ở xã mình?", "bhyt"),
    ("tỷ lệ che phủ rừng", "năm 2021 thì sao", None),
    ("tỷ lệ che phủ rừng", "giá lúa thì sao", None),
    ("tỷ lệ che phủ rừng", "kim ngạch xuất khẩu bao nhiêu", "kim-ngach-xuat-khau"),
    # Nothing but asking words: about the previous item.
    ("BHYT bao nhiêu", "nằm ở mục nào", "bhyt"),
    ("che phủ rừng", "nguyên văn ghi thế nào", "che-phu-rung"),
    ("kim ngạch xuất khẩu", "là bao nhiêu", "kim-ngach-xuat-khau"),
    ("đề án du lịch", "ở phần nào", "de-an-du-lich"),
    # which group or part the previous item stands in: the item, whose reply gives its place
    ("giảm hộ nghèo bao nhiêu", "nằm trong nhóm chỉ tiêu nào", "ho-ngheo"),
    ("giảm hộ nghèo bao nhiêu", "thuộc nhóm nào", "ho-ngheo"),
    ("che phủ rừng bao nhiêu", "chỉ tiêu này thuộc nhóm nào", "che-phu-rung"),
    ("ai ký nghị quyết", "thuộc mục nào", "nguoi-ky"),
    ("BHYT bao nhiêu", "nó nằm trong phần nào", "bhyt"),
    # the qualifier of the figure answered: its statement says it ("trở lên", "dưới")
    ("kết nạp đảng viên mới bao nhiêu", "đó là tối thiểu hay tối đa", "ket-nap-dang-vien"),
    ("kết nạp đảng viên mới bao nhiêu", "đó là mức tối thiểu à", "ket-nap-dang-vien"),
    ("kết nạp đảng viên mới bao nhiêu", "con số đó là tối đa hay tối thiểu", "ket-nap-dang-vien"),
    ("tỷ lệ suy dinh dưỡng trẻ em", "đó là mức tối đa à", "suy-dinh-duong"),
    ("tăng trưởng dịch vụ bao nhiêu", "là tối thiểu hay tối đa", "grdp-dich-vu"),
    # an item named by its own words, far ahead of a family item that only mentions it
    ("xuất khẩu đăng ký 600 triệu usd đúng ko", "còn hàng giám sát", "hang-hoa-giam-sat"),
    # a conversion asked of the figure just given ("tính ra" names no topic)
    ("GRDP bình quân đầu người bao nhiêu", "tính ra usd là bao nhiêu", "grdp-binh-quan"),
    # ... but an unknown topic with them is still no answer.
    ("BHYT bao nhiêu", "giá lúa bao nhiêu", None),
    ("BHYT bao nhiêu", "thời tiết mai thế nào", None),
]


@pytest.mark.parametrize(("previous", "question", "item"), FOLLOW_UPS)
def test_a_follow_up_is_read_after_the_previous_answer(
    shared_library: Library, previous: str, question: str, item: str | None
) -> None:
    answer = shared_library.answer(question, shared_library.answer(previous))
    if item is None:
        assert answer.status == "none"
    else:
        assert answer.item_id == item
    assert answer.question == question


def test_a_year_follow_up_says_the_year_is_not_covered(shared_library: Library) -> None:
    answer = shared_library.answer("năm 2021 thì sao", shared_library.answer("che phủ rừng"))
    assert "không có số liệu năm 2021" in answer.headline


def test_a_place_follow_up_keeps_the_province_note(shared_library: Library) -> None:
    answer = shared_library.answer("còn huyện Hà Quảng?", shared_library.answer("tỷ lệ BHYT"))
    assert (answer.status, answer.matches[0].id) == ("answer", "bhyt")
    assert "không có chỉ tiêu riêng cho Hà Quảng" in render_text(answer)
    assert answer.question == "còn huyện Hà Quảng?"


@pytest.mark.parametrize("question", ["cái đó ở mục nào?", "năm 2021 thì sao", "nó là bao nhiêu"])
def test_without_a_previous_answer_nothing_is_assumed(
    shared_library: Library, question: str
) -> None:
    # `ask` is stateless: a bare follow-up never gets the item of some earlier question.
    assert shared_library.answer(question).status == "none"


def test_a_follow_up_after_choices_or_nothing_is_read_alone(shared_library: Library) -> None:
    for previous in ["tỷ lệ", "giá lúa năm nay"]:
        before = shared_library.answer(previous)
        assert before.status != "answer"
        alone = shared_library.answer("cái đó ở mục nào?")
        assert shared_library.answer("cái đó ở mục nào?", before) == alone


def test_small_talk_is_never_a_follow_up(shared_library: Library) -> None:
    answer = shared_library.answer("cảm ơn bot", shared_library.answer("che phủ rừng"))
    assert answer.status == "none"
    assert answer.matches == ()


def test_a_question_answered_alone_keeps_its_answer(shared_library: Library) -> None:
    previous = shared_library.answer("tỷ lệ che phủ rừng")
    for question in ["thu nội địa bao nhiêu", "ai ký nghị quyết", "có bao nhiêu chỉ tiêu"]:
        assert shared_library.answer(question, previous) == shared_library.answer(question)


def _answer(item: str) -> Answer:
    return Answer(item, "answer", item)


def test_conversations_forget_after_the_expiry() -> None:
    clock = FakeClock()
    conversations = Conversations(ttl=600, clock=clock)
    conversations.remember((1, 2), _answer("a"))
    clock.advance(599)
    assert conversations.previous((1, 2)) == _answer("a")
    clock.advance(2)
    assert conversations.previous((1, 2)) is None
    assert len(conversations) == 0


def test_conversations_are_kept_apart_and_bounded() -> None:
    clock = FakeClock()
    conversations = Conversations(ttl=600, limit=2, clock=clock)
    conversations.remember((1, 2), _answer("a"))
    conversations.remember((1, 3), _answer("b"))
    assert conversations.previous((1, 2)) == _answer("a")
    conversations.remember((4, 4), _answer("c"))
    # The least recently answered is forgotten first.
    assert conversations.previous((1, 2)) is None
    assert conversations.previous((1, 3)) == _answer("b")
    assert conversations.previous((4, 4)) == _answer("c")


def test_conversations_refuse_nonsense_limits() -> None:
    with pytest.raises(ValueError, match="ttl"):
        Conversations(ttl=0)
    with pytest.raises(ValueError, match="limit"):
        Conversations(limit=0)


ORDINALS_OF_A_LIST = [
    (
        "4 đề án chiến lược về phát triển kinh tế là gì",
        "cái thứ 2 là gì",
        "de-an-nong-nghiep-thong-minh",
    ),
    (
        "NQ có bao nhiêu đề án chiến lược về phát triển kinh tế?",
        "kể tên cái thứ 2 giúp e",
        "de-an-nong-nghiep-thong-minh",
    ),
    ("04 đề án chiến lược", "đề án thứ tư tầm nhìn đến năm nào", "de-an-du-lich"),
    ("Có bao nhiêu chỉ tiêu về môi trường?", "cái thứ 3 là gì", "gam-san"),
    ("Có bao nhiêu chỉ tiêu về môi trường?", "cai thu nhat la gi", "che-phu-rung"),
    ("các nhóm nhiệm vụ chủ yếu", "nhóm thứ hai gồm những gì", "nv-kinh-te"),
    ("các dự án phải khởi công", "cái thứ 2 là dự án gì", "du-an-bo-sua"),
    # (the schemes, not the count of the strategic ones)
    ("có những đề án nào", "cái thứ 2 giai đoạn nào", "de-an-nong-nghiep-thong-minh"),
    ("kim ngạch xuất nhập khẩu gồm những gì", "con số thứ hai là gì", "kim-ngach-nhap-khau"),
    ("các chỉ tiêu xây dựng Đảng", "cái thứ nhất", "chat-luong-dang"),
    ("GRDP các khu vực tăng bao nhiêu", "cái thứ 3", "grdp-cong-nghiep-xay-dung"),
    # the noun before "thứ", typed bare
    ("co may de an chien luoc", "de an thu hai la gi", "de-an-nong-nghiep-thong-minh"),
    ("nghi quyet co may nhiem vu chu yeu", "nhiem vu thu 3 la gi", "nv-van-hoa-xa-hoi"),
]

# Of the choices just offered, the one its rank names.
ORDINALS_OF_THE_CHOICES = [
    ("dự án nào được khởi công năm 2020", "cái thứ hai là gì", "du-an-bo-sua"),
    ("dự án nào được khởi công năm 2020", "thứ 1 tên đầy đủ là gì", "cao-toc-dong-dang-tra-linh"),
]


@pytest.mark.parametrize(("before", "question", "item"), ORDINALS_OF_THE_CHOICES)
def test_an_ordinal_picks_one_of_the_choices_just_offered(
    shared_library: Library, before: str, question: str, item: str
) -> None:
    offered = shared_library.answer(before)
    assert offered.status == "choices"
    answer = shared_library.answer(question, offered)
    assert (answer.status, answer.matches[0].id) == ("answer", item)


@pytest.mark.parametrize(("before", "question", "item"), ORDINALS_OF_A_LIST)
def test_an_ordinal_picks_an_item_of_the_list_just_given(
    shared_library: Library, before: str, question: str, item: str
) -> None:
    answer = shared_library.answer(question, shared_library.answer(before))
    assert (answer.status, answer.matches[0].id) == ("answer", item)


@pytest.mark.parametrize(
    "question",
    [
        "dự án còn lại là gì",
        "ngoài cao tốc ra còn dự án nào phải khởi công",
        "ngoài cái đó còn dự án nào không",
        "con du an nao nua ko",
        "còn dự án nào khác phải khởi công nữa",
        "con du an kia la du an gi",
    ],
)
def test_the_other_project_is_the_remaining_one(shared_library: Library, question: str) -> None:
    before = shared_library.answer("Dự án cao tốc nào phải khởi công năm 2020?")
    answer = shared_library.answer(question, before)
    assert (answer.status, answer.matches[0].id) == ("answer", "du-an-bo-sua")


@pytest.mark.parametrize(
    ("before", "question"),
    [
        ("năm 2020 kết nạp bao nhiêu đảng viên", "thế năm 2019 kết nạp được bao nhiêu"),
        ("tỷ lệ che phủ rừng", "còn năm 2018 đạt bao nhiêu"),
        ("GRDP tăng bao nhiêu", "năm 2021 tăng bao nhiêu"),
    ],
)
def test_a_follow_up_naming_another_year_is_refused_for_that_year(
    shared_library: Library, before: str, question: str
) -> None:
    answer = shared_library.answer(question, shared_library.answer(before))
    assert answer.status == "none"
    assert "không có số liệu năm" in answer.headline


def test_of_the_choices_the_conversations_item_is_meant(shared_library: Library) -> None:
    before = shared_library.answer("Đề án phát triển du lịch giai đoạn nào?")
    answer = shared_library.answer("tầm nhìn đến năm nào", before)
    assert (answer.status, answer.matches[0].id) == ("answer", "de-an-du-lich")
    # Without it, both schemes with a vision are offered.
    assert shared_library.answer("tầm nhìn đến năm nào").status == "choices"


ASKED_OF_THE_PREVIOUS_ITEM = [
    ("cao tốc đồng đăng trà lĩnh", "dài bao nhiêu km", "none", "cao-toc-dong-dang-tra-linh"),
    (
        "nghị quyết nói gì về cao tốc Đồng Đăng Trà Lĩnh",
        "nó dài bao nhiêu km",
        "none",
        "cao-toc-dong-dang-tra-linh",
    ),
    ("tỷ lệ hộ nghèo giảm bao nhiêu", "đúng là 3% à", "answer", "ho-ngheo"),
    ("tỷ lệ lao động qua đào tạo", "trong đó nghề bao nhiêu", "answer", "dao-tao-nghe"),
    ("kim ngạch xuất khẩu năm 2020", "đơn vị tính là gì", "answer", "kim-ngach-xuat-khau"),
    ("che phủ rừng", "55% đúng không", "answer", "che-phu-rung"),
    # pointing back, or asked of a previous question that pointed back itself
    (
        "dự án cao tốc Đồng Đăng - Trà Lĩnh NQ yêu cầu gì",
        "dự án đó bao giờ xong",
        "none",
        "cao-toc-dong-dang-tra-linh",
    ),
]


@pytest.mark.parametrize(("before", "question", "status", "item"), ASKED_OF_THE_PREVIOUS_ITEM)
def test_an_attribute_or_premise_alone_is_asked_of_the_previous_item(
    shared_library: Library, before: str, question: str, status: str, item: str
) -> None:
    answer = shared_library.answer(question, shared_library.answer(before))
    assert (answer.status, answer.matches[0].id) == (status, item)


ABOUT_THE_PREVIOUS_ITEM_ITSELF = [
    # an overview's list, asked again in words only
    ("có bao nhiêu chỉ tiêu về môi trường", "kể cụ thể giúp", "dem-chi-tieu-moi-truong"),
    ("nghị quyết có mấy dự án", "kể ra đi", "dem-du-an"),
    ("co may de an chien luoc phat trien kinh te", "ke ten ra giup", "de-an-chien-luoc"),
    (
        "Đề án nông nghiệp thông minh giai đoạn nào",
        "tầm nhìn tới năm bao nhiêu",
        "de-an-nong-nghiep-thong-minh",
    ),
    (
        "đề án du lịch tầm nhìn đến năm nào",
        "không, ý tôi hỏi giai đoạn thực hiện cơ",
        "de-an-du-lich",
    ),
    ("ai ký nghị quyết này", "đồng chí ấy giữ chức vụ gì", "nguoi-ky"),
    (
        "chỉ tiêu 2.600 hộ đưa gia súc ra khỏi gầm sàn",
        "cái này thuộc nhóm chỉ tiêu nào",
        "gam-san",
    ),
    ("tỷ lệ che phủ rừng", "chỉ tiêu này thuộc lĩnh vực nào", "che-phu-rung"),
    ("chi tieu suy dinh duong tre em la bn", "tinh den thoi diem nao", "suy-dinh-duong"),
    ("nghi quyet nay ai ky", "ky ngay nao", "ngay-hoi-nghi"),
    # the unit asked, with the options offered
    ("GRDP bình quân đầu người bao nhiêu", "đơn vị là triệu đồng hay USD", "grdp-binh-quan"),
    ("GRDP bình quân đầu người bao nhiêu", "đơn vị tính là triệu đồng hay USD", "grdp-binh-quan"),
    ("GRDP bình quân đầu người bao nhiêu", "tính bằng đơn vị gì vậy", "grdp-binh-quan"),
]


@pytest.mark.parametrize(("before", "question", "item"), ABOUT_THE_PREVIOUS_ITEM_ITSELF)
def test_a_follow_up_about_the_previous_item_itself(
    shared_library: Library, before: str, question: str, item: str
) -> None:
    answer = shared_library.answer(question, shared_library.answer(before))
    assert (answer.status, answer.matches[0].id) == ("answer", item)


# Whether the previous item includes something: yes, with the item (or its part) that says so.
INCLUDED = [
    (
        "Tổng kim ngạch XNK qua địa bàn bao nhiêu",
        "đã gồm hàng hóa giám sát chưa",
        "xuat-nhap-khau",
    ),
    ("phần tổ chức thực hiện nói gì", "có cả Mặt trận Tổ quốc không", "phan-iii"),
    ("tổng thu ngân sách bao nhiêu", "đã bao gồm thu nội địa chưa", "thu-ngan-sach-tong"),
    ("kim ngach xnk qua dia ban bn", "co tinh ca hang hoa giam sat ko", "xuat-nhap-khau"),
]


@pytest.mark.parametrize(("before", "question", "item"), INCLUDED)
def test_what_the_previous_item_includes_is_answered_yes(
    shared_library: Library, before: str, question: str, item: str
) -> None:
    answer = shared_library.answer(question, shared_library.answer(before))
    assert (answer.status, answer.item_id) == ("answer", item)
    assert answer.headline.startswith("Có.")


def test_what_the_previous_item_does_not_name_is_not_claimed(shared_library: Library) -> None:
    answer = shared_library.answer(
        "có cả giá lúa không", shared_library.answer("Tổng kim ngạch XNK qua địa bàn bao nhiêu")
    )
    assert not answer.headline.startswith("Có.")


# After a fact about the resolution, a follow-up asking another of its facts is that fact,
# not the one just given again.
ANOTHER_FACT = [
    ("hội nghị BCH đảng bộ tỉnh họp ngày nào", "lần thứ mấy?", "hoi-nghi"),
    ("hội nghị họp hôm nào", "lần thứ mấy", "hoi-nghi"),
    ("nghị quyết ban hành ngày nào", "thế khoá mấy", "nhiem-ky"),
    ("ngày họp hội nghị", "ai ký", "nguoi-ky"),
    ("hội nghị lần thứ mấy", "họp hôm nào", "ngay-hoi-nghi"),
    ("nghị quyết do ai ký", "ký ngày nào", "ngay-hoi-nghi"),
    ("ai ký nghị quyết", "hội nghị lần thứ mấy", "hoi-nghi"),
    ("hội nghị diễn ra hôm nào", "nhiệm kỳ nào", "nhiem-ky"),
    ("hội nghị lần thứ mấy", "ai ký", "nguoi-ky"),
    ("ngày ban hành nghị quyết", "khoá mấy", "nhiem-ky"),
]


@pytest.mark.parametrize(("before", "question", "item"), ANOTHER_FACT)
def test_a_follow_up_asking_another_fact_gets_that_fact(
    shared_library: Library, before: str, question: str, item: str
) -> None:
    answer = shared_library.answer(question, shared_library.answer(before))
    assert (answer.status, answer.matches[0].id) == ("answer", item)


# An item picked by its place in a list, asked what the resolution does not state of it:
# that is said first.
PICKED_AND_NOT_STATED = [
    ("dự án nào phải khởi công trong năm 2020", "dự án thứ hai ở huyện nào", "du-an-bo-sua"),
    ("dự án nào phải khởi công trong năm 2020", "cái thứ hai đặt ở huyện nào", "du-an-bo-sua"),
    (
        "dự án nào phải khởi công trong năm 2020",
        "cái thứ nhất dài bao nhiêu km",
        "cao-toc-dong-dang-tra-linh",
    ),
    (
        "dự án nào phải khởi công trong năm 2020",
        "dự án thứ nhất tổng vốn bao nhiêu",
        "cao-toc-dong-dang-tra-linh",
    ),
    (
        "dự án nào phải khởi công trong năm 2020",
        "cái thứ 2 được cấp bao nhiêu tiền",
        "du-an-bo-sua",
    ),
]


@pytest.mark.parametrize(("before", "question", "item"), PICKED_AND_NOT_STATED)
def test_what_is_not_stated_of_an_item_picked_from_a_list_is_said(
    shared_library: Library, before: str, question: str, item: str
) -> None:
    answer = shared_library.answer(question, shared_library.answer(before))
    assert (answer.status, answer.matches[0].id) == ("none", item)
    assert answer.headline.startswith("Nghị quyết không nêu")


def test_an_item_picked_alone_by_its_place_is_answered(shared_library: Library) -> None:
    before = shared_library.answer("dự án nào phải khởi công trong năm 2020")
    answer = shared_library.answer("cái thứ hai là gì", before)
    assert (answer.status, answer.matches[0].id) == ("answer", "du-an-bo-sua")
    # Alone, "cái thứ hai" names nothing: no item shares the word "thứ".
    assert shared_library.answer("cái thứ hai là gì").status == "none"


def test_another_year_after_a_figure_is_refused_for_that_year(shared_library: Library) -> None:
    before = shared_library.answer("chỉ tiêu GRDP tăng 7,5% năm 2020")
    answer = shared_library.answer("năm 2021 thì sao", before)
    assert answer.status == "none"
    assert "không có số liệu năm 2021" in answer.headline
