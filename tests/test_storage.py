"""Storage: migrations, upserts, the question log and URL handling, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select

from bot.errors import SettingsError
from bot.storage import (
    Database,
    UnansweredQuestion,
    head_revision,
    log_question,
    record_chat,
    record_user,
    set_user_blocked,
    unanswered_questions,
    upgrade_database,
)
from bot.storage.health import check_database
from bot.storage.models import Base, Chat, Question, User
from tests.fixtures.db import PostgresServer

NOW = datetime(2025, 3, 15, 9, 30, tzinfo=UTC)
TABLES = {"users", "chats", "questions"}


async def table_names(db: Database) -> set[str]:
    async with db.engine.connect() as connection:
        return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))


async def the_user(db: Database, telegram_id: int) -> User:
    async with db.transaction() as session:
        return (
            await session.execute(select(User).filter_by(telegram_id=telegram_id))
        ).scalar_one()


async def the_chat(db: Database, chat_id: int) -> Chat:
    async with db.transaction() as session:
        return (await session.execute(select(Chat).filter_by(chat_id=chat_id))).scalar_one()


# --- migrations -------------------------------------------------------------------------


async def test_migrations_go_from_empty_to_head_down_to_base_and_up_again(database_url):
    db = Database.from_url(database_url)
    try:
        assert await db.current_revision() is None
        assert await table_names(db) == set()

        await db.upgrade()
        assert await db.current_revision() == head_revision()
        assert await table_names(db) >= TABLES

        await db.downgrade()
        assert await db.current_revision() is None
        assert not TABLES & await table_names(db)

        await db.upgrade()
        assert await db.current_revision() == head_revision()
        assert await table_names(db) >= TABLES
    finally:
        await db.dispose()


async def test_upgrade_twice_changes_nothing(database):
    await record_user(database, 7, "Lan", None, None, "vi", now=NOW)
    await database.upgrade()
    assert await database.current_revision() == head_revision()
    assert (await the_user(database, 7)).first_name == "Lan"


async def test_models_match_the_migrations(database):
    def differences(connection):
        return compare_metadata(MigrationContext.configure(connection), Base.metadata)

    async with database.engine.connect() as connection:
        assert await connection.run_sync(differences) == []


async def test_upgrade_database_runs_from_synchronous_code(database_url):
    await asyncio.to_thread(upgrade_database, database_url)
    db = Database.from_url(database_url)
    try:
        assert await db.current_revision() == head_revision()
    finally:
        await db.dispose()


async def test_a_failed_transaction_leaves_nothing_behind(database):
    async def add_then_fail() -> None:
        async with database.transaction() as session:
            session.add(User(telegram_id=1, first_name="Hà", first_seen=NOW, last_seen=NOW))
            await session.flush()
            raise RuntimeError("abandon")

    with pytest.raises(RuntimeError, match="abandon"):
        await add_then_fail()
    async with database.transaction() as session:
        assert (await session.execute(select(User))).all() == []


# --- users ------------------------------------------------------------------------------


async def test_record_user_keeps_first_seen_and_updates_the_rest(database):
    later = NOW + timedelta(days=3)
    await record_user(database, 123456789012, "Nông", "Văn Dền", None, "vi", now=NOW)
    await record_user(database, 123456789012, "Nông Văn", "Dền", "ndeng", "en", now=later)

    user = await the_user(database, 123456789012)
    assert (user.first_name, user.last_name, user.username, user.language_code) == (
        "Nông Văn",
        "Dền",
        "ndeng",
        "en",
    )
    assert user.first_seen == NOW
    assert user.last_seen == later
    assert user.is_blocked is False


async def test_timestamps_come_back_aware_in_utc(database):
    hanoi = datetime(2025, 3, 15, 16, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    await record_user(database, 1, "Mai", None, None, None, now=hanoi)
    user = await the_user(database, 1)
    assert user.first_seen == NOW
    assert user.first_seen.tzinfo == UTC


async def test_naive_datetimes_are_refused(database):
    with pytest.raises(ValueError, match="naive datetime"):
        await record_user(database, 1, "Mai", None, None, None, now=datetime(2025, 3, 15))


async def test_blocked_flag_is_set_and_cleared_by_the_next_message(database):
    await record_user(database, 42, "Hoa", None, None, "vi", now=NOW)

    assert await set_user_blocked(database, 42, True) is True
    assert (await the_user(database, 42)).is_blocked is True

    await record_user(database, 42, "Hoa", None, None, "vi", now=NOW + timedelta(hours=1))
    assert (await the_user(database, 42)).is_blocked is False

    await set_user_blocked(database, 42, True)
    assert await set_user_blocked(database, 42, False) is True
    assert (await the_user(database, 42)).is_blocked is False


async def test_blocking_an_unknown_user_reports_it(database):
    assert await set_user_blocked(database, 999, True) is False
    async with database.transaction() as session:
        assert (await session.execute(select(User))).all() == []


async def test_concurrent_records_of_one_user_make_one_row(database):
    await asyncio.gather(
        *(record_user(database, 5, f"Tên {i}", None, None, None, now=NOW) for i in range(20))
    )
    async with database.transaction() as session:
        users = (await session.execute(select(User))).scalars().all()
    assert len(users) == 1
    assert users[0].telegram_id == 5


# --- chats ------------------------------------------------------------------------------


async def test_record_chat_follows_membership_changes(database):
    chat_id = -1001234567890
    changes = [
        ("group", "Tổ báo cáo Nghị quyết", "member"),
        ("supergroup", "Tổ báo cáo Nghị quyết", "member"),
        ("supergroup", "Tổ báo cáo NQ 20", "administrator"),
        ("supergroup", "Tổ báo cáo NQ 20", "left"),
        ("supergroup", "Tổ báo cáo NQ 20", "kicked"),
    ]
    for hours, (chat_type, title, status) in enumerate(changes):
        await record_chat(
            database, chat_id, chat_type, title, status, now=NOW + timedelta(hours=hours)
        )
        chat = await the_chat(database, chat_id)
        assert (chat.type, chat.title, chat.status) == (chat_type, title, status)
        assert chat.first_seen == NOW
        assert chat.updated_at == NOW + timedelta(hours=hours)


class ChatType(StrEnum):
    SUPERGROUP = "supergroup"


class MemberStatus(StrEnum):
    ADMINISTRATOR = "administrator"


async def test_record_chat_stores_string_enums_as_their_value(database):
    await record_chat(database, -7, ChatType.SUPERGROUP, "Tổ", MemberStatus.ADMINISTRATOR)
    chat = await the_chat(database, -7)
    assert (type(chat.type), chat.type, chat.status) == (str, "supergroup", "administrator")


async def test_private_chats_and_groups_are_kept_apart(database):
    await record_chat(database, 42, "private", None, "member", now=NOW)
    await record_chat(database, -42, "group", "Ban Tuyên giáo", "member", now=NOW)
    await record_chat(database, 42, "private", None, "kicked", now=NOW)
    assert (await the_chat(database, 42)).status == "kicked"
    assert (await the_chat(database, -42)).status == "member"


# --- question log -----------------------------------------------------------------------


async def test_log_question_stores_every_field(database):
    first = await log_question(
        database,
        text="Tỷ lệ che phủ rừng năm 2020?",
        normalized="ty le che phu rung nam 2020",
        status="answer",
        best_match="II.1.3.(1)",
        score=97.5,
        telegram_id=123456789012,
        chat_id=-1001234567890,
        now=NOW,
    )
    second = await log_question(
        database, text="abc", normalized="abc", status="none", best_match=None, score=None
    )
    assert second > first

    async with database.transaction() as session:
        question = await session.get(Question, first)
    assert question is not None
    assert (question.text, question.normalized, question.status) == (
        "Tỷ lệ che phủ rừng năm 2020?",
        "ty le che phu rung nam 2020",
        "answer",
    )
    assert (question.best_match, question.score) == ("II.1.3.(1)", 97.5)
    assert (question.telegram_id, question.chat_id, question.asked_at) == (
        123456789012,
        -1001234567890,
        NOW,
    )


async def test_log_question_refuses_an_unknown_status(database):
    with pytest.raises(ValueError, match="unknown answer status"):
        await log_question(
            database, text="x", normalized="x", status="maybe", best_match=None, score=None
        )


# (hours before NOW, text, normalized, status)
QUESTIONS = [
    (1, "Độ che phủ rừng bao nhiêu?", "do che phu rung bao nhieu", "none"),
    (30, "do che phu rung bao nhieu", "do che phu rung bao nhieu", "choices"),
    (50, "Độ che phủ rừng bao nhiêu", "do che phu rung bao nhieu", "none"),
    (2, "Giảm nghèo mỗi năm?", "giam ngheo moi nam", "choices"),
    (3, "giảm nghèo mỗi năm", "giam ngheo moi nam", "choices"),
    (4, "Dân số Cao Bằng?", "dan so cao bang", "none"),
    (5, "Thu nhập bình quân?", "thu nhap binh quan", "none"),
    # Answered questions do not count, however often they are asked.
    *[(h, "Tỷ lệ che phủ rừng?", "ty le che phu rung", "answer") for h in range(6, 11)],
    # Outside a 7-day window, or after NOW.
    *[(24 * 8 + h, "Đường cao tốc?", "duong cao toc", "none") for h in range(4)],
    (-1, "Câu hỏi tương lai", "cau hoi tuong lai", "none"),
]


async def log_all(db: Database) -> None:
    for hours, question, normalized, status in QUESTIONS:
        await log_question(
            db,
            text=question,
            normalized=normalized,
            status=status,
            best_match=None,
            score=None,
            now=NOW - timedelta(hours=hours),
        )


async def test_unanswered_questions_groups_counts_and_orders(database):
    await log_all(database)
    found = await unanswered_questions(database, days=7, limit=10, now=NOW)
    assert found == [
        UnansweredQuestion(
            normalized="do che phu rung bao nhieu",
            example="Độ che phủ rừng bao nhiêu?",
            count=3,
            last_asked=NOW - timedelta(hours=1),
            statuses=("choices", "none"),
        ),
        UnansweredQuestion(
            normalized="giam ngheo moi nam",
            example="Giảm nghèo mỗi năm?",
            count=2,
            last_asked=NOW - timedelta(hours=2),
            statuses=("choices",),
        ),
        # Equal counts: the latest asked first.
        UnansweredQuestion(
            normalized="dan so cao bang",
            example="Dân số Cao Bằng?",
            count=1,
            last_asked=NOW - timedelta(hours=4),
            statuses=("none",),
        ),
        UnansweredQuestion(
            normalized="thu nhap binh quan",
            example="Thu nhập bình quân?",
            count=1,
            last_asked=NOW - timedelta(hours=5),
            statuses=("none",),
        ),
    ]


@pytest.mark.parametrize(
    ("days", "limit", "expected"),
    [
        (1, 10, ["giam ngheo moi nam", "do che phu rung bao nhieu", "dan so cao bang",
                 "thu nhap binh quan"]),
        (2, 10, ["do che phu rung bao nhieu", "giam ngheo moi nam", "dan so cao bang",
                 "thu nhap binh quan"]),
        (7, 2, ["do che phu rung bao nhieu", "giam ngheo moi nam"]),
        (9, 1, ["duong cao toc"]),
    ],
)  # fmt: skip
async def test_unanswered_questions_respects_the_window_and_limit(database, days, limit, expected):
    await log_all(database)
    found = await unanswered_questions(database, days=days, limit=limit, now=NOW)
    assert [question.normalized for question in found] == expected


async def test_unanswered_questions_counts_only_the_window(database):
    await log_all(database)
    (forest,) = [
        question
        for question in await unanswered_questions(database, days=2, limit=10, now=NOW)
        if question.normalized == "do che phu rung bao nhieu"
    ]
    assert (forest.count, forest.statuses) == (2, ("choices", "none"))


async def test_unanswered_questions_without_any_is_empty(database):
    assert await unanswered_questions(database, days=30, limit=10) == []


@pytest.mark.parametrize(("days", "limit"), [(0, 10), (7, 0), (-1, 5)])
async def test_unanswered_questions_refuses_a_bad_window(database, days, limit):
    with pytest.raises(ValueError, match="must be positive"):
        await unanswered_questions(database, days=days, limit=limit)


# --- health -----------------------------------------------------------------------------


async def test_health_check_wants_a_migrated_database(database_url):
    db = Database.from_url(database_url)
    try:
        await db.ping()  # creates the SQLite file
        assert "is at migration None" in (await check_database(database_url) or "")
        await db.upgrade()
        assert await check_database(database_url) is None
    finally:
        await db.dispose()


async def test_health_check_reports_a_missing_sqlite_file(tmp_path):
    problem = await check_database(f"sqlite:///{tmp_path / 'none.sqlite3'}")
    assert problem is not None
    assert "does not exist" in problem


async def test_health_check_reports_a_server_that_does_not_answer():
    problem = await check_database("postgresql://nobody@127.0.0.1:1/nothing")
    assert problem is not None
    assert "does not answer" in problem


# --- URLs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "driver"),
    [
        ("sqlite:///data/bot.sqlite3", "sqlite+aiosqlite"),
        ("sqlite+aiosqlite:///data/bot.sqlite3", "sqlite+aiosqlite"),
        ("sqlite+pysqlite:///data/bot.sqlite3", "sqlite+aiosqlite"),
        ("postgresql://bot:secret@db:5432/bot", "postgresql+asyncpg"),
        ("postgres://bot:secret@db/bot", "postgresql+asyncpg"),
        ("postgresql+asyncpg://bot:secret@db/bot", "postgresql+asyncpg"),
        ("postgresql+psycopg2://bot:secret@db/bot", "postgresql+asyncpg"),
        ("  postgresql://bot@db/bot  ", "postgresql+asyncpg"),
    ],
)
async def test_urls_map_to_async_drivers(url, driver, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = Database.from_url(url)
    try:
        assert db.engine.url.drivername == driver
        assert "secret" not in db.url
    finally:
        await db.dispose()


async def test_sslmode_is_passed_to_asyncpg_as_ssl():
    db = Database.from_url("postgresql://bot@db/bot?sslmode=require")
    try:
        assert dict(db.engine.url.query) == {"ssl": "require"}
    finally:
        await db.dispose()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "not a valid database URL"),
        ("data/bot.sqlite3", "not a valid database URL"),
        ("sqlite//data/bot.sqlite3", "not a valid database URL"),
        ("postgresql://bot:secret@db:port/bot", "not a valid database URL"),
        ("mysql://bot:secret@db/bot", "unsupported database 'mysql'"),
        ("postgresql+pg8000://bot@db/bot", "unsupported database 'postgresql+pg8000'"),
        ("http://example.com", "unsupported database 'http'"),
    ],
)
def test_bad_urls_are_refused_with_a_clear_message(url, message):
    with pytest.raises(SettingsError, match=r"^DATABASE_URL") as caught:
        Database.from_url(url)
    assert message in str(caught.value)
    assert "sqlite:///" in str(caught.value)  # shows what a good URL looks like
    assert "secret" not in str(caught.value)


def test_default_url_is_a_sqlite_file_under_data():
    from bot.storage import DEFAULT_DATABASE_URL

    assert DEFAULT_DATABASE_URL == "sqlite:///./data/resolution-bot.sqlite3"


# --- backend specifics ------------------------------------------------------------------


async def test_sqlite_creates_the_folder_of_its_file(tmp_path):
    path = tmp_path / "deep" / "er" / "bot.sqlite3"
    db = Database.from_url(f"sqlite:///{path}")
    try:
        await db.upgrade()
    finally:
        await db.dispose()
    assert path.is_file()


async def test_sqlite_pragmas_are_on_for_every_connection(tmp_path):
    db = Database.from_url(f"sqlite:///{tmp_path / 'bot.sqlite3'}")
    try:
        async with db.engine.connect() as first, db.engine.connect() as second:
            for connection in (first, second):
                pragma = connection.exec_driver_sql
                assert (await pragma("PRAGMA journal_mode")).scalar() == "wal"
                assert (await pragma("PRAGMA foreign_keys")).scalar() == 1
                assert (await pragma("PRAGMA busy_timeout")).scalar() == 5000
    finally:
        await db.dispose()


async def test_sqlite_in_memory_works(tmp_path):
    db = Database.from_url("sqlite://")
    try:
        await db.upgrade()
        await record_user(db, 1, "An", None, None, None, now=NOW)
        assert (await the_user(db, 1)).first_seen == NOW
    finally:
        await db.dispose()


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "postgresql+asyncpg"])
async def test_postgresql_accepts_every_spelling(postgres_url_factory, scheme):
    url = (await postgres_url_factory()).replace("postgresql://", f"{scheme}://", 1)
    db = Database.from_url(url)
    try:
        await db.upgrade()
        assert db.dialect == "postgresql"
        assert await db.current_revision() == head_revision()
    finally:
        await db.dispose()


def test_postgres_server_reports_its_startup_time(postgres_server: PostgresServer):
    print(f"PostgreSQL started in {postgres_server.startup_seconds:.2f} s")
    assert postgres_server.startup_seconds > 0
