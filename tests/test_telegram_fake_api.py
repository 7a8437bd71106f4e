"""The fake Bot API itself: it must refuse what Telegram refuses, or the e2e tests prove little."""

from __future__ import annotations

import json
import threading

import httpx
import pytest

from tests.fakes.bot_api import ApiError, FakeBotApi, parse_html


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("plain text", "plain text"),
        ("<b>đậm</b> và <i>nghiêng</i>", "đậm và nghiêng"),
        ("<blockquote>“Nguyên văn”</blockquote>", "“Nguyên văn”"),
        ("a &lt; b &gt; c &amp; d &quot;e&quot; &#39;f&#x27;", "a < b > c & d \"e\" 'f'"),
        ('<a href="https://example.vn">liên kết</a>', "liên kết"),
        ('<span class="tg-spoiler">ẩn</span>', "ẩn"),
        ("<b><i>lồng</i></b>", "lồng"),
        ("> lớn hơn", "> lớn hơn"),
    ],
)
def test_valid_html_is_parsed_to_plain_text(text: str, plain: str) -> None:
    assert parse_html(text) == plain


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<script>alert(1)</script>", 'Unsupported start tag "script" at byte offset 0'),
        ("xin <div>chào</div>", 'Unsupported start tag "div" at byte offset 4'),
        ("<b>chưa đóng", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>sai thứ tự</b></i>", "Unmatched end tag at byte offset"),
        ("thừa </b>", "Unexpected end tag at byte offset"),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("a <b", "Unclosed start tag at byte offset 2"),
        ("Sở KH&ĐT", "Unsupported HTML entity at byte offset 7"),
        ("&nbsp;", "Unsupported HTML entity at byte offset 0"),
        ("<span>không phải spoiler</span>", 'Unsupported start tag "span"'),
    ],
)
def test_invalid_html_is_refused_as_telegram_does(text: str, reason: str) -> None:
    with pytest.raises(ApiError) as caught:
        parse_html(text)
    assert caught.value.status == 400
    assert caught.value.description.startswith("Bad Request: can't parse entities: ")
    assert reason in caught.value.description


@pytest.fixture
def client(fake_api: FakeBotApi):
    with httpx.Client(base_url=f"{fake_api.base_url}{fake_api.token}/") as client:
        yield client


def known_chat(fake_api: FakeBotApi) -> int:
    return fake_api.private_chat(fake_api.user(42))["id"]


def test_send_message_checks_html_length_and_buttons(fake_api: FakeBotApi, client) -> None:
    chat_id = known_chat(fake_api)
    ok = client.post(
        "sendMessage", json={"chat_id": chat_id, "text": "<b>Chào</b>", "parse_mode": "HTML"}
    )
    assert ok.status_code == 200
    assert ok.json()["result"]["text"] == "Chào"
    bad = client.post(
        "sendMessage", json={"chat_id": chat_id, "text": "<b>", "parse_mode": "HTML"}
    )
    assert bad.status_code == 400
    assert "can't parse entities" in bad.json()["description"]
    # Without parse_mode the same text is fine: it is shown as is.
    assert client.post("sendMessage", json={"chat_id": chat_id, "text": "<b>"}).status_code == 200
    long = client.post("sendMessage", json={"chat_id": chat_id, "text": "a" * 4097})
    assert long.json()["description"] == "Bad Request: message is too long"
    exact = client.post("sendMessage", json={"chat_id": chat_id, "text": "a" * 4096})
    assert exact.status_code == 200
    markup = {"inline_keyboard": [[{"text": "x", "callback_data": "d" * 65}]]}
    button = client.post(
        "sendMessage", json={"chat_id": chat_id, "text": "x", "reply_markup": markup}
    )
    assert button.json()["description"] == "Bad Request: BUTTON_DATA_INVALID"
    unknown = client.post("sendMessage", json={"chat_id": 999, "text": "x"})
    assert unknown.json()["description"] == "Bad Request: chat not found"


def test_form_and_multipart_bodies_are_decoded(fake_api: FakeBotApi, client) -> None:
    chat_id = known_chat(fake_api)
    form = client.post(
        "sendMessage",
        data={
            "chat_id": str(chat_id),
            "text": "123",
            "reply_markup": json.dumps({"inline_keyboard": []}),
        },
    )
    assert form.status_code == 200
    call = fake_api.calls_of("sendMessage")[-1]
    assert call.params == {
        "chat_id": chat_id,
        "text": "123",
        "reply_markup": {"inline_keyboard": []},
    }
    upload = client.post(
        "sendDocument",
        data={"chat_id": str(chat_id), "caption": "Báo cáo"},
        files={"document": ("tien-do.xlsx", b"PK\x03\x04 data", "application/octet-stream")},
    )
    assert upload.status_code == 200
    sent = fake_api.calls_of("sendDocument")[-1]
    assert sent.files == {"document": ("tien-do.xlsx", len(b"PK\x03\x04 data"))}
    assert sent.params["caption"] == "Báo cáo"
    photo = client.post(
        "sendPhoto",
        data={"chat_id": str(chat_id)},
        files={"photo": ("c.png", b"\x89PNG", "image/png")},
    )
    assert photo.json()["result"]["photo"][0]["file_id"]


def test_edits_must_change_something(fake_api: FakeBotApi, client) -> None:
    chat_id = known_chat(fake_api)
    sent = client.post("sendMessage", json={"chat_id": chat_id, "text": "một"}).json()["result"]
    edit = {"chat_id": chat_id, "message_id": sent["message_id"], "text": "hai"}
    assert client.post("editMessageText", json=edit).status_code == 200
    again = client.post("editMessageText", json=edit)
    assert "message is not modified" in again.json()["description"]
    missing = client.post("editMessageText", json={**edit, "message_id": 999})
    assert missing.json()["description"] == "Bad Request: message to edit not found"
    markup = {"inline_keyboard": [[{"text": "x", "callback_data": "x"}]]}
    reply_markup = {"chat_id": chat_id, "message_id": sent["message_id"], "reply_markup": markup}
    assert client.post("editMessageReplyMarkup", json=reply_markup).status_code == 200


def test_failures_are_injected_on_the_next_calls_only(fake_api: FakeBotApi, client) -> None:
    chat_id = known_chat(fake_api)
    fake_api.fail_next("sendMessage", 429, retry_after=3)
    fake_api.fail_next("sendMessage", 502)
    first = client.post("sendMessage", json={"chat_id": chat_id, "text": "x"})
    assert first.status_code == 429
    assert first.json()["parameters"] == {"retry_after": 3}
    assert client.post("sendMessage", json={"chat_id": chat_id, "text": "x"}).status_code == 502
    assert client.post("sendMessage", json={"chat_id": chat_id, "text": "x"}).status_code == 200
    assert [c.status for c in fake_api.calls_of("sendMessage")] == [429, 502, 200]


def test_get_updates_long_polls_and_honours_the_offset(fake_api: FakeBotApi, client) -> None:
    assert client.post("getUpdates", json={"timeout": 0}).json()["result"] == []
    user = fake_api.user(7)
    first = fake_api.private_message("một", user)
    second = fake_api.private_message("hai", user)
    fake_api.push(first)
    fake_api.push(second)
    got = client.post("getUpdates", json={"timeout": 0}).json()["result"]
    assert [u["update_id"] for u in got] == [first["update_id"], second["update_id"]]
    after = client.post("getUpdates", json={"offset": second["update_id"], "timeout": 0})
    assert [u["update_id"] for u in after.json()["result"]] == [second["update_id"]]
    # A long poll returns as soon as an update arrives.
    third = fake_api.private_message("ba", user)
    threading.Timer(0.05, fake_api.push, [third]).start()
    waited = client.post("getUpdates", json={"offset": second["update_id"] + 1, "timeout": 5})
    assert [u["update_id"] for u in waited.json()["result"]] == [third["update_id"]]


def test_a_wrong_token_is_unauthorized(fake_api: FakeBotApi) -> None:
    response = httpx.post(f"{fake_api.base_url}123:wrong/getMe")
    assert response.status_code == 401


def test_commands_are_stored_per_scope(fake_api: FakeBotApi, client) -> None:
    commands = [{"command": "hoi", "description": "Hỏi"}]
    scope = {"type": "all_group_chats"}
    assert (
        client.post("setMyCommands", json={"commands": commands, "scope": scope}).status_code
        == 200
    )
    assert client.post("getMyCommands", json={"scope": scope}).json()["result"] == commands
    bad = client.post("setMyCommands", json={"commands": [{"command": "Hỏi", "description": "x"}]})
    assert bad.json()["description"] == "Bad Request: BOT_COMMAND_INVALID"
    client.post("deleteMyCommands", json={"scope": scope})
    assert client.post("getMyCommands", json={"scope": scope}).json()["result"] == []


async def test_wait_for_call_waits_on_an_event_and_times_out(fake_api: FakeBotApi) -> None:
    with pytest.raises(TimeoutError, match="no sendMessage call"):
        await fake_api.wait_for_call("sendMessage", timeout=0.05)
