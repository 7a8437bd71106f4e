"""Follow-up questions in Telegram: per chat and user, in memory, for a short while."""

from __future__ import annotations

from tests.fakes.clock import FakeClock
from tests.fixtures.telegram import TelegramHarness
from tests.test_telegram_private import press

LAN = 100001
MINH = 100002
IMPORTS = "Kim ngạch nhập khẩu đăng ký tại địa bàn năm 2020: 120 triệu USD"


async def test_a_follow_up_in_private_is_read_after_the_last_answer(
    telegram_bot: TelegramHarness,
) -> None:
    await telegram_bot.ask("kim ngạch xuất khẩu năm nay bao nhiêu")
    reply = await telegram_bot.ask("vậy còn nhập khẩu?")
    assert reply.plain_text.startswith(IMPORTS)
    where = await telegram_bot.ask("cái đó ở mục nào?")
    assert where.plain_text.startswith(IMPORTS)
    assert "mục II.1.1" in where.plain_text


async def test_each_user_has_their_own_conversation(telegram_bot: TelegramHarness) -> None:
    await telegram_bot.ask("kim ngạch xuất khẩu năm nay bao nhiêu", user_id=LAN)
    await telegram_bot.ask("tỷ lệ che phủ rừng", user_id=MINH)
    assert (await telegram_bot.ask("cái đó ở mục nào?", user_id=LAN)).plain_text.startswith(
        "Kim ngạch xuất khẩu"
    )
    assert (await telegram_bot.ask("cái đó ở mục nào?", user_id=MINH)).plain_text.startswith(
        "Tỷ lệ che phủ rừng"
    )


async def test_a_private_question_never_explains_a_group_follow_up(
    telegram_bot: TelegramHarness,
) -> None:
    await telegram_bot.ask("kim ngạch xuất khẩu năm nay bao nhiêu", user_id=LAN)
    update = telegram_bot.api.group_message("/hoi cái đó ở mục nào?", telegram_bot.user(LAN))
    reply = await telegram_bot.reply_to(update)
    # Read alone in the group: nothing of the private chat shows there.
    assert "Kim ngạch" not in reply.plain_text
    assert "600 triệu USD" not in reply.plain_text


async def test_a_picked_choice_is_what_comes_next(telegram_bot: TelegramHarness) -> None:
    offered = await telegram_bot.ask("tỷ lệ")
    assert len(offered.buttons) >= 2, offered.plain_text
    second = offered.buttons[1]
    mark = await press(telegram_bot, offered, second["callback_data"])
    picked = await telegram_bot.api.wait_for_call("sendMessage", since=mark)
    reply = await telegram_bot.ask("cái đó ở mục nào?")
    assert reply.plain_text == picked.plain_text


async def test_the_previous_answer_expires(telegram_bot: TelegramHarness) -> None:
    clock = FakeClock()
    conversations = telegram_bot.edge.conversations
    conversations._clock = clock
    await telegram_bot.ask("kim ngạch xuất khẩu năm nay bao nhiêu")
    clock.advance(conversations.ttl + 1)
    reply = await telegram_bot.ask("cái đó ở mục nào?")
    assert not reply.plain_text.startswith("Kim ngạch")
