"""The cleaning rules (word lists and patterns) from assistant/data/cleaning.yaml, parsed and checked."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml

from assistant.core.errors import DataFileError
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


def parse_rules(data: dict, source: object = RULES_FILE) -> CleanRules:
    try:
        return CleanRules(
            furniture_lines=tuple(re.compile(p, re.IGNORECASE) for p in data["furniture_lines"]),
            bullets=frozenset(b for b in data["bullets"] if b),
            ambiguous_bullets=frozenset(b for b in data["ambiguous_bullets"] if b),
            ocr_marker_glyphs="".join(data["ocr_marker_glyphs"]),
            hyphen_conjunctions=frozenset(w.lower() for w in data["hyphen_conjunctions"]),
            footnote_cues=re.compile("|".join(f"(?:{p})" for p in data["footnote_cues"]), re.IGNORECASE),
            date_lines=tuple(re.compile(with_date_patterns(p), re.IGNORECASE) for p in data.get("date_lines", [])),
        )
    except (KeyError, TypeError, re.error) as exc:
        raise DataFileError(source, f"malformed cleaning rules ({exc!r}): restore the file from git") from exc


@functools.cache
def default_rules() -> CleanRules:
    path = resources.files("assistant") / "data" / RULES_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(path, f"cannot read the cleaning rules ({exc}): reinstall the package (`make install`)") from exc
    return parse_rules(data or {}, path)
