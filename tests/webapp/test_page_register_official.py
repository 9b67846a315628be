"""The register page's "Dossier bijwerken": fetch, ingest and sync from the local stand-in for the Kamer's
services, then the official state beside the documents' and the disagreement flag."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.kamer.sync import dossier_of
from assistant.register import Register
from tests.assistant.kamer.conftest import sample_kamerstukken, sample_motions
from assistant.testing.kamer_server import FakeMotion, KamerServer
from tests.webapp.conftest import open_app

pytestmark = pytest.mark.integration
PAGE = "app_pages/register.py"


def test_dossier_bijwerken_shows_progress_summary_and_both_truths(
    store_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = Register.load(store_copy / "register.json")
    doubtful = next(i for i in register.items if i.kind == "motie" and i.kamerstuk and i.execution == "twijfel")
    dossier, number = dossier_of(doubtful.kamerstuk), int(doubtful.kamerstuk.rsplit("-", 1)[1])
    with KamerServer() as server:
        server.kamerstukken = [k for k in sample_kamerstukken() if k.dossier == dossier][:2]
        server.motions = [FakeMotion(dossier, number, "2020Z00001", "Motie over de convenanten",
                                     sample_motions()[0].besluiten, afgedaan=True)]
        for key, value in server.settings_env().items():
            monkeypatch.setenv(key, value)
        monkeypatch.setenv("IMVO_KAMERSTUKKEN_DIR", str(tmp_path / "kamerstukken"))
        monkeypatch.setenv("IMVO_FETCH_RATE", "1000")
        monkeypatch.setenv("IMVO_DOSSIER", dossier)
        at = open_app(PAGE)
        assert (at.dataframe[0].value["Kamer"] == "").all()  # nothing official before the update
        at.button(key="reg_update").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("nieuwe Kamerstukken opgehaald" in s.label and "moties met officiële status" in s.label for s in at.status)
    table = at.dataframe[0].value
    row = table[table["Kamerstuk"].str.endswith(f"kst-{doubtful.kamerstuk}.html")].iloc[0]
    assert row["Kamer"] == "⚠ aangenomen (84–34)" and row["Afgedaan (Kamer)"] == "ja"
    assert row["Afwijking"].startswith("⚠") and row["Uitvoering"]
