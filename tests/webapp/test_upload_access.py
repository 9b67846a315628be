"""Adding documents in the web app needs the password from IMVO_UPLOAD_PASSWORD when one is set."""

from __future__ import annotations

import pytest

from assistant.core.settings import Settings
from assistant.webapp.access import may_change_documents, unlock
from tests.webapp.conftest import open_app

PAGE = "app_pages/documenten.py"


def test_without_a_password_setting_uploads_are_open() -> None:
    assert may_change_documents(Settings(), {})


def test_a_password_setting_locks_uploads_until_the_session_gives_it() -> None:
    settings = Settings(upload_password="s3cret")
    session: dict = {}
    assert not may_change_documents(settings, session)
    assert not unlock(settings, session, "wrong") and not may_change_documents(settings, session)
    assert unlock(settings, session, "s3cret") and may_change_documents(settings, session)
    assert not may_change_documents(settings, {})  # another browser session is still locked


@pytest.mark.integration
def test_the_documents_page_asks_the_password_before_showing_the_uploader(corpus_env, monkeypatch) -> None:
    monkeypatch.setenv("IMVO_UPLOAD_PASSWORD", "s3cret")
    at = open_app(PAGE)
    assert not at.file_uploader
    at.text_input[0].set_value("fout")
    at.button[0].click().run()
    assert any("Onjuist" in e.value for e in at.error) and not at.file_uploader
    at.text_input[0].set_value("s3cret")
    at.button[0].click().run()
    assert not at.exception and at.file_uploader
