"""Shared pytest configuration: fixtures live in feature modules registered here."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings

pytest_plugins = ["tests.fixtures.db", "tests.fixtures.telegram"]

# The project's settings (.env.example). A developer's shell or CI must not change a test's
# outcome; tests that need one set it themselves with monkeypatch.
PROJECT_VARIABLES = (
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_BASE_URL",
    "DATABASE_URL",
    "BOT_ADMIN_IDS",
    "KNOWLEDGE_PATH",
    "WEBHOOK_URL",
    "WEBHOOK_SECRET",
    "WEBHOOK_LISTEN",
    "WEBHOOK_PORT",
    "BROADCAST_RATE",
    "BROADCAST_PAID",
    "TZ_NAME",
    # python-telegram-bot's opt-in to timedelta periods changes what RetryAfter.retry_after is.
    "PTB_TIMEDELTA",
)


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Run each test without the project's variables and without the developer's ``.env``."""
    for name in {*PROJECT_VARIABLES, *(field.upper() for field in Settings.model_fields)}:
        monkeypatch.delenv(name, raising=False)
    # Settings() reads ".env" from the working directory, which for a test run is usually the
    # repository (a developer's real token). Read it from the test's own tmp_path instead:
    # absent unless the test writes one there.
    monkeypatch.setitem(Settings.model_config, "env_file", tmp_path / ".env")
