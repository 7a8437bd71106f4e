"""In groups the bot is silent unless addressed: /hoi, /hoi@bot, @mention, or a reply to it."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.fakes.bot_api import BOT_USERNAME
from tests.fixtures.telegram import TelegramHarness

HOA = 200001
FOREST = "Tỷ lệ che phủ rừng năm 2020: 55%"


def group_message(bot: TelegramHarness, text: str, **extra):
    return bot.api.group_message(text, bot.user(HOA, "Hoa"), **extra)


@pytest.mark.parametrize(
    "message",
    [
        "che phủ rừng bao nhiêu nhỉ",
        "tỷ lệ che phủ rừng năm 2020?",
        "/hoi@another_bot che phủ rừng",
        "gửi @someone_else che phủ rừng",
    ],
)
async def test_a_message_not_addressed_to_the_bot_gets_no_reply(
    telegram_bot: TelegramHarness, message: str
) -> None:
    assert await telegram_bot.silent_on(group_message(telegram_bot, message)) == []


@pytest.mark.parametrize(
    "message",
    [
        "/hoi che phủ rừng",
        f"/hoi@{BOT_USERNAME} che phủ rừng",
        f"@{BOT_USERNAME} che phủ rừng?",
        f"Cho hỏi @{BOT_USERNAME.upper()}, tỷ lệ che phủ rừng",
    ],
)
async def test_a_message_addressed_to_the_bot_is_answered(
    telegram_bot: TelegramHarness, message: str
) -> None:
    update = group_message(telegram_bot, message)
    reply = await telegram_bot.reply_to(update)
    assert reply.plain_text.startswith(FOREST)
    # In a group the answer quotes the question it answers.
    assert reply.params["reply_parameters"]["message_id"] == update["message"]["message_id"]


async def test_a_reply_to_the_bot_is_answered(telegram_bot: TelegramHarness) -> None:
    first = await telegram_bot.reply_to(group_message(telegram_bot, "/hoi kinh tế"))
    bot_message = first.response["result"]
    follow_up = group_message(telegram_bot, "thế còn tỷ lệ che phủ rừng?", reply_to=bot_message)
    reply = await telegram_bot.reply_to(follow_up)
    assert reply.plain_text.startswith(FOREST)


async def test_a_reply_to_someone_else_is_ignored(telegram_bot: TelegramHarness) -> None:
    other = group_message(telegram_bot, "ai biết che phủ rừng không")["message"]
    update = group_message(telegram_bot, "che phủ rừng 55% đó", reply_to=other)
    assert await telegram_bot.silent_on(update) == []


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("/hoi", "Đồng chí gõ câu hỏi sau lệnh"),
        (f"@{BOT_USERNAME}", "Đồng chí cần hỏi gì về Nghị quyết?"),
        ("/start", "Trong nhóm, tôi chỉ trả lời khi được hỏi"),
        ("/help", "Trong nhóm"),
        ("/chitieu", "Các chỉ tiêu chủ yếu"),
    ],
)
async def test_commands_and_empty_mentions_in_a_group(
    telegram_bot: TelegramHarness, message: str, expected: str
) -> None:
    reply = await telegram_bot.reply_to(group_message(telegram_bot, message))
    assert expected in reply.plain_text


async def test_stickers_and_unknown_commands_in_a_group_are_ignored(
    telegram_bot: TelegramHarness,
) -> None:
    unknown = group_message(telegram_bot, "/khonglenh")
    assert await telegram_bot.silent_on(unknown) == []


async def test_questions_in_groups_are_logged_with_the_group(
    telegram_bot: TelegramHarness,
) -> None:
    update = group_message(telegram_bot, f"@{BOT_USERNAME} che phủ rừng")
    await telegram_bot.reply_to(update)
    await telegram_bot.core.questions.flush()  # questions are logged in batches
    async with telegram_bot.core.database.transaction() as session:
        logged = (
            await session.execute(text("select text, chat_id, telegram_id from questions"))
        ).all()
    assert [tuple(r) for r in logged] == [("che phủ rừng", update["message"]["chat"]["id"], HOA)]


async def test_joining_and_leaving_groups_is_recorded(telegram_bot: TelegramHarness) -> None:
    api = telegram_bot.api
    group = api.group_chat(-100777, "Đảng uỷ Khối")
    adder = telegram_bot.user(HOA, "Hoa")
    assert await telegram_bot.silent_on(api.my_chat_member(group, adder, "left", "member")) == []

    async def chats():
        async with telegram_bot.core.database.transaction() as session:
            result = await session.execute(text("select chat_id, type, title, status from chats"))
            return [tuple(r) for r in result.all()]

    assert await chats() == [(-100777, "supergroup", "Đảng uỷ Khối", "member")]
    await telegram_bot.silent_on(api.my_chat_member(group, adder, "member", "left"))
    assert await chats() == [(-100777, "supergroup", "Đảng uỷ Khối", "left")]


async def test_flood_control_in_a_group_counts_only_messages_to_the_bot(
    telegram_bot: TelegramHarness,
) -> None:
    for n in range(30):  # chatter the bot does not answer does not count
        await telegram_bot.silent_on(group_message(telegram_bot, f"tin nhắn thường {n}"))
    reply = await telegram_bot.reply_to(group_message(telegram_bot, "/hoi che phủ rừng"))
    assert reply.plain_text.startswith(FOREST)
