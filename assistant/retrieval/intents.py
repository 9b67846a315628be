"""Question intents that point at a kind of passage (e.g. who signed → the signature), as data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from assistant.core.errors import DataFileError
from assistant.text.analysis import DutchAnalyzer

INTENTS_FILE = Path(__file__).resolve().parents[1] / "data" / "retrieval_intents.yaml"


@dataclass(frozen=True)
class Intent:
    name: str
    kind: str
    boost: float
    cues: tuple[str, ...]


@cache
def load_intents(path: Path = INTENTS_FILE) -> tuple[Intent, ...]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return tuple(
            Intent(str(i["name"]), str(i["kind"]), float(i["boost"]), tuple(str(c) for c in i["cues"]))
            for i in data["intents"]
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise DataFileError(path, f"cannot read retrieval intents ({exc}): each intent needs name, kind, boost, cues") from exc


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
