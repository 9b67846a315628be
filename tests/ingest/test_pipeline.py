"""The ingest run: incremental, idempotent, safe with bad input. Uses hashed embeddings (plumbing only)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.core.errors import ModelMismatchError
from assistant.core.settings import Settings
from assistant.service.container import build_derived, build_store
from assistant.service.ingestion import ingest_files
from assistant.testing.fake_embeddings import HashEmbeddings
from assistant.testing.pdf_factory import (
    make_corrupt_pdf,
    make_encrypted_pdf,
    make_report_pdf,
    make_scanned_pdf,
)

from tests.ingest.letters import TEXT_A, TEXT_B, make_store, outcome
from tests.paths import CORPUS

def test_first_run_ingests_and_second_run_embeds_nothing(tmp_path: Path, docs: Path) -> None:
    store, emb, settings = make_store(tmp_path)
    first = ingest_files(store, settings, [docs])
    assert first.count("ingested") == 2 and first.exit_code == 0
    embedded = emb.embedded
    assert embedded == store.db.chunk_count() == store.vectors.count()
    assert len(store.lexical()) == embedded

    second = ingest_files(store, settings, [docs])
    assert second.nothing_changed and second.count("unchanged") == 2
    assert emb.embedded == embedded, "a no-change run must not embed anything"


def test_changed_file_replaces_its_chunks_and_removed_file_is_deleted(tmp_path: Path, docs: Path) -> None:
    store, _, settings = make_store(tmp_path)
    ingest_files(store, settings, [docs])
    old_ids = {p.chunk_id for p in store.db.passages(doc_id="a")}
    (docs / "a.txt").write_text(TEXT_A.replace("55 bedrijven", "72 bedrijven"), encoding="utf-8")
    (docs / "b.md").unlink()

    report = ingest_files(store, settings, [docs])
    assert outcome(report, "a.txt").status == "ingested"
    assert outcome(report, "b.md").status == "removed"
    texts = " ".join(p.text for p in store.db.passages())
    assert "72 bedrijven" in texts and "55 bedrijven" not in texts and "Voordewind" not in texts
    committed = set(store.db.all_chunk_ids())
    assert store.vectors.all_ids() == committed, "Chroma holds exactly the committed passages"
    assert set(store.lexical().chunk_ids) == committed, "BM25 holds exactly the committed passages"
    assert not old_ids & committed or old_ids <= committed


def test_ingesting_one_file_does_not_remove_the_rest(tmp_path: Path, docs: Path) -> None:
    store, _, settings = make_store(tmp_path)
    ingest_files(store, settings, [docs])
    extra = tmp_path / "extra.txt"
    extra.write_text(TEXT_A.replace("textielconvenant", "goudconvenant"), encoding="utf-8")
    report = ingest_files(store, settings, [extra])
    assert report.count("ingested") == 1 and report.count("removed") == 0
    assert len(store.db.documents()) == 3


def test_rebuild_starts_over(tmp_path: Path, docs: Path) -> None:
    store, emb, settings = make_store(tmp_path)
    ingest_files(store, settings, [docs])
    before = emb.embedded
    report = ingest_files(store, settings, [docs], rebuild=True)
    assert report.count("ingested") == 2
    assert emb.embedded == 2 * before
    assert store.vectors.count() == store.db.chunk_count()


def test_bad_files_are_reported_and_the_rest_ingested(tmp_path: Path, docs: Path) -> None:
    store, _, settings = make_store(tmp_path, max_file_mb=0.05)
    ingest_files(store, settings, [docs])
    before = {p.chunk_id for p in store.db.passages()}

    make_corrupt_pdf(docs)
    make_encrypted_pdf(docs)
    make_scanned_pdf(docs)
    make_report_pdf(docs, "goede brief ë 2016.pdf")
    (docs / "leeg.txt").write_bytes(b"")
    (docs / "binair.txt").write_bytes(bytes(range(256)) * 20)
    (docs / "westers.txt").write_bytes("Geachte heer, de financiële bijdrage van het kabinet is één keer verhoogd.".encode("cp1252"))
    (docs / "tabel.xlsx").write_bytes(b"PK\x03\x04 not really a spreadsheet")
    (docs / "groot.txt").write_text("woord " * 20000, encoding="utf-8")
    shutil.copy(docs / "a.txt", docs / "kopie van a.txt")

    report = ingest_files(store, settings, [docs])
    reasons = {Path(o.source).name: (o.status, o.detail) for o in report.outcomes}
    assert reasons["kapot.pdf"][0] == "failed" and "pdf" in reasons["kapot.pdf"][1].lower()
    assert reasons["beveiligd.pdf"][0] == "failed" and "decrypt" in reasons["beveiligd.pdf"][1].lower()
    assert reasons["scan.pdf"][0] == "failed" and "ocr" in reasons["scan.pdf"][1].lower()
    assert reasons["leeg.txt"][0] == "failed" and "empty" in reasons["leeg.txt"][1].lower()
    assert reasons["binair.txt"][0] == "failed" and "binary" in reasons["binair.txt"][1].lower()
    assert reasons["tabel.xlsx"][0] == "failed" and "unsupported" in reasons["tabel.xlsx"][1]
    assert reasons["groot.txt"][0] == "failed" and "IMVO_MAX_FILE_MB" in reasons["groot.txt"][1]
    assert reasons["kopie van a.txt"][0] == "duplicate" and "a.txt" in reasons["kopie van a.txt"][1]
    assert reasons["westers.txt"][0] == "ingested" and "Windows-1252" in reasons["westers.txt"][1]
    assert reasons["goede brief ë 2016.pdf"][0] == "ingested"
    assert report.exit_code == 4  # EXIT_SOME_FILES_FAILED
    after = {p.chunk_id for p in store.db.passages()}
    assert before <= after, "nothing already stored is lost"
    westers = next(p for p in store.db.passages() if p.source == "westers.txt")
    assert "financiële" in westers.text


def test_a_file_that_turns_bad_keeps_its_previous_version(tmp_path: Path, docs: Path) -> None:
    store, _, settings = make_store(tmp_path)
    ingest_files(store, settings, [docs])
    (docs / "a.txt").write_bytes(b"")
    report = ingest_files(store, settings, [docs])
    assert outcome(report, "a.txt").status == "failed"
    assert any("55 bedrijven" in p.text for p in store.db.passages(doc_id="a"))


def test_store_built_with_another_model_is_refused(tmp_path: Path, docs: Path) -> None:
    store, _, settings = make_store(tmp_path)
    ingest_files(store, settings, [docs])
    store.close()
    other = build_store(Settings(store_dir=tmp_path / "store", embedding_model="intfloat/multilingual-e5-base"))
    with pytest.raises(ModelMismatchError, match="imvo ingest --rebuild"):
        other.require_ready()


def test_interrupted_run_leaves_store_usable_and_next_run_completes(tmp_path: Path, docs: Path) -> None:
    """Simulates a kill between the vector upsert and the commit (the subprocess test kills for real)."""
    store, emb, settings = make_store(tmp_path)
    ingest_files(store, settings, [docs])
    (docs / "c.txt").write_text(TEXT_B.replace("goudsector", "houtsector"), encoding="utf-8")

    class Killed(BaseException):
        pass

    original = store.db.commit_changes

    def die(*args, **kwargs):
        raise Killed

    store.db.commit_changes = die  # type: ignore[method-assign]
    with pytest.raises(Killed):
        ingest_files(store, settings, [docs])
    store.db.commit_changes = original  # type: ignore[method-assign]
    # The store still answers with exactly the committed documents.
    committed = set(store.db.all_chunk_ids())
    assert {d.doc_id for d in store.db.documents()} == {"a", "b"}
    assert set(store.lexical().chunk_ids) == committed
    assert store.vectors_dirty
    # The next run completes and reconciles; vectors already embedded are not embedded again.
    embedded_before = emb.embedded
    report = ingest_files(store, settings, [docs])
    assert outcome(report, "c.txt").status == "ingested"
    assert emb.embedded == embedded_before
    assert store.vectors.all_ids() == set(store.db.all_chunk_ids())
    assert not store.vectors_dirty


def test_real_corpus_every_document_has_metadata(tmp_path: Path) -> None:
    store, _, settings = make_store(tmp_path)
    report = ingest_files(store, settings, [CORPUS])
    assert report.count("ingested") == 5 and report.exit_code == 0
    docs = {d.source: d.metadata for d in store.db.documents()}
    tussen = docs["2015-07-10-tussenrapportage-imvo-convenanten.txt"]
    assert tussen.doc_type == "Kamerbrief" and tussen.date == "2015-07-10" and tussen.kamerstuk == "26485-212"
    for meta in docs.values():
        assert meta.title and meta.doc_type and meta.original_name
    passages = store.db.passages()
    assert all(p.page >= 1 for p in passages)
    assert any("26485-197" in p.kamerstuk_refs for p in passages)


def test_a_pdf_note_gets_its_own_date_its_type_a_separate_heading_and_one_event_per_sentence(tmp_path: Path) -> None:
    """A note whose PDF text lost its blank lines: title, a date line, then the body, which mentions an
    earlier start date and a later evaluation."""
    from assistant.text.sentences import sentences
    from assistant.testing.pdf_factory import make_text_pdf

    docs = tmp_path / "docs"
    docs.mkdir()
    make_text_pdf(docs, "notitie-pilot.pdf", [[
        "Notitie pilot duurzame cacao",
        "",
        "maart 2023",
        "",
        "De pilot voor duurzame cacao in Ghana is gestart op 14 februari 2023 met twaalf coöperaties.",
        "De deelnemende bedrijven rapporteren elk kwartaal over de voortgang van de pilot.",
        "Een evaluatie van de pilot volgt in december 2024.",
    ]])
    settings = Settings(store_dir=tmp_path / "store")
    store = build_store(settings, embeddings=HashEmbeddings())
    try:
        report = ingest_files(store, settings, [docs])
        assert report.exit_code == 0
        meta = store.db.documents()[0].metadata
        assert meta.date == "2023-03" and meta.doc_type != "onbekend"
        assert meta.title == "Notitie pilot duurzame cacao"
        first = store.db.passages()[0]
        opening = next(s for s in sentences(first.text) if "gestart" in s)
        assert opening.startswith("De pilot"), opening
        events = build_derived(settings, store).timeline()
        quotes = [e.quote for e in events]
        assert len(quotes) == len(set(quotes)) and [e.date for e in events] == ["2023-02-14", "2024-12"]
        assert events[1].planned
    finally:
        store.close()
