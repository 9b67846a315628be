"""The glossary for newcomers: every term and abbreviation with the passages that use it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.models import Passage
from assistant.text.lexicon import GlossaryTerm, Lexicon


@dataclass
class GlossaryEntry:
    term: GlossaryTerm
    passages: list[Passage] = field(default_factory=list)

    @property
    def phrases(self) -> list[str]:
        """What to mark in a passage: the term, its aliases and its written-out name."""
        extra = [self.term.expansion] if self.term.expansion else []
        return [self.term.term, *self.term.aliases, *extra]


def glossary_entries(lexicon: Lexicon, passages: Iterable[Passage]) -> list[GlossaryEntry]:
    """The glossary in alphabetical order, each term with the passages where it (or an alias) occurs,
    found the way retrieval finds it (lexicon.glossary_terms_in: stems, abbreviation forms)."""
    entries = {t.term: GlossaryEntry(t) for t in lexicon.glossary()}
    for passage in passages:
        for term in lexicon.glossary_terms_in(passage.text):
            if term.term in entries:
                entries[term.term].passages.append(passage)
    return list(entries.values())


def search_entries(entries: Iterable[GlossaryEntry], query: str) -> list[GlossaryEntry]:
    """Entries whose term, written-out name, aliases or definition contain `query` (case-insensitive)."""
    q = query.strip().lower()
    if not q:
        return list(entries)
    return [
        e for e in entries
        if q in e.term.term.lower()
        or q in (e.term.expansion or "").lower()
        or any(q in a.lower() for a in e.term.aliases)
        or q in e.term.definition.lower()
    ]


def terms_in_answer(lexicon: Lexicon, text: str) -> list[GlossaryTerm]:
    return lexicon.glossary_terms_in(text)
