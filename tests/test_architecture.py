"""The import table: which package may import which, and where each library may be used.

Every module under ``bot/`` and ``handlers/`` is parsed with :mod:`ast`; every import in it
(module level or inside a function, relative ones resolved) is checked against the rules below,
which are the table of the structure review (§3.2, §3.3). A broken rule reads
``file:line importer → imported: reason``.

Three kinds of rule:

- :class:`Layer`: what the modules of a package may import from the project. The most specific
  layer applies (``bot.answering.question_log`` before ``bot.answering``); a module may always
  import from its own package.
- :class:`Never`: a line no module of a package may cross, whatever its layer allows.
- :class:`Confined`: the only packages that may import a third-party library. A library that is
  not in the table may not be imported at all until it is added, with its reason.

Some packages are planned but not there yet (``bot.progress``, ``bot.outbox``…): their rules
are written now so that they apply the day the code lands.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("bot", "handlers")


@dataclass(frozen=True)
class Layer:
    """The project modules that the modules of ``scope`` may import.

    A name covers the module and everything under it. ``lazily`` names modules that may be
    imported only inside a function.
    """

    scope: str
    may_import: tuple[str, ...]
    reason: str
    lazily: tuple[str, ...] = ()


@dataclass(frozen=True)
class Never:
    """Modules of ``scope`` never import ``imports``, whatever their layer allows."""

    scope: str
    imports: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class Confined:
    """Only modules of ``to`` may import ``library`` (and only inside functions if ``lazily``)."""

    library: str
    to: tuple[str, ...]
    reason: str
    lazily: bool = False


Rule = Layer | Never | Confined

# --- the table ------------------------------------------------------------------------------

# What a feature may build on; its I/O modules add bot.storage.
_FEATURE_BASE = ("bot.matching", "bot.knowledge", "bot.vietnamese", "bot.lines", "bot.errors")
_PROGRESS_BASE = ("bot.access", *_FEATURE_BASE)
_OUTBOX_BASE = ("bot.access", "bot.progress.service", "bot.vietnamese", "bot.lines", "bot.errors")
_IO = (
    "only the feature's I/O module may reach the database; the rest of the feature stays "
    "synchronous functions over values, testable without a database"
)

LAYERS: tuple[Layer, ...] = (
    Layer(
        "bot",
        ("bot.core",),
        "the package root only re-exports Core and build_core; a new top-level package needs "
        "its own layer",
    ),
    Layer(
        "bot.errors",
        (),
        "the exception tree is the bottom layer: every package raises from it, so it depends "
        "on none",
    ),
    Layer(
        "bot.lines",
        (),
        "Line is the neutral text value shared by answers, cards and reports; it knows none "
        "of them (else lines and answering/render import each other)",
    ),
    Layer(
        "bot.vietnamese",
        ("bot.errors",),
        "language primitives are shared by questions, submissions and schedules; they know no "
        "resolution data",
    ),
    Layer(
        "bot.knowledge",
        ("bot.vietnamese", "bot.errors"),
        "the data model of a resolution and of units: parsed with the language primitives, "
        "ignorant of how it is searched or answered",
    ),
    Layer(
        "bot.matching",
        ("bot.knowledge", "bot.vietnamese", "bot.errors"),
        "the fuzzy engine ranks knowledge entries and unit names; it produces matches, not "
        "answers, so questions and submissions can share it",
    ),
    Layer(
        "bot.storage",
        ("bot.errors", "bot.answering.answers", "bot.progress.model", "bot.outbox.model"),
        "storage is the only place that knows SQL; it stores the features' value types and "
        "nothing else, so features can use it without an import cycle",
    ),
    Layer(
        "bot.answering",
        _FEATURE_BASE,
        f"the Q&A feature turns a question into an Answer; {_IO} (question_log)",
    ),
    Layer("bot.answering.question_log", (*_FEATURE_BASE, "bot.storage"), _IO),
    Layer(
        "bot.access",
        _FEATURE_BASE,
        f"who may do what is decided by pure rules (roles, flood); {_IO} (members, service)",
    ),
    Layer("bot.access.members", (*_FEATURE_BASE, "bot.storage"), _IO),
    Layer(
        "bot.inbox",
        ("bot.storage", "bot.errors"),
        "durable updates are raw JSON stored and settled: the inbox knows no feature, so any "
        "edge that receives updates (polling, webhook, another instance) can use it",
    ),
    Layer("bot.access.service", (*_FEATURE_BASE, "bot.storage"), _IO),
    Layer(
        "bot.progress",
        _PROGRESS_BASE,
        f"parsing, periods, validation and status are pure and table-tested; {_IO} (service)",
    ),
    Layer("bot.progress.service", (*_PROGRESS_BASE, "bot.storage"), _IO),
    Layer(
        "bot.outbox",
        _OUTBOX_BASE,
        "broadcasts need the audience (access, and progress.service for units that have not "
        f"reported), never the answering engine; {_IO} (delivery, service, reminders)",
    ),
    Layer("bot.outbox.delivery", (*_OUTBOX_BASE, "bot.storage"), _IO),
    Layer("bot.outbox.service", (*_OUTBOX_BASE, "bot.storage"), _IO),
    Layer("bot.outbox.reminders", (*_OUTBOX_BASE, "bot.storage"), _IO),
    Layer(
        "bot.settings",
        ("bot.errors", "bot.storage.urls"),
        "settings are validated once at start and passed down; they ask storage which "
        "database URLs it serves, so both agree, and know nothing else",
    ),
    Layer(
        "bot.core",
        ("bot",),
        "the core's composition root wires every package together (but not the CLI, see Never)",
    ),
    Layer(
        "bot.cli",
        ("bot",),
        "the terminal edge may use all of the core; Telegram is loaded only by the run "
        "command, inside it, so ask/chat/kb start fast and work without Telegram",
        lazily=("handlers.app",),
    ),
    Layer("bot.__main__", ("bot.cli",), "python -m bot is the command line, nothing more"),
    Layer(
        "bot.terminal",
        ("bot",),
        "the terminal chat as a Telegram user (chat --user-id) is the command line's edge: "
        "it may use all of the core, as bot.cli does, and never Telegram",
    ),
    Layer(
        "handlers",
        (
            "bot.core",
            "bot.errors",
            "bot.lines",
            "bot.settings",
            "bot.access.flood",
            "bot.answering.answers",
            "bot.answering.conversations",
            "bot.answering.render",
            "bot.inbox",
            "bot.knowledge.schema",
            "bot.knowledge.entries",
            "bot.progress.model",
            "bot.progress.render",
            # The reporting desk is the progress feature's service, as bot.core is the
            # answering one: handlers call it and send its Reply (it names its type only).
            "bot.progress.desk",
            "bot.outbox.model",
        ),
        "the adapter extracts, calls bot.core and renders: it may touch the core's services, "
        "value types and renderers, never its engines",
    ),
)

NEVER: tuple[Never, ...] = (
    Never(
        "handlers",
        ("bot.storage",),
        "SQL, sessions and transactions stay behind bot.core: a handler writing directly "
        "bypasses Database.write() and its SQLite lock",
    ),
    Never(
        "handlers",
        ("bot.matching", "bot.vietnamese"),
        "matching and language rules are core logic; an adapter that calls them re-implements "
        "part of the core where the CLI cannot see it",
    ),
    Never(
        "handlers",
        ("bot.knowledge.loader",),
        "knowledge is loaded and reloaded in one place (bot.core), so every handler sees the "
        "same snapshot",
    ),
    Never(
        "handlers",
        ("bot.answering.qa",),
        "handlers ask bot.core for answers; they neither build nor hold an answerer",
    ),
    Never(
        "bot.storage",
        ("bot.settings",),
        "storage takes a URL, not the settings: bot.settings imports bot.storage.urls, so this "
        "is an import cycle (whoever reads the settings passes the URL down)",
    ),
    Never(
        "bot.core",
        ("bot.cli", "bot.__main__"),
        "the command line is an edge over the core; importing it from the core is a cycle",
    ),
)

_SQL = "one layer knows SQL, migrations and drivers; SQLite or PostgreSQL changes touch only it"
CONFINED: tuple[Confined, ...] = (
    Confined(
        "telegram",
        ("handlers",),
        "the core runs and is tested without Telegram (CLI, tests, other edges); the Bot API "
        "is the adapter's business",
    ),
    Confined("sqlalchemy", ("bot.storage",), _SQL),
    Confined("alembic", ("bot.storage",), _SQL),
    Confined("asyncpg", ("bot.storage",), _SQL),
    Confined("aiosqlite", ("bot.storage",), _SQL),
    Confined(
        "rapidfuzz",
        ("bot.vietnamese", "bot.matching"),
        "fuzzy matching is one engine on one documented 0-100 scale",
    ),
    Confined(
        "yaml",
        ("bot.knowledge", "bot.settings", "bot.answering.evaluate"),
        "data files are read and validated in one place, which reports problems as file:line "
        "(and the evaluator reads the question sets, which are test data, not knowledge)",
    ),
    Confined(
        "pydantic",
        ("bot.knowledge", "bot.settings"),
        "schemas validate what comes in (knowledge files, settings); inside the core, values "
        "are plain dataclasses",
    ),
    Confined(
        "pydantic_settings",
        ("bot.settings",),
        "settings are read once, in one place, then passed down",
    ),
    Confined(
        "matplotlib",
        ("bot.progress.chart",),
        "only charts need it, and lazily: it would eat the 0.5 s cold start of every command",
        lazily=True,
    ),
    Confined(
        "openpyxl",
        ("bot.progress.export",),
        "only the Excel export needs it, and lazily, for the cold start",
        lazily=True,
    ),
    Confined(
        "aiolimiter",
        ("bot.outbox.pacing",),
        "one pacing policy for broadcasts (overall and per group), not one per caller",
    ),
    Confined(
        "tornado",
        ("handlers.intake",),
        "the webhook server is part of receiving updates (python-telegram-bot ships tornado "
        "for it); nothing else serves HTTP",
    ),
)

UNDECLARED = Confined(
    "(any library not in the table)",
    (),
    "every third-party import is declared in this table with the packages it is confined to",
)

# Named by the table before (or while) the code lands; see the typo test at the end.
PLANNED = (
    "bot.core",
    "bot.progress",
    "bot.outbox",
    "bot.answering.question_log",
    "bot.access.members",
    "bot.access.service",
)

# --- the checker ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Import:
    """One imported module (absolute name) at a line; ``lazy`` when inside a function."""

    name: str
    line: int
    lazy: bool = False


def covers(name: str, module: str) -> bool:
    """Return whether ``name`` is ``module`` or one of its parent packages."""
    return module == name or module.startswith(name + ".")


def own_package(module: str) -> str | None:
    """Return the package a module may import freely: ``bot.<package>`` or ``handlers``."""
    parts = module.split(".")
    if parts[0] == "handlers":
        return "handlers"
    return ".".join(parts[:2]) if len(parts) > 1 else None


def layer_for(module: str) -> Layer:
    """Return the most specific layer covering ``module``."""
    layers = [layer for layer in LAYERS if covers(layer.scope, module)]
    if not layers:
        raise LookupError(f"no layer covers {module}")
    return max(layers, key=lambda layer: len(layer.scope))


def broken_rule(module: str, imported: Import) -> Rule | None:
    """Return the rule that ``module`` breaks by importing ``imported``, or None."""
    name = imported.name
    top = name.split(".")[0]
    for never in NEVER:
        if covers(never.scope, module) and any(covers(n, name) for n in never.imports):
            return never
    if top in PROJECT:
        own = own_package(module)
        if own is not None and covers(own, name):
            return None
        layer = layer_for(module)
        if any(covers(allowed, name) for allowed in layer.may_import):
            return None
        if imported.lazy and any(covers(allowed, name) for allowed in layer.lazily):
            return None
        return layer
    if top in sys.stdlib_module_names:
        return None
    confined = next((c for c in CONFINED if c.library == top), UNDECLARED)
    if not any(covers(scope, module) for scope in confined.to):
        return confined
    if confined.lazily and not imported.lazy:
        return confined
    return None


def imports_of(source: str, module: str, *, is_package: bool, known: set[str]) -> list[Import]:
    """Return every import in ``source`` (the code of ``module``), relative ones resolved.

    ``from package import name`` names the module ``package.name`` when that is in ``known``.
    """
    package = module if is_package else module.rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, lazy: bool) -> None:
        if isinstance(node, ast.Import):
            found.extend(Import(alias.name, node.lineno, lazy) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                if node.level - 1 >= len(parts):
                    raise ValueError(f"{module}:{node.lineno}: relative import beyond the top")
                anchor = ".".join(parts[: len(parts) - (node.level - 1)])
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.append(Import(candidate if candidate in known else base, node.lineno, lazy))
        inside = lazy or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        for child in ast.iter_child_nodes(node):
            visit(child, inside)

    visit(ast.parse(source), lazy=False)
    return list(dict.fromkeys(found))  # `from x import a, b` imports x once


def module_name(path: Path) -> str:
    """Return the dotted name of a module file under the project root."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_files() -> Iterator[Path]:
    """Yield every Python file of the packages in the table."""
    for package in PROJECT:
        yield from sorted((ROOT / package).rglob("*.py"))


FILES = list(project_files())
MODULES = {module_name(path) for path in FILES}


def describe(path: Path, module: str, imports: Iterable[Import]) -> list[str]:
    """Return one ``file:line importer → imported: reason`` line per broken rule."""
    broken = []
    for imported in imports:
        rule = broken_rule(module, imported)
        if rule is not None:
            where = f"{path.relative_to(ROOT)}:{imported.line}"
            lazily = " (inside a function)" if imported.lazy else ""
            broken.append(f"{where} {module} → {imported.name}{lazily}: {rule.reason}")
    return broken


# --- the tests ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=module_name)
def test_module_imports_follow_the_table(path: Path) -> None:
    module = module_name(path)
    imports = imports_of(
        path.read_text(encoding="utf-8"),
        module,
        is_package=path.name == "__init__.py",
        known=MODULES,
    )
    broken = describe(path, module, imports)
    if broken:
        pytest.fail("\n".join(broken), pytrace=False)


def test_every_top_level_package_has_its_own_layer() -> None:
    tops = {".".join(name.split(".")[:2]) for name in MODULES if name.startswith("bot.")}
    assert tops, "no module found under bot/"
    uncovered = sorted(top for top in tops if layer_for(top).scope != top)
    assert uncovered == [], f"add a Layer (with its reason) for {uncovered}"


def test_the_table_names_only_existing_or_planned_modules() -> None:
    # A misspelt name would never match anything, and its rule would silently not apply.
    named = {layer.scope for layer in LAYERS}
    named |= {name for layer in LAYERS for name in (*layer.may_import, *layer.lazily)}
    named |= {name for never in NEVER for name in (never.scope, *never.imports)}
    named |= {scope for confined in CONFINED for scope in confined.to}
    unknown = sorted(
        name
        for name in named
        if name not in MODULES and not any(covers(planned, name) for planned in PLANNED)
    )
    assert unknown == [], "misspelt, or add it to PLANNED"


# The checker itself, on imports made up for the purpose: each row is allowed or not.
CASES = [
    # (importer, imported, inside a function, allowed)
    ("bot.errors", "dataclasses", False, True),
    ("bot.errors", "bot.lines", False, False),
    ("bot.lines", "bot.errors", False, False),
    ("bot.vietnamese.text", "bot.errors", False, True),
    ("bot.vietnamese.text", "bot.knowledge.schema", False, False),
    ("bot.vietnamese.text", "rapidfuzz.fuzz", False, True),
    ("bot.knowledge.schema", "bot.vietnamese.numbers", False, True),
    ("bot.knowledge.loader", "bot.matching.index", False, False),
    ("bot.knowledge.loader", "rapidfuzz", False, False),
    ("bot.knowledge.loader", "yaml", False, True),
    ("bot.matching.index", "bot.knowledge.entries", False, True),
    ("bot.matching.index", "bot.answering.answers", False, False),
    ("bot.answering.qa", "bot.matching.index", False, True),
    ("bot.answering.qa", "bot.answering.describe", False, True),
    ("bot.answering.qa", "bot.storage", False, False),
    ("bot.answering.qa", "bot.storage", True, False),
    ("bot.answering.evaluate", "yaml", False, True),
    ("bot.answering.qa", "yaml", False, False),
    ("bot.answering.question_log", "bot.storage.repositories.questions", False, True),
    ("bot.access.flood", "bot.storage", False, False),
    ("bot.access.members", "bot.storage", False, True),
    ("bot.storage.repositories.questions", "bot.answering.answers", False, True),
    ("bot.storage.repositories.questions", "bot.answering.qa", False, False),
    ("bot.storage.health", "bot.settings", False, False),
    ("bot.storage.health", "bot.settings", True, False),
    ("bot.storage.database", "sqlalchemy.ext.asyncio", False, True),
    ("bot.settings", "bot.storage.urls", False, True),
    ("bot.settings", "bot.storage.database", False, False),
    ("bot.settings", "pydantic_settings", False, True),
    ("bot.knowledge.loader", "pydantic_settings", False, False),
    ("bot.core", "bot.storage", False, True),
    ("bot.core", "bot.cli", True, False),
    ("bot.core", "handlers.app", True, False),
    ("bot.cli", "bot.storage", False, True),
    ("bot.cli", "handlers.app", True, True),
    ("bot.cli", "handlers.app", False, False),
    ("bot.cli", "handlers.questions", True, False),
    ("bot.cli", "telegram", True, False),
    ("bot.__main__", "bot.cli", False, True),
    ("bot.__main__", "bot.core", False, False),
    ("bot", "bot.core", True, True),
    ("bot", "bot.storage", False, False),
    ("bot.reports.service", "bot.errors", False, False),  # a package without its own layer
    ("bot.progress.parse", "bot.access.roles", False, True),
    ("bot.progress.parse", "bot.storage", False, False),
    ("bot.progress.service", "bot.storage", False, True),
    ("bot.progress.chart", "matplotlib.pyplot", True, True),
    ("bot.progress.chart", "matplotlib.pyplot", False, False),
    ("bot.progress.status", "matplotlib", True, False),
    ("bot.outbox.audience", "bot.progress.service", False, True),
    ("bot.outbox.audience", "bot.progress.parse", False, False),
    ("bot.outbox.audience", "bot.answering.qa", False, False),
    ("bot.outbox.delivery", "bot.storage", False, True),
    ("bot.outbox.pacing", "aiolimiter", False, True),
    ("bot.outbox.delivery", "aiolimiter", False, False),
    ("handlers.intake", "tornado.web", False, True),
    ("handlers.runner", "tornado.web", False, False),
    ("bot.inbox", "bot.storage", False, True),
    ("bot.inbox", "bot.answering.qa", False, False),
    ("handlers.app", "telegram.ext", False, True),
    ("handlers.app", "handlers.questions", False, True),
    ("handlers.app", "bot.core", False, True),
    ("handlers.app", "bot.settings", False, True),
    ("handlers.context", "bot.access.flood", False, True),
    ("handlers.render", "bot.answering.render", False, True),
    ("handlers.keyboards", "bot.knowledge.schema", False, True),
    ("handlers.progress", "bot.progress.model", False, True),
    ("handlers.progress", "bot.progress.service", False, False),
    ("handlers.admin", "bot.storage", True, False),
    ("handlers.admin", "bot.knowledge.loader", False, False),
    ("handlers.admin", "bot.knowledge", False, False),
    ("handlers.inline", "bot.answering.qa", False, False),
    ("handlers.questions", "bot.vietnamese.text", False, False),
    ("handlers.questions", "bot.matching", False, False),
    ("handlers.app", "sqlalchemy.exc", False, False),
    ("handlers.app", "requests", False, False),
    ("bot.vietnamese.text", "telegram", False, False),
]


@pytest.mark.parametrize(
    ("importer", "imported", "lazy", "allowed"),
    CASES,
    ids=[f"{i}→{m}{'-lazily' if z else ''}" for i, m, z, _ in CASES],
)
def test_the_checker_applies_the_table(
    importer: str, imported: str, lazy: bool, allowed: bool
) -> None:
    rule = broken_rule(importer, Import(imported, 1, lazy))
    assert (rule is None) == allowed, rule


def test_imports_are_found_everywhere_and_resolved() -> None:
    source = """\
import os, bot.errors
from . import parse
from .. import lines
from ..storage import Database
from .model import Draft
from bot import core

def cmd_run():
    from handlers.app import run

class Card:
    def render(self):
        import matplotlib.pyplot as plt
    import yaml
"""
    known = {"bot.progress.parse", "bot.lines", "bot.core"}
    found = imports_of(source, "bot.progress.service", is_package=False, known=known)
    assert found == [
        Import("os", 1),
        Import("bot.errors", 1),
        Import("bot.progress.parse", 2),
        Import("bot.lines", 3),
        Import("bot.storage", 4),
        Import("bot.progress.model", 5),
        Import("bot.core", 6),
        Import("handlers.app", 9, lazy=True),
        Import("matplotlib.pyplot", 13, lazy=True),
        Import("yaml", 14),  # a class body runs at import time
    ]
    # In a package's __init__, "." is the package itself.
    init = imports_of("from .flood import FloodGuard", "bot.access", is_package=True, known=set())
    assert init == [Import("bot.access.flood", 1)]
