"""Fixtures for the HTTP API: FastAPI's TestClient over the assistant built on the session's corpus store."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.service.container import build_assistant
from assistant.core.settings import Settings
from assistant.service.container import build_store


@pytest.fixture
def make_client(tmp_path: Path, embeddings) -> Iterator[Callable[..., TestClient]]:
    """`make_client(store_dir, **settings)`: a started TestClient; closed after the test."""
    clients: list[TestClient] = []

    def make(store_dir: Path, chat_model=None, **overrides) -> TestClient:
        settings = Settings(store_dir=store_dir, audit_log=False, upload_dir=tmp_path / "uploads", **overrides)
        store = build_store(settings, embeddings=embeddings)
        client = TestClient(create_app(build_assistant(settings, store=store, chat_model=chat_model)))
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(corpus_store_dir: Path, make_client) -> TestClient:
    """Reading routes on the shared corpus store (read-only: no token, so nothing can write)."""
    return make_client(corpus_store_dir)


@pytest.fixture
def store_copy(corpus_store_dir: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store-copy"
    shutil.copytree(corpus_store_dir, copy)
    return copy

