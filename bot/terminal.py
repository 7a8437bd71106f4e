"""The terminal chat acting as a Telegram user (``resolution-bot chat --user-id N``).

It reaches the same database as the bot and goes through the same core: questions are
answered by the library, commands (/dangky, /capnhat, /tiendo …) by the reporting desk, and
"cập nhật …" is a report. A card's buttons are pressed by typing their word ("lưu", "huỷ")
or their number; a chart or an export is written to a file in the current folder; what the
bot would tell other users is shown, marked with their id.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TextIO

from bot.access.desk import APPROVE, REFUSE
from bot.answering.answers import Answer
from bot.answering.render import render_text
from bot.core import Core
from bot.lines import Button, Reply
from bot.progress.desk import ReportingDesk
from bot.vietnamese.text import fold

EXIT_WORDS = {"thoát", "thoat", "exit", "quit"}
Command = Callable[[ReportingDesk, int, str], Awaitable[Reply | None]]

#: The desk's commands by name, as typed after "/".
COMMANDS: dict[str, Command] = {
    "dangky": lambda desk, user, args: desk.register(user, f"người dùng {user}", args),
    "quyen": lambda desk, user, args: desk.grant(user, args.split()),
    "duyet": lambda desk, user, _: desk.pending(user),
    "capnhat": lambda desk, user, args: desk.report(user, user, args, command=True),
    "huy": lambda desk, user, _: desk.cancel(user),
    "rutlai": lambda desk, user, _: desk.withdraw(user),
    "tiendo": lambda desk, user, args: desk.show_progress(user, args),
    "xuat": lambda desk, user, args: desk.export(user, args),
}


class TerminalSession:
    """One terminal user's conversation with the bot."""

    def __init__(self, core: Core, user_id: int, out: TextIO) -> None:
        self.core = core
        self.user_id = user_id
        self.out = out
        self.buttons: list[Button] = []
        self.previous: Answer | None = None

    async def run(self, read: Callable[[], str | None]) -> None:
        """Read lines until the end or an exit word; answer each."""
        await self.core.start()
        print(
            f"Trò chuyện với tư cách người dùng {self.user_id} "
            "(gõ “thoát” hoặc Ctrl-D để kết thúc).",
            file=self.out,
        )
        try:
            while True:
                line = await asyncio.to_thread(read)
                if line is None or line.strip().casefold() in EXIT_WORDS:
                    return
                if line.strip():
                    await self.handle(line.strip())
        finally:
            await self.core.aclose()

    async def handle(self, text: str) -> None:
        """Answer one line: a button's word, a command, a report, or a question."""
        desk = self.core.desk
        button = self._button(text)
        if button is not None:
            if button.action in {APPROVE, REFUSE}:
                reply = await desk.decide(self.user_id, button.value, button.action == APPROVE)
            else:
                reply = await desk.press(self.user_id, button.action, button.value)
            self.show(reply)
            return
        name, _, args = text.partition(" ")
        command = COMMANDS.get(name.removeprefix("/").casefold()) if name.startswith("/") else None
        if command is not None:
            shown = await command(desk, self.user_id, args)
            if shown is not None:
                self.show(shown)
            return
        if desk.is_report(text):
            report = await desk.report(self.user_id, self.user_id, text, command=False)
            if report is not None:
                self.show(report)
                return
        answer = await asyncio.to_thread(self.core.library.answer, text, self.previous)
        self.previous = answer
        self.buttons = []
        print(render_text(answer), file=self.out)
        if answer.status == "answer":
            line = await desk.progress_line(self.user_id, answer.item_id)
            if line is not None:
                print(line, file=self.out)

    def show(self, reply: Reply) -> None:
        """Print a reply: its text, its buttons to type, its file, its notices."""
        print(reply.text, file=self.out)
        self.buttons = [button for row in reply.buttons for button in row]
        if self.buttons:
            labels = "  ".join(f"[{n}. {b.label}]" for n, b in enumerate(self.buttons, 1))
            print(f"{labels}  (gõ chữ hoặc số của nút)", file=self.out)
        if reply.attachment is not None:
            path = Path(reply.attachment.filename)
            path.write_bytes(reply.attachment.data)
            print(f"(Đã ghi tệp {path.resolve()})", file=self.out)
        for notice in reply.notices:
            print(f"(Gửi tới người dùng {notice.telegram_id}: {notice.reply.text})", file=self.out)

    def _button(self, text: str) -> Button | None:
        typed = fold(text)
        for number, button in enumerate(self.buttons, 1):
            if typed in {fold(button.label), str(number)}:
                return button
        return None
