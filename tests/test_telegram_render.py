"""Telegram HTML: the terminal's words, escaped, in messages Telegram accepts."""

from __future__ import annotations

import html
import re

import pytest

from bot.answering.answers import Answer, Match
from bot.answering.qa import QuestionAnswerer
from bot.answering.render import render_text
from bot.lines import Line
from handlers.render import MAX_MESSAGE_LENGTH, answer_messages, render_html, split_lines
from tests.fakes.bot_api import parse_html, utf16_length

QUESTIONS = [
    "chỉ tiêu che phủ rừng?",
    "che phu rung",
    "tỷ lệ",
    "kinh tế",
    "ai ký nghị quyết",
    "nhiệm vụ xây dựng Đảng",
    "thu ngân sách năm 2020 là bao nhiêu",
    "có bao nhiêu chỉ tiêu",
    "chỉ tiêu của tỉnh Lạng Sơn",
    "xin chào",
    "cảm ơn bot",
    "dùng sao",
    "bot tên gì",
    "tôi công tác ở phòng nội vụ, cho hỏi tỷ lệ che phủ rừng",
    "xã chúng tôi phải đạt tỷ lệ che phủ rừng bao nhiêu",
    "kể hết các chỉ tiêu",
    "nghị quyết gồm những phần nào",
    "55% là gì",
    "13,8% là chỉ tiêu gì",
    "kim ngachj xuaats khaaur",
    "mười ba phẩy tám phần trăm là chỉ tiêu gì",
    "cao tốc Đồng Đăng Trà Lĩnh dài bao nhiêu km",
    "thu nội địa 2.000 tỷ đúng chứ",
    "tỷ lệ BHYT hơn tỷ lệ lao động qua đào tạo bao nhiêu",
    "có chỉ tiêu về nước sạch không",
    "<b>che phủ</b> & <script>alert(1)</script>",
    "báo cáo tổng kết năm 2019 nói gì",
    "đại hội XIX tổ chức khi nào",
    "hội nghị lần thứ 19 nói gì",
    "đến năm 2025 che phủ rừng bao nhiêu",
    "đề án nào có tầm nhìn đến năm 2035",
    "có những chỉ tiêu nào về giáo dục, đào tạo?",
    "thu nội địa gấp mấy lần thu xuất nhập khẩu",
    "nk + xk + giam sat co bang tong 2370 ko",
    "phần 2 gồm những gì",
    "con số 77% là gì",
    "chỉ tiêu nào cao nhất trong nhóm môi trường",
    "huyện Trùng Khánh được giao kết nạp bao nhiêu đảng viên",
    "năm 2019 GRDP tăng bao nhiêu",
    "95% ứng với chỉ tiêu nào",
    "chỉ tiêu 45% là gì",
    "huyện Bảo Lâm phải tăng mấy trường chuẩn quốc gia",
    "tỷ lệ lao động qua đào tạo phải đạt bao nhiêu",
    "nhiệm vụ chủ yếu gồm mấy nhóm, kể tên",
    "cao tốc Đồng Đăng Trà Lĩnh bao giờ xong",
    "có chỉ tiêu về số khách du lịch không",
    "Dịch giúp sang tiếng Anh câu: tăng trưởng kinh tế bền vững",
    "2.000 đảng viên thì mỗi huyện phải kết nạp bao nhiêu",
    "nghị quyết đại hội XIX có mấy chỉ tiêu",
    "ngành nào tăng chậm nhất",
    "có chỉ tiêu về tỷ lệ thất nghiệp không",
    (
        "Kính gửi ban quản trị, tôi là chuyên viên phòng kinh tế huyện. Xin hỏi chỉ tiêu thu "
        "nội địa năm 2020 là bao nhiêu? Trân trọng cảm ơn."
    ),
    "có chỉ tiêu về du lịch không",
    "Lương cơ sở năm 2020 là bao nhiêu vậy ad",
    "bộ tiêu chí quốc gia về xã nông thôn mới nâng cao gồm những tiêu chí nào",
    "Khu vực nông nghiệp trong GRDP tăng mấy phần trăm?",
    "kim ngạch nhập khẩu đăng ký tại địa bàn là 600 triệu USD đúng k",
    "mình thấy ghi 200 tỷ, đó là khoản thu gì?",
    "gia tri hang hoa giam sat hon kim ngach xuat khau dang ky bao nhieu",
    "bi thu tinh uy cao bang hien nay la ai",
    "Tỷ lệ hộ cận nghèo năm 2020 phải giảm bao nhiêu?",
    "đây là nghị quyết hội nghị lần thứ 19 của BCH phải không",
    "ai chịu trách nhiệm chỉ tiêu che phủ rừng",
    "Tỷ lệ hộ nghèo cuối năm 2020 còn lại bao nhiêu phần trăm?",
    (
        "Sáng nay chi bộ sinh hoạt, đ/c phó bí thư có nhắc chỉ tiêu kết nạp đảng viên mới của "
        "tỉnh mà em ghi ko kịp. Cho em hỏi là bao nhiêu ạ?"
    ),
    "Mỗi huyện tăng ít nhất 1 trường chuẩn quốc gia, vậy là trường mầm non, tiểu học hay THCS?",
    # the honest no with the nearest thing said, or with the list of the targets
    "có chỉ tiêu về tỷ lệ thất nghiệp không",
    "có chỉ tiêu về tỷ lệ hộ dùng điện lưới không",
    "nghị quyết có nhắc dự án sân bay không",
    # things the resolution speaks of only together; a part of the year; a total of districts
    "các công trình chào mừng đại hội gồm những công trình nào",
    "thu ngân sách 6 tháng đầu năm đạt bao nhiêu",
    "trường chuẩn quốc gia toàn tỉnh cộng lại bao nhiêu trường",
    # named by rank; a premise whose figure is the claim; writing for the asker
    "dự án thứ 2 là gì",
    "lđ qua đào tạo nghề 45% đúng không",
    "viết giúp em bài phát biểu về che phủ rừng",
    # each figure put to the check; premises on a year or a number of an item; a place
    # mentioned, and a place's projects; a share by district; a cited document's layout
    "xuất khẩu 600 triệu USD nhập khẩu 150 triệu USD đúng không",
    "GRDP 7,5% và thu nội địa 2.000 tỷ đồng đúng không",
    "đề án du lịch tầm nhìn 2030 đúng không",
    "đại hội đảng bộ tỉnh lần thứ XX đúng ko",
    "Lạng Sơn được nhắc đến trong nghị quyết này ở chỗ nào",
    "huyện Hạ Lang có dự án gì trong NQ ko",
    "nghị quyết có nhắc đến Bảo Lâm không",
    "chỉ tiêu kết nạp 2000 đảng viên chia cho các huyện thế nào",
    "điều lệ đảng có bao nhiêu chương",
    "năm 2021 có những dự án nào",
]


# Follow-ups: (the previous question, the follow-up).
FOLLOW_UPS = [
    ("kim ngạch xuất khẩu năm nay bao nhiêu", "vậy còn nhập khẩu?"),
    ("tỷ lệ che phủ rừng", "cái đó ở mục nào?"),
    ("tỷ lệ che phủ rừng", "năm 2021 thì sao"),
    ("tỷ lệ BHYT", "còn huyện Hà Quảng?"),
    ("4 đề án chiến lược về phát triển kinh tế là gì", "cái thứ 2 là gì"),
    ("Dự án cao tốc nào phải khởi công năm 2020?", "dự án còn lại là gì"),
    ("Đề án phát triển du lịch giai đoạn nào?", "tầm nhìn đến năm nào"),
    ("cao tốc đồng đăng trà lĩnh", "dài bao nhiêu km"),
    ("tỷ lệ lao động qua đào tạo", "trong đó nghề bao nhiêu"),
    ("tỷ lệ TCCS đảng hoàn thành tốt nhiệm vụ", "còn đảng viên?"),
    ("Tổng kim ngạch XNK qua địa bàn bao nhiêu", "đã gồm hàng hóa giám sát chưa"),
    ("hội nghị lần 20 họp ngày nào", "thế khóa mấy"),
    ("hội nghị họp hôm nào", "lần thứ mấy?"),
    ("dự án nào phải khởi công trong năm 2020", "dự án thứ hai ở huyện nào"),
]


@pytest.mark.parametrize(("previous", "question"), FOLLOW_UPS)
def test_html_of_a_follow_up_is_the_terminal_text(
    shared_answerer: QuestionAnswerer, previous: str, question: str
) -> None:
    answer = shared_answerer.answer(question, shared_answerer.answer(previous))
    assert strip_tags(render_html(answer)) == render_text(answer)
    assert parse_html(render_html(answer)) == render_text(answer)


def strip_tags(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", text))


@pytest.mark.parametrize("question", QUESTIONS)
def test_html_shows_exactly_the_terminal_text(
    shared_answerer: QuestionAnswerer, question: str
) -> None:
    answer = shared_answerer.answer(question)
    rendered = render_html(answer)
    assert strip_tags(rendered) == render_text(answer)
    # ... and Telegram's own parser agrees (the fake server parses like Telegram).
    assert parse_html(rendered) == render_text(answer)


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_answer_fits_telegram(shared_answerer: QuestionAnswerer, question: str) -> None:
    for message in answer_messages(shared_answerer.answer(question)):
        assert utf16_length(parse_html(message)) <= MAX_MESSAGE_LENGTH


def test_every_item_of_the_knowledge_base_renders(shared_answerer: QuestionAnswerer) -> None:
    for item_id in shared_answerer.kb.entries:
        answer = shared_answerer.describe(item_id)
        messages = answer_messages(answer)
        assert "\n".join(parse_html(m) for m in messages) == render_text(answer)


def test_styles_become_tags_and_text_is_escaped() -> None:
    answer = Answer(
        question="q",
        status="answer",
        headline="A <b> & B",
        lines=("x < y > z",),
        place="mục II.1.3",
        source="<script>",
    )
    assert render_html(answer).splitlines() == [
        "<b>A &lt;b&gt; &amp; B</b>",
        "x &lt; y &gt; z",
        "<i>mục II.1.3</i>",
        "<blockquote>Nguyên văn: “&lt;script&gt;”</blockquote>",
    ]


def long_answer(lines: int, width: int = 90) -> Answer:
    body = tuple(f"• Dòng {n} <{n}> & " + "chữ " * (width // 4) for n in range(lines))
    return Answer("q", "answer", "Tiêu đề & <đầu>", body, place="mục II.2", source="Nguyên văn")


def test_a_long_answer_is_split_between_lines() -> None:
    answer = long_answer(200)
    messages = answer_messages(answer)
    assert len(messages) > 1
    for message in messages:
        assert utf16_length(parse_html(message)) <= MAX_MESSAGE_LENGTH
        assert len(message) <= MAX_MESSAGE_LENGTH
    # Cut only at line ends: the messages, joined, are the whole reply.
    assert "\n".join(parse_html(m) for m in messages) == render_text(answer)
    assert "\n".join(messages) == render_html(answer)


def test_a_line_longer_than_a_message_is_cut_between_words_keeping_its_style() -> None:
    words = " ".join(f"từ{n}&" for n in range(1500))
    messages = split_lines([Line("bold", words)])
    assert len(messages) > 1
    for message in messages:
        assert message.startswith("<b>")
        assert message.endswith("</b>")
        assert utf16_length(parse_html(message)) <= MAX_MESSAGE_LENGTH
    assert " ".join(parse_html(m) for m in messages) == words


def test_a_word_longer_than_a_message_is_cut_between_characters() -> None:
    word = "&" * 5000  # each one becomes "&amp;"
    messages = split_lines([Line("italic", word)])
    assert "".join(parse_html(m) for m in messages) == word
    assert all(len(m) <= MAX_MESSAGE_LENGTH for m in messages)


def test_emoji_count_twice_as_telegram_counts_them() -> None:
    line = "🌲" * 3000  # 6,000 UTF-16 code units
    messages = split_lines([Line("plain", line)])
    assert len(messages) == 2
    assert all(utf16_length(parse_html(m)) <= MAX_MESSAGE_LENGTH for m in messages)


def test_choices_answer_lists_the_matches() -> None:
    answer = Answer(
        "tỷ lệ",
        "choices",
        "Chọn:",
        hint="Bấm chọn.",
        matches=(Match("a", "Tỷ lệ <A>", 80.0), Match("b", "Tỷ lệ B", 79.0)),
    )
    assert parse_html(render_html(answer)) == "Chọn:\n1. Tỷ lệ <A>\n2. Tỷ lệ B\nBấm chọn."
