"""Fixtures of the register and timeline tests."""

from __future__ import annotations

import pytest

from assistant.core.model import Passage
from assistant.testing.passages import SEED_DATES, seed_passages
from tests.paths import SEEDS


@pytest.fixture(scope="session")
def seed_corpus() -> list[Passage]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found in {SEEDS}")
    passages: list[Passage] = []
    for path in sorted(SEEDS.glob("*.txt")):
        passages += seed_passages(path, SEED_DATES[path.name[:3]])
    return passages
