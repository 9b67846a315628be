"""`fetch dossier` against the local stand-in: what is saved where, what is recorded, what is skipped,
and what a failure leaves behind."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.core.errors import NetworkUnavailableError
from assistant.kamer.dossier import DossierError, fetch_dossier, parse_kinds, validate_dossier
from assistant.kamer.http import PoliteClient
from assistant.service.container import build_derived
from assistant.service.kamer_update import update_dossier
from assistant.testing.servers import free_port


def entries(folder: Path) -> dict:
    return yaml.safe_load((folder / "metadata.yaml").read_text(encoding="utf-8"))


def test_fetch_saves_xml_with_its_pdf_page_view_and_records_metadata(kamer_server, kamer_settings, client) -> None:
    report = fetch_dossier(client, kamer_settings, "26485")
    folder = kamer_settings.kamerstukken_dir / "26485"
    assert report.listed == 4 and sorted(report.downloaded) == ["26485-200", "26485-350", "26485-352", "26485-401"]
    assert (folder / "kst-26485-401.xml").exists() and (folder / ".pages" / "kst-26485-401.pdf").exists()
    assert (folder / "kst-26485-352.pdf").exists()  # no XML published: the PDF is the document
    assert not list(folder.rglob("*.part"))
    entry = entries(folder)["kst-26485-401.xml"]
    assert entry["title"].startswith("Motie van het lid Van Haga")
    assert entry["doc_type"] == "motie" and entry["kamerstuk"] == "26485-401" and entry["date"] == "2020-11-19"
    assert entry["senders"] == ["W.H.M. van Haga"]
    assert entry["source_url"] == "https://zoek.officielebekendmakingen.nl/kst-26485-401.html"


def test_a_second_run_fetches_only_the_listing(kamer_server, kamer_settings, client) -> None:
    fetch_dossier(client, kamer_settings, "26485")
    before = len(kamer_server.requests)
    report = fetch_dossier(client, kamer_settings, "26485")
    assert report.downloaded == [] and report.held == 4
    assert {path for _, path in kamer_server.requests[before:]} == {"/sru"}


def test_since_and_kind_select_what_is_fetched(kamer_server, kamer_settings, client) -> None:
    report = fetch_dossier(client, kamer_settings, "26485", since="2020-01-01", kinds=parse_kinds("motie,brief"))
    assert sorted(report.downloaded) == ["26485-350", "26485-401"]
    assert report.listed == 4 and report.selected == 2


def test_malformed_xml_is_not_saved_and_the_rest_is_kept(kamer_server, kamer_settings, client) -> None:
    kamer_server.malformed_files.add("kst-26485-350")
    report = fetch_dossier(client, kamer_settings, "26485")
    folder = kamer_settings.kamerstukken_dir / "26485"
    assert [k for k, _ in report.failed] == ["26485-350"] and "malformed" in report.failed[0][1]
    assert not (folder / "kst-26485-350.xml").exists()
    assert "kst-26485-350.xml" not in entries(folder) and "kst-26485-401.xml" in entries(folder)
    kamer_server.malformed_files.clear()
    again = fetch_dossier(client, kamer_settings, "26485")
    assert again.downloaded == ["26485-350"]  # the next run fetches only what is missing


def test_a_truncated_download_is_fetched_again_not_saved_cut_off(kamer_server, kamer_settings, client) -> None:
    kamer_server.fail("/frbr/officielepublicaties/kst/26485/kst-26485-401/1/xml", "truncated")
    report = fetch_dossier(client, kamer_settings, "26485")
    assert report.failed == []
    text = (kamer_settings.kamerstukken_dir / "26485" / "kst-26485-401.xml").read_text(encoding="utf-8")
    assert text.rstrip().endswith("</officiele-publicatie>")


def test_no_network_changes_nothing(kamer_settings, sleeps) -> None:
    settings = kamer_settings.model_copy(update={"sru_url": f"http://127.0.0.1:{free_port()}/sru"})
    with PoliteClient.from_settings(settings, sleep=sleeps) as client, pytest.raises(NetworkUnavailableError):
        fetch_dossier(client, settings, "26485")
    assert not settings.kamerstukken_dir.exists()


class _DropsAfter:
    """A client whose network goes away after `n` downloads."""

    def __init__(self, client: PoliteClient, n: int) -> None:
        self.client, self.left = client, n
        self.stats = client.stats

    def get(self, url: str, **kwargs):
        if "/frbr/" in url:
            if self.left <= 0:
                raise NetworkUnavailableError("cannot reach the repository (test): nothing was changed")
            self.left -= 1
        return self.client.get(url, **kwargs)


def test_an_interrupted_run_keeps_what_it_fetched_and_the_next_run_completes(kamer_server, kamer_settings, client) -> None:
    report = fetch_dossier(_DropsAfter(client, 2), kamer_settings, "26485")  # the first XML and its page view
    folder = kamer_settings.kamerstukken_dir / "26485"
    assert report.interrupted and report.downloaded == ["26485-200"]
    assert list(entries(folder)) == ["kst-26485-200.xml"]
    resumed = fetch_dossier(client, kamer_settings, "26485")
    assert sorted(resumed.downloaded) == ["26485-350", "26485-352", "26485-401"] and resumed.held == 1


def test_fetch_and_ingest_reads_the_xml_by_structure_with_pages_from_the_pdf(kamer_server, kamer_store, kamer_settings) -> None:
    summary = update_dossier(kamer_store, kamer_settings, "26485")
    assert summary.ingest.exit_code == 0 and summary.ingest.count("ingested") == 4
    docs = {d.source: d for d in kamer_store.db.documents()}
    letter = docs["kamerstukken/26485/kst-26485-350.xml"]
    assert letter.metadata.kamerstuk == "26485-350" and letter.metadata.doc_type == "Kamerbrief"
    assert letter.metadata.source_url == "https://zoek.officielebekendmakingen.nl/kst-26485-350.html"
    assert letter.metadata.senders == ["T.A.M. Kaag"] and letter.pages == 3
    passages = kamer_store.db.passages(doc_id=letter.doc_id)
    assert {p.page for p in passages} > {1}  # later passages cite later pages of the PDF
    assert any(p.kind == "footnote" and "26 485, nr. 401" in p.text for p in passages)
    assert summary.sync.motions == 3  # the dossier's motions were synced as well
    again = update_dossier(kamer_store, kamer_settings, "26485", sync=False)
    assert again.fetch.downloaded == [] and again.ingest.nothing_changed and again.sync is None


@pytest.mark.parametrize("bad", ["2648", "abc", "26485; rm", ""])
def test_a_bad_dossier_number_is_refused(bad: str) -> None:
    with pytest.raises(DossierError, match="five digits"):
        validate_dossier(bad)


def test_budget_dossiers_keep_their_suffix() -> None:
    assert validate_dossier("36600-v") == "36600-V"


def test_a_failed_kamerstuk_leaves_the_store_consistent_with_the_rest(kamer_server, kamer_store, kamer_settings) -> None:
    kamer_server.malformed_files.add("kst-26485-401")
    summary = update_dossier(kamer_store, kamer_settings, "26485", sync=False)
    assert [k for k, _ in summary.fetch.failed] == ["26485-401"]
    assert summary.ingest.exit_code == 0 and summary.ingest.count("ingested") == 3
    assert {d.metadata.kamerstuk for d in kamer_store.db.documents()} == {"26485-200", "26485-350", "26485-352"}
    assert not kamer_store.lexical_stale() and not build_derived(kamer_settings, kamer_store).stale()
