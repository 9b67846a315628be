"""Page furniture: page numbers, running headers/footers and symbol-only OCR junk lines."""

from __future__ import annotations

import math
import re

from ingest.clean_rules import CleanRules, default_rules
from ingest.footnotes import looks_like_footnote_start

_DIGITS = re.compile(r"\d+")


def is_furniture_line(line: str, rules: CleanRules | None = None) -> bool:
    """A lone page number, a "Tweede Kamer, vergaderjaar ..." header, or a line without a letter or digit."""
    rules = rules or default_rules()
    line = line.strip()
    if not line:
        return False
    if not any(ch.isalnum() for ch in line):
        return True
    return any(p.match(line) for p in rules.furniture_lines)


def _furniture_key(line: str) -> str:
    return _DIGITS.sub("#", line.lower())


def find_running_lines(pages: list[list[str]], rules: CleanRules | None = None, zone: int = 2) -> set[str]:
    """Keys (lower case, digits as #) of lines that head or foot most pages: running headers/footers.

    Footnotes are excluded: "7 Raadpleegbaar via www.tweedekamer.nl" can end many pages and is content.
    """
    rules = rules or default_rules()
    if len(pages) < 2:
        return set()
    seen: dict[str, set[int]] = {}
    for index, lines in enumerate(pages):
        filled = [line for line in lines if line]
        for line in filled[:zone] + filled[-zone:]:
            if looks_like_footnote_start(line, rules):
                continue
            seen.setdefault(_furniture_key(line), set()).add(index)
    needed = max(2, math.ceil(0.6 * len(pages)))
    return {key for key, where in seen.items() if len(where) >= needed}


def drop_furniture(lines: list[str], running: set[str], rules: CleanRules, zone: int = 2) -> list[str]:
    filled = [i for i, line in enumerate(lines) if line]
    edge = set(filled[:zone] + filled[-zone:])
    out = []
    for i, line in enumerate(lines):
        if line in rules.bullets and _next_filled(lines, i) is not None:
            out.append(line)  # a bullet alone on its line: merged with the next line below
        elif is_furniture_line(line, rules) or (i in edge and _furniture_key(line) in running):
            out.append("")
        else:
            out.append(line)
    return _merge_lone_bullets(out, rules)


def _next_filled(lines: list[str], i: int) -> int | None:
    return next((j for j in range(i + 1, len(lines)) if lines[j]), None)


def _merge_lone_bullets(lines: list[str], rules: CleanRules) -> list[str]:
    out = list(lines)
    for i, line in enumerate(out):
        if line in rules.bullets:
            j = _next_filled(out, i)
            if j is not None:
                out[j] = f"{line} {out[j]}"
            out[i] = ""
    return out
