"""Inline keyboards and the callback data they carry.

Callback data is ``<prefix>:<value>[@<year>]`` with a one-letter prefix and the year of the
resolution the value belongs to (ids repeat across years), so that every knowledge id (at
most 50 characters by the schema) fits Telegram's 64-byte limit. Data without a year (from
an older version of the bot) means the latest resolution.

* ``i:<id>`` show an item's answer (choices, deep links);
* ``g:<group id>`` / ``t:<target id>`` browse the targets (/chitieu), editing the message;
* ``k:<task group id>`` browse the tasks (/nhiemvu);
* ``m:targets`` / ``m:tasks`` the browse menus (of a year: ``m:targets@2020``);
* ``x:<n>`` ask example question number n;
* ``p:<action>:<value>`` a button of a report card or a registration request (the action
  is one letter, see ``handlers.progress.ACTION_CODES``);
* ``b:<action>:<value>`` a button of a broadcast's preview or sending
  (``handlers.broadcast.ACTION_CODES``);
* ``r:<action>:<id>`` pause, resume or delete a reminder.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.answering.answers import Answer
from bot.knowledge.schema import Document
from bot.lines import Button
from handlers import texts

#: Every prefix in use, declared once: the application routes buttons by these.

ITEM = "i"
TARGET_GROUP = "g"
TARGET = "t"
TASK_GROUP = "k"
MENU = "m"
EXAMPLE = "x"
PROGRESS = "p"
BROADCAST = "b"
REMINDER = "r"
PREFIXES = (
    ITEM,
    TARGET_GROUP,
    TARGET,
    TASK_GROUP,
    MENU,
    EXAMPLE,
    PROGRESS,
    BROADCAST,
    REMINDER,
)
TARGETS = "targets"
TASKS = "tasks"

#: Longer button labels are cut: Telegram shows about this much on a phone.
MAX_LABEL = 60


def data(prefix: str, value: str | int, year: int | None = None) -> str:
    """Return the callback data for ``prefix`` and ``value`` (of a year's resolution)."""
    return f"{prefix}:{value}" if year is None else f"{prefix}:{value}@{year}"


def parse(callback_data: str | None) -> tuple[str, str, int | None]:
    """Return (prefix, value, year) of callback data; ("", "", None) when it is not ours."""
    prefix, _, rest = (callback_data or "").partition(":")
    value, _, year = rest.partition("@")
    if not value or (year and not (year.isascii() and year.isdigit() and len(year) == 4)):
        return "", "", None
    return prefix, value, int(year) if year else None


def pattern(*prefixes: str) -> str:
    """Return the regular expression matching the callback data of ``prefixes``."""
    unknown = set(prefixes) - set(PREFIXES)
    if unknown:
        raise ValueError(f"undeclared callback prefixes: {sorted(unknown)}")
    return rf"^[{''.join(prefixes)}]:"


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
            (f"{number}. {match.title}", data(ITEM, match.id, match.year))
            for number, match in enumerate(answer.matches, start=1)
        )
    if answer.status == "none":
        return _column([(texts.BROWSE_TARGETS, data(MENU, TARGETS))])
    return None


def for_reply(
    buttons: Sequence[Sequence[Button]], prefix: str, codes: Mapping[str, str]
) -> InlineKeyboardMarkup | None:
    """Return the keyboard of a core reply's buttons: ``<prefix>:<code>:<value>`` each.

    ``codes`` gives the one letter of each action, so the data fits Telegram's 64 bytes.
    """
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    label(button.label),
                    callback_data=data(prefix, f"{codes[button.action]}:{button.value}"),
                )
                for button in row
            ]
            for row in buttons
        ]
    )


def action_of(callback_data: str | None, actions: Mapping[str, str]) -> tuple[str, str] | None:
    """Return (action, value) of ``<prefix>:<code>:<value>`` data, None if unknown."""
    _, rest, _ = parse(callback_data)
    code, _, value = rest.partition(":")
    action = actions.get(code)
    return (action, value) if action is not None and value else None


def examples(questions: Sequence[str]) -> InlineKeyboardMarkup:
    """Return one button per example question."""
    return _column((f"❓ {q}", data(EXAMPLE, n)) for n, q in enumerate(questions))


def target_groups(document: Document, years: Sequence[int] = ()) -> InlineKeyboardMarkup:
    """Return one button per target group of II.1, then one per other year's resolution."""
    year = document.year
    buttons = [
        (f"{group.code.removeprefix('II.1.')}. {group.title}", data(TARGET_GROUP, group.id, year))
        for group in document.targets
    ]
    return _column([*buttons, *_other_years(TARGETS, year, years)])


def targets_of(document: Document, group_id: str) -> InlineKeyboardMarkup | None:
    """Return one button per target of a group and the way back (None: no such group)."""
    group = next((g for g in document.targets if g.id == group_id), None)
    if group is None:
        return None
    year = document.year
    buttons = [(f"({t.number}) {t.title}", data(TARGET, t.id, year)) for t in group.targets]
    return _column([*buttons, (texts.BACK, data(MENU, TARGETS, year))])


def task_groups(document: Document, years: Sequence[int] = ()) -> InlineKeyboardMarkup:
    """Return one button per task group of II.2, then one per other year's resolution."""
    year = document.year
    buttons = [
        (f"{task.code.removeprefix('II.2.')}. {task.title}", data(TASK_GROUP, task.id, year))
        for task in document.tasks
    ]
    return _column([*buttons, *_other_years(TASKS, year, years)])


def _other_years(menu: str, shown: int, years: Sequence[int]) -> list[tuple[str, str]]:
    return [
        (texts.OTHER_YEAR.format(year=year), data(MENU, menu, year))
        for year in years
        if year != shown
    ]


def back(to: str) -> InlineKeyboardMarkup:
    """Return a single "back" button."""
    return _column([(texts.BACK, to)])
