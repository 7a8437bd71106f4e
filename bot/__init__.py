"""resolution-bot's core: answers, knowledge and storage, with no Telegram in it.

The public surface is :class:`bot.core.Core` and :func:`bot.core.build_core`; they are
imported on first use, so ``python -m bot ask`` does not pay for what it does not need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.core import Core, build_core

__all__ = ("Core", "build_core")


def __getattr__(name: str) -> Any:
    if name in __all__:
        from bot import core

        return getattr(core, name)
    raise AttributeError(f"module 'bot' has no attribute {name!r}")
