"""Inline keyboards and the callback data they carry.

Callback data is ``<prefix>:<value>`` with a one-letter prefix, so that every knowledge id
(at most 60 characters by the schema) fits Telegram's 64-byte limit:

* ``i:<id>`` show an item's answer (choices, deep links);
* ``g:<group id>`` / ``t:<target id>`` browse the targets (/chitieu), editing the message;
* ``k:<task group id>`` browse the tasks (/nhiemvu);
* ``m:targets`` / ``m:tasks`` back to the browse menus;
* ``x:<n>`` ask example question number n.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.answering.answers import Answer
from bot.knowledge.schema import Document
from handlers import texts

ITEM = "i"
TARGET_GROUP = "g"
TARGET = "t"
TASK_GROUP = "k"
MENU = "m"
EXAMPLE = "x"
MENU_TARGETS = f"{MENU}:targets"
MENU_TASKS = f"{MENU}:tasks"

#: Longer button labels are cut: Telegram shows about this much on a phone.
MAX_LABEL = 60


def data(prefix: str, value: str | int) -> str:
    """Return the callback data for ``prefix`` and ``value``."""
    return f"{prefix}:{value}"


def parse(callback_data: str | None) -> tuple[str, str]:
    """Return (prefix, value) of callback data; ("", "") when it is not ours."""
    prefix, _, value = (callback_data or "").partition(":")
    return (prefix, value) if value else ("", "")


def label(text: str) -> str:
    """Return ``text`` cut to a button's length."""
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "…"


def _column(buttons: Iterable[tuple[str, str]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label(text), callback_data=value)] for text, value in buttons]
    )


def for_answer(answer: Answer) -> InlineKeyboardMarkup | None:
    """Return the buttons under an answer: the choices, or a way to browse when none fits."""
    if answer.status == "choices":
        return _column(
            (f"{number}. {match.title}", data(ITEM, match.id))
            for number, match in enumerate(answer.matches, start=1)
        )
    if answer.status == "none":
        return _column([(texts.BROWSE_TARGETS, MENU_TARGETS)])
    return None


def examples(questions: Sequence[str]) -> InlineKeyboardMarkup:
    """Return one button per example question."""
    return _column((f"❓ {q}", data(EXAMPLE, n)) for n, q in enumerate(questions))


def target_groups(document: Document) -> InlineKeyboardMarkup:
    """Return one button per target group of II.1."""
    return _column(
        (f"{group.code.removeprefix('II.1.')}. {group.title}", data(TARGET_GROUP, group.id))
        for group in document.targets
    )


def targets_of(document: Document, group_id: str) -> InlineKeyboardMarkup:
    """Return one button per target of a group, and the way back."""
    group = next(g for g in document.targets if g.id == group_id)
    buttons = [(f"({t.number}) {t.title}", data(TARGET, t.id)) for t in group.targets]
    return _column([*buttons, (texts.BACK, MENU_TARGETS)])


def task_groups(document: Document) -> InlineKeyboardMarkup:
    """Return one button per task group of II.2."""
    return _column(
        (f"{task.code.removeprefix('II.2.')}. {task.title}", data(TASK_GROUP, task.id))
        for task in document.tasks
    )


def back(to: str) -> InlineKeyboardMarkup:
    """Return a single "back" button."""
    return _column([(texts.BACK, to)])
