"""Members: users written when new, changed or due a refresh; blocks and chats written at once."""

from __future__ import annotations

import pytest
from sqlalchemy import event, select, text

from bot.access.members import Members
from bot.storage import Database, StorageError
from bot.storage.models import Chat, User
from tests.fakes.clock import FakeClock

LAN = ("Lan", None, "lan", "vi")
LAN_RENAMED = ("Lan", "Nguyễn Thị", "lan", "vi")


@pytest.fixture
def user_writes(database: Database) -> list[str]:
    """Record every statement that writes to the users table."""
    writes: list[str] = []

    def seen(connection, cursor, statement, parameters, context, executemany) -> None:
        if statement.startswith(("INSERT INTO users", "UPDATE users")):
            writes.append(statement.split()[0])

    event.listen(database.engine.sync_engine, "before_cursor_execute", seen)
    return writes


async def the_user(db: Database, telegram_id: int) -> User:
    async with db.transaction() as session:
        query = select(User).filter_by(telegram_id=telegram_id)
        return (await session.execute(query)).scalar_one()


# (seconds since the previous message, profile, written?)
MESSAGES = [
    (0, LAN, True),  # first seen
    (10, LAN, False),
    (200, LAN, False),
    (10, LAN_RENAMED, True),  # changed
    (299, LAN_RENAMED, False),
    (1, LAN_RENAMED, True),  # 300 s since the last write: refreshes last_seen
    (30, LAN, True),  # changed back
]


async def test_a_profile_is_written_when_new_changed_or_due(database, user_writes):
    clock = FakeClock()
    members = Members(database, refresh_seconds=300, clock=clock)
    for step, (seconds, profile, written) in enumerate(MESSAGES):
        clock.advance(seconds)
        before = len(user_writes)
        await members.seen(42, *profile)
        assert len(user_writes) == before + written, f"message {step}: {profile}"
    user = await the_user(database, 42)
    assert (user.first_name, user.last_name, user.username, user.language_code) == LAN


async def test_users_are_throttled_one_by_one(database, user_writes):
    clock = FakeClock()
    members = Members(database, clock=clock)
    await members.seen(1, *LAN)
    await members.seen(2, *LAN)
    await members.seen(1, *LAN)
    assert len(user_writes) == 2


async def test_after_a_block_the_next_message_is_written(database, user_writes):
    clock = FakeClock()
    members = Members(database, clock=clock)
    await members.seen(42, *LAN)
    await members.blocked(42, True)
    assert (await the_user(database, 42)).is_blocked is True

    await members.seen(42, *LAN)  # same profile, seconds later: still written
    assert (await the_user(database, 42)).is_blocked is False
    assert user_writes == ["INSERT", "UPDATE", "INSERT"]


async def rename_table(db: Database, old: str, new: str) -> None:
    async with db.write() as session:
        await session.execute(text(f"ALTER TABLE {old} RENAME TO {new}"))


async def test_a_failed_write_is_tried_again_at_the_next_message(database):
    members = Members(database, clock=FakeClock())
    await rename_table(database, "users", "users_away")  # the database fails for a while
    with pytest.raises(StorageError):
        await members.seen(42, *LAN)
    await rename_table(database, "users_away", "users")

    await members.seen(42, *LAN)  # same profile at once: written, as the first was not
    assert (await the_user(database, 42)).first_name == "Lan"


async def test_profiles_older_than_the_refresh_are_forgotten(database):
    clock = FakeClock()
    members = Members(database, refresh_seconds=300, clock=clock)
    for telegram_id in range(5):
        await members.seen(telegram_id, *LAN)
    assert len(members) == 5
    clock.advance(301)
    await members.seen(99, *LAN)
    assert len(members) == 1


async def test_chats_are_written_every_time(database):
    members = Members(database, clock=FakeClock())
    await members.chat(-100, "group", "Tổ báo cáo Nghị quyết", "member")
    await members.chat(-100, "supergroup", "Tổ báo cáo NQ 20", "kicked")
    async with database.transaction() as session:
        (chat,) = (await session.execute(select(Chat))).scalars()
    assert (chat.type, chat.title, chat.status) == ("supergroup", "Tổ báo cáo NQ 20", "kicked")
