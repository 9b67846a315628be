"""Fixtures of the register and timeline tests."""

from __future__ import annotations

import pytest
from register_passages import SEED_DATES, SEEDS, seed_passages

from assistant.core.model import Passage


@pytest.fixture(scope="session")
def seed_corpus() -> list[Passage]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found in {SEEDS}")
    passages: list[Passage] = []
    for path in sorted(SEEDS.glob("*.txt")):
        passages += seed_passages(path, SEED_DATES[path.name[:3]])
    return passages
