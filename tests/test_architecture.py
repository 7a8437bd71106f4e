"""The core stays free of Telegram: `bot/` never imports `telegram` or `handlers`."""

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent / "bot"


@pytest.mark.parametrize("path", sorted(BOT.rglob("*.py")), ids=lambda p: str(p.name))
def test_core_module_does_not_import_telegram(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            imported.append(node.module or "")
    offending = [name for name in imported if name.split(".")[0] == "telegram"]
    assert offending == []
    # The CLI's `run` may import handlers lazily (inside a function), nowhere else.
    top_level = [
        n
        for n in tree.body
        if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("handlers")
    ]
    assert top_level == []
