"""The question log: batches, timers, and what survives a database that fails for a while."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.answering import question_log
from bot.answering.answers import Answer, Match
from bot.answering.question_log import TIMER_NAME, QuestionLog
from bot.storage import Database
from bot.storage.models import Question
from bot.vietnamese.text import question_key

LOGGER = "bot.answering.question_log"


def answer(status: str = "none", *matches: tuple[str, float]) -> Answer:
    found = tuple(Match(id=item, title=item, score=score) for item, score in matches)
    return Answer(question="", status=status, headline="", matches=found)


async def logged(db: Database) -> list[Question]:
    async with db.transaction() as session:
        return list((await session.execute(select(Question).order_by(Question.id))).scalars())


async def texts(db: Database) -> list[str]:
    return [question.text for question in await logged(db)]


async def record(log: QuestionLog, *questions: str) -> None:
    for question in questions:
        await log.record(question, answer(), telegram_id=7, chat_id=7)


async def run_timers() -> None:
    """Wait until the log's timers set so far have fired and finished."""
    await asyncio.gather(*(t for t in asyncio.all_tasks() if t.get_name() == TIMER_NAME))


async def execute(db: Database, *statements: str) -> None:
    async with db.write() as session:
        connection = await session.connection()
        for statement in statements:
            await connection.exec_driver_sql(statement)


@asynccontextmanager
async def outage(db: Database) -> AsyncIterator[None]:
    """Make every write to the question log fail inside the block, as if the database were down."""
    await execute(db, "ALTER TABLE questions RENAME TO questions_away")
    try:
        yield
    finally:
        await execute(db, "ALTER TABLE questions_away RENAME TO questions")


async def refuse(db: Database, text: str) -> None:
    """Make the database refuse questions worded ``text``, as a violated constraint does."""
    if db.dialect == "sqlite":
        await execute(
            db,
            f"CREATE TRIGGER refuse BEFORE INSERT ON questions WHEN NEW.text = '{text}' "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END",
        )
        return
    await execute(
        db,
        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF NEW.text = '{text}' THEN RAISE EXCEPTION 'refused' USING ERRCODE = 'check_violation';"
        " END IF; RETURN NEW; END $$",
        "CREATE TRIGGER refuse BEFORE INSERT ON questions FOR EACH ROW EXECUTE FUNCTION refuse()",
    )


@pytest.fixture
async def new_log(database: Database) -> AsyncIterator:
    """Give a function making question logs on the test's database, closed afterwards."""
    made: list[QuestionLog] = []

    def make(**options) -> QuestionLog:
        made.append(QuestionLog(database, **options))
        return made[-1]

    yield make
    for log in made:
        await log.close()


# --- writing ----------------------------------------------------------------------------


async def test_a_question_is_stored_with_how_it_was_answered(database, new_log):
    log = new_log()
    before = datetime.now(UTC)
    await log.record(
        "Tỷ lệ che phủ rừng năm 2020?",
        answer("answer", ("II.1.3.(1)", 97.5), ("II.1.4", 61.0)),
        telegram_id=123456789012,
        chat_id=-1001234567890,
    )
    await log.record("Xin chào", answer("none"), telegram_id=None, chat_id=None)
    assert await logged(database) == []  # waiting for its batch

    await log.flush()
    forest, hello = await logged(database)
    assert (forest.text, forest.normalized, forest.status) == (
        "Tỷ lệ che phủ rừng năm 2020?",
        question_key("Tỷ lệ che phủ rừng năm 2020?"),
        "answer",
    )
    assert (forest.best_match, forest.score) == ("II.1.3.(1)", 97.5)
    assert (forest.telegram_id, forest.chat_id) == (123456789012, -1001234567890)
    assert before <= forest.asked_at <= datetime.now(UTC) + timedelta(seconds=1)
    assert (hello.best_match, hello.score, hello.telegram_id, hello.chat_id) == (None,) * 4
    assert log.pending == 0


async def test_a_full_batch_is_written_at_once(database, new_log):
    log = new_log(batch_size=3, flush_seconds=3600)
    await record(log, "một", "hai")
    assert await texts(database) == []
    await record(log, "ba")
    assert await texts(database) == ["một", "hai", "ba"]


async def test_a_partial_batch_is_written_by_the_timer(database, new_log):
    log = new_log(flush_seconds=0)
    await record(log, "Dân số Cao Bằng?")
    await run_timers()
    assert await texts(database) == ["Dân số Cao Bằng?"]


@pytest.mark.parametrize(
    ("asked", "stored"),
    [
        ("Dân số\x00 Cao Bằng?", "Dân số Cao Bằng?"),
        ("Rừng \ud83c che phủ", "Rừng \ufffd che phủ"),
    ],
)
async def test_nul_and_lone_surrogates_do_not_stop_a_batch(database, new_log, asked, stored):
    log = new_log()
    await record(log, "trước", asked, "sau")
    await log.flush()
    assert await texts(database) == ["trước", stored, "sau"]


async def test_unanswered_counts_the_questions_still_waiting(database, new_log):
    log = new_log(flush_seconds=3600)
    await record(log, "Dân số Cao Bằng?", "dân số cao bằng")
    (row,) = await log.unanswered(days=1, limit=10)
    assert (row.example, row.count, row.statuses) == ("dân số cao bằng", 2, ("none",))


# --- failures ---------------------------------------------------------------------------


async def test_a_failed_flush_keeps_its_batch_for_the_next(database, new_log, caplog):
    log = new_log(flush_seconds=3600)
    await record(log, "một", "hai")
    async with outage(database):
        await log.flush()
        await record(log, "ba")  # recorded during the outage: after the kept ones
        assert log.pending == 3
    assert "could not save the question log (2 waiting" in caplog.text
    assert [r.name for r in caplog.records] == [LOGGER]

    await log.flush()
    assert await texts(database) == ["một", "hai", "ba"]
    assert log.pending == 0


async def test_the_timer_tries_again_until_the_database_is_back(
    database, new_log, monkeypatch, caplog
):
    monkeypatch.setattr(question_log, "MIN_RETRY_SECONDS", 0.0)
    log = new_log(flush_seconds=0)
    async with outage(database):
        await record(log, "Dân số Cao Bằng?")
        await run_timers()  # failed, and set a timer to try again
        assert log.pending == 1
        assert "could not save the question log" in caplog.text
    for _ in range(100):  # each round: one more try
        if not log.pending:
            break
        await run_timers()
    assert await texts(database) == ["Dân số Cao Bằng?"]


async def test_a_refused_row_is_dropped_alone(database, new_log, caplog):
    await refuse(database, "ba")
    log = new_log(flush_seconds=3600)
    await record(log, "một", "hai", "ba", "bốn", "năm")
    await log.flush()
    assert await texts(database) == ["một", "hai", "bốn", "năm"]
    assert log.pending == 0
    assert "dropped a question the database refuses" in caplog.text
    assert "'ba'" in caplog.text


async def test_a_long_outage_keeps_only_the_newest_questions(database, new_log, caplog):
    log = new_log(batch_size=2, flush_seconds=3600, max_backlog=4)
    async with outage(database):
        await record(log, "1", "2", "3", "4", "5", "6", "7")
        assert log.pending == 4
        assert "the question log is full (4 waiting): dropping the oldest" in caplog.text
    await log.flush()
    assert await texts(database) == ["4", "5", "6", "7"]
    assert "the question log dropped 3 questions" in caplog.text


def test_nonsense_settings_are_refused():
    with pytest.raises(ValueError, match="batch_size"):
        QuestionLog(Database.from_url("sqlite://"), batch_size=10, max_backlog=5)


async def test_a_bug_in_the_timer_is_logged_and_its_batch_kept(new_log, monkeypatch, caplog):
    async def broken(db, questions):
        raise RuntimeError("bug")

    unretrieved = []
    asyncio.get_running_loop().set_exception_handler(
        lambda loop, context: unretrieved.append(context)
    )
    monkeypatch.setattr(question_log, "log_questions", broken)
    log = new_log(flush_seconds=0)
    await record(log, "Dân số Cao Bằng?")
    timers = [t for t in asyncio.all_tasks() if t.get_name() == TIMER_NAME]
    await asyncio.wait(timers)
    del timers
    gc.collect()  # an exception nobody retrieved would be reported now

    assert unretrieved == []
    (failure,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert failure.message == "the question log's timer failed"
    assert isinstance(failure.exc_info[1], RuntimeError)
    assert log.pending == 1
    monkeypatch.undo()  # so closing the log writes it


# --- closing ----------------------------------------------------------------------------


async def test_close_writes_what_waits_and_stops_the_timer(database):
    log = QuestionLog(database, flush_seconds=3600)
    await record(log, "một", "hai")
    await log.close()
    assert await texts(database) == ["một", "hai"]
    assert [t for t in asyncio.all_tasks() if t.get_name() == TIMER_NAME] == []


async def test_close_during_an_outage_says_what_is_lost(database, caplog):
    log = QuestionLog(database, flush_seconds=3600)
    await record(log, "một", "hai")
    async with outage(database):
        await log.close()
    assert "2 questions of the log could not be saved" in caplog.text
    assert [t for t in asyncio.all_tasks() if t.get_name() == TIMER_NAME] == []
