"""The log of questions asked: kept in memory briefly, written to the database in batches.

One insert of many rows costs about what one insert of one row does, so questions wait
until ``batch_size`` of them are waiting or ``flush_seconds`` have passed. The log is worth
keeping through a database outage, so a failed write keeps its questions for the next try,
and one row the database refuses is dropped alone instead of taking its batch with it.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from datetime import UTC, datetime

from bot.answering.answers import Answer
from bot.answering.rules import MAX_QUESTION_CHARS
from bot.storage import (
    AskedQuestion,
    Database,
    RowRejectedError,
    StorageError,
    UnansweredQuestion,
    log_questions,
    unanswered_questions,
)
from bot.vietnamese.text import question_key

logger = logging.getLogger(__name__)

#: Questions kept waiting at most; past it the oldest are dropped (a long outage).
MAX_BACKLOG = 10_000
#: Shortest and longest wait between two tries while the database keeps failing.
MIN_RETRY_SECONDS = 1.0
MAX_RETRY_SECONDS = 60.0
#: Name of the timer task, so it can be told apart among the loop's tasks.
TIMER_NAME = "question-log-flush"
#: Characters of a dropped question quoted in the log.
_QUOTED = 80


class QuestionLog:
    """Record questions with how they were answered; write them in batches.

    A write that fails keeps its questions, in order, ahead of newer ones; a timer tries
    again after ``flush_seconds`` (at least :data:`MIN_RETRY_SECONDS`), waiting twice as
    long after each failure, up to :data:`MAX_RETRY_SECONDS`. At most ``max_backlog``
    questions wait: past that the oldest are dropped, and counted in a warning, so an
    outage of any length costs bounded memory. Database failures are logged on the
    ``bot.answering.question_log`` logger, never raised to the code recording a question.
    """

    def __init__(
        self,
        database: Database,
        *,
        batch_size: int = 100,
        flush_seconds: float = 1.0,
        max_backlog: int = MAX_BACKLOG,
    ) -> None:
        if batch_size < 1 or flush_seconds < 0 or max_backlog < batch_size:
            raise ValueError("batch_size ≥ 1, flush_seconds ≥ 0 and max_backlog ≥ batch_size")
        self.database = database
        self.batch_size = batch_size
        self.flush_seconds = flush_seconds
        self.max_backlog = max_backlog
        self._pending: deque[AskedQuestion] = deque()
        self._in_flight = 0  # taken from _pending by the write under way
        self._flushing = asyncio.Lock()
        self._timer: asyncio.Task[None] | None = None
        self._failures = 0  # consecutive failed writes
        self._dropped = 0  # dropped for want of room since the last successful write
        self._closed = False

    @property
    def pending(self) -> int:
        """Return how many questions are not written yet (waiting, or being written)."""
        return len(self._pending) + self._in_flight

    async def record(
        self,
        question: str,
        answer: Answer,
        *,
        telegram_id: int | None,
        chat_id: int | None,
        update_id: int | None = None,
        delivered: bool | None = None,
    ) -> None:
        """Add a question and how it was answered to the log; it is written soon, in a batch.

        A text over :data:`~bot.answering.rules.MAX_QUESTION_CHARS` was refused unread (a pasted
        document is not a question) and is not logged.
        """
        if len(question) > MAX_QUESTION_CHARS:
            return
        best = answer.matches[0] if answer.matches else None
        self._pending.append(
            AskedQuestion(
                text=question,
                normalized=question_key(question),
                status=answer.status,
                best_match=best.id if best else None,
                score=best.score if best else None,
                asked_at=datetime.now(UTC),
                telegram_id=telegram_id,
                chat_id=chat_id,
                best_year=best.year if best else None,
                update_id=update_id,
                delivered=delivered,
            )
        )
        self._trim()
        # While the database fails, the retry timer alone tries: not every message.
        if len(self._pending) >= self.batch_size and not self._failures:
            await self.flush()
        else:
            self._schedule(self.flush_seconds)

    async def flush(self) -> bool:
        """Write every waiting question, a batch at a time; on failure keep them and retry.

        Returns whether the write succeeded (False: the questions wait for the next try).
        """
        # Only what waits now: under a steady stream of questions, "until none waits" would
        # never end, and whoever waits on this flush (the inbox's settlements) with it.
        left = len(self._pending)
        async with self._flushing:
            left = min(left, len(self._pending))  # a flush before us may have written some
            while left > 0:
                size = min(self.batch_size, left)
                left -= size
                batch = [self._pending.popleft() for _ in range(size)]
                self._in_flight = size
                try:
                    await self._write(batch)
                except StorageError as error:
                    self._put_back(batch)
                    self._failures += 1
                    delay = self._retry_delay()
                    logger.warning(
                        "could not save the question log (%d waiting, next try in %.0f s): %s",
                        len(self._pending),
                        delay,
                        error,
                    )
                    self._schedule(delay)
                    return False
                except BaseException:
                    self._put_back(batch)
                    raise
                finally:
                    self._in_flight = 0
            self._failures = 0
            if self._dropped:
                logger.warning(
                    "the question log dropped %d questions while the database failed",
                    self._dropped,
                )
                self._dropped = 0
            return True

    async def unanswered(self, *, days: int, limit: int) -> list[UnansweredQuestion]:
        """Return the questions most often left unanswered lately, including those waiting."""
        await self.flush()
        return await unanswered_questions(self.database, days=days, limit=limit)

    async def close(self) -> None:
        """Stop the timer and write what is waiting (at shutdown); log what is lost."""
        self._closed = True
        timer, self._timer = self._timer, None
        if timer is not None:
            # A timer still set is asleep (it lets go before writing): cancelling is safe.
            timer.cancel()
            await asyncio.gather(timer, return_exceptions=True)
        await self.flush()
        if self._pending:
            logger.error("%d questions of the log could not be saved", len(self._pending))

    async def _write(self, batch: list[AskedQuestion]) -> None:
        """Write ``batch``, removing from it what is done with (written or dropped).

        What is left in ``batch`` when this raises was not written.
        """
        try:
            await log_questions(self.database, batch)
        except RowRejectedError:
            # The insert is all or nothing: find the rows refused, one by one.
            while batch:
                try:
                    await log_questions(self.database, batch[:1])
                except RowRejectedError as error:
                    logger.warning(
                        "dropped a question the database refuses (%s): %r",
                        error,
                        batch[0].text[:_QUOTED],
                    )
                del batch[0]
            return
        batch.clear()

    def _put_back(self, batch: list[AskedQuestion]) -> None:
        """Return unwritten questions to the front, in order, ahead of newer ones."""
        self._pending.extendleft(reversed(batch))
        self._trim()

    def _trim(self) -> None:
        """Drop the oldest questions past ``max_backlog``."""
        excess = len(self._pending) - self.max_backlog
        if excess <= 0:
            return
        if not self._dropped:
            logger.warning(
                "the question log is full (%d waiting): dropping the oldest", self.max_backlog
            )
        for _ in range(excess):
            self._pending.popleft()
        self._dropped += excess

    def _retry_delay(self) -> float:
        """Return how long to wait before trying again, longer after each failure."""
        first = max(self.flush_seconds, MIN_RETRY_SECONDS)
        delay = first * 2.0 ** min(self._failures - 1, 16)
        return min(delay, MAX_RETRY_SECONDS)

    def _schedule(self, delay: float) -> None:
        """Start the timer that flushes after ``delay`` seconds, unless one is set."""
        if self._timer is not None or self._closed:
            return
        self._timer = asyncio.create_task(self._flush_after(delay), name=TIMER_NAME)
        self._timer.add_done_callback(_report_failure)

    async def _flush_after(self, delay: float) -> None:
        await asyncio.sleep(delay)
        # Let go of the timer before writing: questions recorded from now on set a new one,
        # and close() never cancels a write half-way.
        self._timer = None
        await self.flush()


def _report_failure(task: asyncio.Task[None]) -> None:
    """Log what made the timer fail, so no exception goes unseen (and unretrieved)."""
    if task.cancelled():
        return
    error = task.exception()
    if error is not None:
        logger.error("the question log's timer failed", exc_info=error)
