"""End to end in a private chat: the real Application, the fake Bot API, real knowledge."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import text

from tests.fakes.bot_api import Call, parse_html
from tests.fixtures.telegram import ADMIN_ID, TelegramHarness

LAN = 100001
MINH = 100002


def callback_data(call: Call) -> list[str]:
    return [button["callback_data"] for button in call.buttons]


async def press(bot: TelegramHarness, call: Call, data: str, user_id: int = LAN) -> int:
    """Press the button ``data`` under the message the bot sent in ``call``."""
    assert data in callback_data(call), f"no button {data}: {callback_data(call)}"
    message = call.response["result"]
    return await bot.send(bot.api.callback_query(bot.user(user_id), message, data))


async def rows(bot: TelegramHarness, sql: str) -> list[tuple]:
    await bot.core.questions.flush()  # questions are logged in batches
    async with bot.core.database.transaction() as session:
        return [tuple(row) for row in (await session.execute(text(sql))).all()]


async def test_start_welcomes_and_offers_three_example_questions(
    telegram_bot: TelegramHarness,
) -> None:
    reply = await telegram_bot.ask("/start")
    assert reply.params["parse_mode"] == "HTML"
    assert reply.plain_text.startswith("Xin chào Lan!")
    assert "/chitieu" in reply.plain_text
    assert "/chuatraloi" not in reply.plain_text  # not an administrator
    assert callback_data(reply) == ["x:0", "x:1", "x:2"]
    mark = await press(telegram_bot, reply, "x:0")
    answered = await telegram_bot.api.wait_for_call("answerCallbackQuery", since=mark)
    assert answered.ok
    answer = await telegram_bot.api.wait_for_call("sendMessage", since=mark)
    assert answer.plain_text.startswith("Tỷ lệ che phủ rừng năm 2020: 55%")


async def test_start_tells_an_administrator_about_admin_commands(
    telegram_bot: TelegramHarness,
) -> None:
    reply = await telegram_bot.ask("/start", user_id=ADMIN_ID)
    assert "/chuatraloi" in reply.plain_text
    assert "/taila" in reply.plain_text


async def test_start_escapes_the_users_name(telegram_bot: TelegramHarness) -> None:
    telegram_bot.user(100077, first_name="<Tom & Jerry>")
    reply = await telegram_bot.ask("/start", user_id=100077)
    assert reply.ok
    assert reply.plain_text.startswith("Xin chào <Tom & Jerry>!")


async def test_a_deep_link_shows_its_item(telegram_bot: TelegramHarness) -> None:
    reply = await telegram_bot.ask("/start che-phu-rung")
    assert reply.plain_text.startswith("Tỷ lệ che phủ rừng năm 2020: 55%")
    unknown = await telegram_bot.ask("/start khong-co-muc-nay")
    assert unknown.plain_text.startswith("Xin chào")


@pytest.mark.parametrize("question", ["chỉ tiêu che phủ rừng?", "che phu rung", "CHE PHỦ RỪNG"])
async def test_a_question_is_answered_with_or_without_diacritics(
    telegram_bot: TelegramHarness, question: str
) -> None:
    reply = await telegram_bot.ask(question)
    assert reply.ok
    assert reply.params["parse_mode"] == "HTML"
    assert reply.text.startswith("<b>Tỷ lệ che phủ rừng năm 2020: 55%</b>")
    assert "Nguyên văn: “(1) Tỷ lệ che phủ rừng 55%.”" in reply.plain_text
    assert reply.buttons == []


async def test_the_reply_is_the_terminal_rendering(
    telegram_bot: TelegramHarness, shared_answerer
) -> None:
    from bot.answering.render import render_text

    for question in ["kinh tế", "ai ký nghị quyết", "nhiệm vụ xây dựng Đảng"]:
        reply = await telegram_bot.ask(question)
        assert reply.plain_text == render_text(shared_answerer.answer(question))


async def test_choices_come_as_buttons_and_a_press_answers(telegram_bot: TelegramHarness) -> None:
    reply = await telegram_bot.ask("tỷ lệ")
    data = callback_data(reply)
    assert len(data) >= 2
    assert all(d.startswith("i:") for d in data)
    assert "i:che-phu-rung@2020" in data
    assert "1. " in reply.plain_text
    mark = await press(telegram_bot, reply, "i:che-phu-rung@2020")
    await telegram_bot.api.wait_for_call("answerCallbackQuery", since=mark)
    answer = await telegram_bot.api.wait_for_call("sendMessage", since=mark)
    assert answer.plain_text.startswith("Tỷ lệ che phủ rừng năm 2020: 55%")


async def test_nothing_found_explains_and_offers_the_targets(
    telegram_bot: TelegramHarness,
) -> None:
    reply = await telegram_bot.ask("thời tiết hôm nay thế nào")
    assert "Nghị quyết không có nội dung" in reply.plain_text
    assert callback_data(reply) == ["m:targets"]
    mark = await press(telegram_bot, reply, "m:targets")
    menu = await telegram_bot.api.wait_for_call("editMessageText", since=mark)
    assert menu.params["message_id"] == reply.response["result"]["message_id"]
    assert "Các chỉ tiêu chủ yếu năm 2020" in menu.plain_text


async def test_markup_in_a_question_is_never_sent_unescaped(
    telegram_bot: TelegramHarness,
) -> None:
    # The fake server refuses bad HTML with 400, as Telegram does: a 200 proves the escaping.
    for question in ["<b>che phủ</b> & <script>alert(1)</script>", "a < b && c > d", "&nbsp;"]:
        reply = await telegram_bot.ask(question)
        assert reply.ok, reply.response
    assert all(c.ok for c in telegram_bot.api.calls_of("sendMessage"))


async def test_a_very_long_message_is_refused_politely(telegram_bot: TelegramHarness) -> None:
    reply = await telegram_bot.ask("che phủ rừng " * 400 + "x" * 200)  # over 5,000 characters
    assert reply.ok
    assert "quá dài" in reply.plain_text
    assert await rows(telegram_bot, "select count(*) from questions") == [(0,)]


@pytest.mark.parametrize("kind", ["sticker", "photo", "voice", "location", "document"])
async def test_media_get_a_short_hint(telegram_bot: TelegramHarness, kind: str) -> None:
    update = telegram_bot.api.media_message(kind, telegram_bot.user(LAN))
    reply = await telegram_bot.reply_to(update)
    assert reply.plain_text.startswith("Tôi chỉ đọc được câu hỏi bằng chữ")


async def test_an_edited_message_is_answered_like_a_new_one(
    telegram_bot: TelegramHarness,
) -> None:
    original = telegram_bot.api.private_message("thời tiết", telegram_bot.user(LAN))
    first = await telegram_bot.reply_to(original)
    assert "Nghị quyết không có nội dung" in first.plain_text
    edited = telegram_bot.api.edited_message(original, "che phủ rừng")
    second = await telegram_bot.reply_to(edited)
    assert second.plain_text.startswith("Tỷ lệ che phủ rừng năm 2020: 55%")


async def test_inline_mode_offers_full_answers(telegram_bot: TelegramHarness) -> None:
    update = telegram_bot.api.inline_query(telegram_bot.user(LAN), "rừng")
    call = await telegram_bot.reply_to(update, "answerInlineQuery")
    assert call.ok, call.response
    results = call.params["results"]
    assert 1 <= len(results) <= 10
    first = results[0]
    assert first["type"] == "article"
    assert first["id"] == "che-phu-rung"
    assert first["title"] == "Tỷ lệ che phủ rừng"
    assert "55%" in first["description"]
    content = first["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert parse_html(content["message_text"]).startswith("Tỷ lệ che phủ rừng năm 2020: 55%")


@pytest.mark.parametrize("query", ["", "   ", "zzzz qqqq", "<script>"])
async def test_inline_mode_never_fails(telegram_bot: TelegramHarness, query: str) -> None:
    update = telegram_bot.api.inline_query(telegram_bot.user(LAN), query)
    call = await telegram_bot.reply_to(update, "answerInlineQuery")
    assert call.ok, call.response
    assert len(call.params["results"]) <= 10


async def test_browse_targets_editing_one_message(telegram_bot: TelegramHarness) -> None:
    menu = await telegram_bot.ask("/chitieu")
    assert "Các chỉ tiêu chủ yếu năm 2020" in menu.plain_text
    assert callback_data(menu)[:1] == ["g:kinh-te@2020"]
    message_id = menu.response["result"]["message_id"]

    async def follow(page: Call, data: str) -> Call:
        mark = await press(telegram_bot, page, data)
        edit = await telegram_bot.api.wait_for_call("editMessageText", since=mark)
        await telegram_bot.api.wait_for_call("answerCallbackQuery", since=mark)
        assert edit.ok, edit.response
        assert edit.params["message_id"] == message_id
        return edit

    group = await follow(menu, "g:moi-truong@2020")
    assert "i:" not in str(callback_data(group))
    assert "t:che-phu-rung@2020" in callback_data(group)
    assert callback_data(group)[-1] == "m:targets@2020"
    assert group.buttons[-1]["text"] == "⬅️ Quay lại"
    target = await follow(group, "t:che-phu-rung@2020")
    assert target.plain_text.startswith("Tỷ lệ che phủ rừng năm 2020: 55%")
    assert callback_data(target) == ["g:moi-truong@2020"]
    back = await follow(target, "g:moi-truong@2020")
    assert "t:che-phu-rung@2020" in callback_data(back)
    top = await follow(back, "m:targets@2020")
    assert callback_data(top) == callback_data(menu)


async def test_pressing_the_same_button_twice_is_harmless(telegram_bot: TelegramHarness) -> None:
    menu = await telegram_bot.ask("/chitieu")
    message = menu.response["result"]
    calls = []
    for _ in range(2):
        press = telegram_bot.api.callback_query(telegram_bot.user(LAN), message, "g:kinh-te")
        calls += await telegram_bot.handle(press)
    edits = [c for c in calls if c.method == "editMessageText"]
    assert [e.ok for e in edits] == [True, False]  # "message is not modified", ignored
    assert "message is not modified" in edits[1].response["description"]
    assert [c.method for c in calls if c.method == "sendMessage"] == []  # no apology
    assert [c.ok for c in calls if c.method == "answerCallbackQuery"] == [True, True]


async def test_browse_tasks(telegram_bot: TelegramHarness) -> None:
    menu = await telegram_bot.ask("/nhiemvu")
    assert "Các nhiệm vụ chủ yếu" in menu.plain_text
    assert "k:nv-kinh-te@2020" in callback_data(menu)
    mark = await press(telegram_bot, menu, "k:nv-kinh-te@2020")
    detail = await telegram_bot.api.wait_for_call("editMessageText", since=mark)
    assert detail.plain_text.startswith("Nhiệm vụ 2.2")
    assert callback_data(detail) == ["m:tasks@2020"]


async def test_an_unknown_button_is_answered(telegram_bot: TelegramHarness) -> None:
    menu = await telegram_bot.ask("/chitieu")
    message = menu.response["result"]
    for data in ["g:khong-co", "old-format", "g:kinh-te@1999", "i:che-phu-rung@20x0"]:
        mark = await telegram_bot.send(
            telegram_bot.api.callback_query(telegram_bot.user(LAN), message, data)
        )
        answer = await telegram_bot.api.wait_for_call("answerCallbackQuery", since=mark)
        assert "không còn" in answer.params["text"]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/help", "Cách hỏi"),
        ("/huy", "Hiện không có thao tác nào đang thực hiện"),
        ("/hoi", "Đồng chí gõ câu hỏi sau lệnh"),
        ("/hoi che phủ rừng", "Tỷ lệ che phủ rừng năm 2020: 55%"),
        ("/khonglenh", "Tôi không có lệnh này"),
    ],
)
async def test_commands(telegram_bot: TelegramHarness, command: str, expected: str) -> None:
    reply = await telegram_bot.ask(command)
    assert reply.ok, reply.response
    assert expected in reply.plain_text


async def test_the_command_menus_are_set_per_scope(telegram_bot: TelegramHarness) -> None:
    menus = telegram_bot.api.commands
    private = [c["command"] for c in menus["all_private_chats"]]
    groups = [c["command"] for c in menus["all_group_chats"]]
    admin = [c["command"] for c in menus[f"chat:{ADMIN_ID}"]]
    assert {"start", "help", "hoi", "chitieu", "nhiemvu", "huy"} <= set(private)
    assert "chuatraloi" not in private
    assert "hoi" in groups
    assert "start" not in groups
    assert {"chuatraloi", "taila"} <= set(admin)
    assert all(c["description"] for c in menus["all_private_chats"])


async def test_an_admin_unknown_to_telegram_does_not_stop_the_bot(start_bot, caplog) -> None:
    bot = await start_bot({"BOT_ADMIN_IDS": f"{ADMIN_ID},555"})
    assert "chat:555" not in bot.api.commands
    assert "admin menu not set for 555" in caplog.text
    assert (await bot.ask("che phủ rừng")).ok


async def test_typing_is_shown_before_a_slow_answer(telegram_bot: TelegramHarness) -> None:
    telegram_bot.edge.typing_delay = 0  # every answer counts as slow
    mark = await telegram_bot.send(
        telegram_bot.api.private_message("kinh tế", telegram_bot.user(LAN))
    )
    reply = await telegram_bot.api.wait_for_call("sendMessage", since=mark)
    typing = telegram_bot.api.calls_of("sendChatAction", since=mark)
    assert [t.params["action"] for t in typing] == ["typing"]
    assert typing[0].index < reply.index


async def test_no_typing_for_a_quick_answer(telegram_bot: TelegramHarness) -> None:
    mark = telegram_bot.api.mark()
    await telegram_bot.ask("che phủ rừng")
    assert telegram_bot.api.calls_of("sendChatAction", since=mark) == []


async def test_flood_control_warns_once_then_ignores_until_the_window_passes(
    telegram_bot: TelegramHarness,
) -> None:
    api = telegram_bot.api
    flooder = telegram_bot.user(LAN)
    updates = [api.private_message(f"che phủ rừng {n}", flooder) for n in range(23)]
    mark = api.mark()
    for update in updates:
        await telegram_bot.send(update)
    for update in updates:
        await telegram_bot.handled(update)
    replies = [c.plain_text for c in api.calls_of("sendMessage", since=mark, chat_id=LAN)]
    slow_down = [r for r in replies if "hơi nhiều tin nhắn" in r]
    assert len(slow_down) == 1
    assert len(replies) == 21  # 20 answers and one warning; the last two are ignored
    # Someone else is not affected.
    assert (await telegram_bot.ask("che phủ rừng", user_id=MINH)).ok
    # A minute later the flooder is answered again.
    telegram_bot.clock.advance(61)
    again = await telegram_bot.ask("che phủ rừng", user_id=LAN)
    assert again.plain_text.startswith("Tỷ lệ che phủ rừng")


@pytest.mark.parametrize(("status", "retry_after"), [(429, 1), (500, None), (502, None)])
async def test_the_bot_survives_bot_api_errors(
    telegram_bot: TelegramHarness, status: int, retry_after: int | None
) -> None:
    api = telegram_bot.api
    api.fail_next("sendMessage", status, retry_after=retry_after)
    update = api.private_message("che phủ rừng", telegram_bot.user(LAN))
    mark = await telegram_bot.send(update)
    await telegram_bot.handled(update, seconds=10)
    sent = api.calls_of("sendMessage", since=mark)
    assert sent[0].status == status
    # A transient failure: the same reply is sent again (after retry_after for a 429).
    # Permanent ones (400, 403) are tested in test_telegram_delivery.py.
    assert sent[1].ok
    assert sent[1].plain_text.startswith("Tỷ lệ che phủ rừng")
    if retry_after is not None:
        assert sent[1].at - sent[0].at >= retry_after
    # And the next question is answered as usual.
    assert (await telegram_bot.ask("kinh tế")).plain_text.startswith("Chỉ tiêu về kinh tế")


async def test_a_failing_handler_is_logged_and_the_user_gets_an_apology(
    telegram_bot: TelegramHarness, caplog: pytest.LogCaptureFixture, monkeypatch
) -> None:
    def broken(question: str, previous: object = None):
        raise RuntimeError("matcher exploded")

    monkeypatch.setattr(telegram_bot.core.library, "answer", broken)
    with caplog.at_level(logging.ERROR):
        reply = await telegram_bot.ask("che phủ rừng")
    assert reply.plain_text.startswith("Xin lỗi")
    assert "matcher exploded" in caplog.text
    assert "che phủ rừng" in caplog.text  # the update is logged with the error
    assert telegram_bot.api.token not in caplog.text
    monkeypatch.undo()
    assert (await telegram_bot.ask("che phủ rừng")).plain_text.startswith("Tỷ lệ che phủ rừng")


async def test_users_are_recorded_and_questions_logged(telegram_bot: TelegramHarness) -> None:
    telegram_bot.user(LAN, first_name="Lan", last_name="Nguyễn", username="lan_cb")
    await telegram_bot.ask("che phủ rừng")
    await telegram_bot.ask("thu")
    assert await rows(
        telegram_bot,
        "select telegram_id, first_name, last_name, username, language_code from users",
    ) == [(LAN, "Lan", "Nguyễn", "lan_cb", "vi")]
    logged = await rows(
        telegram_bot,
        "select text, normalized, status, best_match, telegram_id, chat_id"
        " from questions order by id",
    )
    assert logged[0] == ("che phủ rừng", "che phu rung", "answer", "che-phu-rung", LAN, LAN)
    assert logged[1][:3] == ("thu", "thu", "choices")


async def test_blocking_and_unblocking_the_bot_is_recorded(telegram_bot: TelegramHarness) -> None:
    await telegram_bot.ask("/start")
    lan = telegram_bot.user(LAN)
    chat = telegram_bot.api.private_chat(lan)
    blocked = telegram_bot.api.my_chat_member(chat, lan, "member", "kicked")
    assert await telegram_bot.silent_on(blocked) == []
    assert await rows(telegram_bot, "select is_blocked from users") == [(True,)]
    unblocked = telegram_bot.api.my_chat_member(chat, lan, "kicked", "member")
    await telegram_bot.silent_on(unblocked)
    assert await rows(telegram_bot, "select is_blocked from users") == [(False,)]
