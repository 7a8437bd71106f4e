"""Broadcasts as commands: /thongbao's preview, audience, sending, stopping and reports;
/tatthongbao and /batthongbao.

Like the reporting desk, every command comes back as a :class:`~bot.lines.Reply` whose
buttons name an action of this module (``audience``, ``send``, ``drop``, ``stop``), so the
Telegram edge and tests drive the same code.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from html import escape, unescape

from bot.access.service import AccessService
from bot.lines import Button, Reply
from bot.outbox.model import BroadcastReport, Recipient
from bot.storage import Database
from bot.storage.repositories import outbox as store
from bot.vietnamese.numbers import format_vietnamese_number
from bot.vietnamese.text import fold

AUDIENCE, SEND, DROP, STOP = "audience", "send", "drop", "stop"
#: Who a broadcast can go to, as the preview names them.
AUDIENCES = {
    "all": "tất cả người dùng",
    "admins": "quản trị viên",
    "reporters": "người báo cáo",
    "groups": "các nhóm có bot",
    "unreported": "đơn vị chưa báo cáo",
}
USAGE = (
    "Cú pháp: /thongbao <nội dung>. Bot cho xem trước, chọn người nhận (tất cả, quản trị, "
    "người báo cáo, các nhóm, đơn vị chưa báo cáo), rồi mới gửi khi đồng chí bấm Gửi. "
    "Gửi riêng cho người báo cáo của một số đơn vị: /thongbao đơn vị huyện Hà Quảng, "
    "Sở Y tế | <nội dung>. Chữ đậm, nghiêng và liên kết được giữ nguyên."
)
#: Audience words of /thongbao and /nhacnho (folded).
AUDIENCE_WORDS = {
    "chua bao cao": "unreported",
    "don vi chua bao cao": "unreported",
    "nguoi bao cao": "reporters",
    "bao cao": "reporters",
    "quan tri": "admins",
    "nhom": "groups",
    "tat ca": "all",
}
REFUSAL = "Lệnh này cần quyền quản trị."
#: Characters of a broadcast's text (Telegram's limit for a message is 4,096).
MAX_TEXT = 4000


class BroadcastDesk:
    """Compose, send and follow broadcasts."""

    def __init__(
        self,
        db: Database,
        access: AccessService,
        unreported: Callable[[], Awaitable[list[str]]],
        wake: Callable[[], None] = lambda: None,
        units_named: Callable[[str], dict[str, str]] = lambda _: {},
        unit_name: Callable[[str], str] = lambda unit: unit,
    ) -> None:
        """``unreported`` gives the units that have not reported for the current period;
        ``units_named`` the units a text names (id: name), for "đơn vị …" audiences, and
        ``unit_name`` a unit's name."""
        self.db = db
        self.access = access
        self._unreported = unreported
        self.wake = wake
        self.units_named = units_named
        self.unit_name = unit_name

    def audience_of(self, text: str) -> str | None:
        """Return the audience a text names: a word of :data:`AUDIENCE_WORDS`, or units.

        "đơn vị huyện Hà Quảng, Sở Y tế" is the reporters of those units ("units:…").
        """
        folded = fold(text)
        if folded.startswith("don vi") and not folded.startswith("don vi chua"):
            units = self.units_named(text)
            return f"units:{','.join(units)}" if units else None
        for words, audience in sorted(AUDIENCE_WORDS.items(), key=lambda item: -len(item[0])):
            if folded == words or folded.endswith(words) or folded.startswith(words):
                return audience
        return None

    def audience_name(self, audience: str) -> str:
        """Return how an audience is named to the administrator."""
        if audience.startswith("units:"):
            ids = audience.removeprefix("units:").split(",")
            return "người báo cáo của " + ", ".join(self.unit_name(i) for i in ids)
        return AUDIENCES.get(audience, audience)

    async def compose(self, telegram_id: int, html: str) -> Reply:
        """/thongbao <nội dung>: a draft and its preview, to everyone by default."""
        if not await self.access.admits(telegram_id, "administer", "thongbao"):
            return Reply(REFUSAL)
        if not html.strip():
            return Reply(USAGE)
        if len(html) > MAX_TEXT:
            return Reply(f"Nội dung dài quá ({len(html)} ký tự); tối đa {MAX_TEXT}.")
        audience = "all"
        head, bar, rest = html.partition("|")
        if bar and rest.strip() and "<" not in head:
            # "/thongbao đơn vị huyện Hà Quảng, Sở Y tế | nội dung": to those units' reporters.
            named = self.audience_of(unescape(head))
            if named is None:
                return Reply(f"Chưa nhận ra người nhận “{unescape(head).strip()}”. {USAGE}")
            audience, html = named, rest.strip()
        broadcast = await store.create_broadcast(self.db, telegram_id, html, audience)
        return await self._preview(broadcast, audience, html)

    async def press(self, telegram_id: int, action: str, value: str) -> Reply:
        """A button of a preview ([Gửi], [Huỷ], an audience) or of a sending ([Dừng])."""
        if not await self.access.admits(telegram_id, "administer", f"broadcast:{value}"):
            return Reply(REFUSAL)
        number, _, audience = value.partition(":")
        if not number.isdigit():
            return Reply("Thông báo không còn.")
        broadcast = int(number)
        shown = await store.report(self.db, broadcast)
        if shown is None:
            return Reply("Thông báo không còn.")
        if action == AUDIENCE and audience in AUDIENCES:
            if not await store.set_audience(self.db, broadcast, audience):
                return Reply(_state_text(shown))
            return await self._preview(broadcast, audience, shown.text)
        if action == SEND:
            recipients = await self.recipients(shown.audience, shown.kind)
            total = await store.start_broadcast(
                self.db, broadcast, recipients, report_chat_id=telegram_id
            )
            if total is None:
                return Reply(_state_text(shown))
            self.wake()
            return self.sending_reply(broadcast, 0, total)
        if action in {DROP, STOP}:
            if not await store.cancel_broadcast(self.db, broadcast):
                return Reply(_state_text(shown))
            if action == DROP:
                return Reply("Đã huỷ thông báo, không gửi cho ai.")
            report = await store.report(self.db, broadcast)
            return Reply(final_text(report) if report else "Đã dừng gửi.")
        return Reply("Thông báo không còn.")

    async def recipients(self, audience: str, kind: str = "announcement") -> list[Recipient]:
        """Return the chats an audience is, today.

        Users who turned announcements off are left out of announcements; a reminder to
        reporters about their own unit's reporting reaches them anyway.
        """
        own_unit = kind == "reminder" and (
            audience == "unreported" or audience.startswith("units:")
        )
        reachable = {t: o for t, o in await store.users(self.db, respect_opt_out=False)}
        allowed = {t for t, opted_out in reachable.items() if own_unit or not opted_out}
        if audience == "groups":
            return [Recipient(chat, is_group=True) for chat in await store.groups(self.db)]
        if audience == "admins":
            ids = await self.access.administrators()
        elif audience == "reporters":
            ids = await self.access.reporters()
        elif audience.startswith("units:"):
            ids = await self.access.reporters(audience.removeprefix("units:").split(","))
        elif audience == "unreported":
            units = await self._unreported()
            ids = await self.access.reporters(units) if units else []
        else:
            ids = list(reachable)
        return [Recipient(user) for user in sorted(set(ids)) if user in allowed]

    async def opt(self, telegram_id: int, out: bool) -> Reply:
        """/tatthongbao, /batthongbao: turn general announcements off or on."""
        await store.set_opted_out(self.db, telegram_id, out)
        if out:
            return Reply(
                "Đã tắt thông báo chung. Nhắc nhở báo cáo số liệu của đơn vị mình vẫn được gửi. "
                "Gõ /batthongbao để bật lại."
            )
        return Reply("Đã bật lại thông báo chung.")

    async def send_now(
        self, created_by: int | None, html: str, audience: str, *, reminder_id: int | None = None
    ) -> tuple[int, int]:
        """Queue a reminder's message for its audience now; return (broadcast, recipients)."""
        broadcast = await store.create_broadcast(
            self.db, created_by, html, audience, kind="reminder", reminder_id=reminder_id
        )
        recipients = await self.recipients(audience, "reminder")
        total = await store.start_broadcast(self.db, broadcast, recipients)
        self.wake()
        return broadcast, total or 0

    async def history(self, limit: int = 50) -> list[BroadcastReport]:
        """Return the latest broadcasts, newest first, with their counts."""
        return await store.reports(self.db, limit)

    async def watch(self, broadcast: int, message_id: int) -> None:
        """Show a sending's progress by editing this message of its administrator."""
        await store.set_report_message(self.db, broadcast, message_id)

    async def progress_replies(self) -> list[tuple[int, int, Reply]]:
        """Return (chat, message, reply) for each watched sending: progress, or final report.

        A final report is returned once, across instances.
        """
        shown: list[tuple[int, int, Reply]] = []
        for report in await store.take_finished_reports(self.db):
            if report.report_chat_id is not None and report.report_message_id is not None:
                shown.append(
                    (report.report_chat_id, report.report_message_id, Reply(final_text(report)))
                )
        for broadcast in await store.sending_with_report(self.db):
            sending = await store.report(self.db, broadcast)
            if sending is None or sending.report_chat_id is None:
                continue
            assert sending.report_message_id is not None
            reply = self.sending_reply(broadcast, sending.done, sending.total)
            shown.append((sending.report_chat_id, sending.report_message_id, reply))
        return shown

    def sending_reply(self, broadcast: int, done: int, total: int) -> Reply:
        """Return the progress of a sending, with its [Dừng] button."""
        text = f"Đang gửi thông báo số {broadcast}: đã gửi {_n(done)}/{_n(total)}."
        return Reply(text, ((Button("Dừng gửi", STOP, str(broadcast)),),))

    async def _preview(self, broadcast: int, audience: str, html: str) -> Reply:
        count = len(await self.recipients(audience))
        choices = tuple(
            Button(
                ("• " if key == audience else "") + name.capitalize(),
                AUDIENCE,
                f"{broadcast}:{key}",
            )
            for key, name in AUDIENCES.items()
        )
        head = (
            f"Xem trước thông báo gửi tới {self.audience_name(audience)} ({_n(count)} người nhận):"
        )
        return Reply(
            f"<b>{escape(head)}</b>\n\n{html}",
            (
                (Button("Gửi", SEND, str(broadcast)), Button("Huỷ", DROP, str(broadcast))),
                choices[:3],
                choices[3:],
            ),
            html=True,
        )


def final_text(report: BroadcastReport) -> str:
    """Return the final report of a broadcast: delivered, blocked, failed with reasons."""
    counts = report.counts
    head = "Đã dừng gửi" if report.state == "cancelled" else "Đã gửi xong"
    lines = [
        f"{head} thông báo số {report.id} ({_n(report.total)} người nhận):",
        f"• nhận được: {_n(counts.get('sent', 0))}",
        f"• đã chặn bot hoặc rời nhóm: {_n(counts.get('blocked', 0))}",
        f"• lỗi: {_n(counts.get('failed', 0))}",
    ]
    if counts.get("cancelled"):
        lines.append(f"• không gửi (đã dừng): {_n(counts['cancelled'])}")
    for reason, count in sorted(report.errors.items(), key=lambda item: -item[1])[:5]:
        lines.append(f"  – {reason}: {_n(count)}")
    return "\n".join(lines)


def _state_text(report: BroadcastReport) -> str:
    return {
        "sending": f"Thông báo số {report.id} đang được gửi.",
        "done": f"Thông báo số {report.id} đã gửi xong.",
        "cancelled": f"Thông báo số {report.id} đã huỷ.",
    }.get(report.state, "Thông báo không còn.")


def _n(value: int) -> str:
    return format_vietnamese_number(value)
