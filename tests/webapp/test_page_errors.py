"""No traceback reaches the page: a damaged store or a failing page is one message."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.webapp.conftest import APP, TIMEOUT_S

pytestmark = pytest.mark.integration


def test_a_damaged_store_is_one_message_not_a_traceback(tmp_path: Path, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    store = tmp_path / "store"
    store.mkdir()
    (store / "passages.sqlite").write_bytes(b"not a database" * 300)
    monkeypatch.setenv("IMVO_STORE_DIR", str(store))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
    at.run()
    assert not at.exception
    assert any("passages.sqlite" in c.value and "--rebuild" in c.value for c in at.caption)


def test_an_unexpected_error_in_a_page_is_one_message(corpus_env, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    def broken(*args, **kwargs):
        import sqlite3

        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("assistant.webapp.register_view.filter_items", broken)
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
    at.run()
    at.switch_page("app_pages/register.py")
    at.run()
    assert not at.exception
    assert any("kennisbank kon niet" in e.value for e in at.error)
    assert any("disk I/O error" in c.value for c in at.caption)
