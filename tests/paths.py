"""Where tests find the corpus, the seed documents and the dev set.

The seeds are the corpus documents under their original names (corpus/metadata.yaml records each
one's `original_name`), so tests that read seeds work without ../shared too.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
DEV_SET = SHARED / "eval" / "dev.jsonl"


def _seeds() -> Path:
    shared_seeds = SHARED / "seeds"
    if shared_seeds.is_dir():
        return shared_seeds
    target = Path(tempfile.gettempdir()) / "imvo-seeds-from-corpus"
    target.mkdir(exist_ok=True)
    metadata = yaml.safe_load((CORPUS / "metadata.yaml").read_text(encoding="utf-8"))
    for name, entry in metadata.items():
        if entry.get("original_name") and not (target / entry["original_name"]).exists():
            shutil.copyfile(CORPUS / name, target / entry["original_name"])
    return target


SEEDS = _seeds()
