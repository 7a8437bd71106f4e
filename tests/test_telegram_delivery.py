"""Replies that arrive: retried through outages and flood control, given up on quietly when
Telegram refuses them, logged with whether they arrived, kept in their forum topic; and
questions asked in a photo's or document's caption.

End to end through the fake Bot API (its fault windows run on the real monotonic clock, so
the outage tests take as long as the outage), then the retry policy on its own.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import itertools
import logging
import warnings
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from sqlalchemy import text
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from handlers import replies
from handlers.render import answer_messages
from handlers.replies import delivered, is_transient, retry_after_seconds
from tests.fakes.bot_api import Call, Json
from tests.fixtures.telegram import TelegramHarness

LAN = 100001
QUESTION = "che phủ rừng"
ANSWER = "Tỷ lệ che phủ rừng năm 2020: 55%"
TOPIC = 77


async def rows(bot: TelegramHarness, sql: str) -> list[tuple[Any, ...]]:
    await bot.core.questions.flush()  # questions are logged in batches
    async with bot.core.database.transaction() as session:
        return [tuple(row) for row in (await session.execute(text(sql))).all()]


async def ask_many(bot: TelegramHarness, users: range, seconds: float) -> list[Json]:
    """Let every user ask QUESTION at once; return the updates once all are handled."""
    updates = [bot.api.private_message(QUESTION, bot.user(user)) for user in users]
    for update in updates:
        await bot.send(update)
    for update in updates:
        await bot.handled(update, seconds)
    return updates


async def delivery_log(bot: TelegramHarness) -> list[tuple[Any, ...]]:
    return await rows(bot, "select update_id, delivered from questions order by update_id")


def sent_to(bot: TelegramHarness, chat_id: int, since: int) -> list[Call]:
    return bot.api.calls_of("sendMessage", since=since, chat_id=chat_id)


def apologies(calls: list[Call]) -> list[Call]:
    return [c for c in calls if c.plain_text.startswith("Xin lỗi")]


# --- retries through transient failures ------------------------------------------------------


async def test_twenty_users_are_answered_once_each_through_a_six_second_outage(
    telegram_bot: TelegramHarness,
) -> None:
    api = telegram_bot.api
    users = range(200001, 200021)
    mark = api.mark()
    api.fail_for("sendMessage", 502, seconds=6)
    updates = await ask_many(telegram_bot, users, seconds=30)
    assert api.messages_per_chat(since=mark) == {user: 1 for user in users}
    hit = 0
    for user in users:
        *failed, answered = sent_to(telegram_bot, user, mark)
        assert {c.status for c in failed} <= {502}
        assert answered.plain_text.startswith(ANSWER)
        hit += bool(failed)
    # Questions still queued for a free slot when the outage ended went through at once.
    assert hit >= len(users) // 2
    assert await delivery_log(telegram_bot) == [(u["update_id"], True) for u in updates]


async def test_flood_control_is_waited_out_as_telegram_asks(
    telegram_bot: TelegramHarness,
) -> None:
    api = telegram_bot.api
    users = range(300001, 300006)
    mark = api.mark()
    api.fail_for("sendMessage", 429, seconds=1.5, retry_after=1)
    updates = await ask_many(telegram_bot, users, seconds=15)
    assert api.messages_per_chat(since=mark) == {user: 1 for user in users}
    for user in users:
        calls = sent_to(telegram_bot, user, mark)
        assert [c.status for c in calls[:-1]] == [429] * (len(calls) - 1)
        for refused, next_try in itertools.pairwise(calls):
            assert next_try.at - refused.at >= 1  # retry_after
    assert await delivery_log(telegram_bot) == [(u["update_id"], True) for u in updates]


async def test_dropped_connections_are_retried(telegram_bot: TelegramHarness) -> None:
    api = telegram_bot.api
    mark = api.mark()
    api.drop_connections_for("sendMessage", seconds=1)
    updates = await ask_many(telegram_bot, range(LAN, LAN + 1), seconds=15)
    answers = [c for c in sent_to(telegram_bot, LAN, mark) if c.ok]
    assert [c.plain_text[: len(ANSWER)] for c in answers] == [ANSWER]
    assert await delivery_log(telegram_bot) == [(updates[0]["update_id"], True)]


async def test_an_outage_longer_than_the_deadline_is_given_up_without_an_apology(
    telegram_bot: TelegramHarness,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(replies, "FIRST_RETRY_DELAY", 0.05)
    monkeypatch.setattr(replies, "DELIVERY_DEADLINE", 0.5)
    api = telegram_bot.api
    mark = api.mark()
    api.fail_for("sendMessage", 500, seconds=60)
    with caplog.at_level(logging.WARNING, logger="handlers"):
        updates = await ask_many(telegram_bot, range(LAN, LAN + 1), seconds=10)
    calls = sent_to(telegram_bot, LAN, mark)
    assert len(calls) > 2
    assert {c.status for c in calls} == {500}
    assert apologies(calls) == []
    assert await delivery_log(telegram_bot) == [(updates[0]["update_id"], False)]
    api.clear_faults()
    assert (await telegram_bot.ask("kinh tế")).plain_text.startswith("Chỉ tiêu về kinh tế")


# --- permanent failures --------------------------------------------------------------------


@pytest.mark.parametrize("status", [400, 403])
async def test_a_refused_reply_is_tried_once_logged_and_not_apologised_for(
    telegram_bot: TelegramHarness, caplog: pytest.LogCaptureFixture, status: int
) -> None:
    api = telegram_bot.api
    mark = api.mark()
    # One refusal: a second try would succeed, and show up as a second call.
    api.fail_next("sendMessage", status)
    with caplog.at_level(logging.WARNING):
        update = api.private_message(QUESTION, telegram_bot.user(LAN))
        await telegram_bot.send(update)
        await telegram_bot.handled(update)
    assert [c.status for c in sent_to(telegram_bot, LAN, mark)] == [status]
    assert await delivery_log(telegram_bot) == [(update["update_id"], False)]
    warned = [r for r in caplog.records if r.name == "handlers.replies"]
    assert len(warned) == 1
    assert str(LAN) in warned[0].getMessage()
    assert QUESTION not in caplog.text  # never the text: not even through the error handler
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_refused_edit_is_not_apologised_for(telegram_bot: TelegramHarness) -> None:
    api = telegram_bot.api
    menu = await telegram_bot.ask("/chitieu")
    group = menu.buttons[0]["callback_data"]
    api.fail_next("editMessageText", 403)
    press = api.callback_query(telegram_bot.user(LAN), menu.response["result"], group)
    calls = await telegram_bot.handle(press)
    assert [c.status for c in calls if c.method == "editMessageText"] == [403]
    answered = [c for c in calls if c.method == "answerCallbackQuery"]
    assert [c.params.get("text") for c in answered] == [None]  # no alert saying sorry


# --- forum topics --------------------------------------------------------------------------


def in_topic(message: Json, thread_id: int | None = TOPIC) -> Json:
    """Return ``message`` as posted in forum topic ``thread_id`` of a forum supergroup."""
    message["chat"]["is_forum"] = True
    return dict(message, is_topic_message=True, message_thread_id=thread_id)


def small_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Split answers into messages of 300 characters, so one answer needs several."""
    monkeypatch.setattr(replies, "answer_messages", lambda answer: answer_messages(answer, 300))


@pytest.fixture
def forum(telegram_bot: TelegramHarness) -> Json:
    return telegram_bot.api.group_chat(-1009876543210, "Diễn đàn Chi bộ")


@pytest.mark.parametrize("question", ["/hoi kinh tế", "@nq_caobang_test_bot kinh tế"])
async def test_an_answer_in_parts_stays_in_the_askers_topic(
    telegram_bot: TelegramHarness,
    forum: Json,
    monkeypatch: pytest.MonkeyPatch,
    question: str,
) -> None:
    small_messages(monkeypatch)
    telegram_bot.edge.typing_delay = 0  # "typing…" too, in the topic
    asked = telegram_bot.api.group_message(question, telegram_bot.user(LAN), forum)
    asked["message"] = in_topic(asked["message"])
    calls = await telegram_bot.handle(asked)
    sent = [c for c in calls if c.method == "sendMessage"]
    assert len(sent) > 1
    assert all(c.ok for c in sent)
    assert [c.params.get("message_thread_id") for c in sent] == [TOPIC] * len(sent)
    # The first replies to the question, and still arrives if the question is deleted.
    assert sent[0].params["reply_parameters"] == {
        "message_id": asked["message"]["message_id"],
        "allow_sending_without_reply": True,
    }
    assert ["reply_parameters" in c.params for c in sent[1:]] == [False] * (len(sent) - 1)
    typing = [c for c in calls if c.method == "sendChatAction"]
    assert [c.params.get("message_thread_id") for c in typing] == [TOPIC]


async def test_a_button_pressed_in_a_topic_is_answered_in_that_topic(
    telegram_bot: TelegramHarness, forum: Json, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_messages(monkeypatch)
    api = telegram_bot.api
    asked = api.group_message("/hoi tỷ lệ", telegram_bot.user(LAN), forum)
    asked["message"] = in_topic(asked["message"])
    choices = await telegram_bot.reply_to(asked)
    assert choices.params.get("message_thread_id") == TOPIC
    # Telegram says which topic the bot's message is in; the fake does not record it.
    under = in_topic(choices.response["result"])
    for data in [choices.buttons[0]["callback_data"], "x:1"]:
        press = api.callback_query(telegram_bot.user(LAN), under, data)
        sent = [c for c in await telegram_bot.handle(press) if c.method == "sendMessage"]
        assert sent, f"nothing sent for {data}"
        assert all(c.ok for c in sent)
        assert [c.params.get("message_thread_id") for c in sent] == [TOPIC] * len(sent)
    logged = await rows(telegram_bot, "select text, delivered from questions order by id")
    assert logged == [("tỷ lệ", True), ("kim ngạch xuất khẩu", True)]


async def test_a_reply_chain_in_a_plain_group_is_not_a_topic(
    telegram_bot: TelegramHarness,
) -> None:
    # Outside forums Telegram sets message_thread_id to the chain's first message: no topic.
    asked = telegram_bot.api.group_message("/hoi che phủ rừng", telegram_bot.user(LAN))
    asked["message"]["message_thread_id"] = 5
    reply = await telegram_bot.reply_to(asked)
    assert reply.ok
    assert "message_thread_id" not in reply.params


# --- captions ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["photo", "document"])
async def test_a_captioned_photo_or_document_is_answered_as_a_question(
    telegram_bot: TelegramHarness, kind: str
) -> None:
    update = telegram_bot.api.media_message(kind, telegram_bot.user(LAN))
    update["message"]["caption"] = QUESTION
    reply = await telegram_bot.reply_to(update)
    assert reply.plain_text.startswith(ANSWER)
    logged = await rows(telegram_bot, "select text, update_id, delivered from questions")
    assert logged == [(QUESTION, update["update_id"], True)]


@pytest.mark.parametrize("kind", ["photo", "document"])
async def test_an_uncaptioned_photo_or_document_gets_the_hint(
    telegram_bot: TelegramHarness, kind: str
) -> None:
    update = telegram_bot.api.media_message(kind, telegram_bot.user(LAN))
    reply = await telegram_bot.reply_to(update)
    assert reply.plain_text.startswith("Tôi chỉ đọc được câu hỏi bằng chữ")
    assert await rows(telegram_bot, "select count(*) from questions") == [(0,)]


# --- the retry policy on its own -----------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "transient"),
    [
        (RetryAfter(3), True),
        (TimedOut(), True),
        (NetworkError("Bad Gateway"), True),
        (NetworkError("httpx.RemoteProtocolError: Server disconnected"), True),
        (BadRequest("Bad Request: can't parse entities"), False),
        (Forbidden("Forbidden: bot was blocked by the user"), False),
        (InvalidToken(), False),
        (ChatMigrated(-1001), False),
    ],
)
def test_which_failures_are_transient(error: TelegramError, transient: bool) -> None:
    assert is_transient(error) is transient


def test_retry_after_is_read_without_a_deprecation_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    error = RetryAfter(3)  # PTB's own constructor warns (pyproject.toml ignores that one)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert retry_after_seconds(error) == 3.0
    assert caught == []
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # retry_after becomes a timedelta
    assert retry_after_seconds(RetryAfter(dtm.timedelta(seconds=2.5))) == 2.5


def failing(*errors: TelegramError) -> tuple[Callable[[], Awaitable[str]], list[float]]:
    """Return a send that raises ``errors`` in turn, then succeeds; and when it was called."""
    times: list[float] = []
    left = list(errors)

    async def send() -> str:
        times.append(asyncio.get_running_loop().time())
        if left:
            raise left.pop(0)
        return "sent"

    return send, times


async def test_transient_failures_are_retried_with_doubling_waits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(replies, "FIRST_RETRY_DELAY", 0.01)
    monkeypatch.setattr(replies, "MAX_RETRY_DELAY", 0.04)
    send, times = failing(*[NetworkError("Bad Gateway")] * 4, TimedOut())
    assert await delivered(send, chat_id=1) == "sent"
    waits = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert len(waits) == 5
    for wait, expected in zip(waits, [0.01, 0.02, 0.04, 0.04, 0.04], strict=True):
        assert wait >= expected


async def test_a_permanent_failure_is_not_retried(caplog: pytest.LogCaptureFixture) -> None:
    send, times = failing(Forbidden("Forbidden: bot was blocked by the user"))
    with caplog.at_level(logging.WARNING):
        assert await delivered(send, chat_id=42) is None
    assert len(times) == 1
    assert [r.getMessage() for r in caplog.records] == [
        "reply to chat 42 not delivered (Forbidden after 1 tries): "
        "Forbidden: bot was blocked by the user"
    ]


async def test_a_wait_past_the_deadline_gives_up_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(replies, "DELIVERY_DEADLINE", 5.0)
    send, times = failing(RetryAfter(30))
    assert await delivered(send, chat_id=1) is None
    assert len(times) == 1  # waiting 30 s would overrun the deadline: no point


async def test_retries_stop_at_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(replies, "FIRST_RETRY_DELAY", 0.01)
    send, times = failing(*[NetworkError("Bad Gateway")] * 1000)
    assert await delivered(send, chat_id=1, deadline=0.2) is None
    assert 3 < len(times) < 1000
    assert times[-1] - times[0] < 0.2 + 0.1
