"""Broadcasts through the real python-telegram-bot stack and the fake Bot API.

/thongbao's preview keeps the administrator's formatting; [Gửi] reaches every user once
(403 marks the blocked, 429 waits); the administrator's message shows the final report;
/tatthongbao; a user who blocks the bot (my_chat_member) is left out; a question asked
during a broadcast is answered at once.
"""

from __future__ import annotations

import asyncio

import pytest

from tests.fakes.bot_api import Call
from tests.fixtures.telegram import ADMIN_ID, TelegramHarness

USERS = list(range(700001, 700031))


async def _users_wrote(bot: TelegramHarness, users: list[int]) -> None:
    for user in users:
        await bot.ask("xin chào", user_id=user)


async def _compose(bot: TelegramHarness, text: str, entities: list[dict] | None = None) -> Call:
    update = bot.api.private_message(text, bot.user(ADMIN_ID))
    if entities is not None:
        update["message"]["entities"] = entities
    return await bot.reply_to(update)


async def _press(bot: TelegramHarness, call: Call, label: str) -> Call:
    data = next(b["callback_data"] for b in call.buttons if b["text"] == label)
    update = bot.api.callback_query(bot.user(ADMIN_ID), call.response["result"], data)
    mark = bot.api.push(update)
    await bot.handled(update)
    return bot.api.calls_of("editMessageText", since=mark)[-1]


async def _final_report(bot: TelegramHarness, seconds: float = 30) -> Call:
    call = await bot.api.wait_for_call(
        "editMessageText", lambda c: "Đã gửi xong" in c.plain_text, seconds
    )
    return call


async def test_an_announcement_reaches_everyone_once_with_its_formatting(
    telegram_bot: TelegramHarness,
) -> None:
    bot = telegram_bot
    await _users_wrote(bot, USERS)
    bot.api.blocked.add(USERS[0])
    bot.api.fail_every("sendMessage", 10, 429, retry_after=1)
    text = "/thongbao Họp giao ban lúc 8h, xem tài liệu"
    bold = {"type": "bold", "offset": text.index("giao"), "length": len("giao ban lúc")}
    link = {
        "type": "text_link",
        "offset": text.index("xem"),
        "length": len("xem tài liệu"),
        "url": "https://example.gov.vn/a?b=1",
    }
    preview = await _compose(
        bot, text, [{"type": "bot_command", "offset": 0, "length": 9}, bold, link]
    )
    assert "(31 người nhận)" in preview.plain_text  # the users and the administrator
    assert "<b>giao ban lúc</b>" in preview.text
    assert '<a href="https://example.gov.vn/a?b=1">xem tài liệu</a>' in preview.text
    mark = bot.api.mark()
    sending = await _press(bot, preview, "Gửi")
    assert "Đang gửi thông báo" in sending.plain_text
    final = await _final_report(bot)
    assert "nhận được: 30" in final.plain_text
    assert "đã chặn bot hoặc rời nhóm: 1" in final.plain_text
    sent = [
        c for c in bot.api.calls_of("sendMessage", since=mark)
        if c.ok and "giao ban" in c.plain_text
    ]  # fmt: skip
    per_chat = {c.chat_id for c in sent}
    assert len(sent) == len(per_chat) == 30
    assert USERS[0] not in per_chat
    assert all("<b>giao ban lúc</b>" in c.text for c in sent)


async def test_opting_out_and_blocking_leave_a_user_out(telegram_bot: TelegramHarness) -> None:
    bot = telegram_bot
    await _users_wrote(bot, USERS[:3])
    reply = await bot.ask("/tatthongbao", user_id=USERS[0])
    assert "Đã tắt thông báo chung" in reply.plain_text
    chat = bot.api.private_chat(bot.user(USERS[1]))
    blocked = bot.api.my_chat_member(chat, bot.user(USERS[1]), "member", "kicked")
    await bot.handle(blocked)
    preview = await _compose(bot, "/thongbao Nhắc lịch họp")
    assert "(2 người nhận)" in preview.plain_text  # USERS[2] and the administrator
    await _press(bot, preview, "Gửi")
    final = await _final_report(bot)
    assert "nhận được: 2" in final.plain_text
    assert "Đã bật lại" in (await bot.ask("/batthongbao", user_id=USERS[0])).plain_text


async def test_thongbao_without_text_explains_and_others_are_refused(
    telegram_bot: TelegramHarness,
) -> None:
    bot = telegram_bot
    assert "Cú pháp: /thongbao" in (await bot.ask("/thongbao", user_id=ADMIN_ID)).plain_text
    assert "quyền quản trị" in (await bot.ask("/thongbao xin chào", user_id=USERS[0])).plain_text


async def test_cancel_a_preview_sends_nothing(telegram_bot: TelegramHarness) -> None:
    bot = telegram_bot
    await _users_wrote(bot, USERS[:2])
    preview = await _compose(bot, "/thongbao Không gửi")
    mark = bot.api.mark()
    dropped = await _press(bot, preview, "Huỷ")
    assert "không gửi cho ai" in dropped.plain_text
    await asyncio.sleep(1.5)
    assert not [c for c in bot.api.calls_of("sendMessage", since=mark) if "Không gửi" in c.text]


@pytest.mark.parametrize("rate", ["30"])
async def test_a_question_during_a_broadcast_is_answered_at_once(start_bot, rate: str) -> None:
    bot = await start_bot({"BROADCAST_RATE": rate})
    users = list(range(710001, 710091))
    await _users_wrote(bot, users)
    preview = await _compose(bot, "/thongbao Thông báo dài")
    await _press(bot, preview, "Gửi")
    await asyncio.sleep(0.5)
    loop = asyncio.get_running_loop()
    start = loop.time()
    answer = await bot.ask("tỷ lệ che phủ rừng", user_id=users[5])
    assert "55%" in answer.plain_text
    assert loop.time() - start < 1.0
    await _final_report(bot, seconds=20)


async def test_reminders_are_created_listed_paused_and_fired(
    telegram_bot: TelegramHarness,
) -> None:
    bot = telegram_bot
    await _users_wrote(bot, USERS[:3])
    made = await bot.ask("/nhacnho hằng ngày 8h | Nhắc <họp> giao ban | tất cả", user_id=ADMIN_ID)
    assert "Đã tạo nhắc nhở số 1: 08:00 hằng ngày" in made.plain_text
    listed = await bot.ask("/nhacnho", user_id=ADMIN_ID)
    assert "Nhắc <họp> giao ban" in listed.plain_text
    data = next(b["callback_data"] for b in listed.buttons if b["text"] == "Tạm dừng 1")
    update = bot.api.callback_query(bot.user(ADMIN_ID), listed.response["result"], data)
    mark = bot.api.push(update)
    await bot.handled(update)
    assert "(tạm dừng)" in bot.api.calls_of("editMessageText", since=mark)[-1].plain_text
    # Due now: the reminder fires through the outbox, once.
    from sqlalchemy import update as sql_update

    from bot.storage.models import Reminder

    async with bot.core.database.write() as session:
        await session.execute(sql_update(Reminder).values(paused=False, next_fire_at=func_now()))
    mark = bot.api.mark()
    assert len(await bot.core.reminders.tick()) == 1
    await bot.api.wait_for_call(
        "sendMessage", lambda c: c.chat_id == USERS[2] and "Nhắc" in c.plain_text, 10, since=mark
    )
    assert "quyền quản trị" in (await bot.ask("/nhacnho", user_id=USERS[0])).plain_text


def func_now():
    import datetime as dt

    return dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)


async def test_an_announcement_to_the_reporters_of_some_units(
    telegram_bot: TelegramHarness,
) -> None:
    bot = telegram_bot
    await _users_wrote(bot, USERS[:3])
    access = bot.core.desk.access
    await access.grant(ADMIN_ID, USERS[0], "reporter", ("ha-quang",))
    await access.grant(ADMIN_ID, USERS[1], "reporter", ("so-y-te",))
    preview = await _compose(bot, "/thongbao đơn vị huyện Hà Quảng, Sở Y tế | Nộp báo cáo quý")
    assert "người báo cáo của Huyện Hà Quảng, Sở Y tế (2 người nhận)" in preview.plain_text
    assert "Nộp báo cáo quý" in preview.plain_text
    wrong = await _compose(bot, "/thongbao đơn vị huyện Lục Yên | Nộp")
    assert "Chưa nhận ra người nhận" in wrong.plain_text
    made = await bot.ask("/nhacnho hằng ngày 8h | Nhắc nộp | đơn vị Sở Y tế", user_id=ADMIN_ID)
    assert "gửi tới người báo cáo của Sở Y tế" in made.plain_text
