"""`imvo fetch dossier`, `imvo sync motions` and the official record in `imvo motions`, end to end
against the local stand-in for the Kamer's services."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from assistant.cli.main import app
from assistant.kamer.sync import dossier_of
from assistant.register import Register
from tests.assistant.kamer.conftest import sample_kamerstukken, sample_motions
from assistant.testing.kamer_server import FakeMotion, KamerServer
from assistant.testing.servers import free_port

runner = CliRunner()


def env_for(server: KamerServer, corpus: Path) -> dict[str, str]:
    return {**server.settings_env(), "IMVO_CORPUS_DIR": str(corpus), "IMVO_KAMERSTUKKEN_DIR": str(corpus / "kamerstukken"),
            "IMVO_FETCH_RATE": "1000"}


def test_without_network_one_line_and_nothing_changed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    env = {"IMVO_SRU_URL": f"http://127.0.0.1:{free_port()}/sru", "IMVO_CORPUS_DIR": str(corpus),
           "IMVO_KAMERSTUKKEN_DIR": str(corpus / "kamerstukken")}
    store = tmp_path / "store"
    result = runner.invoke(app, ["fetch", "dossier", "26485", "--store", str(store)], env=env)
    assert result.exit_code == 7
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "cannot reach 127.0.0.1" in lines[0] and "nothing was changed" in lines[0]
    assert not corpus.exists() and not store.exists()


def test_fetch_ingests_and_a_second_run_fetches_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    store = str(tmp_path / "store")
    with KamerServer() as server:
        server.kamerstukken = sample_kamerstukken()
        first = runner.invoke(app, ["fetch", "dossier", "26485", "--kind", "motie,brief", "--store", store],
                              env=env_for(server, corpus))
        assert first.exit_code == 0, first.output
        assert "3 opgehaald" in first.output and "ingested" in first.output
        second = runner.invoke(app, ["fetch", "dossier", "26485", "--kind", "motie,brief", "--store", store],
                               env=env_for(server, corpus))
        assert second.exit_code == 0 and "0 opgehaald, 3 al aanwezig" in second.output
        found = runner.invoke(app, ["search", "zorgplicht", "--json", "--store", store], env=env_for(server, corpus))
        results = json.loads(found.output)["results"]
        assert results and results[0]["source"].startswith("kamerstukken/26485/")


def test_sync_then_motions_show_both_truths(tmp_path: Path, corpus_store_dir: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(corpus_store_dir, store)
    register = Register.load(store / "register.json")
    doubtful = next(i for i in register.items if i.kind == "motie" and i.kamerstuk and i.execution == "twijfel")
    dossier, number = dossier_of(doubtful.kamerstuk), int(doubtful.kamerstuk.rsplit("-", 1)[1])
    before = runner.invoke(app, ["motions", "--json", "--store", str(store)])
    assert all(item["official"] is None for item in json.loads(before.output)["items"])
    with KamerServer() as server:
        template = sample_motions()[0]
        server.motions = [FakeMotion(dossier, number, "2020Z00001", "Motie over de convenanten", template.besluiten,
                                     afgedaan=True, kabinetsappreciatie="Oordeel Kamer")]
        env = env_for(server, tmp_path / "corpus")
        synced = runner.invoke(app, ["sync", "motions", "--no-toezeggingen", "--store", str(store)], env=env)
        assert synced.exit_code == 0, synced.output
        assert "1 van" in synced.output
    items = json.loads(runner.invoke(app, ["motions", "--json", "--store", str(store)]).output)["items"]
    assert all("official" in item for item in items)
    item = next(i for i in items if i["kamerstuk"] == doubtful.kamerstuk)
    assert item["official"]["outcome"] == "aangenomen" and item["official"]["afgedaan"] is True
    assert item["official"]["totals"]["voor"] == 84 and item["execution"] == "twijfel"
    assert any("twijfelen" in d for d in item["disagreement"])
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["motions", "--csv", "--store", str(store)]).output)))
    row = next(r for r in rows if r["kamerstuk"] == doubtful.kamerstuk)
    assert row["official_afgedaan"] == "ja" and row["official_votes"] == "84 voor, 34 tegen" and row["disagreement"]
    table = runner.invoke(app, ["motions", "--store", str(store)], env={"COLUMNS": "250"})
    assert "afgedaan: ja" in table.output and "⚠" in table.output
