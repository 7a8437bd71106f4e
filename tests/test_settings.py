"""Settings: the contract names, defaults, and one clear line for each mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import SettingsError
from bot.settings import DEFAULT_API_BASE_URL, DEFAULT_DATABASE_URL, Settings, load_settings

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawq"


def test_defaults_follow_the_contract() -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}, require_token=True)
    assert settings.telegram_bot_token is not None
    assert settings.token == TOKEN
    assert settings.telegram_api_base_url == DEFAULT_API_BASE_URL == "https://api.telegram.org/bot"
    assert settings.telegram_file_base_url == "https://api.telegram.org/file/bot"
    assert settings.database_url == DEFAULT_DATABASE_URL
    assert DEFAULT_DATABASE_URL == "sqlite+aiosqlite:///./data/resolution-bot.sqlite3"
    assert settings.bot_admin_ids == frozenset()
    assert settings.knowledge_path == Path("knowledge/resolution.yaml")
    assert settings.webhook_url is None
    assert settings.broadcast_rate == 25
    assert settings.tz_name == "Asia/Ho_Chi_Minh"
    assert str(settings.time_zone) == "Asia/Ho_Chi_Minh"


def test_every_contract_name_is_read() -> None:
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/bot",
            "DATABASE_URL": "postgresql://bot:pw@db.internal:5432/bot",
            "BOT_ADMIN_IDS": " 111, 222,333 ",
            "KNOWLEDGE_PATH": "/srv/knowledge",
            "WEBHOOK_URL": "https://bot.example.vn/telegram",
            "WEBHOOK_SECRET": "abc_DEF-123",
            "WEBHOOK_LISTEN": "0.0.0.0",
            "WEBHOOK_PORT": "8080",
            "BROADCAST_RATE": "10",
            "TZ_NAME": "Asia/Bangkok",
        },
        require_token=True,
    )
    assert settings.telegram_file_base_url == "http://127.0.0.1:8081/file/bot"
    assert settings.bot_admin_ids == frozenset({111, 222, 333})
    assert settings.knowledge_path == Path("/srv/knowledge")
    assert settings.webhook_port == 8080
    assert settings.webhook_secret is not None
    assert settings.webhook_secret.get_secret_value() == "abc_DEF-123"
    assert settings.broadcast_rate == 10
    assert settings.tz_name == "Asia/Bangkok"


def test_an_empty_variable_means_not_set() -> None:
    settings = load_settings({"BOT_ADMIN_IDS": "", "WEBHOOK_URL": ""}, require_token=False)
    assert settings.bot_admin_ids == frozenset()
    assert settings.webhook_url is None


@pytest.mark.parametrize(
    ("env", "require_token", "expected"),
    [
        ({}, True, "TELEGRAM_BOT_TOKEN chưa được đặt"),
        ({"TELEGRAM_BOT_TOKEN": "123:short"}, True, "TELEGRAM_BOT_TOKEN không hợp lệ"),
        ({"TELEGRAM_BOT_TOKEN": "not a token at all"}, True, "TELEGRAM_BOT_TOKEN không hợp lệ"),
        ({"DATABASE_URL": "mysql://u:p@h/db"}, False, "DATABASE_URL"),
        ({"DATABASE_URL": "::not a url::"}, False, "DATABASE_URL"),
        ({"BOT_ADMIN_IDS": "123,abc"}, False, "BOT_ADMIN_IDS không hợp lệ"),
        ({"BOT_ADMIN_IDS": "12 34"}, False, "BOT_ADMIN_IDS không hợp lệ"),
        ({"WEBHOOK_URL": "http://bot.example.vn/hook"}, False, "WEBHOOK_URL không hợp lệ"),
        ({"WEBHOOK_URL": "https://bot.example.vn/hook"}, False, "WEBHOOK_SECRET chưa được đặt"),
        ({"WEBHOOK_SECRET": "có dấu cách"}, False, "WEBHOOK_SECRET không hợp lệ"),
        ({"WEBHOOK_PORT": "70000"}, False, "WEBHOOK_PORT không hợp lệ"),
        ({"WEBHOOK_PORT": "tám"}, False, "WEBHOOK_PORT không hợp lệ"),
        ({"BROADCAST_RATE": "0"}, False, "BROADCAST_RATE không hợp lệ"),
        ({"TZ_NAME": "Asia/Hanoi_City"}, False, "TZ_NAME không hợp lệ"),
        ({"TELEGRAM_API_BASE_URL": "api.telegram.org"}, False, "TELEGRAM_API_BASE_URL"),
    ],
)
def test_a_mistake_gives_one_line_naming_the_variable(
    env: dict[str, str], require_token: bool, expected: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(env, require_token=require_token)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message


def test_a_token_is_not_required_for_offline_commands() -> None:
    settings = load_settings({}, require_token=False)
    assert settings.telegram_bot_token is None
    with pytest.raises(SettingsError, match="TELEGRAM_BOT_TOKEN"):
        _ = settings.token


def test_the_token_never_appears_in_errors_or_reprs() -> None:
    malformed = "123456789:AAH-this-is-secret-but-too-long-to-be-a-real-token-xxxxxxxxxxxx"
    with pytest.raises(SettingsError) as caught:
        load_settings({"TELEGRAM_BOT_TOKEN": malformed}, require_token=True)
    assert malformed not in str(caught.value)
    assert "secret" not in str(caught.value)
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}, require_token=True)
    assert TOKEN not in repr(settings)
    assert TOKEN not in str(settings.model_dump())


def test_a_database_password_is_not_echoed() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({"DATABASE_URL": "mysql://bot:hunter2@db/bot"}, require_token=False)
    assert "hunter2" not in str(caught.value)


def test_environment_and_dotenv_are_read_only_when_asked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    (tmp_path / ".env").write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nBOT_ADMIN_IDS=5,6\n")
    monkeypatch.setenv("BOT_ADMIN_IDS", "7")
    monkeypatch.setenv("WEBHOOK_URL", "")  # empty means not set
    from_environment = load_settings(require_token=True)
    assert from_environment.token == TOKEN  # from .env
    assert from_environment.bot_admin_ids == frozenset({7})  # the environment wins
    assert from_environment.webhook_url is None
    # An explicit mapping is the whole configuration: no environment, no .env.
    explicit = load_settings({}, require_token=False)
    assert explicit.telegram_bot_token is None
    assert explicit.bot_admin_ids == frozenset()
