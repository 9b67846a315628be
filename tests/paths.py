"""Where tests find the corpus, the seed documents and the dev set.

The seeds are the corpus documents under their original names (corpus/metadata.yaml records each
one's `original_name`), so tests that read seeds work without ../shared too: the `seeds_dir` fixture
(tests/conftest.py) copies them when a test first asks, not when this module is imported.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
DEV_SET = SHARED / "eval" / "dev.jsonl"
SHARED_SEEDS = SHARED / "seeds"


def seeds_from_corpus(target: Path) -> Path:
    """Copy the corpus documents into `target` under their original names; returns `target`."""
    metadata = yaml.safe_load((CORPUS / "metadata.yaml").read_text(encoding="utf-8"))
    for name, entry in metadata.items():
        if entry.get("original_name"):
            shutil.copyfile(CORPUS / name, target / entry["original_name"])
    return target
