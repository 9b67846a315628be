"""The cleaning rules (word lists and patterns) from assistant/data/cleaning.yaml, parsed and checked."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from assistant.core.datafiles import DataModel, Regex, load_data_file, validate
from assistant.text.dates import with_date_patterns

RULES_FILE = "cleaning.yaml"


@dataclass(frozen=True)
class CleanRules:
    furniture_lines: tuple[re.Pattern[str], ...]
    bullets: frozenset[str]
    ambiguous_bullets: frozenset[str]
    ocr_marker_glyphs: str
    hyphen_conjunctions: frozenset[str]
    footnote_cues: re.Pattern[str]
    date_lines: tuple[re.Pattern[str], ...] = ()

    def is_date_line(self, text: str) -> bool:
        line = text.strip()
        return len(line) <= 60 and any(p.match(line) for p in self.date_lines)


class CleaningFile(DataModel):
    """assistant/data/cleaning.yaml; the comments there say what each list is for."""

    furniture_lines: list[Regex]
    bullets: list[str]
    ambiguous_bullets: list[str]
    ocr_marker_glyphs: list[str]
    hyphen_conjunctions: list[str]
    footnote_cues: list[Regex]
    date_lines: list[Regex] = []


def parse_rules(data: Any, source: object = RULES_FILE) -> CleanRules:
    """Rules from already-parsed data; a malformed field is a DataFileError naming `source`."""
    return _compile(validate(data, CleaningFile, source))


def _compile(data: CleaningFile) -> CleanRules:
    return CleanRules(
        furniture_lines=tuple(re.compile(p, re.IGNORECASE) for p in data.furniture_lines),
        bullets=frozenset(b for b in data.bullets if b),
        ambiguous_bullets=frozenset(b for b in data.ambiguous_bullets if b),
        ocr_marker_glyphs="".join(data.ocr_marker_glyphs),
        hyphen_conjunctions=frozenset(w.lower() for w in data.hyphen_conjunctions),
        footnote_cues=re.compile("|".join(f"(?:{p})" for p in data.footnote_cues), re.IGNORECASE),
        date_lines=tuple(re.compile(with_date_patterns(p), re.IGNORECASE) for p in data.date_lines),
    )


@functools.cache
def default_rules() -> CleanRules:
    return _compile(load_data_file(RULES_FILE, CleaningFile))
