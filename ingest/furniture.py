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


def _edge_lines(lines: list[str], zone: int) -> list[tuple[int, str]]:
    """(line index, place) of the first and last `zone` filled lines; place is "top" or "bottom"."""
    filled = [i for i, line in enumerate(lines) if line]
    return [(i, "top") for i in filled[:zone]] + [(i, "bottom") for i in filled[-zone:]]


def _counts_pages(numbers_by_page: dict[int, list[int]], needed: int) -> bool:
    """Whether some number in the line follows the page index at a fixed offset on `needed` pages: a page
    counter ("pagina 7", "Kamerstuk ..., nr. 219  7"), not text that merely differs in its numbers."""
    offsets: dict[int, int] = {}
    for index, numbers in numbers_by_page.items():
        for n in set(numbers):
            offsets[n - index] = offsets.get(n - index, 0) + 1
    return bool(offsets) and max(offsets.values()) >= needed


def find_running_lines(pages: list[list[str]], rules: CleanRules | None = None, zone: int = 2) -> set[str]:
    """Keys ("top:" or "bottom:" + the line in lower case, digits as #) of running headers/footers: lines at
    the same place (head or foot) on most pages. Lines that differ in their numbers only count when a
    number is a page counter; page-unique lines such as "Artikel 12" on short pages stay.

    Footnotes are excluded: "7 Raadpleegbaar via www.tweedekamer.nl" can end many pages and is content.
    """
    rules = rules or default_rules()
    if len(pages) < 2:
        return set()
    seen: dict[str, dict[int, list[int]]] = {}
    exact: dict[str, dict[str, int]] = {}
    for index, lines in enumerate(pages):
        for i, place in _edge_lines(lines, zone):
            line = lines[i]
            if looks_like_footnote_start(line, rules):
                continue
            key = f"{place}:{_furniture_key(line)}"
            seen.setdefault(key, {})[index] = [int(d) for d in _DIGITS.findall(line)]
            variants = exact.setdefault(key, {})
            variants[line.lower()] = variants.get(line.lower(), 0) + 1
    needed = max(2, math.ceil(0.6 * len(pages)))
    running = set()
    for key, where in seen.items():
        if len(where) < needed:
            continue
        if max(exact[key].values()) >= needed or _counts_pages(where, needed):
            running.add(key)
    return running


def drop_furniture(lines: list[str], running: set[str], rules: CleanRules, zone: int = 2) -> list[str]:
    places: dict[int, list[str]] = {}
    for i, place in _edge_lines(lines, zone):
        places.setdefault(i, []).append(place)
    out = []
    for i, line in enumerate(lines):
        if line in rules.bullets and _next_filled(lines, i) is not None:
            out.append(line)  # a bullet alone on its line: merged with the next line below
        elif is_furniture_line(line, rules):
            out.append("")
        elif any(f"{place}:{_furniture_key(line)}" in running for place in places.get(i, ())):
            out.append("")
        else:
            out.append(line)
    if not any(out) and any(lines[i] and not is_furniture_line(lines[i], rules) for i in places):
        # a page never loses its only lines to running-header detection: keep what it has
        out = [line if line and not is_furniture_line(line, rules) else "" for line in lines]
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
