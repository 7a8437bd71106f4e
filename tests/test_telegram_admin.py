"""Administrators' commands, on SQLite and PostgreSQL: /chuatraloi and /taila."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.fixtures.telegram import ADMIN_ID, StartBot, TelegramHarness, copy_knowledge

LAN = 100001
MINH = 100002
FOREST = "Tỷ lệ che phủ rừng năm 2020: 55%"


@pytest.fixture
async def bot_on_each_database(database_url: str, start_bot: StartBot) -> TelegramHarness:
    # database_url first: fixtures are torn down in reverse, so the bot stops (and writes
    # its pending question log) before the database is dropped.
    """Run the bot on a fresh SQLite file, then on a fresh PostgreSQL database."""
    return await start_bot({"DATABASE_URL": database_url})


async def test_unanswered_questions_are_listed_for_an_admin(
    bot_on_each_database: TelegramHarness,
) -> None:
    bot = bot_on_each_database
    asked = [
        (LAN, "thời tiết hôm nay"),
        (MINH, "Thoi tiet hom nay"),
        (LAN, "THỜI TIẾT HÔM NAY?"),
        (LAN, "tỷ lệ"),
        (MINH, "tỷ lệ"),
        (LAN, "<b>giá vàng</b> & <script>"),
        (LAN, "che phủ rừng"),  # answered: not listed
    ]
    for user_id, question in asked:
        await bot.ask(question, user_id=user_id)
    reply = await bot.ask("/chuatraloi", user_id=ADMIN_ID)
    assert reply.ok, reply.response
    lines = reply.plain_text.splitlines()
    assert lines[0] == "Câu hỏi chưa trả lời được trong 7 ngày qua (hỏi nhiều nhất trước):"
    assert re.fullmatch(
        r"1\. “THỜI TIẾT HÔM NAY\?” – 3 lần, lần cuối \d\d/\d\d \d\d:\d\d; "
        r"không tìm thấy nội dung",
        lines[1],
    )
    assert lines[2].startswith("2. “tỷ lệ” – 2 lần")
    assert lines[2].endswith("phải hỏi lại để chọn")
    # The question's markup is shown as typed, so it was escaped (the fake server checks).
    assert lines[3].startswith("3. “<b>giá vàng</b> & <script>” – 1 lần")
    assert len(lines) == 4
    assert "<b>Câu hỏi chưa trả lời được" in reply.text


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/chuatraloi", "Không có câu hỏi nào chưa trả lời được trong 7 ngày qua."),
        ("/chuatraloi 30", "Không có câu hỏi nào chưa trả lời được trong 30 ngày qua."),
        ("/chuatraloi 0", "Cú pháp: /chuatraloi"),
        ("/chuatraloi abc", "Cú pháp: /chuatraloi"),
        ("/chuatraloi 1 2", "Cú pháp: /chuatraloi"),
        ("/chuatraloi 365", "Không có câu hỏi nào chưa trả lời được trong 365 ngày qua."),
        ("/chuatraloi 366", "Cú pháp: /chuatraloi"),
        ("/chuatraloi ²", "Cú pháp: /chuatraloi"),  # a digit to str.isdigit(), not to int()
        ("/chuatraloi 1e3", "Cú pháp: /chuatraloi"),
        ("/chuatraloi -5", "Cú pháp: /chuatraloi"),
        ("/chuatraloi +7", "Cú pháp: /chuatraloi"),
        ("/chuatraloi 1_0", "Cú pháp: /chuatraloi"),  # int() would read 10
        ("/chuatraloi ٣٠", "Cú pháp: /chuatraloi"),  # Arabic-Indic 30: int() would read it
        ("/chuatraloi 7.5", "Cú pháp: /chuatraloi"),
        ("/chuatraloi 99999999999999999999", "Cú pháp: /chuatraloi"),
    ],
)
async def test_unanswered_arguments(
    telegram_bot: TelegramHarness, command: str, expected: str
) -> None:
    reply = await telegram_bot.ask(command, user_id=ADMIN_ID)
    assert reply.plain_text == expected or reply.plain_text.startswith(expected)


@pytest.mark.parametrize("command", ["/chuatraloi", "/chuatraloi 7", "/taila"])
async def test_admin_commands_are_refused_to_others(
    telegram_bot: TelegramHarness, command: str
) -> None:
    reply = await telegram_bot.ask(command, user_id=LAN)
    assert reply.plain_text == "Lệnh này chỉ dành cho quản trị viên của bot."


def edit_forest_figure(path: Path, value: str) -> None:
    """Set the forest cover figure in a copy of the knowledge base."""
    text = path.read_text(encoding="utf-8")
    old = 'value: "55"\n              unit: "%"\n              source: "Tỷ lệ che phủ rừng 55%"'
    assert old in text
    path.write_text(text.replace(old, old.replace('"55"', f'"{value}"')), encoding="utf-8")


async def test_reload_takes_a_good_file_and_refuses_a_broken_one(
    database_url: str, start_bot: StartBot, tmp_path: Path
) -> None:
    knowledge = copy_knowledge(tmp_path)
    bot = await start_bot({"KNOWLEDGE_PATH": str(knowledge), "DATABASE_URL": database_url})
    assert (await bot.ask("che phủ rừng")).plain_text.startswith(FOREST)

    edit_forest_figure(knowledge, "56")
    reloaded = await bot.ask("/taila", user_id=ADMIN_ID)
    assert reloaded.plain_text.startswith("Đã nạp lại dữ liệu Nghị quyết:")
    assert (await bot.ask("che phủ rừng")).plain_text.startswith(
        "Tỷ lệ che phủ rừng năm 2020: 56%"
    )

    broken = knowledge.read_text(encoding="utf-8").replace(
        'value: "56"\n', 'value: "năm mươi <b>&"\n              colour: "xanh"\n'
    )
    knowledge.write_text(broken, encoding="utf-8")
    refused = await bot.ask("/taila", user_id=ADMIN_ID)
    assert refused.ok, refused.response  # problems quoting "<b>&" were escaped
    assert refused.plain_text.startswith("Không nạp lại được: tệp tri thức có 2 lỗi.")
    assert "not a number: 'năm mươi <b>&'" in refused.plain_text
    assert "colour" in refused.plain_text
    # The bot keeps the knowledge it had.
    assert (await bot.ask("che phủ rừng")).plain_text.startswith(
        "Tỷ lệ che phủ rừng năm 2020: 56%"
    )


async def test_a_reload_with_many_problems_lists_some_and_counts_the_rest(
    start_bot: StartBot, tmp_path: Path
) -> None:
    knowledge = copy_knowledge(tmp_path)
    bot = await start_bot({"KNOWLEDGE_PATH": str(knowledge)})
    text = knowledge.read_text(encoding="utf-8")
    knowledge.write_text(text.replace("unit: ", "unitt: "), encoding="utf-8")
    refused = await bot.ask("/taila", user_id=ADMIN_ID)
    assert refused.ok
    assert re.search(r"… và \d+ lỗi khác\.", refused.plain_text)
    assert refused.plain_text.count("• ") == 15
