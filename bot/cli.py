"""The ``resolution-bot`` command line (contract: ../shared/DESIGN.md §2).

Exit status: 0 on success, 1 when ``kb check`` or ``eval`` finds problems, 2 for bad
usage or configuration (one line on standard error, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Awaitable, Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO, TypeVar

from bot.answering.answers import Answer
from bot.answering.render import render_text
from bot.core import Core, build_core
from bot.errors import KnowledgeError, ResolutionBotError, UsageError
from bot.outbox.model import BroadcastReport
from bot.progress.model import ParsedReport
from bot.progress.render import report_lines
from bot.settings import Settings, load_settings

T = TypeVar("T")

DEFAULT_GOLDEN = Path("tests/data/questions.yaml")
EXIT_WORDS = {"thoát", "thoat", "exit", "quit"}
UNREADABLE = "Dòng này không phải văn bản UTF-8 hợp lệ; đồng chí gõ lại câu hỏi."


def settings_of(args: argparse.Namespace, *, require_token: bool = False) -> Settings:
    """Return the validated settings, with ``--knowledge`` taking precedence."""
    settings = load_settings(require_token=require_token)
    if args.knowledge:
        settings = settings.model_copy(update={"knowledge_path": Path(args.knowledge)})
    return settings


def core_of(args: argparse.Namespace) -> Core:
    """Build the core from the settings (no database is opened until one is needed)."""
    return build_core(settings_of(args))


def answer_json(answer: Answer) -> str:
    """Return the --json line of an answer."""
    return json.dumps(
        {
            "question": answer.question,
            "status": answer.status,
            "text": render_text(answer),
            "matches": [{"id": m.id, "title": m.title, "score": m.score} for m in answer.matches],
        },
        ensure_ascii=False,
    )


def _decode(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _stdin_lines() -> Iterator[str | None]:
    for raw in sys.stdin.buffer:
        yield _decode(raw.rstrip(b"\r\n"))


def _argument_text(text: str) -> str | None:
    # Arguments that are not UTF-8 arrive with surrogate escapes.
    return _decode(text.encode("utf-8", "surrogateescape"))


def cmd_ask(args: argparse.Namespace, out: TextIO) -> int:
    """Answer one question, or one a line from standard input."""
    library = core_of(args).library
    questions: Iterable[str | None] = (
        _stdin_lines() if args.question == ["-"] else [_argument_text(" ".join(args.question))]
    )
    for index, question in enumerate(questions):
        answer = Answer("", "none", UNREADABLE) if question is None else library.answer(question)
        if args.json:
            print(answer_json(answer), file=out)
        else:
            if index:
                print(file=out)
            print(render_text(answer), file=out)
        out.flush()
    return 0


def cmd_chat(args: argparse.Namespace, out: TextIO) -> int:
    """Chat in the terminal: one question a line; a number picks an offered choice.

    Each question is read after the previous answer (follow-ups: "vậy còn nhập khẩu?").
    """
    if args.user_id is not None:
        return _chat_as_user(args, out)
    library = core_of(args).library
    print("Hỏi về Nghị quyết (gõ “thoát” hoặc Ctrl-D để kết thúc).", file=out)
    offered: list[tuple[str, int | None]] = []
    previous: Answer | None = None
    while True:
        try:
            line = input("> ")
        except EOFError:
            print(file=out)
            return 0
        except KeyboardInterrupt:
            print(file=out)
            return 0
        question = _argument_text(line)
        if question is None:
            print(UNREADABLE, file=out)
            continue
        if question.strip().casefold() in EXIT_WORDS:
            return 0
        choice = question.strip()
        if choice.isascii() and choice.isdigit() and 1 <= int(choice) <= len(offered):
            item_id, year = offered[int(choice) - 1]
            answer = library.describe(item_id, year, question)
        else:
            answer = library.answer(question, previous)
        previous = answer
        offered = [(m.id, m.year) for m in answer.matches] if answer.status == "choices" else []
        print(render_text(answer), file=out)
        if offered:
            print("(Gõ số thứ tự để chọn.)", file=out)


def _chat_as_user(args: argparse.Namespace, out: TextIO) -> int:
    """Chat as a Telegram user against the bot's database: commands and cards too."""
    import asyncio

    from bot.terminal import TerminalSession

    def read() -> str | None:
        try:
            return _argument_text(input("> "))
        except (EOFError, KeyboardInterrupt):
            print(file=out)
            return None

    asyncio.run(TerminalSession(core_of(args), args.user_id, out).run(read))
    return 0


def _from_database(core: Core, read: Callable[[], Awaitable[T]]) -> T:
    """Return what ``read`` gets from the database (migrated first), then close it."""
    import asyncio

    async def run() -> T:
        try:
            await core.start()
            return await read()
        finally:
            await core.aclose()

    return asyncio.run(run())


def cmd_progress(args: argparse.Namespace, out: TextIO) -> int:
    """Print progress against every reported target (reads the database only)."""
    from bot.progress.render import overview_lines

    core = core_of(args)
    result = _from_database(core, core.desk.overview)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False), file=out)
    else:
        print("\n".join(overview_lines(result)), file=out)
    return 0


def cmd_outbox(args: argparse.Namespace, out: TextIO) -> int:
    """Print the latest broadcasts and their recipients by state (reads the database)."""
    core = core_of(args)
    reports: list[BroadcastReport] = _from_database(core, core.broadcasts.history)
    if args.json:
        for report in reports:
            print(json.dumps(report.as_json(), ensure_ascii=False), file=out)
        return 0
    if not reports:
        print("Chưa có thông báo nào.", file=out)
    for report in reports:
        counts = ", ".join(f"{state} {count}" for state, count in sorted(report.counts.items()))
        when = report.created_at.astimezone(core.time_zone).strftime("%d/%m/%Y %H:%M")
        print(
            f"#{report.id} {when} {report.kind} → {report.audience}: {report.state}, "
            f"{report.total} người nhận ({counts or 'chưa có'})",
            file=out,
        )
    return 0


def cmd_reminders(args: argparse.Namespace, out: TextIO) -> int:
    """Print the reminders with their next firing (reads the database)."""
    core = core_of(args)
    listed = _from_database(core, core.reminders.upcoming)
    for reminder, schedule in listed:
        following = reminder.next_fire_at
        if args.json:
            row = {
                "id": reminder.id,
                "schedule": reminder.schedule,
                "rule": schedule,
                "audience": reminder.audience,
                "text": reminder.text,
                "paused": reminder.paused,
                "next_fire_at": following.isoformat() if following else None,
            }
            print(json.dumps(row, ensure_ascii=False), file=out)
        else:
            when = (
                following.astimezone(core.time_zone).strftime("%H:%M %d/%m/%Y")
                if following
                else "—"
            )
            state = "tạm dừng" if reminder.paused else f"lần tới {when}"
            print(
                f"#{reminder.id} {schedule} → {reminder.audience}: {reminder.text} ({state})",
                file=out,
            )
    if not listed and not args.json:
        print("Chưa có nhắc nhở nào.", file=out)
    return 0


def cmd_progress_parse(args: argparse.Namespace, out: TextIO) -> int:
    """Print what report messages are understood as, without saving anything."""
    import datetime as dt

    core = core_of(args)
    if args.today:
        try:
            today = dt.date.fromisoformat(args.today)
        except ValueError as error:
            raise UsageError(f"--today: ngày không hợp lệ “{args.today}” (YYYY-MM-DD)") from error
    else:
        today = dt.datetime.now(core.time_zone).date()
    parser = core.report_parser()
    messages: Iterable[str | None] = (
        _stdin_lines() if args.message == ["-"] else [_argument_text(" ".join(args.message))]
    )
    for index, message in enumerate(messages):
        if message is None:
            parsed = ParsedReport("", "problem", problems=(UNREADABLE,))
        else:
            parsed = parser.parse(message, today)
        if args.json:
            print(json.dumps(parsed.as_json(), ensure_ascii=False), file=out)
        else:
            if index:
                print(file=out)
            print("\n".join(report_lines(parsed)), file=out)
        out.flush()
    return 0


def cmd_kb_check(args: argparse.Namespace, out: TextIO) -> int:
    """Validate a knowledge file and list every problem."""
    from bot.knowledge.loader import check_knowledge, load_resolutions

    path = Path(args.file) if args.file else settings_of(args).knowledge_path
    problems = check_knowledge(path)
    for problem in problems:
        print(problem, file=out)
    if problems:
        print(f"{len(problems)} lỗi.", file=out)
        return 1
    bases = load_resolutions(path)
    years = ", ".join(str(kb.document.year) for kb in bases)
    entries = sum(len(kb.entries) for kb in bases)
    print(f"{path}: hợp lệ (năm {years}; {entries} mục).", file=out)
    return 0


def cmd_eval(args: argparse.Namespace, out: TextIO) -> int:
    """Score the golden question set."""
    from bot.answering.evaluate import evaluate, load_cases

    path = Path(args.file) if args.file else DEFAULT_GOLDEN
    if not path.exists():
        raise UsageError(f"không tìm thấy bộ câu hỏi: {path}")
    library = core_of(args).library
    report = evaluate(library, load_cases(path), library.answered_id)
    for line in report.lines():
        print(line, file=out)
    return 0 if report.passes else 1


def cmd_db_upgrade(args: argparse.Namespace, out: TextIO) -> int:
    """Apply database migrations."""
    import asyncio  # lazily, like every database command: answering does not need it

    asyncio.run(_started(core_of(args)))
    print("Cơ sở dữ liệu đã được cập nhật.", file=out)
    return 0


async def _started(core: Core) -> None:
    try:
        await core.start()
    finally:
        await core.aclose()


def cmd_db_check(args: argparse.Namespace, out: TextIO) -> int:
    """Check the database answers and is at the newest migration (container health check)."""
    import asyncio

    from bot.storage.health import check_database

    problem = asyncio.run(check_database(settings_of(args).database_url))
    if problem is not None:
        print(f"unhealthy: {problem}", file=sys.stderr)
        return 1
    print("Cơ sở dữ liệu hoạt động bình thường.", file=out)
    return 0


def cmd_run(args: argparse.Namespace, out: TextIO) -> int:
    """Start the Telegram bot."""
    settings = settings_of(args, require_token=True)
    from handlers.app import run  # lazily: the core never imports telegram

    run(settings)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the command line."""
    parser = argparse.ArgumentParser(
        prog="resolution-bot",
        description="Hỏi đáp về Nghị quyết Hội nghị lần thứ 20 BCH Đảng bộ tỉnh Cao Bằng.",
    )
    parser.add_argument("--knowledge", help="knowledge file or folder (KNOWLEDGE_PATH)")
    commands = parser.add_subparsers(dest="command", required=True)
    ask = commands.add_parser("ask", help="answer one question ('-': one a line on stdin)")
    ask.add_argument("--json", action="store_true", help="one JSON object per question")
    ask.add_argument("question", nargs="+")
    ask.set_defaults(handler=cmd_ask)
    chat = commands.add_parser("chat", help="interactive terminal chat")
    chat.add_argument(
        "--user-id", type=int, help="act as this Telegram user (commands, reports, cards)"
    )
    chat.set_defaults(handler=cmd_chat)
    kb = commands.add_parser("kb", help="knowledge base tools")
    kb_commands = kb.add_subparsers(dest="kb_command", required=True)
    check = kb_commands.add_parser("check", help="validate a knowledge file")
    check.add_argument("file", nargs="?")
    check.set_defaults(handler=cmd_kb_check)
    ev = commands.add_parser("eval", help="score the golden question set")
    ev.add_argument("file", nargs="?")
    ev.set_defaults(handler=cmd_eval)
    db = commands.add_parser("db", help="database tools")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="apply migrations").set_defaults(handler=cmd_db_upgrade)
    db_commands.add_parser("check", help="check the database (exit 1 if unhealthy)").set_defaults(
        handler=cmd_db_check
    )
    commands.add_parser("run", help="start the Telegram bot").set_defaults(handler=cmd_run)
    outbox = commands.add_parser("outbox", help="broadcasts and their state (read-only)")
    outbox.add_argument("--json", action="store_true", help="one JSON object a broadcast")
    outbox.set_defaults(handler=cmd_outbox)
    reminders = commands.add_parser("reminders", help="reminders and their next firing")
    reminders.add_argument("--json", action="store_true", help="one JSON object a reminder")
    reminders.set_defaults(handler=cmd_reminders)
    progress = commands.add_parser("progress", help="progress against targets (read-only)")
    progress.add_argument("--json", action="store_true", help="one JSON object")
    progress.set_defaults(handler=cmd_progress)
    progress_commands = progress.add_subparsers(dest="progress_command")
    parse = progress_commands.add_parser(
        "parse", help="show what a report message is understood as (nothing is saved)"
    )
    parse.add_argument("--json", action="store_true", help="one JSON object per message")
    parse.add_argument("--today", help="the day the message is sent (YYYY-MM-DD)")
    parse.add_argument("message", nargs="+", help="the message ('-': one a line on stdin)")
    parse.set_defaults(handler=cmd_progress_parse)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args, sys.stdout))
    except KnowledgeError as error:
        print("Tệp tri thức có lỗi:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except ResolutionBotError as error:
        print(f"resolution-bot: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
