"""The glossary for newcomers: every term and abbreviation with the passages that use it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.core.errors import DataFileError
from assistant.core.model import Passage
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


def save_glossary(entries: Iterable[GlossaryEntry], path: Path) -> None:
    """Only the chunk ids per term: the terms come from the lexicon, the passages from the store."""
    data = {e.term.term: [p.chunk_id for p in e.passages] for e in entries}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def load_glossary(
    path: Path, lexicon: Lexicon, passages: Callable[[Sequence[str]], list[Passage]]
) -> list[GlossaryEntry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataFileError(path, f"cannot be read ({exc}): run `imvo ingest` to rebuild it") from exc
    if not isinstance(data, dict):
        raise DataFileError(path, "is not a glossary (a mapping of terms to passage ids): run `imvo ingest`")
    ids = sorted({i for chunk_ids in data.values() for i in chunk_ids})
    by_id = {p.chunk_id: p for p in passages(ids)}
    return [GlossaryEntry(t, [by_id[i] for i in data.get(t.term, []) if i in by_id]) for t in lexicon.glossary()]
