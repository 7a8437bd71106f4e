"""Reminders on SQLite and PostgreSQL: /nhacnho, firing once across instances and restarts,
the grace period after downtime, and the reporting deadline digest."""

from __future__ import annotations

import asyncio
import datetime as dt
import zoneinfo

from sqlalchemy import select, update

from bot.access.service import AccessService
from bot.outbox.reminders import DELETE, GRACE, PAUSE, RESUME, ReminderDesk
from bot.outbox.service import BroadcastDesk
from bot.storage import Database
from bot.storage.models import Broadcast, Reminder
from bot.storage.repositories.people import record_user

TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
ADMIN = 1


async def _desk(database: Database) -> ReminderDesk:
    access = AccessService(database, {ADMIN})

    async def no_units() -> list[str]:
        return []

    async def digest(month: dt.date) -> str:
        return f"Tổng hợp tháng {month.month}/{month.year}"

    broadcasts = BroadcastDesk(database, access, no_units)
    return ReminderDesk(database, access, broadcasts, TZ, digest, 5, lambda: 2020)


async def _broadcasts(database: Database) -> list[tuple[str, str, str]]:
    async with database.transaction() as session:
        rows = await session.execute(select(Broadcast.kind, Broadcast.audience, Broadcast.text))
        return [tuple(row) for row in rows]


async def test_create_list_pause_resume_delete(database: Database) -> None:
    desk = await _desk(database)
    assert "quyền quản trị" in (await desk.command(2, "")).text
    assert "Cú pháp: /nhacnho" in (await desk.command(ADMIN, "hằng ngày 8h")).text
    assert "Chưa đọc được lịch" in (await desk.command(ADMIN, "khi rảnh | họp")).text
    made = await desk.command(ADMIN, "ngày 25 hằng tháng lúc 8:00 | Gửi số liệu | chưa báo cáo")
    assert (
        "Đã tạo nhắc nhở số 1: 08:00 ngày 25 hằng tháng, gửi tới đơn vị chưa báo cáo" in made.text
    )
    listed = await desk.command(ADMIN, "")
    assert (
        "1. 08:00 ngày 25 hằng tháng → đơn vị chưa báo cáo: “Gửi số liệu” (lần tới" in listed.text
    )
    paused = await desk.press(ADMIN, PAUSE, "1")
    assert "(tạm dừng)" in paused.text
    resumed = await desk.press(ADMIN, RESUME, "1")
    assert "(lần tới" in resumed.text
    deleted = await desk.press(ADMIN, DELETE, "1")
    assert "Chưa có nhắc nhở nào" in deleted.text


async def test_a_due_reminder_fires_once_across_instances(database: Database) -> None:
    await record_user(database, 11, "A", None, None, None)
    first, second = await _desk(database), await _desk(database)
    await first.command(ADMIN, "hằng ngày 8h | Nhắc họp")
    now = dt.datetime.now(dt.UTC)
    async with database.write() as session:
        await session.execute(update(Reminder).values(next_fire_at=now - dt.timedelta(minutes=1)))
    fired = await asyncio.gather(first.tick(now), second.tick(now), first.tick(now))
    assert sum(len(f) for f in fired) == 1
    assert await _broadcasts(database) == [("reminder", "all", "Nhắc họp")]
    # Restarting (a new desk) fires nothing more until the next time.
    assert await (await _desk(database)).tick(now + dt.timedelta(minutes=5)) == []


async def test_a_reminder_missed_while_down_fires_once_within_the_grace(
    database: Database,
) -> None:
    desk = await _desk(database)
    await desk.command(ADMIN, "hằng ngày 8h | Trong hạn")
    await desk.command(ADMIN, "hằng ngày 9h | Quá hạn")
    now = dt.datetime.now(dt.UTC)
    async with database.write() as session:
        await session.execute(
            update(Reminder)
            .where(Reminder.id == 1)
            .values(next_fire_at=now - GRACE + dt.timedelta(minutes=5))
        )
        await session.execute(
            update(Reminder)
            .where(Reminder.id == 2)
            .values(next_fire_at=now - GRACE - dt.timedelta(minutes=5))
        )
    assert len(await desk.tick(now)) == 1
    assert [text for _, _, text in await _broadcasts(database)] == ["Trong hạn"]
    async with database.transaction() as session:
        following = list(
            await session.scalars(select(Reminder.next_fire_at).order_by(Reminder.id))
        )
    assert all(moment is not None and moment > now for moment in following)


async def test_the_digest_goes_to_administrators_once_after_the_deadline(
    database: Database,
) -> None:
    await record_user(database, ADMIN, "Quản trị", None, None, None)
    first, second = await _desk(database), await _desk(database)
    before = dt.datetime(2020, 7, 5, 7, 59, tzinfo=TZ)
    assert await first.tick(before) == []
    after = dt.datetime(2020, 7, 5, 8, 1, tzinfo=TZ)
    fired = await asyncio.gather(first.tick(after), second.tick(after))
    assert sum(len(f) for f in fired) == 1
    assert await _broadcasts(database) == [("reminder", "admins", "Tổng hợp tháng 6/2020")]
    assert await first.tick(after + dt.timedelta(days=3)) == []
    # After the resolution's year, no more digests (January's is December's).
    assert len(await first.tick(dt.datetime(2021, 1, 6, 9, 0, tzinfo=TZ))) == 1
    assert await first.tick(dt.datetime(2021, 2, 6, 9, 0, tzinfo=TZ)) == []
