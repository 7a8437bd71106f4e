"""Settings: read once from the environment (and ``.env``), validated, passed down explicitly.

The names are a contract (DESIGN.md §2). :func:`load_settings` is the only entry point; it
turns every problem into a :class:`~bot.errors.SettingsError` with one line naming the
variable. Values are never echoed back: the token and database passwords are secrets.
"""

from __future__ import annotations

import re
import socket
import zoneinfo
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)
from pydantic_settings import SettingsError as PydanticSettingsError

from bot.errors import SettingsError
from bot.storage.urls import check_url

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_KNOWLEDGE = Path("knowledge/resolution.yaml")
#: The knowledge shipped with the program: beside the package in a checkout, and installed
#: beside it by the wheel (pyproject.toml ships the ``knowledge`` folder as package data).
SHIPPED_KNOWLEDGE = Path(__file__).resolve().parent.parent / DEFAULT_KNOWLEDGE
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/resolution-bot.sqlite3"

# BotFather tokens are "<bot id>:<35 characters>"; allow some slack in the second part.
_TOKEN = re.compile(r"^\d{5,16}:[A-Za-z0-9_-]{30,50}$")
# Telegram accepts 1-256 characters A-Z, a-z, 0-9, _ and - as a webhook secret.
_WEBHOOK_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")

# What each variable should hold, for the one-line error message.
_EXPECTED = {
    "telegram_bot_token": "cần token do @BotFather cấp, dạng <số>:<khoảng 35 ký tự>",
    "telegram_api_base_url": "cần một URL http(s), ví dụ https://api.telegram.org/bot",
    "database_url": (
        "cần một URL SQLAlchemy, ví dụ sqlite+aiosqlite:///./data/resolution-bot.sqlite3 "
        "hoặc postgresql+asyncpg://user:password@host/dbname"
    ),
    "bot_admin_ids": "cần các user id Telegram (số nguyên) cách nhau bằng dấu phẩy, ví dụ 123,456",
    "knowledge_path": "cần đường dẫn tới tệp hoặc thư mục tri thức",
    "webhook_url": "cần một URL https:// công khai",
    "webhook_secret": "chỉ gồm 1-256 ký tự A-Z, a-z, 0-9, _ và -",
    "webhook_listen": "cần một địa chỉ IP để lắng nghe, ví dụ 127.0.0.1",
    "webhook_port": "cần một cổng TCP từ 1 đến 65535",
    "broadcast_rate": (
        "cần số tin nhắn mỗi giây, lớn hơn 0 và không quá 30 "
        "(không quá 1000 khi BROADCAST_PAID=true)"
    ),
    "broadcast_paid": "cần true hoặc false",
    "tz_name": "cần tên múi giờ IANA, ví dụ Asia/Ho_Chi_Minh",
    "instance_name": "cần một tên từ 1 đến 64 ký tự, khác nhau giữa các bản chạy song song",
    "report_deadline_day": "cần một ngày trong tháng từ 1 đến 28",
}


#: Messages a second Telegram allows a bot overall without paid broadcasts.
FREE_BROADCAST_RATE = 30.0


def default_knowledge_path() -> Path:
    """Return ``knowledge/resolution.yaml`` of the working folder, else the shipped copy."""
    return DEFAULT_KNOWLEDGE if DEFAULT_KNOWLEDGE.exists() else SHIPPED_KNOWLEDGE


class Settings(BaseSettings):
    """Validated configuration of the bot (field names are the environment variables)."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,  # WEBHOOK_URL= means "not set", not an empty URL
        extra="ignore",
        frozen=True,
    )

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = DEFAULT_API_BASE_URL
    database_url: str = DEFAULT_DATABASE_URL
    bot_admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    knowledge_path: Path = Field(default_factory=default_knowledge_path)
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(8443, ge=1, le=65535)
    broadcast_paid: bool = False
    broadcast_rate: float = Field(25, gt=0, le=1000)
    tz_name: str = "Asia/Ho_Chi_Minh"
    report_deadline_day: int = Field(5, ge=1, le=28)
    #: This process among those sharing the database (webhook replicas): the host's name.
    instance_name: str = Field(default_factory=socket.gethostname, min_length=1, max_length=64)

    @field_validator("telegram_api_base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ValueError(_EXPECTED["telegram_api_base_url"])
        return value

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        # The storage layer owns which URLs it can serve; ask it, so both agree.
        try:
            check_url(value)
        except SettingsError as error:
            raise ValueError(str(error)) from None
        return value

    @field_validator("bot_admin_ids", mode="before")
    @classmethod
    def _comma_separated_ids(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        ids: set[int] = set()
        for part in value.replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            if not re.fullmatch(r"-?\d{1,20}", part):
                raise ValueError(
                    f"'{part[:20]}' không phải là một user id; {_EXPECTED['bot_admin_ids']}"
                )
            ids.add(int(part))
        return frozenset(ids)

    @field_validator("webhook_url")
    @classmethod
    def _https_webhook(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme != "https" or not parts.hostname:
            raise ValueError("Telegram chỉ gửi webhook tới một địa chỉ https://")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _WEBHOOK_SECRET.fullmatch(value.get_secret_value()):
            raise ValueError(_EXPECTED["webhook_secret"])
        return value

    @field_validator("broadcast_rate")
    @classmethod
    def _rate_within_telegrams_limit(cls, value: float, info: ValidationInfo) -> float:
        # Telegram allows about 30 messages a second; paid broadcasts up to 1,000.
        if value > FREE_BROADCAST_RATE and not info.data.get("broadcast_paid"):
            raise ValueError(_EXPECTED["broadcast_rate"])
        return value

    @field_validator("tz_name")
    @classmethod
    def _known_time_zone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"không biết múi giờ '{value[:40]}'; {_EXPECTED['tz_name']}"
            ) from None
        return value

    @property
    def time_zone(self) -> zoneinfo.ZoneInfo:
        """Return the configured time zone."""
        return zoneinfo.ZoneInfo(self.tz_name)

    @property
    def telegram_file_base_url(self) -> str:
        """Return the Bot API file URL that goes with ``telegram_api_base_url``."""
        base = self.telegram_api_base_url
        if base.endswith("/bot"):
            return base.removesuffix("bot") + "file/bot"
        return base.rstrip("/") + "/file/bot"

    @property
    def token(self) -> str:
        """Return the bot token (only for the Telegram client: never log it)."""
        if self.telegram_bot_token is None:
            raise SettingsError(_missing_token())
        return self.telegram_bot_token.get_secret_value()


class _MappingSettings(Settings):
    """Settings read from a given mapping only (tests, embedding): no environment, no .env."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)


def load_settings(env: Mapping[str, str] | None = None, *, require_token: bool) -> Settings:
    """Read and validate the settings from ``env`` or, when None, the environment and ``.env``.

    Raises:
        SettingsError: with one line naming the variable at fault (never its value).
    """
    try:
        settings = Settings() if env is None else _MappingSettings(**_fields_of(env))
    except ValidationError as error:
        raise SettingsError(_first_problem(error)) from None
    except PydanticSettingsError as error:
        raise SettingsError(f"không đọc được cấu hình: {type(error).__name__}") from None
    _check_together(settings, require_token=require_token)
    return settings


def _fields_of(env: Mapping[str, str]) -> dict[str, Any]:
    names = Settings.model_fields
    values = {key.lower(): value for key, value in env.items()}
    # An empty variable means "not set", as it does for the environment and .env.
    return {name: value for name, value in values.items() if name in names and value != ""}


def _check_together(settings: Settings, *, require_token: bool) -> None:
    token = settings.telegram_bot_token
    if require_token:
        if token is None or not token.get_secret_value():
            raise SettingsError(_missing_token())
        if not _TOKEN.fullmatch(token.get_secret_value()):
            raise SettingsError(
                f"TELEGRAM_BOT_TOKEN không hợp lệ: {_EXPECTED['telegram_bot_token']}"
            )
    if settings.webhook_url and settings.webhook_secret is None:
        raise SettingsError(
            "WEBHOOK_SECRET chưa được đặt: webhook cần một chuỗi bí mật để Telegram gửi kèm "
            f"mỗi yêu cầu ({_EXPECTED['webhook_secret']})"
        )


def _missing_token() -> str:
    return (
        "TELEGRAM_BOT_TOKEN chưa được đặt: lấy token từ @BotFather rồi đặt vào biến môi "
        "trường hoặc tệp .env"
    )


def _first_problem(error: ValidationError) -> str:
    problem = error.errors(include_input=False)[0]
    field = str(problem["loc"][0]) if problem["loc"] else ""
    if problem["type"] == "value_error" and "error" in problem.get("ctx", {}):
        reason = str(problem["ctx"]["error"])
        if reason.startswith(field.upper()):
            return reason
    else:
        reason = _EXPECTED.get(field, problem["msg"])
    return f"{field.upper()} không hợp lệ: {reason}"
