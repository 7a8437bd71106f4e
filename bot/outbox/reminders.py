"""Reminders (/nhacnho) and the reporting deadline digest, fired once across instances.

A reminder is stored with its schedule as typed, the rule read from it
(:mod:`bot.outbox.schedule`) and its next firing. Every instance looks for due reminders
every :data:`TICK` seconds; the one whose update moves a reminder on to its next time fires
it (an outbox broadcast), so no restart and no second instance fires one twice. A reminder
whose time passed while the bot was down fires once at start if it is less than
:data:`GRACE` late, otherwise it waits for its next time.

After each month's reporting deadline (``REPORT_DEADLINE_DAY`` of the next month, 8:00),
the administrators get the month's digest, once.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Awaitable, Callable

from bot.access.service import AccessService
from bot.lines import Button, Reply
from bot.outbox.schedule import (
    HOW_TO_WRITE,
    Rule,
    ScheduleError,
    describe,
    next_fire,
    parse_schedule,
)
from bot.outbox.service import REFUSAL, BroadcastDesk
from bot.storage import Database
from bot.storage.repositories import reminders as store

PAUSE, RESUME, DELETE = "pause", "resume", "delete"
#: Seconds between two looks for due reminders.
TICK = 30.0
#: A reminder at most this late (the bot was down) still fires, once.
GRACE = dt.timedelta(hours=2)
#: The hour the digest is sent on the deadline day.
DIGEST_TIME = dt.time(8, 0)
USAGE = (
    "Cú pháp: /nhacnho <lịch> | <nội dung> [| <người nhận>]. Ví dụ:\n"
    "/nhacnho ngày 25 hằng tháng lúc 8:00 | Đề nghị các đơn vị gửi số liệu tháng | chưa báo cáo\n"
    "Lịch: “thứ Hai hằng tuần 7:30”, “hằng ngày 17h”, “cuối mỗi quý”, “25/12 lúc 9h”, "
    "thêm “trừ 20/1-30/1” để bỏ qua ngày nghỉ. Người nhận: tất cả (mặc định), quản trị, "
    "người báo cáo, nhóm, chưa báo cáo, hoặc “đơn vị huyện Hà Quảng, Sở Y tế”. "
    "Gõ /nhacnho để xem, tạm dừng, xoá."
)


class ReminderDesk:
    """Create, list, pause, resume and delete reminders; fire them and the digest."""

    def __init__(
        self,
        db: Database,
        access: AccessService,
        broadcasts: BroadcastDesk,
        time_zone: dt.tzinfo,
        digest: Callable[[dt.date], Awaitable[str]],
        deadline_day: int,
        year: Callable[[], int],
    ) -> None:
        self.db = db
        self.access = access
        self.broadcasts = broadcasts
        self.time_zone = time_zone
        self._digest = digest
        self.deadline_day = deadline_day
        self._year = year

    async def command(self, telegram_id: int, text: str) -> Reply:
        """/nhacnho: the list (no text), or a new reminder "<lịch> | <nội dung> [| ai]"."""
        if not await self.access.admits(telegram_id, "administer", "nhacnho"):
            return Reply(REFUSAL)
        if not text.strip():
            return await self.listing()
        parts = [part.strip() for part in text.split("|")]
        if len(parts) < 2 or not parts[0] or not parts[1]:
            return Reply(USAGE)
        audience = self.broadcasts.audience_of(parts[2]) if len(parts) > 2 else "all"
        if audience is None:
            return Reply(USAGE)
        now = dt.datetime.now(dt.UTC)
        try:
            rule = parse_schedule(parts[0], now.astimezone(self.time_zone).date())
        except ScheduleError:
            return Reply(HOW_TO_WRITE)
        following = next_fire(rule, now, self.time_zone)
        if following is None:
            return Reply("Thời điểm này đã qua; đồng chí chọn một thời điểm sắp tới.")
        number = await store.add_reminder(
            self.db, telegram_id, parts[1], audience, parts[0], rule.as_json(), following
        )
        return Reply(
            f"Đã tạo nhắc nhở số {number}: {describe(rule)}, "
            f"gửi tới {self.broadcasts.audience_name(audience)}. "
            f"Lần tới: {self._local(following)}."
        )

    async def listing(self) -> Reply:
        """Return every reminder with its next time and its buttons."""
        shown = await store.reminders(self.db)
        if not shown:
            return Reply("Chưa có nhắc nhở nào.\n" + USAGE)
        lines = ["Các nhắc nhở:"]
        buttons = []
        for reminder in shown:
            rule = Rule.of_json(reminder.rule)
            state = (
                "tạm dừng"
                if reminder.paused
                else f"lần tới {self._local(reminder.next_fire_at)}"
                if reminder.next_fire_at
                else "đã xong"
            )
            lines.append(
                f"{reminder.id}. {describe(rule)} → "
                f"{self.broadcasts.audience_name(reminder.audience)}: "
                f"“{reminder.text[:60]}” ({state})"
            )
            toggle = (
                Button(f"Tiếp tục {reminder.id}", RESUME, str(reminder.id))
                if reminder.paused
                else Button(f"Tạm dừng {reminder.id}", PAUSE, str(reminder.id))
            )
            buttons.append((toggle, Button(f"Xoá {reminder.id}", DELETE, str(reminder.id))))
        return Reply("\n".join(lines), tuple(buttons))

    async def press(self, telegram_id: int, action: str, value: str) -> Reply:
        """[Tạm dừng], [Tiếp tục] or [Xoá] a reminder; the list comes back."""
        if not await self.access.admits(telegram_id, "administer", f"reminder:{value}"):
            return Reply(REFUSAL)
        reminder = await store.get_reminder(self.db, int(value)) if value.isdigit() else None
        if reminder is None:
            return Reply("Nhắc nhở không còn.")
        if action == DELETE:
            await store.delete_reminder(self.db, reminder.id)
        elif action == PAUSE:
            await store.set_paused(self.db, reminder.id, True, reminder.next_fire_at)
        elif action == RESUME:
            following = next_fire(
                Rule.of_json(reminder.rule), dt.datetime.now(dt.UTC), self.time_zone
            )
            await store.set_paused(self.db, reminder.id, False, following)
        return await self.listing()

    async def tick(self, now: dt.datetime | None = None) -> list[int]:
        """Fire what is due (reminders, the digest); return the broadcasts queued."""
        now = now or dt.datetime.now(dt.UTC)
        queued: list[int] = []
        for reminder in await store.due_reminders(self.db, now):
            rule = Rule.of_json(reminder.rule)
            assert reminder.next_fire_at is not None
            following = next_fire(rule, now, self.time_zone)
            if not await store.advance(
                self.db, reminder.id, reminder.next_fire_at, following, now
            ):
                continue  # another instance fired it
            if now - reminder.next_fire_at > GRACE:
                continue  # missed by far while the bot was down: wait for the next time
            broadcast, _ = await self.broadcasts.send_now(
                None, _escape(reminder.text), reminder.audience, reminder_id=reminder.id
            )
            queued.append(broadcast)
        digest = await self._digest_due(now)
        if digest is not None:
            queued.append(digest)
        return queued

    async def _digest_due(self, now: dt.datetime) -> int | None:
        """Send last month's digest to the administrators once its deadline has passed."""
        local = now.astimezone(self.time_zone)
        year = self._year()
        month = (local.date().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        if month.year != year:
            return None
        deadline = dt.datetime.combine(
            local.date().replace(day=self.deadline_day), DIGEST_TIME, tzinfo=self.time_zone
        )
        if local < deadline:
            return None
        if not await store.claim_once(self.db, f"digest:{month:%Y-%m}", now):
            return None
        text = await self._digest(month)
        broadcast, _ = await self.broadcasts.send_now(None, _escape(text), "admins")
        return broadcast

    async def upcoming(self) -> list[tuple[store.StoredReminder, str]]:
        """Return every reminder with its schedule in words (``resolution-bot reminders``)."""
        return [(r, describe(Rule.of_json(r.rule))) for r in await store.reminders(self.db)]

    def _local(self, moment: dt.datetime | None) -> str:
        if moment is None:
            return "—"
        return moment.astimezone(self.time_zone).strftime("%H:%M %d/%m/%Y")


def _escape(text: str) -> str:
    return html.escape(text, quote=False)
