"""Fixtures for the web pages: AppTest on app.py against the session's corpus store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
TIMEOUT_S = 120


@pytest.fixture
def corpus_env(corpus_store_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Point the app at the shared corpus store. It is read-only for tests: no audit log, no uploads there."""
    monkeypatch.setenv("IMVO_STORE_DIR", str(corpus_store_dir))
    monkeypatch.setenv("IMVO_AUDIT_LOG", "false")
    monkeypatch.setenv("IMVO_UPLOAD_DIR", str(tmp_path / "uploads"))
    return corpus_store_dir


@pytest.fixture
def store_copy(corpus_store_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A private copy of the corpus store the test may write to, with its own uploads folder."""
    copy = tmp_path / "store-copy"
    shutil.copytree(corpus_store_dir, copy)
    monkeypatch.setenv("IMVO_STORE_DIR", str(copy))
    monkeypatch.setenv("IMVO_AUDIT_LOG", "false")
    monkeypatch.setenv("IMVO_UPLOAD_DIR", str(tmp_path / "uploads"))
    return copy


def open_app(page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def all_markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)
