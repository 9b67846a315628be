"""Question intents that point at a kind of passage (e.g. who signed → the signature), as data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.core.datafiles import RESTORE_PACKAGE_FILE, DataModel, Text, data_path, load_yaml
from assistant.text.analysis import DutchAnalyzer

INTENTS_FILE = data_path("retrieval_intents.yaml")


@dataclass(frozen=True)
class Intent:
    name: str
    kind: str
    boost: float
    cues: tuple[str, ...]


class IntentEntry(DataModel):
    name: Text
    kind: Text  # a passage kind, e.g. signature
    boost: float
    cues: list[Text]


class IntentsFile(DataModel):
    """assistant/data/retrieval_intents.yaml."""

    intents: list[IntentEntry]


@cache
def load_intents(path: Path = INTENTS_FILE) -> tuple[Intent, ...]:
    data = load_yaml(path, IntentsFile, restore=RESTORE_PACKAGE_FILE)
    return tuple(Intent(i.name, i.kind, i.boost, tuple(i.cues)) for i in data.intents)


def kind_boosts(
    query: str, analyzer: DutchAnalyzer, intents: tuple[Intent, ...], tokens: frozenset[str] | None = None
) -> dict[str, float]:
    """Per passage kind, the factor its BM25 scores get for this query (`tokens`: its analysed tokens)."""
    tokens = set(analyzer.analyze(query)) if tokens is None else tokens
    boosts: dict[str, float] = {}
    for intent in intents:
        cue_tokens = {t for cue in intent.cues for t in analyzer.analyze(cue)}
        if tokens & cue_tokens:
            boosts[intent.kind] = max(boosts.get(intent.kind, 1.0), intent.boost)
    return boosts
