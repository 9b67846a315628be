"""Fixtures of the register and timeline tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core.model import Passage
from assistant.testing.passages import SEED_DATES, seed_passages


@pytest.fixture(scope="session")
def seed_corpus(seeds_dir: Path) -> list[Passage]:
    passages: list[Passage] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        passages += seed_passages(path, SEED_DATES[path.name[:3]])
    return passages
