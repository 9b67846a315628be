"""The README says what the code does: upload types, the web app's settings, memory with the model loaded."""

from __future__ import annotations

import re

from assistant.core.settings import Settings
from tests.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
WEB_APP_SETTINGS = ("upload_dir", "max_upload_mb", "upload_types", "context_chars", "max_question_chars")


def test_the_configuration_table_lists_the_web_app_settings() -> None:
    table = [line for line in README.splitlines() if line.startswith("| `IMVO_")]
    for name in WEB_APP_SETTINGS:
        assert any(f"`IMVO_{name.upper()}`" in row for row in table), name


def test_the_upload_types_are_the_ones_the_uploader_takes() -> None:
    sentence = re.search(r"the upload on the documents page \(([^)]*)\)", README)
    assert sentence, "the README says what the upload takes"
    assert re.findall(r"`([a-z]+)`", sentence.group(1)) == Settings().upload_types
    assert "HTML" not in sentence.group(1)


def test_the_memory_figure_is_the_one_with_the_embedding_model_loaded() -> None:
    rows = [line for line in README.splitlines() if line.startswith("| resident memory of the app")]
    assert rows and all("embedding model loaded" in row for row in rows)
