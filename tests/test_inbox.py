"""The inbox of updates, on SQLite and PostgreSQL: stored once, handed back once, settled."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

import bot.inbox as inbox_module
from bot.errors import StorageError
from bot.inbox import UpdateInbox
from bot.storage import Database, DatabaseUnavailableError, inbox_counts


def update(update_id: int, text_: str = "che phủ rừng") -> dict[str, object]:
    return {"update_id": update_id, "message": {"text": text_, "chat": {"id": 1}}}


async def states(db: Database) -> dict[int, str]:
    async with db.transaction() as session:
        rows = await session.execute(text("select update_id, state from inbox"))
        return {row[0]: row[1] for row in rows}


async def test_new_updates_are_stored_and_handed_back_once(database: Database) -> None:
    inbox = UpdateInbox(database)
    assert [u["update_id"] for u in await inbox.accept([update(1), update(2)])] == [1, 2]
    # Telegram delivering them again (or another instance): stored already, not handed back.
    assert [u["update_id"] for u in await inbox.accept([update(2), update(3)])] == [3]
    assert await states(database) == {1: "pending", 2: "pending", 3: "pending"}


async def test_the_payload_comes_back_as_sent(database: Database) -> None:
    inbox = UpdateInbox(database)
    sent = update(7, "số điện thoại 0912\x00345 \ud83d và 😀")
    await inbox.accept([sent])
    assert await inbox.pending() == [sent]


async def test_settled_updates_are_no_longer_pending(database: Database) -> None:
    inbox = UpdateInbox(database)
    await inbox.accept([update(1), update(2), update(3)])
    inbox.settle(1)
    inbox.settle(2, error="unreadable: KeyError")
    await inbox.flush()
    assert [u["update_id"] for u in await inbox.pending()] == [3]
    assert await states(database) == {1: "done", 2: "failed", 3: "pending"}
    assert await inbox_counts(database) == {"done": 1, "failed": 1, "pending": 1}


async def test_settlement_waits_for_the_question_log(database: Database) -> None:
    ready = [False]

    async def questions_written() -> bool:
        return ready[0]

    inbox = UpdateInbox(database, before_settle=questions_written)
    await inbox.accept([update(1)])
    inbox.settle(1)
    await inbox.flush()
    assert await states(database) == {1: "pending"}  # its questions are not in the log yet
    assert inbox.unsettled == 1
    ready[0] = True
    await inbox.flush()
    assert await states(database) == {1: "done"}
    await inbox.close()


async def test_a_failed_settlement_is_kept_and_retried(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = UpdateInbox(database, settle_seconds=0)
    await inbox.accept([update(1), update(2)])
    real = inbox_module.settle_updates
    calls = []

    async def failing(*args: object, **kwargs: object) -> None:
        calls.append(args)
        if len(calls) == 1:
            raise DatabaseUnavailableError("disk full")
        await real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(inbox_module, "settle_updates", failing)
    inbox.settle(1)
    await inbox.flush()
    assert inbox.unsettled == 1
    inbox.settle(2)
    await inbox.close()
    assert await states(database) == {1: "done", 2: "done"}


async def test_a_store_failure_is_raised_so_nothing_is_confirmed(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def failing(*args: object, **kwargs: object) -> list[int]:
        raise DatabaseUnavailableError("database is locked")

    monkeypatch.setattr(inbox_module, "store_updates", failing)
    with pytest.raises(StorageError):
        await UpdateInbox(database).accept([update(1)])


async def test_an_update_without_an_id_is_dropped(database: Database) -> None:
    inbox = UpdateInbox(database)
    assert await inbox.accept([{"message": {}}, {"update_id": "x"}, update(5)]) == [update(5)]


async def test_old_settled_updates_are_pruned(database: Database) -> None:
    inbox = UpdateInbox(database)
    await inbox.accept([update(1), update(2), update(3)])
    inbox.settle(1)
    inbox.settle(2)
    await inbox.flush()
    later = datetime.now(UTC) + inbox_module.KEEP_SETTLED + timedelta(minutes=1)
    assert await inbox.prune(now=later) == 2
    assert await states(database) == {3: "pending"}  # never a pending one


def ids(payloads: list[dict[str, object]]) -> list[object]:
    return sorted(u["update_id"] for u in payloads)


async def test_a_restarting_replica_takes_back_its_own_updates_only(database: Database) -> None:
    first, second = UpdateInbox(database, instance="a"), UpdateInbox(database, instance="b")
    await first.accept([update(1), update(2)])
    await second.accept([update(3)])
    # "b" restarts while "a" is still handling 1 and 2: handling them too would answer twice.
    assert ids(await UpdateInbox(database, instance="b").pending()) == [3]
    assert ids(await second.stranded()) == []


async def test_a_stopped_replicas_updates_are_taken_over_once(database: Database) -> None:
    await UpdateInbox(database, instance="gone").accept([update(1), update(2)])
    first, second = UpdateInbox(database, instance="a"), UpdateInbox(database, instance="b")
    soon = datetime.now(UTC) + timedelta(minutes=1)
    assert ids(await first.stranded(now=soon)) == []
    later = datetime.now(UTC) + inbox_module.TAKEOVER + timedelta(seconds=1)
    taken = [await first.stranded(now=later), await second.stranded(now=later)]
    assert sorted(ids(taken[0]) + ids(taken[1])) == [1, 2]
    # Now held by their new instance, from `later`: not taken again before TAKEOVER passes.
    assert ids(await UpdateInbox(database, instance="c").pending(now=later)) == []


async def test_settled_updates_are_never_taken_over(database: Database) -> None:
    gone = UpdateInbox(database, instance="gone")
    await gone.accept([update(1), update(2)])
    gone.settle(1)
    await gone.flush()
    later = datetime.now(UTC) + inbox_module.TAKEOVER * 2
    assert ids(await UpdateInbox(database, instance="a").stranded(now=later)) == [2]


async def test_updates_stored_before_instances_had_names_are_taken_at_start(
    database: Database,
) -> None:
    await UpdateInbox(database).accept([update(1)])
    assert ids(await UpdateInbox(database, instance="a").pending()) == [1]
