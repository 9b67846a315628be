"""The glossary page's search and table layout (the entries themselves are derived data: assistant/derived/glossary.py)."""

from __future__ import annotations

import re

from collections.abc import Iterable

from assistant.derived.glossary import GlossaryEntry


def _relevance(entry: GlossaryEntry, q: str) -> int | None:
    """How well an entry matches a lower-case query; lower is better, None is no match. The term itself
    before its aliases and written-out name, a whole word before part of a word, the definition last."""
    term = entry.term.term.lower()
    names = [a.lower() for a in entry.term.aliases] + ([entry.term.expansion.lower()] if entry.term.expansion else [])
    word = re.compile(rf"(?<!\w){re.escape(q)}(?!\w)")
    definition = entry.term.definition.lower()
    ranks = [
        (0, term == q),
        (1, q in names),
        (2, term.startswith(q)),
        (3, bool(word.search(term)) or any(word.search(n) for n in names)),
        (4, q in term or any(q in n for n in names)),
        (5, bool(word.search(definition))),
        (6, q in definition),
    ]
    return next((rank for rank, hit in ranks if hit), None)


def search_entries(entries: Iterable[GlossaryEntry], query: str) -> list[GlossaryEntry]:
    """Entries whose term, written-out name, aliases or definition contain `query` (case-insensitive),
    most relevant first (see _relevance), alphabetical within the same relevance; no query: all of them."""
    q = " ".join(query.split()).lower()
    if not q:
        return list(entries)
    scored = [(rank, i, e) for i, e in enumerate(entries) if (rank := _relevance(e, q)) is not None]
    return [e for _, _, e in sorted(scored, key=lambda x: (x[0], x[1]))]


# Pixels per character of the table font and the cell padding: enough for a term to show whole.
_CHAR_PX, _PADDING_PX = 8, 28


def table_widths(entries: Iterable[GlossaryEntry]) -> dict[str, int]:
    """Column widths for the glossary table: 'Begrip' as wide as the longest term (never cut off), so the
    term list fits beside the passages at 1400 px. The written-out names are in the detail."""
    longest = max((len(e.term.term) for e in entries), default=10)
    return {"Begrip": min(300, _CHAR_PX * longest + _PADDING_PX), "Passages": 80}
