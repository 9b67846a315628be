from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.letters import TEXT_A, TEXT_B


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "b.md").write_text(TEXT_B, encoding="utf-8")
    return folder
