"""Reporting units named in a message: "huyện Hà Quảng", "ha quang", "Sở NN&PTNT", "tp cao bằng".

Every name of a unit (its name, aliases and the names of the former units merged into it)
is looked for in the message folded (no diacritics, lower case, "y" and "i" alike), the
longest name first, with or without the level word before it ("huyện", "sở").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.knowledge.schema import Unit
from bot.vietnamese.text import fold, fold_diacritics

#: Words that may stand before a unit's short name ("huyện Hà Quảng", "UBND huyện Hòa An").
_LEVEL_WORDS = (
    r"(?:(?:ubnd|uy ban nhan dan|huyen uy|thanh uy)\s+)?(?:huyen|h\.|thanh pho|tp\.?)?\s*"
)


#: A unit name typed with a typo is taken when this similar (rapidfuzz ratio, 0-100) …
FUZZY_SCORE = 85.0
#: … and at least this long (folded): short names are too alike ("ha lang", "ha quang").
MIN_FUZZY_LENGTH = 6
_LEVEL_PREFIX = re.compile(r"^(?:huyen|thanh pho|tp)\s+")


@dataclass(frozen=True, slots=True)
class NamedUnit:
    """A unit named in a text, and where (in the folded text)."""

    unit: Unit
    start: int
    end: int


class UnitFinder:
    """Find the reporting units a text names."""

    def __init__(self, units: Sequence[Unit]) -> None:
        self.units = tuple(units)
        self.by_id = {unit.id: unit for unit in units}
        names = sorted(
            ((fold(name), unit) for unit in units for name in unit.names if fold(name)),
            key=lambda pair: len(pair[0]),
            reverse=True,
        )
        self._owners: dict[str, Unit] = {}
        alternatives: list[str] = []
        for name, unit in names:
            if name in self._owners:
                continue
            self._owners[name] = unit
            alternatives.append(r"[\s\W]+".join(_word_pattern(w) for w in name.split()))
        self._pattern = (
            re.compile(rf"(?<![\w]){_LEVEL_WORDS}(?P<name>{'|'.join(alternatives)})(?![\w])")
            if alternatives
            else None
        )

    def find(self, folded: str) -> list[NamedUnit]:
        """Return the units a folded text (:func:`fold_diacritics`) names, in text order."""
        if self._pattern is None:
            return []
        found: list[NamedUnit] = []
        for match in self._pattern.finditer(folded):
            unit = self._owners.get(fold(match.group("name")))
            if unit is not None:
                found.append(NamedUnit(unit, match.start(), match.end()))
        return found

    def one(self, text: str) -> Unit | None:
        """Return the unit a short text names ("hà quảng", "sở y tế"), if exactly one.

        A typo is forgiven when one name is close enough ("ha quag", "so nong ngiep").
        """
        named = {n.unit.id: n.unit for n in self.find(fold_diacritics(text))}
        if named:
            return next(iter(named.values())) if len(named) == 1 else None
        typed = _LEVEL_PREFIX.sub("", fold(text))
        if len(typed) < MIN_FUZZY_LENGTH:
            return None
        best = process.extractOne(
            typed, list(self._owners), scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE
        )
        return None if best is None else self._owners[best[0]]


def _word_pattern(word: str) -> str:
    """Return a pattern for a folded word typed with "y" or "i" ("quy" stays "quy")."""
    return "".join("[iy]" if c == "i" else re.escape(c) for c in word)
