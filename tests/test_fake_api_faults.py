"""The fake Bot API's faults: outages, dropped connections, garbage, poison and redelivery.

Checked over HTTP with httpx, as the bot meets them. Fault windows run on a FakeClock the
test moves by hand, so no test sleeps.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from telegram import Update

from tests.fakes.bot_api import DROPPED, FakeBotApi, Json
from tests.fakes.clock import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def api(clock: FakeClock) -> Iterator[FakeBotApi]:
    """Run a fake Bot API whose fault windows follow ``clock``."""
    api = FakeBotApi(clock=clock).start()
    try:
        yield api
    finally:
        api.stop()
    assert api.threads_alive() == []


@pytest.fixture
def client(api: FakeBotApi) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"{api.base_url}{api.token}/", timeout=5) as client:
        yield client


def chat_of(api: FakeBotApi, user_id: int = 42) -> int:
    return int(api.private_chat(api.user(user_id))["id"])


def send(client: httpx.Client, chat_id: int, text: str = "Chào") -> httpx.Response:
    return client.post("sendMessage", json={"chat_id": chat_id, "text": text})


def poll(client: httpx.Client, offset: int = 0) -> list[Json]:
    response = client.post("getUpdates", json={"offset": offset, "timeout": 0})
    assert response.status_code == 200
    result: list[Json] = response.json()["result"]
    return result


# --- fail_for ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "retry_after", "description", "parameters"),
    [
        (502, None, "Bad Gateway", None),
        (500, None, "Internal Server Error", None),
        (429, 2, "Too Many Requests: retry after 2", {"retry_after": 2}),
        (429, None, "Too Many Requests: retry after 1", {"retry_after": 1}),
    ],
)
def test_fail_for_fails_every_call_of_the_method_during_the_window(
    api: FakeBotApi,
    client: httpx.Client,
    clock: FakeClock,
    status: int,
    retry_after: int | None,
    description: str,
    parameters: Json | None,
) -> None:
    chat_id = chat_of(api)
    api.fail_for("sendMessage", status, 6, retry_after=retry_after)
    for _ in range(3):
        refused = send(client, chat_id)
        assert refused.status_code == status
        assert refused.json()["description"] == description
        assert refused.json().get("parameters") == parameters
        clock.advance(1.9)
    # Other methods are not affected.
    assert client.post("sendChatAction", json={"chat_id": chat_id, "action": "typing"}).is_success
    clock.advance(0.4)  # 6.1 s after the window opened
    assert send(client, chat_id).status_code == 200
    assert [c.status for c in api.calls_of("sendMessage")] == [status, status, status, 200]
    assert api.messages_per_chat() == {chat_id: 1}


def test_fail_for_takes_a_description_and_a_new_window_replaces_the_old(
    api: FakeBotApi, client: httpx.Client, clock: FakeClock
) -> None:
    chat_id = chat_of(api)
    api.fail_for("sendMessage", 502, 60)
    api.fail_for("sendMessage", 403, 1, description="Forbidden: bot was blocked by the user")
    blocked = send(client, chat_id)
    assert (blocked.status_code, blocked.json()["description"]) == (
        403,
        "Forbidden: bot was blocked by the user",
    )
    clock.advance(1)
    assert send(client, chat_id).status_code == 200


def test_clear_faults_ends_every_window_at_once(api: FakeBotApi, client: httpx.Client) -> None:
    chat_id = chat_of(api)
    api.fail_for("sendMessage", 502, 60)
    api.drop_connections_for("getUpdates", 60)
    api.fail_next("sendMessage", 400, times=3)
    api.garbage_updates(3)
    api.clear_faults()
    assert send(client, chat_id).status_code == 200
    assert poll(client) == []


# --- drop_connections_for ---------------------------------------------------------------------


def test_dropped_connections_get_no_response_and_are_recorded(
    api: FakeBotApi, client: httpx.Client, clock: FakeClock
) -> None:
    chat_id = chat_of(api)
    api.drop_connections_for("sendMessage", 3)
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        send(client, chat_id, "mất")
    dropped = api.calls_of("sendMessage")[-1]
    assert (dropped.status, dropped.ok, dropped.text) == (DROPPED, False, "mất")
    assert api.messages_per_chat() == {}  # not served: the user got nothing
    # Only that method: the same client's next request of another method is answered.
    assert client.post("getMe").json()["result"]["is_bot"] is True
    clock.advance(3)
    assert send(client, chat_id).status_code == 200
    assert api.messages_per_chat() == {chat_id: 1}


def test_a_connection_dropped_after_processing_delivers_the_message(
    api: FakeBotApi, client: httpx.Client
) -> None:
    chat_id = chat_of(api)
    api.drop_connections_for("sendMessage", 3, after_processing=True)
    with pytest.raises(httpx.RemoteProtocolError):
        send(client, chat_id)
    # The user saw the message; the bot never learnt it was sent.
    assert api.messages_per_chat() == {chat_id: 1}
    assert [c.status for c in api.calls_of("sendMessage")] == [200]


def test_dropped_long_polls_keep_the_updates_queued(
    api: FakeBotApi, client: httpx.Client, clock: FakeClock
) -> None:
    update = api.private_message("che phủ rừng", api.user(7))
    api.push(update)
    api.drop_connections_for("getUpdates", 5)
    with pytest.raises(httpx.RemoteProtocolError):
        client.post("getUpdates", json={"timeout": 0})
    clock.advance(5)
    assert [u["update_id"] for u in poll(client)] == [update["update_id"]]


# --- garbage_updates --------------------------------------------------------------------------


def test_garbage_updates_answer_200_with_bodies_that_are_not_json(
    api: FakeBotApi, client: httpx.Client
) -> None:
    update = api.private_message("che phủ rừng", api.user(7))
    api.push(update)
    api.garbage_updates(2)
    bodies = [client.post("getUpdates", json={"timeout": 0}) for _ in range(2)]
    assert [b.status_code for b in bodies] == [200, 200]
    assert bodies[0].headers["content-type"] == "text/html"
    assert bodies[0].text.startswith("<html>")
    assert bodies[1].headers["content-type"] == "application/json"
    for body in bodies:
        with pytest.raises(json.JSONDecodeError):
            json.loads(body.content)
    assert [c.ok for c in api.calls_of("getUpdates")] == [False, False]
    # The update waited for a good answer.
    assert [u["update_id"] for u in poll(client)] == [update["update_id"]]


def test_garbage_is_only_served_to_get_updates(api: FakeBotApi, client: httpx.Client) -> None:
    api.garbage_updates()
    assert client.post("getMe").json()["ok"] is True
    assert client.post("getUpdates", json={"timeout": 0}).text.startswith("<html>")


# --- poison updates ---------------------------------------------------------------------------

POISON: dict[str, Callable[[FakeBotApi], Json]] = {
    "poll": lambda api: api.poll_update(),
    "poll_answer": lambda api: api.poll_answer_update(api.user(7)),
    "message with a broken entity": lambda api: api.broken_message("chè", api.user(7)),
}


@pytest.mark.parametrize("build", POISON.values(), ids=POISON.keys())
def test_poison_updates_are_served_but_python_telegram_bot_cannot_parse_them(
    api: FakeBotApi, client: httpx.Client, build: Callable[[FakeBotApi], Json]
) -> None:
    poison = build(api)
    api.push(poison)
    served = poll(client)
    assert served == [poison]
    assert isinstance(poison["update_id"], int)
    with pytest.raises((TypeError, ValueError, KeyError)):
        Update.de_json(poison, bot=None)


def test_the_normal_builders_parse(api: FakeBotApi) -> None:
    # The counterpart: what the poison builders break is what PTB needs.
    update = api.prepare(api.private_message("chè", api.user(7)))
    assert Update.de_json(update, bot=None) is not None


# --- push_again -------------------------------------------------------------------------------


def test_push_again_redelivers_a_confirmed_update_with_the_same_id(
    api: FakeBotApi, client: httpx.Client
) -> None:
    user = api.user(7)
    first = api.private_message("một", user)
    api.push(first)
    [got] = poll(client)
    offset = got["update_id"] + 1
    assert poll(client, offset) == []  # confirmed
    api.push_again(first)
    again = poll(client, offset)
    assert [u["update_id"] for u in again] == [first["update_id"]]
    assert again[0]["message"]["text"] == "một"
    # Redelivered once: the same offset confirms it for good.
    assert poll(client, offset) == []


def test_redeliveries_are_served_in_update_id_order(api: FakeBotApi, client: httpx.Client) -> None:
    user = api.user(7)
    first, second = api.private_message("một", user), api.private_message("hai", user)
    api.push(first)
    poll(client)
    api.push(second)
    api.push_again(first)
    served = poll(client, first["update_id"] + 1)
    assert [u["update_id"] for u in served] == [first["update_id"], second["update_id"]]


def test_push_again_needs_a_pushed_update(api: FakeBotApi) -> None:
    with pytest.raises(ValueError, match="push"):
        api.push_again(api.private_message("một", api.user(7)))


def test_push_keeps_an_update_id_it_is_given(api: FakeBotApi, client: httpx.Client) -> None:
    update: dict[str, Any] = {"update_id": 5, **api.poll_update()}
    api.push(update)
    assert [u["update_id"] for u in poll(client)] == [5]


def test_a_negative_offset_keeps_the_last_updates_only(
    api: FakeBotApi, client: httpx.Client
) -> None:
    user = api.user(7)
    updates = [api.private_message(text, user) for text in ("một", "hai", "ba")]
    for update in updates:
        api.push(update)
    assert [u["update_id"] for u in poll(client, -1)] == [updates[2]["update_id"]]
    assert [u["update_id"] for u in poll(client)] == [updates[2]["update_id"]]  # forgotten


# --- counting ---------------------------------------------------------------------------------


def test_requests_are_counted_empty_long_polls_included(
    api: FakeBotApi, client: httpx.Client
) -> None:
    assert api.request_count("getUpdates") == 0
    assert api.last_request_at("getUpdates") is None
    for _ in range(3):
        poll(client)
    assert api.request_count("getUpdates") == 3
    assert api.request_count("getupdates") == 3
    assert api.calls_of("getUpdates") == []  # empty polls are not recorded as calls
    assert api.last_request_at("getUpdates") is not None


def test_messages_per_chat_counts_successful_sends(api: FakeBotApi, client: httpx.Client) -> None:
    lan, minh = chat_of(api, 1), chat_of(api, 2)
    mark = api.mark()
    send(client, lan)
    send(client, lan)
    send(client, minh)
    api.fail_next("sendMessage", 502)
    send(client, minh)
    send(client, 999)  # chat not found
    assert api.messages_per_chat() == {lan: 2, minh: 1}
    assert api.messages_per_chat(since=mark + 2) == {minh: 1}
