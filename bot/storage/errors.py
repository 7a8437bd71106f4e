"""Storage errors: every failure of the database reaches callers as one of these.

bot.errors.StorageError          (a database operation failed)
├── DatabaseUnavailableError     (cannot connect, locked, timed out, read-only: try later)
└── RowRejectedError             (the database refuses this data: a constraint or a value)

:func:`storage_errors` is the one place that maps driver and SQLAlchemy failures onto them;
``Database`` wraps every session and connection it hands out in it. Mistakes in our own code
(a naive datetime, an unknown status, a malformed statement) are not database failures and
keep their own types.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy import exc

from bot.errors import StorageError

__all__ = [
    "DatabaseUnavailableError",
    "RowRejectedError",
    "StorageError",
    "as_storage_error",
    "first_line",
    "storage_errors",
]


class DatabaseUnavailableError(StorageError):
    """The database cannot be reached or written right now; the same call may work later."""


class RowRejectedError(StorageError):
    """The database refuses the data written (a constraint or a value it cannot store)."""


# Failures of the database itself, not of the statement sent: retrying later may succeed.
_UNAVAILABLE: tuple[type[BaseException], ...] = (
    exc.OperationalError,
    exc.InterfaceError,
    exc.DisconnectionError,
    exc.TimeoutError,  # no pooled connection came free in time
    OSError,  # includes TimeoutError, refused connections and unknown hosts
    # asyncpg raises its own errors, untranslated, while connecting (bad password, no
    # such database, too many connections); inside a statement SQLAlchemy wraps them.
    asyncpg.PostgresError,
    asyncpg.InterfaceError,
)
_REJECTED: tuple[type[BaseException], ...] = (exc.IntegrityError, exc.DataError)


def first_line(error: BaseException) -> str:
    """Return the first line of an error's message, or its type's name if it has none."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def as_storage_error(error: BaseException) -> StorageError | None:
    """Return the storage error that stands for ``error``, or None if it is not one."""
    if isinstance(error, StorageError):
        return error
    if isinstance(error, _REJECTED):
        return RowRejectedError(first_line(error))
    if isinstance(error, exc.DBAPIError) and error.connection_invalidated:
        return DatabaseUnavailableError(first_line(error))
    if isinstance(error, _UNAVAILABLE):
        return DatabaseUnavailableError(first_line(error))
    if isinstance(error, exc.DBAPIError):
        return StorageError(first_line(error))
    return None


@contextmanager
def storage_errors() -> Iterator[None]:
    """Raise database failures inside the block as :class:`StorageError` (cause kept)."""
    try:
        yield
    except Exception as error:
        translated = as_storage_error(error)
        if translated is None or translated is error:
            raise
        raise translated from error
