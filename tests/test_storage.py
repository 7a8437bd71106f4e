"""Storage: migrations, writes, the question log and URL handling, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import insert, inspect, select, text
from sqlalchemy.engine import make_url

from bot.errors import SettingsError
from bot.storage import (
    AskedQuestion,
    Database,
    DatabaseUnavailableError,
    RowRejectedError,
    StorageError,
    UnansweredQuestion,
    head_revision,
    log_questions,
    record_chat,
    record_user,
    set_user_blocked,
    storable_text,
    unanswered_questions,
    upgrade_database,
)
from bot.storage.health import check_database
from bot.storage.models import Base, Chat, Question, User
from bot.storage.urls import check_url, sqlite_file

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


async def logged(db: Database) -> list[Question]:
    async with db.transaction() as session:
        return list((await session.execute(select(Question).order_by(Question.id))).scalars())


def asked(
    text: str,
    *,
    normalized: str | None = None,
    status: str = "none",
    asked_at: datetime = NOW,
    best_match: str | None = None,
    score: float | None = None,
    telegram_id: int | None = None,
    chat_id: int | None = None,
) -> AskedQuestion:
    return AskedQuestion(
        text=text,
        normalized=text if normalized is None else normalized,
        status=status,
        best_match=best_match,
        score=score,
        asked_at=asked_at,
        telegram_id=telegram_id,
        chat_id=chat_id,
    )


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


async def test_a_failed_write_leaves_nothing_behind(database):
    async def add_then_fail() -> None:
        async with database.write() as session:
            session.add(User(telegram_id=1, first_name="Hà", first_seen=NOW, last_seen=NOW))
            await session.flush()
            raise RuntimeError("abandon")

    with pytest.raises(RuntimeError, match="abandon"):
        await add_then_fail()
    async with database.transaction() as session:
        assert (await session.execute(select(User))).all() == []


UPGRADE = "import sys; from bot.storage import upgrade_database; upgrade_database(sys.argv[1])"


async def test_two_processes_upgrading_a_fresh_database_at_once_both_succeed(database_url):
    # Without a lock one of them fails creating a table the other has just created.
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable, "-c", UPGRADE, database_url, stderr=asyncio.subprocess.PIPE
        )
        for _ in range(2)
    ]
    errors = [(await process.communicate())[1].decode() for process in processes]
    assert [process.returncode for process in processes] == [0, 0], errors
    db = Database.from_url(database_url)
    try:
        assert await db.current_revision() == head_revision()
        assert await table_names(db) >= TABLES
    finally:
        await db.dispose()


# --- writes -----------------------------------------------------------------------------


async def increment(db: Database, telegram_id: int = 1) -> None:
    """Read a counter (kept in first_name), yield to the other writers, write it plus one."""
    async with db.write() as session:
        user = (
            await session.execute(select(User).filter_by(telegram_id=telegram_id))
        ).scalar_one()
        count = int(user.first_name)
        await asyncio.sleep(0)
        user.first_name = str(count + 1)


async def test_sqlite_writers_of_one_process_take_turns(tmp_path):
    db = Database.from_url(f"sqlite:///{tmp_path / 'bot.sqlite3'}")
    try:
        await db.upgrade()
        await record_user(db, 1, "0", None, None, None)
        await asyncio.gather(*(increment(db) for _ in range(50)))
        assert (await the_user(db, 1)).first_name == "50"
    finally:
        await db.dispose()


async def test_sqlite_writers_of_two_processes_take_turns(tmp_path):
    # Deferred transactions would fail here with "database is locked": a reader that then
    # writes cannot wait for a writer that came in between. BEGIN IMMEDIATE waits instead.
    url = f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    first, second = Database.from_url(url), Database.from_url(url)
    try:
        await first.upgrade()
        await record_user(first, 1, "0", None, None, None)
        await asyncio.gather(*(increment(db) for _ in range(20) for db in (first, second)))
        assert (await the_user(first, 1)).first_name == "40"
    finally:
        await first.dispose()
        await second.dispose()


async def test_a_refused_row_raises_row_rejected(database):
    row = {"asked_at": NOW, "text": "x", "normalized": "x", "status": "maybe"}
    with pytest.raises(RowRejectedError):
        async with database.write() as session:
            await session.execute(insert(Question).values(**row))
    assert await logged(database) == []


async def test_an_unreachable_server_raises_database_unavailable():
    db = Database.from_url("postgresql://bot:secret@127.0.0.1:1/nothing")
    try:
        with pytest.raises(DatabaseUnavailableError):
            await record_user(db, 1, "An", None, None, None)
        with pytest.raises(DatabaseUnavailableError):
            await unanswered_questions(db, days=7, limit=10)
    finally:
        await db.dispose()


# Written, then read back from every text column.
TEXTS = [
    ("Dân số Cao Bằng?", "Dân số Cao Bằng?"),
    ("Dân số\x00 Cao Bằng?", "Dân số Cao Bằng?"),
    ("\x00", ""),
    ("Rừng \ud83c che phủ", "Rừng \ufffd che phủ"),
    ("\udf32 rừng \ud83c", "\ufffd rừng \ufffd"),
    ("Rừng \ud83c\udf32", "Rừng 🌲"),  # a pair of surrogates spells one character
]


@pytest.mark.parametrize(("written", "stored"), TEXTS)
def test_storable_text(written, stored):
    assert storable_text(written) == stored


@pytest.mark.parametrize(("written", "stored"), TEXTS)
async def test_every_text_column_stores_nul_and_lone_surrogates(database, written, stored):
    await record_user(database, 1, written, written, written[:64], written[:35])
    await record_chat(database, -1, "group", written, "member")
    await log_questions(database, [asked(written, best_match=written)])

    user, chat, (question,) = (
        await the_user(database, 1),
        await the_chat(database, -1),
        await logged(database),
    )
    assert (user.first_name, user.last_name) == (stored, stored)
    assert chat.title == stored
    assert (question.text, question.normalized, question.best_match) == (stored,) * 3


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


async def test_log_questions_stores_every_field_in_order(database):
    await log_questions(
        database,
        [
            asked(
                "Tỷ lệ che phủ rừng năm 2020?",
                normalized="ty le che phu rung nam 2020",
                status="answer",
                best_match="II.1.3.(1)",
                score=97.5,
                telegram_id=123456789012,
                chat_id=-1001234567890,
            ),
            asked("abc", asked_at=NOW + timedelta(seconds=1)),
        ],
    )
    first, second = await logged(database)
    assert (first.text, first.normalized, first.status) == (
        "Tỷ lệ che phủ rừng năm 2020?",
        "ty le che phu rung nam 2020",
        "answer",
    )
    assert (first.best_match, first.score) == ("II.1.3.(1)", 97.5)
    assert (first.telegram_id, first.chat_id, first.asked_at) == (
        123456789012,
        -1001234567890,
        NOW,
    )
    assert (second.text, second.best_match, second.telegram_id) == ("abc", None, None)


async def test_log_questions_of_nothing_writes_nothing(database):
    await log_questions(database, [])
    assert await logged(database) == []


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (asked("x", status="maybe"), "unknown answer status"),
        (asked("x", asked_at=datetime(2025, 3, 15)), "naive datetime"),
    ],
)
async def test_log_questions_refuses_a_programming_error_and_writes_nothing(
    database, question, message
):
    with pytest.raises(ValueError, match=message):
        await log_questions(database, [asked("fine"), question])
    assert await logged(database) == []


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
    await log_questions(
        db,
        [
            asked(
                question, normalized=normalized, status=status, asked_at=NOW - timedelta(hours=h)
            )
            for h, question, normalized, status in QUESTIONS
        ],
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


# --- opening: prepare and check_writable -----------------------------------------------


async def test_prepare_migrates_and_checks_a_fresh_database(database_url):
    db = Database.from_url(database_url)
    try:
        await db.prepare()
        await db.prepare()  # a second start finds nothing to do
        assert await db.current_revision() == head_revision()
        assert "write_check" not in await table_names(db)  # the probe is rolled back
    finally:
        await db.dispose()


async def test_prepare_refuses_a_database_from_a_newer_version_of_the_bot(database):
    async with database.write() as session:
        await session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SettingsError) as caught:
        await database.prepare()
    assert str(caught.value).startswith("DATABASE_URL: không nâng cấp được cơ sở dữ liệu ")
    assert "9999" in str(caught.value)


async def test_check_writable_refuses_a_read_only_sqlite_file(tmp_path):
    path = tmp_path / "bot.sqlite3"
    writable = Database.from_url(f"sqlite:///{path}")
    read_only = Database.from_url(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        await writable.prepare()
        await read_only.ping()  # it can be read...
        with pytest.raises(DatabaseUnavailableError, match="readonly"):
            await read_only.check_writable()  # ...not written
        with pytest.raises(SettingsError, match=r"^DATABASE_URL: không mở được cơ sở dữ liệu"):
            await read_only.prepare()
    finally:
        await writable.dispose()
        await read_only.dispose()


async def test_prepare_refuses_a_folder_where_no_file_can_be_made():
    db = Database.from_url("sqlite:////proc/resolution-bot.sqlite3")  # even for root
    try:
        with pytest.raises(SettingsError) as caught:
            await db.prepare()
    finally:
        await db.dispose()
    assert str(caught.value) == (
        "DATABASE_URL: không mở được cơ sở dữ liệu sqlite+aiosqlite:////proc/resolution-bot"
        ".sqlite3: (sqlite3.OperationalError) unable to open database file"
    )


def test_a_sqlite_folder_that_cannot_be_created_is_a_settings_error():
    with pytest.raises(SettingsError) as caught:
        Database.from_url("sqlite:////proc/nope/bot.sqlite3")
    assert str(caught.value) == (
        "DATABASE_URL: không tạo được thư mục /proc/nope cho tệp SQLite: No such file or directory"
    )


async def test_prepare_names_an_unreachable_server_without_its_password():
    db = Database.from_url("postgresql://bot:secret@127.0.0.1:1/nothing")
    try:
        with pytest.raises(SettingsError) as caught:
            await db.prepare()
    finally:
        await db.dispose()
    message = str(caught.value)
    assert message.startswith(
        "DATABASE_URL: không mở được cơ sở dữ liệu postgresql+asyncpg://bot:***@127.0.0.1:1/"
    )
    assert "secret" not in message
    assert "\n" not in message


async def test_prepare_names_a_postgresql_database_that_does_not_exist(postgres_server):
    db = Database.from_url(postgres_server.url("no_such_database"))
    try:
        with pytest.raises(SettingsError, match='database "no_such_database" does not exist'):
            await db.prepare()
    finally:
        await db.dispose()


async def test_prepare_refuses_a_read_only_postgresql_database(postgres_server):
    name = await postgres_server.create_database()
    admin = Database.from_url(postgres_server.url(name))
    try:
        await admin.upgrade()
        async with admin.engine.connect() as connection:
            await connection.execute(
                text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
            )
            await connection.commit()
        read_only = Database.from_url(postgres_server.url(name))
        try:
            with pytest.raises(StorageError, match="read-only transaction"):
                await read_only.check_writable()
            with pytest.raises(SettingsError, match="read-only transaction"):
                await read_only.prepare()
        finally:
            await read_only.dispose()
    finally:
        await admin.dispose()
        await postgres_server.drop_database(name)


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
        ("", "không phải một URL cơ sở dữ liệu"),
        ("data/bot.sqlite3", "không phải một URL cơ sở dữ liệu"),
        ("sqlite//data/bot.sqlite3", "không phải một URL cơ sở dữ liệu"),
        ("postgresql://bot:secret@db:port/bot", "không phải một URL cơ sở dữ liệu"),
        ("mysql://bot:secret@db/bot", "không hỗ trợ 'mysql'"),
        ("postgresql+pg8000://bot@db/bot", "không hỗ trợ 'postgresql+pg8000'"),
        ("http://example.com", "không hỗ trợ 'http'"),
    ],
)
@pytest.mark.parametrize("opener", [Database.from_url, check_url], ids=["open", "settings"])
def test_bad_urls_are_refused_with_a_clear_message(url, message, opener):
    # The settings check (no SQLAlchemy) and opening the database refuse the same URLs.
    with pytest.raises(SettingsError, match=r"^DATABASE_URL") as caught:
        opener(url)
    assert message in str(caught.value)
    assert "sqlite:///" in str(caught.value)  # shows what a good URL looks like
    assert "secret" not in str(caught.value)


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:///data/bot.sqlite3", "data/bot.sqlite3"),
        ("sqlite:////srv/bot/bot.sqlite3", "/srv/bot/bot.sqlite3"),
        ("sqlite:///file:data/bot.sqlite3?mode=ro&uri=true", "data/bot.sqlite3"),
        ("sqlite:///file:/srv/bot.sqlite3?uri=true", "/srv/bot.sqlite3"),
        ("sqlite:///file:mem?mode=memory&uri=true", None),
        ("sqlite://", None),
        ("sqlite:///:memory:", None),
        ("postgresql://bot@db/bot", None),
    ],
)
def test_sqlite_file_names_the_file_of_a_url(url, path):
    found = sqlite_file(make_url(url))
    assert (str(found) if found else None) == path


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
