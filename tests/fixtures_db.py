"""Database fixtures (SQLite and a throwaway PostgreSQL cluster).

``database_url`` is parametrized, so every test that uses it (or ``database``) runs twice:
on a fresh SQLite file and on a fresh PostgreSQL database. The PostgreSQL 15 cluster is
started once per session from the machine's binaries; a machine without them fails the
PostgreSQL tests loudly unless ``RESOLUTION_BOT_SKIP_POSTGRES=1`` is set.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import pytest

from bot.storage import Database

POSTGRES_BIN = Path(os.environ.get("RESOLUTION_BOT_POSTGRES_BIN", "/usr/lib/postgresql/15/bin"))
SKIP_POSTGRES = "RESOLUTION_BOT_SKIP_POSTGRES"
BACKENDS = ["sqlite", "postgresql"]


@dataclass(frozen=True)
class PostgresServer:
    """A running throwaway PostgreSQL cluster reachable on 127.0.0.1 without a password."""

    port: int
    user: str = "postgres"
    host: str = "127.0.0.1"
    startup_seconds: float = 0.0

    def url(self, database: str, scheme: str = "postgresql") -> str:
        """Return the URL of ``database`` on this server."""
        return f"{scheme}://{self.user}@{self.host}:{self.port}/{database}"

    async def create_database(self) -> str:
        """Create an empty database with a unique name and return its name."""
        name = f"test_{uuid.uuid4().hex[:12]}"
        connection = await asyncpg.connect(self.url("postgres"))
        try:
            await connection.execute(f'CREATE DATABASE "{name}"')
        finally:
            await connection.close()
        return name

    async def drop_database(self, name: str) -> None:
        """Drop a database, closing connections a test left open."""
        connection = await asyncpg.connect(self.url("postgres"))
        try:
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await connection.close()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """Start a PostgreSQL cluster in a temporary folder for the whole session."""
    if os.environ.get(SKIP_POSTGRES) == "1":
        pytest.skip(f"PostgreSQL tests skipped: {SKIP_POSTGRES}=1")
    missing = [tool for tool in ("initdb", "pg_ctl") if not (POSTGRES_BIN / tool).exists()]
    if missing:
        pytest.fail(
            f"PostgreSQL binaries {missing} not found in {POSTGRES_BIN}: install PostgreSQL 15 "
            f"or set {SKIP_POSTGRES}=1 to skip the PostgreSQL half of the storage tests",
            pytrace=False,
        )
    # pg_ctl refuses to run as root, so as root the cluster belongs to the postgres user.
    as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    root = Path(tempfile.mkdtemp(prefix="resolution-bot-pg-"))
    if as_owner:
        shutil.chown(root, user="postgres", group="postgres")
    data, log = root / "data", root / "server.log"
    port = _free_port()
    started = time.monotonic()
    _run([*as_owner, str(POSTGRES_BIN / "initdb"), "-D", str(data), "-A", "trust",
          "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"])  # fmt: skip
    # Durability is pointless for a throwaway cluster; without it tests run faster.
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1"
        " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )
    try:
        _run([*as_owner, str(POSTGRES_BIN / "pg_ctl"), "-D", str(data), "-l", str(log),
              "-o", options, "-w", "-t", "60", "start"])  # fmt: skip
    except pytest.fail.Exception:
        server_log = log.read_text(errors="replace") if log.exists() else "(no log)"
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"PostgreSQL did not start; its log:\n{server_log}", pytrace=False)
    try:
        yield PostgresServer(port=port, startup_seconds=time.monotonic() - started)
    finally:
        subprocess.run(
            [*as_owner, str(POSTGRES_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
            timeout=60,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
async def postgres_url_factory(
    postgres_server: PostgresServer,
) -> AsyncIterator[Callable[[], Awaitable[str]]]:
    """Give a function that creates a fresh PostgreSQL database and returns its URL."""
    created: list[str] = []

    async def make() -> str:
        name = await postgres_server.create_database()
        created.append(name)
        return postgres_server.url(name)

    yield make
    for name in created:
        await postgres_server.drop_database(name)


@pytest.fixture(params=BACKENDS)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """Give the URL of a fresh, empty database: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'bot.sqlite3'}"
        return
    # Asked for here, not as an argument, so SQLite-only runs never start PostgreSQL.
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = await server.create_database()
    try:
        yield server.url(name)
    finally:
        await server.drop_database(name)


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    """Give a migrated database on each backend, disposed of after the test."""
    db = Database.from_url(database_url)
    await db.upgrade()
    try:
        yield db
    finally:
        await db.dispose()


def _free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _run(command: list[str]) -> None:
    """Run a setup command; fail the tests with its output if it does not succeed."""
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    if result.returncode != 0:
        output = result.stdout + result.stderr
        pytest.fail(
            f"{' '.join(command)} exited with {result.returncode}:\n{output}", pytrace=False
        )
