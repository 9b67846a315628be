"""The signature at the end of a letter: closing formula, role and name lines."""

from __future__ import annotations

import re

from assistant.text.letters import letter_words
from ingest.blocks import FlowLine
from ingest.line_shapes import ends_sentence

_MAX_SIGNATURE_LINES = 16  # a closing formula further from the end is running text


def _is_closing_formula(line: str) -> bool:
    lower = line.lower()
    return len(line.split()) <= 8 and lower.startswith(letter_words().closing_formulas)


def _is_name_line(line: str) -> bool:
    """ "E.M.J. Ploumen", "drs. B. Visser": initials and a surname."""
    words = line.replace(".", ". ").split()
    while words and words[0].rstrip(".").lower() in letter_words().name_titles and words[0].endswith("."):
        words = words[1:]
    initials = 0
    while words and re.fullmatch(r"[A-Z]\.", words[0]):
        words, initials = words[1:], initials + 1
    while words and words[0].lower() in letter_words().name_particles:
        words = words[1:]
    return initials > 0 and 1 <= len(words) <= 2 and all(re.fullmatch(r"[A-ZÀ-Þ][\w'’-]+", w) for w in words)


def _is_role_line(line: str) -> bool:
    # "De Minister van Economische Zaken," above a name
    return line.endswith(",") and line[:1].isupper() and len(line.split()) <= 10 and "." not in line


def signature_start(flow: list[FlowLine], width: float) -> int:
    """Index of the first line of the signature at the end of a letter, or len(flow) when there is none."""
    n = len(flow)
    for i in range(n - 1, max(n // 2, n - _MAX_SIGNATURE_LINES) - 1, -1):
        line = flow[i]
        opens_paragraph = i == 0 or line.gap_before or ends_sentence(flow[i - 1].text)
        closes = line.text.endswith(",") or i + 1 >= n or flow[i + 1].gap_before
        if opens_paragraph and closes and len(line.text) < 0.8 * width and _is_closing_formula(line.text):
            return i
    # No closing formula: trailing "role," / "initials surname" lines, ending in a name (seed 003).
    start = n
    while start > 0 and (_is_name_line(flow[start - 1].text) or _is_role_line(flow[start - 1].text)):
        start -= 1
    if start < n and _is_name_line(flow[-1].text) and start > 0:
        return start
    return n
