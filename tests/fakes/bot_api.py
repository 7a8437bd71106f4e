"""A fake Telegram Bot API server on 127.0.0.1, for end-to-end tests and benchmarks.

The bot reaches it through ``TELEGRAM_API_BASE_URL`` (``{base}{token}/{method}``), exactly
as it reaches Telegram. The server runs in a thread (stdlib ``ThreadingHTTPServer``,
HTTP/1.1 keep-alive), records every call (method and decoded parameters, from JSON, form or
multipart bodies), serves pushed updates through a long-polling ``getUpdates`` and checks
what the bot sends the way Telegram does: HTML with ``parse_mode=HTML`` is parsed and
rejected with Telegram's ``400 Bad Request: can't parse entities: ...`` when a tag is
unsupported, unclosed or mismatched, or when a bare ``<`` or ``&`` slips through; texts
over 4,096 characters and callback data over 64 bytes are refused.

Faults, for reliability tests and benchmarks:

* ``fail_next``: the next call(s) of a method fail (400, 429 with ``retry_after``, 500, 502);
* ``fail_for``: every call of a method fails for a window of seconds (an outage);
* ``drop_connections_for``: the server closes the connection without answering, for a window;
* ``garbage_updates``: the next getUpdates answer ``200`` with a body that is not JSON;
* ``poll_update``, ``poll_answer_update``, ``broken_message``: updates that
  python-telegram-bot cannot parse (poison);
* ``push_again``: Telegram delivers an update a second time, with the same ``update_id``.

Tests build updates with the helpers (``private_message``, ``group_message``,
``callback_query`` ...), ``push`` them and ``await wait_for_call(...)``; waiting is on an
event set by the server thread, never a fixed sleep. ``request_count`` counts every request
of a method, empty long polls included (those are not recorded as calls), and
``messages_per_chat`` the messages delivered to each chat.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.parser
import email.policy
import html
import itertools
import json
import re
import socket
import threading
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx

BOT_ID = 7000000001
BOT_TOKEN = f"{BOT_ID}:AAFakeTokenForTestsOnly_0123456789abc"
BOT_USERNAME = "nq_caobang_test_bot"
MAX_TEXT_LENGTH = 4096
MAX_CALLBACK_DATA = 64
#: The status recorded for a call whose connection was closed without a response.
DROPPED = 0
#: What a broken proxy answers getUpdates with instead of JSON: HTML, then truncated JSON.
GARBAGE_BODIES: tuple[tuple[str, bytes], ...] = (
    ("text/html", b"<html><head><title>502 Bad Gateway</title></head><body>502</body></html>"),
    ("application/json", b'{"ok":true,"result":[{"update_id":10'),
)

Json = dict[str, Any]


@dataclass(frozen=True)
class Call:
    """One request the bot made: which method, with what, and what it got back."""

    index: int
    method: str
    params: Json
    files: dict[str, tuple[str, int]]
    status: int
    response: Any
    at: float

    @property
    def ok(self) -> bool:
        """Return whether the call succeeded (a JSON answer with status 200)."""
        return self.status == 200 and isinstance(self.response, dict)

    @property
    def chat_id(self) -> Any:
        """Return the chat the call was about, if any."""
        return self.params.get("chat_id")

    @property
    def text(self) -> str:
        """Return the text (or caption) sent, as sent (HTML included)."""
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def plain_text(self) -> str:
        """Return the text as a user sees it (tags dropped, entities decoded)."""
        if self.params.get("parse_mode", "").lower() == "html":
            return parse_html(self.text)
        return self.text

    @property
    def buttons(self) -> list[Json]:
        """Return the inline keyboard buttons, row after row."""
        markup = self.params.get("reply_markup") or {}
        return [button for row in markup.get("inline_keyboard", []) for button in row]


class ApiError(Exception):
    """What a Bot API method answers when it refuses a call."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def body(self) -> Json:
        """Return the JSON body Telegram sends with this error."""
        body: Json = {"ok": False, "error_code": self.status, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


# --- Telegram's HTML dialect -----------------------------------------------------------------

_SUPPORTED_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
    "tg-emoji", "code", "pre", "blockquote",
}  # fmt: skip
_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9-]*)"
    r"((?:\s+[A-Za-z-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>\"']+))?)*)\s*>"
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|lt|gt|amp|quot);")


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def parse_html(text: str) -> str:
    """Return the plain text of a Telegram HTML message, or raise ApiError as Telegram does."""

    def refuse(reason: str) -> ApiError:
        return ApiError(400, f"Bad Request: can't parse entities: {reason}")

    plain: list[str] = []
    open_tags: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "<":
            match = _TAG.match(text, index)
            offset = _byte_offset(text, index)
            if match is None:
                if re.match(r"</?[A-Za-z]", text[index : index + 3]):
                    raise refuse(f"Unclosed start tag at byte offset {offset}")
                raise refuse(f'Unsupported start tag "" at byte offset {offset}')
            closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
            if closing:
                if not open_tags:
                    raise refuse(f"Unexpected end tag at byte offset {offset}")
                if open_tags[-1] != name:
                    expected = open_tags[-1]
                    raise refuse(
                        f'Unmatched end tag at byte offset {offset}, expected "</{expected}>", '
                        f'found "</{name}>"'
                    )
                open_tags.pop()
            else:
                spoiler = name != "span" or "tg-spoiler" in attributes
                if name not in _SUPPORTED_TAGS or not spoiler:
                    raise refuse(f'Unsupported start tag "{name}" at byte offset {offset}')
                open_tags.append(name)
            index = match.end()
        elif char == "&":
            match = _ENTITY.match(text, index)
            if match is None:
                offset = _byte_offset(text, index)
                raise refuse(f"Unsupported HTML entity at byte offset {offset}")
            plain.append(html.unescape(match.group()))
            index = match.end()
        else:
            plain.append(char)
            index += 1
    if open_tags:
        raise refuse(f'Can\'t find end tag corresponding to start tag "{open_tags[-1]}"')
    return "".join(plain)


def utf16_length(text: str) -> int:
    """Return the length Telegram counts: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


#: Telegram's limit on a photo's or document's caption (after entities are parsed).
MAX_CAPTION_LENGTH = 1024


def _message_text(params: Json, key: str = "text") -> str:
    raw = params.get(key)
    if not isinstance(raw, str):
        raise ApiError(400, f"Bad Request: {key} is empty" if raw is None else "Bad Request")
    parse_mode = str(params.get("parse_mode") or "")
    plain = parse_html(raw) if parse_mode.lower() == "html" else raw
    if not plain.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if utf16_length(plain) > MAX_TEXT_LENGTH:
        raise ApiError(400, "Bad Request: message is too long")
    return plain


def _check_markup(markup: Any) -> None:
    if not markup:
        return
    if not isinstance(markup, dict):
        raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if not str(button.get("text", "")).strip():
                raise ApiError(
                    400, "Bad Request: text buttons are unallowed in the inline keyboard"
                )
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode("utf-8")) <= MAX_CALLBACK_DATA:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")


# --- decoding requests -------------------------------------------------------------------

# Parameters that are text for Telegram even when they look like JSON ("123", "true", "[x]").
_TEXT_PARAMS = {
    "text", "caption", "message_text", "query", "description", "title", "url", "secret_token",
    "callback_query_id", "inline_query_id", "parse_mode", "action", "next_offset",
    "language_code", "ip_address", "emoji", "switch_pm_text", "switch_pm_parameter",
}  # fmt: skip


def _decode_value(name: str, value: str) -> Any:
    # python-telegram-bot posts forms whose non-string values are JSON-encoded.
    if name in _TEXT_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _decode(content_type: str, body: bytes) -> tuple[Json, dict[str, tuple[str, int]]]:
    try:
        return decode_request(content_type, body)
    except ValueError:
        return {}, {}


def decode_request(content_type: str, body: bytes) -> tuple[Json, dict[str, tuple[str, int]]]:
    """Return the parameters and uploaded files (name: (filename, size)) of a request body."""
    kind = content_type.split(";")[0].strip().lower()
    if not body:
        return {}, {}
    if kind == "application/json":
        return json.loads(body), {}
    if kind == "multipart/form-data":
        head = f"Content-Type: {content_type}\r\n\r\n".encode()
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
        params: Json = {}
        files: dict[str, tuple[str, int]] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            payload = part.get_payload(decode=True) or b""
            if filename is not None:
                files[str(name)] = (filename, len(payload))
                params[str(name)] = f"attach://{name}"
            else:
                params[str(name)] = _decode_value(str(name), payload.decode("utf-8"))
        return params, files
    pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
    return {name: _decode_value(name, value) for name, value in pairs}, {}


def uploaded_files(content_type: str, body: bytes) -> list[tuple[str, bytes]]:
    """Return (filename, content) of each file a multipart request uploads."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    return [
        (str(part.get_filename()), part.get_payload(decode=True) or b"")
        for part in message.iter_parts()
        if part.get_filename() is not None
    ]


# --- the server ----------------------------------------------------------------------------

_PATH = re.compile(r"/bot([^/]+)/([A-Za-z]+)")


class _Server(ThreadingHTTPServer):
    # One thread per connection (keep-alive); stop() closes them all and joins them.
    daemon_threads = False
    block_on_close = False  # stop() joins the connection threads itself

    def __init__(self, api: FakeBotApi) -> None:
        self.api = api
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        self.threads: list[threading.Thread] = []
        super().__init__(("127.0.0.1", 0), _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.connections_lock:
            self.connections.add(request)
        thread = threading.Thread(
            target=self.process_request_thread,
            args=(request, client_address),
            name=f"fake-bot-api-connection-{client_address[1]}",
        )
        self.threads = [t for t in self.threads if t.is_alive()]
        self.threads.append(thread)
        thread.start()

    def shutdown_request(self, request: Any) -> None:
        with self.connections_lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client closing its keep-alive connection at shutdown is not worth a traceback.
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    timeout = 120
    disable_nagle_algorithm = True

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        reply = self.server.api.respond(self.path, self.headers.get("Content-Type", ""), body)
        if reply.drop:
            # No response: the server closes the connection once this method returns.
            self.close_connection = True
            return
        head = (
            f"HTTP/1.1 {reply.status} {HTTPStatus(reply.status).phrase}\r\n"
            f"Content-Type: {reply.content_type}\r\n"
            f"Content-Length: {len(reply.body)}\r\n\r\n"
        ).encode("ascii")
        # One write: a response split in two small packets waits for the client's delayed
        # ACK (Nagle), adding ~40 ms to every call on loopback.
        self.wfile.write(head + reply.body)

    do_GET = do_POST

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass(frozen=True)
class Reply:
    """What the server sends back for one request: a body, or nothing (``drop``)."""

    status: int
    body: bytes = b""
    content_type: str = "application/json"
    drop: bool = False

    @classmethod
    def of_json(cls, status: int, payload: Json) -> Reply:
        """Return a JSON reply."""
        return cls(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"))


@dataclass
class _Failure:
    status: int
    description: str
    retry_after: int | None


@dataclass
class _Window:
    """A fault on every call of a method until ``until`` (monotonic seconds)."""

    until: float
    failure: _Failure | None = None  # None: drop the connection
    after_processing: bool = False  # for drops: serve the call, then lose the response


@dataclass
class _Queued:
    update: Json
    redelivered: bool = False
    served: bool = False

    @property
    def update_id(self) -> int:
        return int(self.update["update_id"])


def _failure(status: int, description: str | None, retry_after: int | None) -> _Failure:
    if status == 429 and retry_after is None:
        retry_after = 1
    if description is None:
        description = {
            400: "Bad Request: injected failure",
            403: "Forbidden: bot was blocked by the user",
            429: f"Too Many Requests: retry after {retry_after}",
            500: "Internal Server Error",
            502: "Bad Gateway",
        }.get(status, "Injected failure")
    return _Failure(status, description, retry_after)


@dataclass
class _StoredMessage:
    chat_id: int
    message: Json
    raw_text: str = ""
    markup: Any = None


@dataclass
class FakeBotApi:
    """The fake server, its recorded calls, its update queue and its update builders."""

    token: str = BOT_TOKEN
    bot_username: str = BOT_USERNAME
    bot_id: int = BOT_ID
    on_call: Callable[[Call], None] | None = None
    #: The monotonic clock fault windows are measured on (tests pass a FakeClock).
    clock: Callable[[], float] = time.monotonic
    #: The update_id of the first update pushed; Telegram's ids only grow, so a bot keeping
    #: its database across servers (benchmarks) needs each server to start past the last.
    first_update_id: int = 1000
    calls: list[Call] = field(default_factory=list, init=False)
    commands: dict[str, list[Json]] = field(default_factory=dict, init=False)
    #: Files the bot uploaded (sendPhoto, sendDocument): (method, filename, content).
    uploads: list[tuple[str, str, bytes]] = field(default_factory=list, init=False)
    webhook: Json = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self._lock = threading.Condition()
        self._updates: deque[_Queued] = deque()
        self._update_ids = itertools.count(self.first_update_id)
        self._message_ids: dict[int, Iterator[int]] = defaultdict(lambda: itertools.count(1))
        self._query_ids = itertools.count(1)
        self._failures: dict[str, deque[_Failure]] = defaultdict(deque)
        #: Users who blocked the bot: sending to them answers 403.
        self.blocked: set[int] = set()
        #: Every n-th call of a method fails (method: (n, failure)), counted from when set.
        self._every: dict[str, tuple[int, _Failure]] = {}
        self._every_count: Counter[str] = Counter()
        self._windows: dict[str, _Window] = {}
        self._garbage_left = 0
        self._garbage_served = 0
        self._requests: Counter[str] = Counter()
        self._last_request: dict[str, float] = {}
        self._messages: dict[tuple[int, int], _StoredMessage] = {}
        self._chats: dict[int, Json] = {}
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopping = False

    # lifecycle

    def start(self) -> FakeBotApi:
        """Start serving on a free port of 127.0.0.1 in a background thread."""
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-bot-api"
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Release long polls, close every connection and join every server thread."""
        if self._server is None or self._thread is None:
            return
        with self._lock:
            self._stopping = True
            self._lock.notify_all()
        self._server.shutdown()
        with self._server.connections_lock:
            connections = list(self._server.connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self._server.server_close()
        for thread in self._server.threads:
            thread.join()
        self._thread.join()
        self._server = None

    def threads_alive(self) -> list[threading.Thread]:
        """Return the server's threads still running (none once stopped)."""
        return [
            t
            for t in threading.enumerate()
            if t is self._thread or t.name.startswith("fake-bot-api")
        ]

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """Return the port the server listens on."""
        assert self._server is not None, "the fake Bot API is not started"
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """Return the value for TELEGRAM_API_BASE_URL."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def bot_user(self) -> Json:
        """Return the bot as a Telegram User object."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Nghị quyết Cao Bằng",
            "username": self.bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    # what tests do

    def push(self, update: Json) -> int:
        """Queue an update for getUpdates; return the call mark to wait from.

        Any dict is accepted, poison included (see ``poll_update``); an update without an
        ``update_id`` gets the next one.
        """
        self.prepare(update)
        with self._lock:
            mark = len(self.calls)
            self._updates.append(_Queued(update))
            self._lock.notify_all()
        return mark

    def push_again(self, update: Json) -> int:
        """Deliver a pushed update once more with the same update_id, as Telegram may.

        It is served by the next getUpdates even if the bot's offset has already confirmed
        it (a redelivery after a restart); return the call mark to wait from.
        """
        if "update_id" not in update:
            raise ValueError("push_again() redelivers a pushed update; push() it first")
        with self._lock:
            mark = len(self.calls)
            self._updates.append(_Queued(update, redelivered=True))
            self._lock.notify_all()
        return mark

    def prepare(self, update: Json) -> Json:
        """Give an update its update_id (done by push; call it for webhook deliveries)."""
        if "update_id" not in update:
            update["update_id"] = next(self._update_ids)
        return update

    def mark(self) -> int:
        """Return the index the next recorded call will have."""
        with self._lock:
            return len(self.calls)

    def fail_next(
        self,
        method: str,
        status: int = 400,
        description: str | None = None,
        *,
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail with ``status``."""
        failure = _failure(status, description, retry_after)
        with self._lock:
            for _ in range(times):
                self._failures[method.lower()].append(failure)

    def fail_for(
        self,
        method: str,
        status: int,
        seconds: float,
        *,
        retry_after: int | None = None,
        description: str | None = None,
    ) -> None:
        """Make every call of ``method`` fail with ``status`` for the next ``seconds``.

        The window is on ``clock`` (monotonic) and starts now; a 429 says ``retry_after``
        (1 unless given). It replaces any window already set on ``method``.
        """
        failure = _failure(status, description, retry_after)
        with self._lock:
            self._windows[method.lower()] = _Window(self.clock() + seconds, failure)

    def fail_every(
        self, method: str, every: int, status: int, *, retry_after: int | None = None
    ) -> None:
        """Make every ``every``-th call of ``method`` fail with ``status`` from now on."""
        with self._lock:
            self._every[method.lower()] = (every, _failure(status, None, retry_after))
            self._every_count[method.lower()] = 0

    def drop_connections_for(
        self, method: str, seconds: float, *, after_processing: bool = False
    ) -> None:
        """Close the connection without a response on every call of ``method`` for ``seconds``.

        By default the call is not served (recorded with status ``DROPPED``); with
        ``after_processing`` it is served and recorded as usual, and only the response is
        lost (the message was sent, the bot cannot know).
        """
        with self._lock:
            self._windows[method.lower()] = _Window(
                self.clock() + seconds, after_processing=after_processing
            )

    def garbage_updates(self, count: int = 1) -> None:
        """Make the next ``count`` getUpdates answer 200 with a body that is not JSON.

        The bodies alternate between a proxy's HTML error page and truncated JSON
        (``GARBAGE_BODIES``); pending updates stay queued for the next good call.
        """
        with self._lock:
            self._garbage_left += count

    def clear_faults(self) -> None:
        """End every fault window and forget the injected failures and garbage."""
        with self._lock:
            self._windows.clear()
            self._failures.clear()
            self._every.clear()
            self._garbage_left = 0

    def request_count(self, method: str) -> int:
        """Return how many requests of ``method`` arrived, empty long polls included."""
        with self._lock:
            return self._requests[method.lower()]

    def last_request_at(self, method: str) -> float | None:
        """Return when (monotonic) the last request of ``method`` arrived, if any did."""
        with self._lock:
            return self._last_request.get(method.lower())

    def messages_per_chat(self, *, since: int = 0) -> Counter[Any]:
        """Return how many sendMessage calls succeeded in each chat, from index ``since``."""
        return Counter(
            call.chat_id for call in self.calls_of("sendMessage", since=since) if call.ok
        )

    def calls_of(self, method: str, *, since: int = 0, chat_id: Any = None) -> list[Call]:
        """Return the recorded calls of ``method`` from index ``since`` (for one chat)."""
        with self._lock:
            calls = self.calls[since:]
        return [
            c
            for c in calls
            if c.method.lower() == method.lower() and (chat_id is None or c.chat_id == chat_id)
        ]

    async def wait_for_call(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 - the fake's interface, like asyncio.wait_for
        *,
        since: int = 0,
    ) -> Call:
        """Wait until the bot makes a call of ``method`` (matching ``predicate``); return it."""
        loop = asyncio.get_running_loop()
        event = asyncio.Event()
        waiter = (loop, event)
        deadline = loop.time() + timeout
        with self._lock:
            self._waiters.add(waiter)
        try:
            while True:
                # Cleared before scanning: a call recorded after the scan sets it again.
                event.clear()
                for call in self.calls_of(method, since=since):
                    if predicate is None or predicate(call):
                        return call
                remaining = deadline - loop.time()
                if remaining <= 0:
                    seen = [(c.method, c.status) for c in self.calls[since:]][-20:]
                    raise TimeoutError(f"no {method} call within {timeout}s; calls: {seen}")
                try:
                    await asyncio.wait_for(event.wait(), remaining)
                except TimeoutError:
                    continue
        finally:
            with self._lock:
                self._waiters.discard(waiter)

    async def deliver_webhook(
        self, url: str, update: Json, secret_token: str | None
    ) -> httpx.Response:
        """POST an update to the bot's webhook as Telegram does, with the secret header."""
        self.prepare(update)
        headers = {}
        if secret_token is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret_token
        async with httpx.AsyncClient() as client:
            return await client.post(url, json=update, headers=headers, timeout=5)

    # update builders

    def user(self, user_id: int, first_name: str = "Lan", **extra: Any) -> Json:
        """Return a Telegram User (a person)."""
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name,
            "language_code": "vi",
            **extra,
        }

    def private_chat(self, user: Json) -> Json:
        """Return (and remember) the private chat with ``user``."""
        chat = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        if user.get("username"):
            chat["username"] = user["username"]
        self._chats[chat["id"]] = chat
        return chat

    def group_chat(self, chat_id: int = -1001234567890, title: str = "Chi bộ Sở KH&ĐT") -> Json:
        """Return (and remember) a supergroup."""
        chat = {"id": chat_id, "type": "supergroup", "title": title}
        self._chats[chat_id] = chat
        return chat

    def _message(self, chat: Json, user: Json, text: str | None = None, **extra: Any) -> Json:
        message: Json = {
            "message_id": next(self._message_ids[chat["id"]]),
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            **extra,
        }
        if text is not None:
            message["text"] = text
            entities = self.entities_of(text)
            if entities:
                message["entities"] = entities
        return message

    @staticmethod
    def entities_of(text: str) -> list[Json]:
        """Return the entities Telegram would mark: a leading command and @mentions."""
        entities = []
        for match in re.finditer(
            r"(?:^/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?)|(?:@[A-Za-z0-9_]{5,})", text
        ):
            kind = "bot_command" if match.group().startswith("/") else "mention"
            offset = utf16_length(text[: match.start()])
            entities.append(
                {"type": kind, "offset": offset, "length": utf16_length(match.group())}
            )
        return entities

    def private_message(self, text: str, user: Json) -> Json:
        """Return an update: ``user`` writes ``text`` to the bot in private."""
        return {"message": self._message(self.private_chat(user), user, text)}

    def group_message(
        self, text: str, user: Json, chat: Json | None = None, *, reply_to: Json | None = None
    ) -> Json:
        """Return an update: ``user`` writes ``text`` in a group (optionally as a reply)."""
        chat = chat or self.group_chat()
        extra = {"reply_to_message": reply_to} if reply_to else {}
        return {"message": self._message(chat, user, text, **extra)}

    def edited_message(self, update: Json, text: str) -> Json:
        """Return an update: the message of ``update`` edited to ``text``."""
        message = dict(update["message"], text=text, edit_date=int(time.time()))
        message.pop("entities", None)
        if entities := self.entities_of(text):
            message["entities"] = entities
        return {"edited_message": message}

    def media_message(self, kind: str, user: Json) -> Json:
        """Return an update: ``user`` sends a sticker, photo, voice, location or document."""
        media: dict[str, Any] = {
            "sticker": {
                "file_id": "CAAC-sticker", "file_unique_id": "s1", "type": "regular",
                "width": 512, "height": 512, "is_animated": False, "is_video": False,
                "emoji": "👍",
            },
            "photo": [{"file_id": "ph1", "file_unique_id": "p1", "width": 90, "height": 90}],
            "voice": {"file_id": "vo1", "file_unique_id": "v1", "duration": 3},
            "location": {"latitude": 22.6666, "longitude": 106.25},
            "document": {"file_id": "do1", "file_unique_id": "d1", "file_name": "bao-cao.pdf"},
        }  # fmt: skip
        return {"message": self._message(self.private_chat(user), user, **{kind: media[kind]})}

    def callback_query(self, user: Json, message: Json, data: str) -> Json:
        """Return an update: ``user`` presses the button ``data`` under a bot ``message``."""
        return {
            "callback_query": {
                "id": f"cq{next(self._query_ids)}",
                "from": user,
                "chat_instance": f"ci{message['chat']['id']}",
                "message": message,
                "data": data,
            }
        }

    def inline_query(self, user: Json, query: str) -> Json:
        """Return an update: ``user`` types ``@bot query`` in some chat."""
        return {
            "inline_query": {
                "id": f"iq{next(self._query_ids)}",
                "from": user,
                "query": query,
                "offset": "",
                "chat_type": "sender",
            }
        }

    def my_chat_member(self, chat: Json, user: Json, old: str, new: str) -> Json:
        """Return an update: the bot's status in ``chat`` changed from ``old`` to ``new``."""

        def member(status: str) -> Json:
            extra = {"until_date": 0} if status == "kicked" else {}
            return {"user": self.bot_user, "status": status, **extra}

        return {
            "my_chat_member": {
                "chat": chat,
                "from": user,
                "date": int(time.time()),
                "old_chat_member": member(old),
                "new_chat_member": member(new),
            }
        }

    def poll_update(self) -> Json:
        """Return a poison update: a ``poll`` without the fields python-telegram-bot requires."""
        return {
            "poll": {
                "id": f"poll{next(self._query_ids)}",
                "question": "Chỉ tiêu nào khó đạt nhất?",
                "options": [{"text": "Che phủ rừng", "voter_count": 0}],
            }
        }

    def poll_answer_update(self, user: Json) -> Json:
        """Return a poison update: a ``poll_answer`` without its ``option_ids``."""
        return {"poll_answer": {"poll_id": f"poll{next(self._query_ids)}", "user": user}}

    def broken_message(self, text: str, user: Json) -> Json:
        """Return a poison update: a private message whose entity has no offset or length."""
        update = self.private_message(text, user)
        update["message"]["entities"] = [{"type": "bold"}]
        return update

    # serving

    def respond(self, path: str, content_type: str, body: bytes) -> Reply:
        """Serve one HTTP request, faults included; return what to send back."""
        match = _PATH.fullmatch(urlsplit(path).path)
        if match is None or match.group(1) != self.token:
            return Reply.of_json(*self.handle(path, content_type, body))
        method = match.group(2)
        name = method.lower()
        garbage: tuple[str, bytes] | None = None
        with self._lock:
            self._requests[name] += 1
            self._last_request[name] = time.monotonic()
            window = self._windows.get(name)
            if window is not None and self.clock() >= window.until:
                del self._windows[name]
                window = None
            if name == "getupdates" and self._garbage_left:
                self._garbage_left -= 1
                garbage = GARBAGE_BODIES[self._garbage_served % len(GARBAGE_BODIES)]
                self._garbage_served += 1
        if garbage is not None:
            kind, data = garbage
            self._record(method, *_decode(content_type, body), 200, data.decode())
            return Reply(200, data, kind)
        if window is not None and window.failure is None:
            if window.after_processing:
                self.handle(path, content_type, body)
            else:
                self._record(method, *_decode(content_type, body), DROPPED, None)
            return Reply(DROPPED, drop=True)
        return Reply.of_json(*self.handle(path, content_type, body))

    def handle(self, path: str, content_type: str, body: bytes) -> tuple[int, Json]:
        """Serve one HTTP request; return the status and JSON body."""
        match = _PATH.fullmatch(urlsplit(path).path)
        if match is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        token, method = match.groups()
        params, files = _decode(content_type, body)
        if files and token == self.token:
            with self._lock:
                self.uploads += [
                    (method, *upload) for upload in uploaded_files(content_type, body)
                ]
        if token != self.token:
            status, response = 401, ApiError(401, "Unauthorized").body()
        else:
            status, response = self._answer(method, params)
        # Empty long polls are noise: record getUpdates only when it returns updates.
        if method.lower() != "getupdates" or response.get("result") or status != 200:
            self._record(method, params, files, status, response)
        return status, response

    def _record(
        self,
        method: str,
        params: Json,
        files: dict[str, tuple[str, int]],
        status: int,
        response: Any,
    ) -> None:
        with self._lock:
            call = Call(len(self.calls), method, params, files, status, response, time.monotonic())
            self.calls.append(call)
            waiters = list(self._waiters)
        for loop, event in waiters:
            with contextlib.suppress(RuntimeError):  # the test's loop is closed
                loop.call_soon_threadsafe(event.set)
        if self.on_call is not None:
            self.on_call(call)

    def _answer(self, method: str, params: Json) -> tuple[int, Json]:
        name = method.lower()
        with self._lock:
            failures = self._failures.get(name)
            failure = failures.popleft() if failures else None
            window = self._windows.get(name)
            if failure is None and window is not None and self.clock() < window.until:
                failure = window.failure  # None for a drop window: served by respond()
            every = self._every.get(name)
            if failure is None and every is not None:
                self._every_count[name] += 1
                if self._every_count[name] % every[0] == 0:
                    failure = every[1]
            if failure is None and name == "sendmessage" and params.get("chat_id") in self.blocked:
                failure = _failure(403, None, None)
        if failure is not None:
            error = ApiError(failure.status, failure.description, failure.retry_after)
            return error.status, error.body()
        handler = getattr(self, f"_api_{name}", None)
        if handler is None:
            return 404, ApiError(404, "Not Found: method not found").body()
        try:
            return 200, {"ok": True, "result": handler(params)}
        except ApiError as error:
            return error.status, error.body()

    def _chat(self, params: Json) -> Json:
        chat_id = params.get("chat_id")
        chat = self._chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        return chat

    def _store(self, chat: Json, message: Json, raw_text: str, markup: Any) -> Json:
        with self._lock:
            self._messages[(chat["id"], message["message_id"])] = _StoredMessage(
                chat["id"], message, raw_text, markup
            )
        return message

    def _api_getme(self, params: Json) -> Json:
        return self.bot_user

    def _api_getupdates(self, params: Json) -> list[Json]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 50.0)
        with self._lock:
            if self.webhook.get("url"):
                raise ApiError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                )
            if offset < 0:
                # The last -offset updates; all previous updates are forgotten.
                self._updates = deque(
                    itertools.islice(self._updates, max(0, len(self._updates) + offset), None)
                )
            elif offset:
                # Confirmed by the offset, unless Telegram redelivers it (push_again).
                pending = [
                    queued
                    for queued in self._updates
                    if queued.update_id >= offset or (queued.redelivered and not queued.served)
                ]
                if len(pending) < len(self._updates):
                    self._updates = deque(pending)
            while not self._updates and not self._stopping:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._lock.wait(remaining)
            batch = list(itertools.islice(self._updates, limit))
            for queued in batch:
                queued.served = True
            # Telegram answers in update_id order, redeliveries included.
            return [queued.update for queued in sorted(batch, key=lambda q: q.update_id)]

    def _api_sendmessage(self, params: Json) -> Json:
        chat = self._chat(params)
        text = _message_text(params)
        _check_markup(params.get("reply_markup"))
        message = {
            "message_id": next(self._message_ids[chat["id"]]),
            "date": int(time.time()),
            "chat": chat,
            "from": self.bot_user,
            "text": text,
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return self._store(chat, message, params["text"], params.get("reply_markup"))

    def _api_sendphoto(self, params: Json) -> Json:
        return self._send_file(params, "photo")

    def _api_senddocument(self, params: Json) -> Json:
        return self._send_file(params, "document")

    def _send_file(self, params: Json, kind: str) -> Json:
        chat = self._chat(params)
        if not str(params.get(kind, "")).startswith("attach://"):
            raise ApiError(400, f"Bad Request: there is no {kind} in the request")
        caption = params.get("caption") or ""
        if caption and utf16_length(_message_text(params, "caption")) > MAX_CAPTION_LENGTH:
            raise ApiError(400, "Bad Request: message caption is too long")
        message = {
            "message_id": next(self._message_ids[chat["id"]]),
            "date": int(time.time()),
            "chat": chat,
            "from": self.bot_user,
            kind: {"file_id": f"{kind}-{len(self.uploads)}"},
        }
        if caption:
            message["caption"] = caption
        return message

    def _edit(self, params: Json, *, text: bool) -> Json | bool:
        if params.get("inline_message_id"):
            if text:
                _message_text(params)
            _check_markup(params.get("reply_markup"))
            return True
        chat = self._chat(params)
        with self._lock:
            stored = self._messages.get((chat["id"], params.get("message_id")))
        if stored is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        plain = _message_text(params) if text else stored.message.get("text", "")
        raw = params["text"] if text else stored.raw_text
        markup = params.get("reply_markup")
        _check_markup(markup)
        if raw == stored.raw_text and markup == stored.markup:
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and "
                "reply markup are exactly the same as a current content and reply markup "
                "of the message",
            )
        message = dict(stored.message, text=plain, edit_date=int(time.time()))
        message.pop("reply_markup", None)
        if markup:
            message["reply_markup"] = markup
        return self._store(chat, message, raw, markup)

    def _api_editmessagetext(self, params: Json) -> Json | bool:
        return self._edit(params, text=True)

    def _api_editmessagereplymarkup(self, params: Json) -> Json | bool:
        return self._edit(params, text=False)

    def _api_answercallbackquery(self, params: Json) -> bool:
        if not params.get("callback_query_id"):
            raise ApiError(400, "Bad Request: query is too old and response timeout expired")
        if len(str(params.get("text") or "")) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        return True

    def _api_answerinlinequery(self, params: Json) -> bool:
        results = params.get("results") or []
        if len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        ids = [str(r.get("id", "")) for r in results]
        if len(set(ids)) != len(ids) or any(not 1 <= len(i.encode()) <= 64 for i in ids):
            raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
        for result in results:
            if not result.get("title"):
                raise ApiError(400, "Bad Request: RESULT_TITLE_EMPTY")
            _message_text(result.get("input_message_content") or {}, "message_text")
            _check_markup(result.get("reply_markup"))
        return True

    def _api_sendchataction(self, params: Json) -> bool:
        self._chat(params)
        return True

    def _scope_key(self, params: Json) -> str:
        scope = params.get("scope") or {"type": "default"}
        if scope.get("type") == "chat":
            self._chat(scope)
        key = scope["type"] + (f":{scope['chat_id']}" if "chat_id" in scope else "")
        language = params.get("language_code") or ""
        return f"{key}/{language}" if language else key

    def _api_setmycommands(self, params: Json) -> bool:
        commands = params.get("commands") or []
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(command.get("command", ""))):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise ApiError(400, "Bad Request: command description is empty")
        key = self._scope_key(params)
        with self._lock:
            self.commands[key] = commands
        return True

    def _api_deletemycommands(self, params: Json) -> bool:
        key = self._scope_key(params)
        with self._lock:
            self.commands.pop(key, None)
        return True

    def _api_getmycommands(self, params: Json) -> list[Json]:
        key = self._scope_key(params)
        with self._lock:
            return list(self.commands.get(key, []))

    def _api_setwebhook(self, params: Json) -> bool:
        url = str(params.get("url") or "")
        if url and not url.startswith("https://"):
            raise ApiError(
                400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
            )
        with self._lock:
            self.webhook = {"url": url, "secret_token": params.get("secret_token")}
        return True

    def _api_deletewebhook(self, params: Json) -> bool:
        with self._lock:
            self.webhook = {}
            if params.get("drop_pending_updates"):
                self._updates.clear()
        return True

    def _api_getwebhookinfo(self, params: Json) -> Json:
        with self._lock:
            return {
                "url": self.webhook.get("url", ""),
                "has_custom_certificate": False,
                "pending_update_count": len(self._updates),
            }

    def _api_close(self, params: Json) -> bool:
        return True

    def _api_logout(self, params: Json) -> bool:
        return True

    def _send_file(self, params: Json, kind: str) -> Json:
        chat = self._chat(params)
        if params.get("caption"):
            _message_text(params, "caption")
        files: dict[str, Any] = {
            "document": {"file_id": "sent-doc", "file_unique_id": "sd1"},
            "photo": [{"file_id": "sent-photo", "file_unique_id": "sp1", "width": 1, "height": 1}],
        }
        message = {
            "message_id": next(self._message_ids[chat["id"]]),
            "date": int(time.time()),
            "chat": chat,
            "from": self.bot_user,
            kind: files[kind],
        }
        return self._store(chat, message, "", params.get("reply_markup"))

    def _api_senddocument(self, params: Json) -> Json:
        return self._send_file(params, "document")

    def _api_sendphoto(self, params: Json) -> Json:
        return self._send_file(params, "photo")
