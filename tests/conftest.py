"""Shared fixtures. Every test runs with IMVO_* cleared and the store pointed at its own tmp dir.

tests/ mirrors the package (tests/assistant/<layer>/, tests/ingest, ...) and has no __init__.py files:
pytest imports each test module under its file name, so test file names stay unique across folders
(hence prefixes such as test_cli_*, test_register_*). Shared helpers are imported as `tests.<path>`
from the project root; test doubles that benches use too live in assistant/testing/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.core.settings import Settings
from tests.paths import CORPUS, SHARED_SEEDS, seeds_from_corpus


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key in list(os.environ):
        if key.startswith("IMVO_"):
            monkeypatch.delenv(key)
    store = tmp_path / "store"
    monkeypatch.setenv("IMVO_STORE_DIR", str(store))
    monkeypatch.setenv("IMVO_CORPUS_DIR", str(CORPUS))
    return store


@pytest.fixture(scope="session")
def seeds_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed documents: ../shared/seeds, or without it the corpus files under their original names
    (copied once a session, when a test first asks)."""
    if SHARED_SEEDS.is_dir():
        return SHARED_SEEDS
    return seeds_from_corpus(tmp_path_factory.mktemp("seeds"))


@pytest.fixture(scope="session")
def embeddings():
    """The real bundled model, loaded once per test session."""
    from assistant.components.embeddings import build_embeddings

    return build_embeddings(Settings())


@pytest.fixture(scope="session")
def corpus_store_dir(tmp_path_factory: pytest.TempPathFactory, embeddings) -> Path:
    """The real corpus ingested once into a session store (read-only for tests)."""
    from assistant.service.container import build_store
    from assistant.service.ingestion import ingest_files

    store_dir = tmp_path_factory.mktemp("corpus-store")
    settings = Settings(store_dir=store_dir)
    store = build_store(settings, embeddings=embeddings)
    report = ingest_files(store, settings, [CORPUS])
    store.close()
    assert report.exit_code == 0, [o for o in report.outcomes if o.status == "failed"]
    return store_dir
