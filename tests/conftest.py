"""Shared fixtures. Every test runs with IMVO_* cleared and the store pointed at its own tmp dir."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.core.settings import Settings
from tests.paths import CORPUS



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
