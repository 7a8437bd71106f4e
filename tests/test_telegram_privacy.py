"""What stays private, and what the bot does not let happen to a chat.

* administrator commands answer only in a private chat with an administrator; in a group
  they say so in one line, and nothing asked in private ever shows there;
* flood control counts only what is addressed to this bot, and counts button presses too;
* a command menu Telegram refuses, or a failed write of bookkeeping, never stops an answer.
"""

from __future__ import annotations

import logging

import pytest
from telegram import Update

from bot.errors import ResolutionBotError, StorageError
from handlers import texts
from handlers.filters import COMMAND_TO_BOT, SPOKEN_TO
from handlers.menu import ADMIN_COMMANDS, PRIVATE_COMMANDS
from tests.fakes.bot_api import BOT_USERNAME, Call, FakeBotApi, Json
from tests.fixtures.telegram import ADMIN_ID, StartBot, TelegramHarness

LAN = 100001
HOA = 200001
FOREST = "Tỷ lệ che phủ rừng năm 2020: 55%"
SENT = {"sendMessage", "editMessageText", "sendDocument", "sendPhoto"}
#: Commands only administrators have: every one must be private (a new one is tested here
#: as soon as it is in the administrators' menu).
ADMIN_ONLY_COMMANDS = sorted(
    {c.command for c in ADMIN_COMMANDS} - {c.command for c in PRIVATE_COMMANDS}
)
PRIVATE_ONLY_LINE = texts.ADMIN_PRIVATE_ONLY.format(bot=BOT_USERNAME)
#: The progress feature's commands say where to use them in their own words.
PROGRESS_COMMANDS = {
    "capnhat", "quyen", "duyet", "rutlai", "tiendo", "xuat", "dangky", "thongbao", "nhacnho"
}  # fmt: skip
PROGRESS_ONLY_LINE = texts.PROGRESS_PRIVATE_ONLY.format(bot=BOT_USERNAME)


def sent(calls: list[Call]) -> list[Call]:
    """Return the messages among ``calls`` (what a chat would show)."""
    return [c for c in calls if c.method in SENT]


def in_group(bot: TelegramHarness, text: str, user_id: int = HOA, **extra) -> Json:
    return bot.api.group_message(text, bot.user(user_id, "Hoa"), **extra)


# --- administrator commands are private ------------------------------------------------------


@pytest.mark.parametrize("chat_type", ["group", "supergroup"])
@pytest.mark.parametrize("user_id", [ADMIN_ID, HOA], ids=["admin", "member"])
@pytest.mark.parametrize("command", ADMIN_ONLY_COMMANDS)
@pytest.mark.parametrize("suffix", ["", f"@{BOT_USERNAME}", f"@{BOT_USERNAME.upper()}"])
async def test_an_admin_command_in_a_group_says_one_line_and_nothing_else(
    telegram_bot: TelegramHarness, chat_type: str, user_id: int, command: str, suffix: str
) -> None:
    group = telegram_bot.api.group_chat(-100555, "Chi bộ")
    group["type"] = chat_type  # the fake serves the chat it remembers, by reference
    knowledge = telegram_bot.core.knowledge
    update = in_group(telegram_bot, f"/{command}{suffix} 7", user_id, chat=group)
    messages = sent(await telegram_bot.handle(update))
    # /thongbao is an administrator's command like /chuatraloi: it says so in a group.
    progress_commands = PROGRESS_COMMANDS - {"thongbao", "nhacnho"}
    line = PROGRESS_ONLY_LINE if command in progress_commands else PRIVATE_ONLY_LINE
    assert [(m.chat_id, m.plain_text) for m in messages] == [(-100555, line)]
    assert "\n" not in messages[0].plain_text
    assert telegram_bot.core.knowledge is knowledge  # /taila did not run


@pytest.mark.parametrize("command", ADMIN_ONLY_COMMANDS)
async def test_an_admin_command_for_another_bot_is_ignored(
    telegram_bot: TelegramHarness, command: str
) -> None:
    update = in_group(telegram_bot, f"/{command}@another_bot", ADMIN_ID)
    assert sent(await telegram_bot.handle(update)) == []


async def test_questions_asked_in_private_never_show_in_a_group(
    telegram_bot: TelegramHarness,
) -> None:
    private = [
        "số điện thoại của tôi là 0912 345 678, gọi lại giúp",
        "nhà tôi ở số 12 phố Hoàng Như, sđt +84 987 654 321",
    ]
    for question in private:
        await telegram_bot.ask(question, user_id=LAN)
    # In private the administrator sees them (so the group test below is not vacuous) ...
    report = await telegram_bot.ask("/chuatraloi", user_id=ADMIN_ID)
    assert "0912 345 678" in report.plain_text
    # ... in a group, whoever asks and however, only the one line.
    mark = telegram_bot.api.mark()
    for text in ["/chuatraloi", "/chuatraloi 30", f"/chuatraloi@{BOT_USERNAME} 365"]:
        await telegram_bot.handle(in_group(telegram_bot, text, ADMIN_ID))
    shown = [m.plain_text for m in sent(telegram_bot.api.calls[mark:])]
    assert shown == [PRIVATE_ONLY_LINE] * 3
    for secret in ["0912", "345 678", "987 654 321", "Hoàng Như"]:
        assert all(secret not in text for text in shown)


@pytest.mark.parametrize("command", ADMIN_ONLY_COMMANDS)
async def test_an_admin_command_in_private_is_refused_to_others(
    telegram_bot: TelegramHarness, command: str
) -> None:
    reply = await telegram_bot.ask(f"/{command}", user_id=LAN)
    if command in PROGRESS_COMMANDS:
        # A user without a role is told which role the command needs.
        assert reply.plain_text.startswith("Lệnh này cần quyền ")
    else:
        assert reply.plain_text == texts.ADMIN_ONLY


# --- flood control counts what is addressed to this bot ----------------------------------------


@pytest.mark.parametrize(
    ("chat", "text", "counted"),
    [
        ("group", "/hoi che phủ rừng", True),
        ("group", f"/hoi@{BOT_USERNAME} che phủ rừng", True),
        ("group", f"/HOI@{BOT_USERNAME.upper()} che phủ rừng", True),
        ("group", "/khonglenh", True),  # no username: every bot in the group gets it
        ("group", f"@{BOT_USERNAME} che phủ rừng", True),
        ("group", "/roll@other_bot", False),
        ("group", f"/roll@{BOT_USERNAME}x", False),
        ("group", "/hoi@another_bot che phủ rừng", False),
        ("group", "che phủ rừng /hoi", False),
        ("group", "chào cả nhà", False),
        ("private", "chào bot", True),
        ("private", "/start", True),
    ],
)
async def test_what_flood_control_counts(
    telegram_bot: TelegramHarness, chat: str, text: str, counted: bool
) -> None:
    api, bot = telegram_bot.api, telegram_bot.app.bot
    user = telegram_bot.user(HOA)
    raw = api.group_message(text, user) if chat == "group" else api.private_message(text, user)
    update = Update.de_json(api.prepare(raw), bot)
    assert bool(SPOKEN_TO.check_update(update)) is counted
    if chat == "group":
        assert bool(COMMAND_TO_BOT.check_update(update)) is (counted and text.startswith("/"))


async def test_commands_for_other_bots_do_not_count_against_a_user(
    telegram_bot: TelegramHarness,
) -> None:
    limit = telegram_bot.edge.flood.limit
    mark = telegram_bot.api.mark()
    for _ in range(limit + 1):
        await telegram_bot.handle(in_group(telegram_bot, "/roll@other_bot"))
    assert sent(telegram_bot.api.calls[mark:]) == []  # no answer, no warning
    reply = await telegram_bot.reply_to(in_group(telegram_bot, "/hoi che phủ rừng"))
    assert reply.plain_text.startswith(FOREST)


async def test_commands_for_this_bot_count_whatever_the_case_of_its_name(
    telegram_bot: TelegramHarness,
) -> None:
    limit = telegram_bot.edge.flood.limit
    mark = telegram_bot.api.mark()
    for _ in range(limit + 2):
        await telegram_bot.handle(
            in_group(telegram_bot, f"/hoi@{BOT_USERNAME.upper()} che phủ rừng")
        )
    replies = [m.plain_text for m in sent(telegram_bot.api.calls[mark:])]
    assert len(replies) == limit + 1
    assert replies[-1] == texts.SLOW_DOWN


# --- button presses are flood-limited like messages --------------------------------------------


async def test_sixty_presses_of_a_button_are_answered_at_most_the_limit(
    telegram_bot: TelegramHarness,
) -> None:
    api = telegram_bot.api
    choices = await telegram_bot.ask("tỷ lệ", user_id=LAN)
    data = choices.buttons[0]["callback_data"]
    assert data.startswith("i:")
    presses = [
        api.callback_query(telegram_bot.user(LAN), choices.response["result"], data)
        for _ in range(60)
    ]
    mark = api.mark()
    for press in presses:
        await telegram_bot.send(press)
    for press in presses:
        await telegram_bot.handled(press)
    calls = api.calls[mark:]
    assert 0 < len(sent(calls)) <= telegram_bot.edge.flood.limit
    answered = [c for c in calls if c.method == "answerCallbackQuery"]
    assert all(c.ok for c in answered)
    # Every press is answered once, or the button keeps spinning on the user's screen.
    assert sorted(c.params["callback_query_id"] for c in answered) == sorted(
        p["callback_query"]["id"] for p in presses
    )
    warnings = [c for c in answered if c.params.get("text")]
    assert [w.params["text"] for w in warnings] == [texts.SLOW_DOWN_BUTTON]
    assert not warnings[0].params.get("show_alert")
    # Presses and messages share one limit: a message now is not answered either ...
    message = api.private_message("che phủ rừng", telegram_bot.user(LAN))
    assert sent(await telegram_bot.handle(message)) == []
    # ... until a minute has passed.
    telegram_bot.clock.advance(61)
    again = api.callback_query(telegram_bot.user(LAN), choices.response["result"], data)
    assert len(sent(await telegram_bot.handle(again))) == 1


async def test_a_press_acknowledged_in_vain_is_still_not_answered(
    telegram_bot: TelegramHarness,
) -> None:
    api = telegram_bot.api
    menu = await telegram_bot.ask("/chitieu", user_id=LAN)
    for _ in range(telegram_bot.edge.flood.limit - 1):  # /chitieu was one
        assert telegram_bot.edge.flood.check(LAN) == "allow"  # the minute is used up
    api.fail_next("answerCallbackQuery", 400, "Bad Request: query is too old", times=2)
    for _ in range(2):  # the warning, then a silent acknowledgement: both refused
        press = api.callback_query(telegram_bot.user(LAN), menu.response["result"], "g:kinh-te")
        calls = await telegram_bot.handle(press)
        assert [c.method for c in calls if c.method != "getUpdates"] == ["answerCallbackQuery"]


# --- a refused command menu is not fatal -------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "times"),
    [(500, 1), (502, 1), (400, 1), (500, 10)],
    ids=["500-once", "502-once", "400-once", "500-always"],
)
async def test_the_bot_starts_and_answers_when_set_my_commands_fails(
    fake_api: FakeBotApi,
    start_bot: StartBot,
    caplog: pytest.LogCaptureFixture,
    status: int,
    times: int,
) -> None:
    fake_api.fail_next("setMyCommands", status, times=times)
    with caplog.at_level(logging.WARNING):
        bot = await start_bot()
    failed = min(times, 3)  # private chats, groups, the administrator
    refused = [r for r in caplog.records if "menu not set" in r.getMessage()]
    assert len(refused) == failed
    assert all(r.levelno == logging.WARNING and r.exc_info is None for r in refused)
    assert all("\n" not in r.getMessage() for r in refused)
    assert len(bot.api.commands) == 3 - failed
    assert (await bot.ask("che phủ rừng")).plain_text.startswith(FOREST)


# --- bookkeeping never apologises --------------------------------------------------------------


def failing(error: Exception):
    async def fail(*args: object, **kwargs: object) -> None:
        raise error

    return fail


@pytest.mark.parametrize(
    "error",
    [StorageError("database is locked"), ResolutionBotError("something else")],
    ids=["storage", "any-project-error"],
)
async def test_a_user_not_recorded_still_gets_the_answer_and_no_apology(
    telegram_bot: TelegramHarness,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    error: Exception,
) -> None:
    monkeypatch.setattr(telegram_bot.core.members, "seen", failing(error))
    api = telegram_bot.api
    mark = api.mark()
    private = await telegram_bot.ask("che phủ rừng", user_id=LAN)
    in_a_group = await telegram_bot.reply_to(in_group(telegram_bot, "/hoi che phủ rừng"))
    menu = await telegram_bot.ask("/chitieu", user_id=LAN)
    press = api.callback_query(telegram_bot.user(LAN), menu.response["result"], "g:kinh-te")
    pressed = await telegram_bot.handle(press)
    assert private.plain_text.startswith(FOREST)
    assert in_a_group.plain_text.startswith(FOREST)
    assert [c.method for c in pressed if c.method in SENT] == ["editMessageText"]
    calls = api.calls[mark:]
    assert all(texts.SORRY not in c.plain_text for c in sent(calls))
    answered = [c for c in calls if c.method == "answerCallbackQuery"]
    assert all(texts.SORRY not in str(c.params.get("text", "")) for c in answered)
    assert "not recorded" in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    ("method", "chat", "old", "new"),
    [("chat", "group", "left", "member"), ("blocked", "private", "member", "kicked")],
)
async def test_a_membership_not_recorded_is_a_warning(
    telegram_bot: TelegramHarness,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    method: str,
    chat: str,
    old: str,
    new: str,
) -> None:
    monkeypatch.setattr(telegram_bot.core.members, method, failing(StorageError("locked")))
    api = telegram_bot.api
    user = telegram_bot.user(HOA)
    where = api.group_chat(-100777, "Đảng uỷ Khối") if chat == "group" else api.private_chat(user)
    assert sent(await telegram_bot.handle(api.my_chat_member(where, user, old, new))) == []
    assert "not recorded" in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
