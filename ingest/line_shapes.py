"""Shapes of single lines of running text: sentence ends, numbered headings, bullets."""

from __future__ import annotations

import re

from ingest.clean_rules import CleanRules

_SENTENCE_END = re.compile(r"[.!?:;][\"'»)\]]*$")
_NUMBERED_HEADING = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?P<dot>\.?)\s+(?P<title>[A-ZÀ-Þ].*)$")
NUMBERED_ITEM = re.compile(r"^(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+\S")
_MAX_NUMBERED_HEADING_WORDS = 12


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def no_final_punctuation(text: str) -> bool:
    return not re.search(r"[.,;:][\"'»)\]]*$", text)


def is_numbered_heading(line: str) -> bool:
    """ "1. Inleiding", "2.1 Rol overheid", "3.1 Implementatie convenant ..." (short, capitalised, no final punctuation)."""
    m = _NUMBERED_HEADING.match(line)
    if not m:
        return False
    title = m.group("title")
    return len(title.split()) <= _MAX_NUMBERED_HEADING_WORDS and len(line) <= 100 and no_final_punctuation(title)


def bullet_of(line: str, rules: CleanRules) -> tuple[str, bool] | None:
    """(bullet glyph, ambiguous?) when the line opens with a bullet followed by text."""
    first = line[:1]
    if first in rules.bullets and (line[1:2] == " " or (not first.isascii() and line[1:2].isalpha())):
        return first, False
    if first in rules.ambiguous_bullets and line[1:2] == " ":
        return first, True
    return None
