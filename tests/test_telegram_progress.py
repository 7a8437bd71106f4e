"""Progress through the real python-telegram-bot stack and the fake Bot API.

register → approve → report → card → [Lưu] → /tiendo; a viewer's /capnhat refused; a
double-pressed [Lưu] saves once; an expired card; a restart between the card and [Lưu];
50 reporters at once lose nothing (SQLite and PostgreSQL); the Excel file; the chart; the
command menu by role; nothing of it in a group.
"""

from __future__ import annotations

import asyncio
import io
import re

import openpyxl
import pytest
from sqlalchemy import func, select, update

from bot.storage.models import Card, Submission
from tests.fakes.bot_api import Call
from tests.fixtures.telegram import ADMIN_ID, StartBot, TelegramHarness

REPORTER = 200001
VIEWER = 200002


def _button(call: Call, label: str) -> str:
    for button in call.buttons:
        if button["text"] == label:
            return str(button["callback_data"])
    raise AssertionError(f"no button {label}: {[b['text'] for b in call.buttons]}")


async def _press(bot: TelegramHarness, call: Call, label: str, user_id: int) -> Call:
    message = call.response["result"]
    update = bot.api.callback_query(bot.user(user_id), message, _button(call, label))
    mark = bot.api.push(update)
    await bot.handled(update)
    edits = bot.api.calls_of("editMessageText", since=mark)
    assert edits, "the pressed message was not edited"
    return edits[-1]


async def _reporter_of(bot: TelegramHarness, user_id: int, unit: str) -> None:
    mark = bot.api.mark()
    asked = await bot.ask(f"/dangky {unit}", user_id=user_id)
    assert "Đã gửi đề nghị" in asked.plain_text
    (request,) = [
        c for c in bot.api.calls_of("sendMessage", since=mark, chat_id=ADMIN_ID)
        if "Đề nghị đăng ký" in c.plain_text
    ]  # fmt: skip
    decided = await _press(bot, request, "Duyệt", ADMIN_ID)
    assert "Đã duyệt" in decided.plain_text
    told = bot.api.calls_of("sendMessage", since=mark, chat_id=user_id)
    assert any("đã được duyệt" in c.plain_text for c in told)


async def _count(bot: TelegramHarness, model: type) -> int:
    async with bot.core.database.transaction() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture
async def bot_on_each_database(database_url: str, start_bot: StartBot) -> TelegramHarness:
    """Run the bot on a fresh SQLite file, then on a fresh PostgreSQL database."""
    return await start_bot({"DATABASE_URL": database_url})


async def test_register_report_confirm_and_see_progress(
    bot_on_each_database: TelegramHarness,
) -> None:
    bot = bot_on_each_database
    await _reporter_of(bot, REPORTER, "huyện Hà Quảng")
    # The reporter's menu now has the reporting commands.
    menu = bot.api.commands[f"chat:{REPORTER}"]
    assert {"capnhat", "tiendo", "rutlai"} <= {c["command"] for c in menu}
    card = await bot.ask("cập nhật kết nạp 35 đảng viên tháng 6", user_id=REPORTER)
    assert "Xác nhận số liệu báo cáo (chưa lưu)" in card.plain_text
    assert "Đơn vị: Huyện Hà Quảng" in card.plain_text
    assert [b["text"] for b in card.buttons] == ["Lưu", "Sửa", "Huỷ"]
    saved = await _press(bot, card, "Lưu", REPORTER)
    assert "Đã lưu 1 số liệu của Huyện Hà Quảng" in saved.plain_text
    assert saved.params.get("reply_markup") in (None, {}, {"inline_keyboard": []})
    progress = await bot.ask("/tiendo", user_id=REPORTER)
    assert "Số đảng viên kết nạp mới: 35 đảng viên" in progress.plain_text
    mark = bot.api.mark()
    detail = await bot.ask("/tiendo kết nạp đảng viên", user_id=REPORTER)
    assert "Huyện Hà Quảng: 35 đảng viên" in detail.plain_text
    await bot.api.wait_for_call("sendPhoto", lambda c: c.chat_id == REPORTER, since=mark)
    (photo,) = [u for u in bot.api.uploads if u[0] == "sendPhoto"]
    assert photo[2].startswith(b"\x89PNG")


async def test_a_viewer_cannot_report_and_a_question_is_still_a_question(
    telegram_bot: TelegramHarness,
) -> None:
    bot = telegram_bot
    refused = await bot.ask("/capnhat che phủ rừng 54,2%", user_id=VIEWER)
    assert "Lệnh này cần quyền báo cáo" in refused.plain_text
    granted = await bot.ask(f"/quyen {VIEWER} xem", user_id=ADMIN_ID)
    assert "quyền xem" in granted.plain_text
    refused = await bot.ask("cập nhật che phủ rừng 54,2% tháng 6", user_id=VIEWER)
    assert "Lệnh này cần quyền báo cáo" in refused.plain_text
    answer = await bot.ask("báo cáo tổng kết năm 2019 nói gì?", user_id=VIEWER)
    assert "Lệnh này cần quyền" not in answer.plain_text
    assert "quyền" not in answer.plain_text
    progress = await bot.ask("/tiendo", user_id=VIEWER)
    assert "Tiến độ thực hiện các chỉ tiêu năm 2020" in progress.plain_text
    stranger = await bot.ask("/tiendo", user_id=200009)
    assert "Lệnh này cần quyền xem" in stranger.plain_text
    not_admin = await bot.ask("/xuat", user_id=VIEWER)
    assert "quyền quản trị" in not_admin.plain_text


async def test_a_double_pressed_save_saves_once(bot_on_each_database: TelegramHarness) -> None:
    bot = bot_on_each_database
    await _reporter_of(bot, REPORTER, "huyện Bảo Lạc")
    card = await bot.ask("cập nhật 2 xã đạt nông thôn mới quý II", user_id=REPORTER)
    message = card.response["result"]
    data = _button(card, "Lưu")
    presses = [bot.api.callback_query(bot.user(REPORTER), message, data) for _ in range(3)]
    for press in presses:
        bot.api.push(press)
    for press in presses:
        await bot.handled(press)
    assert await _count(bot, Submission) == 1
    texts = [c.plain_text for c in bot.api.calls_of("editMessageText")]
    assert sum("Đã lưu" in t for t in texts) == 1


async def test_an_expired_card_says_so(telegram_bot: TelegramHarness) -> None:
    bot = telegram_bot
    await _reporter_of(bot, REPORTER, "huyện Bảo Lạc")
    card = await bot.ask("cập nhật 2 xã đạt nông thôn mới tháng 6", user_id=REPORTER)
    async with bot.core.database.write() as session:
        await session.execute(update(Card).values(expires_at=func.current_timestamp()))
    late = await _press(bot, card, "Lưu", REPORTER)
    assert "hết hạn" in late.plain_text
    assert await _count(bot, Submission) == 0


async def test_a_restart_between_the_card_and_save_loses_nothing(
    start_bot: StartBot, telegram_env: dict[str, str]
) -> None:
    bot = await start_bot()
    await _reporter_of(bot, REPORTER, "huyện Hà Quảng")
    card = await bot.ask("cập nhật kết nạp 12 đảng viên tháng 5", user_id=REPORTER)
    await bot.stop()
    again = await start_bot()
    saved = await _press(again, card, "Lưu", REPORTER)
    assert "Đã lưu 1 số liệu" in saved.plain_text
    assert await _count(again, Submission) == 1


async def test_fifty_reporters_at_once_lose_nothing(bot_on_each_database: TelegramHarness) -> None:
    bot = bot_on_each_database
    units = ["tp-cao-bang", "bao-lam", "bao-lac", "ha-quang", "ha-lang", "hoa-an", "nguyen-binh",
             "quang-hoa", "thach-an", "trung-khanh"]  # fmt: skip
    reporters = [300000 + n for n in range(50)]
    for n, user_id in enumerate(reporters):
        unit = units[n % len(units)]
        await bot.core.desk.access.grant(ADMIN_ID, user_id, "reporter", (unit,))
    updates = [
        bot.api.private_message(f"cập nhật kết nạp {n + 1} đảng viên tháng 6", bot.user(u))
        for n, u in enumerate(reporters)
    ]
    for u in updates:
        bot.api.push(u)
    for u in updates:
        await bot.handled(u, seconds=30)
    cards = {
        c.chat_id: c for c in bot.api.calls_of("sendMessage") if "Xác nhận số liệu" in c.plain_text
    }
    assert len(cards) == 50
    presses = [
        bot.api.callback_query(bot.user(u), cards[u].response["result"], _button(cards[u], "Lưu"))
        for u in reporters
    ]
    for press in presses:
        bot.api.push(press)
    for press in presses:
        await bot.handled(press, seconds=30)
    assert await _count(bot, Submission) == 50
    async with bot.core.database.transaction() as session:
        total = await session.scalar(select(func.sum(Submission.value)))
    assert total == sum(range(1, 51))


async def test_the_excel_export_holds_the_figures(telegram_bot: TelegramHarness) -> None:
    bot = telegram_bot
    await _reporter_of(bot, REPORTER, "huyện Hà Quảng")
    card = await bot.ask("cập nhật kết nạp 35 đảng viên tháng 6", user_id=REPORTER)
    await _press(bot, card, "Lưu", REPORTER)
    mark = bot.api.mark()
    update = bot.api.private_message("/xuat", bot.user(ADMIN_ID))
    bot.api.push(update)
    await bot.handled(update)
    (sent,) = bot.api.calls_of("sendDocument", since=mark)
    assert sent.ok, sent.response
    name, data = [(u[1], u[2]) for u in bot.api.uploads if u[0] == "sendDocument"][-1]
    assert re.fullmatch(r"tien-do-2020-\d{8}\.xlsx", name)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    values = [
        cell.value for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row
    ]
    assert 35 in values
    assert "Huyện Hà Quảng" in values


async def test_progress_commands_stay_out_of_groups(telegram_bot: TelegramHarness) -> None:
    bot = telegram_bot
    group = bot.api.group_chat()
    for text in ("/capnhat che phủ rừng 54%", "/tiendo", "/dangky huyện Hà Quảng", "/xuat"):
        update = bot.api.group_message(text, bot.user(REPORTER), group)
        reply = await bot.reply_to(update)
        assert "nhắn riêng cho bot" in reply.plain_text
    assert await _count(bot, Card) == 0


async def test_cancel_with_huy_and_withdraw(telegram_bot: TelegramHarness) -> None:
    bot = telegram_bot
    await _reporter_of(bot, REPORTER, "huyện Hà Quảng")
    card = await bot.ask("cập nhật kết nạp 35 đảng viên quý 1", user_id=REPORTER)
    assert "Đã huỷ" in (await bot.ask("/huy", user_id=REPORTER)).plain_text
    late = await _press(bot, card, "Lưu", REPORTER)
    assert "đã huỷ" in late.plain_text
    card = await bot.ask("cập nhật kết nạp 36 đảng viên quý 1", user_id=REPORTER)
    await _press(bot, card, "Lưu", REPORTER)
    withdrawn = await bot.ask("/rutlai", user_id=REPORTER)
    assert "Đã rút lại số liệu “36 đảng viên”" in withdrawn.plain_text
    await asyncio.sleep(0)


async def test_a_registered_user_sees_the_latest_figure_after_an_answer(
    telegram_bot: TelegramHarness,
) -> None:
    bot = telegram_bot
    await _reporter_of(bot, REPORTER, "huyện Hà Quảng")
    card = await bot.ask("cập nhật kết nạp 35 đảng viên tháng 6", user_id=REPORTER)
    await _press(bot, card, "Lưu", REPORTER)
    update = bot.api.private_message("chỉ tiêu kết nạp đảng viên", bot.user(REPORTER))
    shown = [c.plain_text for c in await bot.silent_on(update)]
    assert shown[0].startswith("Số đảng viên kết nạp mới")
    assert shown[1].startswith("Số liệu báo cáo mới nhất: Số đảng viên kết nạp mới: 35")
    # Someone without a role sees the answer alone.
    update = bot.api.private_message("chỉ tiêu kết nạp đảng viên", bot.user(VIEWER))
    assert len(await bot.silent_on(update)) == 1
    # In a group nobody does.
    group = bot.api.group_message("/hoi chỉ tiêu kết nạp đảng viên", bot.user(REPORTER))
    assert len(await bot.silent_on(group)) == 1
