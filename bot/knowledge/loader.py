"""Load and validate knowledge files into a :class:`~bot.knowledge.entries.KnowledgeBase`.

A knowledge path is a file (one resolution) or a folder (every ``*.yaml`` in it, one
resolution each). The data shared by every resolution sits in the same folder: the language
data (``vocabulary.yaml``) and the reporting units (``units.yaml``, which every unit a figure
names as its reporter must be in). Every problem found is reported with the file, the line
where YAML knows it, and the field; :class:`~bot.errors.KnowledgeError` carries them all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.errors import KnowledgeError, Problem
from bot.knowledge.entries import KnowledgeBase, flatten
from bot.knowledge.schema import (
    Document,
    KnowledgeFile,
    Unit,
    UnitsFile,
    Vocabulary,
    iter_ids,
    iter_reporters,
)

VOCABULARY_FILE = "vocabulary.yaml"
UNITS_FILE = "units.yaml"
SHARED_FILES = frozenset({VOCABULARY_FILE, UNITS_FILE})

M = TypeVar("M", bound=BaseModel)
# libyaml's parser when PyYAML was built with it (it is ten times faster), else Python's.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def knowledge_files(path: Path) -> list[Path]:
    """Return the resolution files a knowledge path names."""
    if path.is_dir():
        return sorted(p for p in path.glob("*.yaml") if p.name not in SHARED_FILES)
    return [path]


def load_resolutions(path: Path) -> tuple[KnowledgeBase, ...]:
    """Load and validate a knowledge file or folder: one knowledge base per resolution.

    A folder holds one resolution a year; next year's file is usually a copy of this year's,
    edited, so ids need only be unique within a file. Two files for one year are refused.
    The result is sorted by year, the latest last.

    Raises:
        KnowledgeError: with every problem found in every file.
    """
    problems: list[Problem] = []
    files = knowledge_files(path)
    if not files:
        problems.append(Problem(str(path), None, "", "không có tệp .yaml nào"))
    vocabulary_path = (path if path.is_dir() else path.parent) / VOCABULARY_FILE
    vocabulary, _ = _load_model(vocabulary_path, Vocabulary, problems)
    units = _load_units(vocabulary_path.with_name(UNITS_FILE), problems)
    known_units = {unit.id for unit in units}
    documents: list[Document] = []
    years: dict[int, str] = {}
    for file in files:
        loaded, root = _load_model(file, KnowledgeFile, problems)
        if loaded is None:
            continue
        year = loaded.document.year
        if year in years:
            where = _line_of(root, ("document", "year"))
            problems.append(
                Problem(str(file), where, "document.year", f"năm {year} trùng ({years[year]})")
            )
            continue
        years[year] = file.name
        documents.append(loaded.document)
        seen_ids: dict[str, str] = {}
        for dotted, item_id in iter_ids(loaded.document):
            where = _line_of(root, _path_to_loc(dotted))
            if item_id in seen_ids:
                problems.append(
                    Problem(
                        str(file), where, dotted, f"id '{item_id}' trùng ({seen_ids[item_id]})"
                    )
                )
            else:
                seen_ids[item_id] = f"{file.name}:{where}"
        for key in ("nearest", "unnamed"):
            for item_id in getattr(loaded.document, key):
                if item_id not in seen_ids:
                    where = _line_of(root, ("document", key, item_id))
                    unknown = f"id '{item_id}' không có trong nghị quyết"
                    problems.append(
                        Problem(str(file), where, f"document.{key}.{item_id}", unknown)
                    )
        for dotted, reporter in iter_reporters(loaded.document):
            if reporter not in known_units:
                where = _line_of(root, _path_to_loc(dotted))
                unknown = f"đơn vị '{reporter}' không có trong {UNITS_FILE}"
                problems.append(Problem(str(file), where, dotted, unknown))
    if problems or vocabulary is None:
        raise KnowledgeError(problems)
    return tuple(
        KnowledgeBase((document,), vocabulary, {e.id: e for e in flatten(document)}, units)
        for document in sorted(documents, key=lambda d: d.year)
    )


def load_knowledge(path: Path) -> KnowledgeBase:
    """Load a knowledge file or folder and return its latest resolution.

    Raises:
        KnowledgeError: with every problem found in every file.
    """
    return load_resolutions(path)[-1]


def check_knowledge(path: Path) -> list[Problem]:
    """Return every problem of a knowledge file or folder (empty when it is sound)."""
    try:
        load_resolutions(path)
    except KnowledgeError as error:
        return error.problems
    return []


def _load_units(path: Path, problems: list[Problem]) -> tuple[Unit, ...]:
    """Load the reporting units beside the vocabulary (none when the file is absent)."""
    if not path.exists():
        return ()
    loaded, root = _load_model(path, UnitsFile, problems)
    if loaded is None:
        return ()
    seen: dict[str, int] = {}
    for at, unit in enumerate(loaded.units):
        if unit.id in seen:
            where = _line_of(root, ("units", at, "id"))
            problems.append(Problem(str(path), where, f"units.{at}.id", f"id '{unit.id}' trùng"))
        seen[unit.id] = at
    return tuple(loaded.units)


def _load_model(
    path: Path, model: type[M], problems: list[Problem]
) -> tuple[M | None, yaml.Node | None]:
    """Parse and validate one file; return the model (None on problems) and the YAML tree."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(str(path), None, "", "không tìm thấy tệp"))
        return None, None
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(str(path), None, "", f"không đọc được tệp: {error}"))
        return None, None
    # One parse gives both the node tree (for line numbers) and the data.
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(error, "problem", None) or str(error)
        problems.append(Problem(str(path), line, "", f"YAML không hợp lệ: {reason}"))
        return None, None
    finally:
        loader.dispose()
    problems += _duplicate_keys(path, root)
    try:
        return model.model_validate(data), root
    except ValidationError as error:
        for item in error.errors():
            loc = tuple(item["loc"])
            dotted = _dotted(loc)
            problems.append(Problem(str(path), _line_of(root, loc), dotted, item["msg"]))
        return None, root


def _duplicate_keys(path: Path, node: yaml.Node | None, trail: str = "") -> list[Problem]:
    found: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = str(key.value)
            here = f"{trail}.{name}" if trail else name
            if name in seen:
                found.append(Problem(str(path), key.start_mark.line + 1, here, "khoá bị lặp"))
            seen.add(name)
            found += _duplicate_keys(path, value, here)
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            found += _duplicate_keys(path, value, f"{trail}[{index}]")
    return found


def _line_of(root: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """Return the 1-based line of the deepest YAML node on the path ``loc``."""
    node = root
    line = root.start_mark.line + 1 if root is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if str(k.value) == str(part)), None)
            if match is None:
                break
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line


def _dotted(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _path_to_loc(dotted: str) -> tuple[Any, ...]:
    loc: list[Any] = []
    for part in dotted.replace("]", "").split("."):
        name, *indexes = part.split("[")
        loc.append(name)
        loc += [int(i) for i in indexes]
    return tuple(loc)
