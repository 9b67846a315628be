"""One writer at a time, a collection per store, `check` and self-repair, per-file failure, links and
FIFOs, damaged stores and `--rebuild` beside the old store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.core.errors import ConfigurationError, StoreBusyError, StoreDamagedError
from assistant.core.settings import Settings
from assistant.service.ingestion import check_knowledge_base
from assistant.store.lock import writer_lock
from assistant.service.container import build_derived, build_store
from assistant.service.ingestion import ingest_files
from assistant.service.rebuild import rebuild_store
from assistant.testing.fake_embeddings import HashEmbeddings
from tests.ingest.letters import TEXT_A, make_store, outcome


# --- one writer at a time ----------------------------------------------------------------------------
def test_a_second_writer_is_told_who_holds_the_lock(tmp_path: Path, docs: Path) -> None:
    store, _, settings = make_store(tmp_path, lock_timeout_s=0)
    with writer_lock(store.dir, 0):
        with pytest.raises(StoreBusyError) as caught:
            ingest_files(store, settings, [docs])
    assert f"process {os.getpid()}" in str(caught.value) and caught.value.exit_code == 5
    assert ingest_files(store, settings, [docs]).count("ingested") == 2  # released afterwards


def test_each_store_gets_its_own_collection(tmp_path: Path) -> None:
    emb = HashEmbeddings()
    a = build_store(Settings(store_dir=tmp_path / "a", embedding_model=emb.model_id), embeddings=emb)
    b = build_store(Settings(store_dir=tmp_path / "b", embedding_model=emb.model_id), embeddings=emb)
    assert a.collection_name != b.collection_name
    reopened = build_store(Settings(store_dir=tmp_path / "a", embedding_model=emb.model_id))
    assert reopened.collection_name == a.collection_name  # recorded in the store, stable


# --- check and self-repair ---------------------------------------------------------------------------
def test_missing_vectors_are_found_by_check_and_reembedded_by_ingest(tmp_path: Path, docs: Path) -> None:
    store, emb, settings = make_store(tmp_path)
    ingest_files(store, settings, [docs])
    assert check_knowledge_base(store, settings).ok
    lost = sorted(store.db.all_chunk_ids())[:2]
    store.vectors.delete(lost)
    report = check_knowledge_base(store, settings)
    assert not report.ok and report.missing_vectors == lost
    again = ingest_files(store, settings, [docs])
    assert not again.nothing_changed and any("re-embedded" in line for line in again.repaired)
    assert check_knowledge_base(store, settings).ok


@pytest.mark.parametrize("damage", ["bm25", "register", "timeline"])
def test_garbage_in_derived_files_is_repaired_by_plain_ingest(tmp_path: Path, docs: Path, damage: str) -> None:
    store, _, settings = make_store(tmp_path)
    ingest_files(store, settings, [docs])
    if damage == "bm25":
        for f in (p for p in (store.dir / "bm25").rglob("*") if p.is_file()):
            f.write_bytes(b"\x00garbage")
    else:
        (store.dir / f"{damage}.json").write_text("{not json", encoding="utf-8")
    assert not check_knowledge_base(store, settings).ok
    build_derived(settings, store).register(), build_derived(settings, store).timeline(), store.lexical()  # readers do not crash meanwhile
    report = ingest_files(store, settings, [docs])
    assert report.repaired and check_knowledge_base(store, settings).ok


# --- per-file failure --------------------------------------------------------------------------------
def test_a_file_name_that_is_not_utf8_fails_alone(tmp_path: Path, docs: Path) -> None:
    bad = os.fsencode(str(docs)) + b"/brief-\xff.txt"
    with open(bad, "wb") as fh:
        fh.write(TEXT_A.replace("textielconvenant", "goudconvenant").encode())
    store, _, settings = make_store(tmp_path)
    report = ingest_files(store, settings, [docs])
    assert report.count("ingested") == 2
    [failed] = report.failed
    assert "\\xff" in failed.source and "UTF-8" in failed.detail
    assert report.exit_code == 4


def test_an_unreadable_file_fails_alone(tmp_path: Path, docs: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    (docs / "geheim.txt").write_text(TEXT_A + " extra", encoding="utf-8")
    (docs / "geheim.txt").chmod(0)
    report = ingest_files(*make_store(tmp_path)[::2], [docs])
    assert outcome(report, "geheim.txt").status == "failed" and report.count("ingested") == 2


# --- links, FIFOs ------------------------------------------------------------------------------------
def test_links_leaving_the_folder_loops_dangling_and_fifos_are_named(tmp_path: Path, docs: Path) -> None:
    outside = tmp_path / "buiten.txt"
    outside.write_text(TEXT_A.replace("kabinet", "geheim kabinet"), encoding="utf-8")
    (docs / "naar-buiten.txt").symlink_to(outside)
    (docs / "lus.txt").symlink_to(docs / "lus.txt")
    (docs / "weg.txt").symlink_to(tmp_path / "bestaat-niet.txt")
    (docs / "binnen.txt").symlink_to(docs / "a.txt")
    os.mkfifo(docs / "pijp.txt")
    report = ingest_files(*make_store(tmp_path)[::2], [docs])
    reasons = {o.source: (o.status, o.detail) for o in report.outcomes}
    assert reasons["naar-buiten.txt"][0] == "skipped" and "outside the ingest folder" in reasons["naar-buiten.txt"][1]
    assert "loop" in reasons["lus.txt"][1]
    assert "dangling" in reasons["weg.txt"][1]
    assert "FIFO" in reasons["pijp.txt"][1]
    assert reasons["binnen.txt"][0] == "duplicate"  # a link inside the folder is read (same content as a.txt)


def test_links_outside_are_followed_when_allowed(tmp_path: Path, docs: Path) -> None:
    outside = tmp_path / "buiten.txt"
    outside.write_text(TEXT_A.replace("kabinet", "ander kabinet"), encoding="utf-8")
    (docs / "naar-buiten.txt").symlink_to(outside)
    report = ingest_files(*make_store(tmp_path, follow_external_symlinks=True)[::2], [docs])
    assert outcome(report, "naar-buiten.txt").status == "ingested"


def test_a_fifo_given_directly_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp.txt"
    os.mkfifo(fifo)
    report = ingest_files(*make_store(tmp_path)[::2], [fifo])
    [failed] = report.failed
    assert "FIFO" in failed.detail and report.exit_code == 4


# --- damage and --rebuild ----------------------------------------------------------------------------
def test_a_corrupt_sqlite_file_gives_one_line_naming_it_and_the_fix(tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    store_dir.mkdir()
    (store_dir / "passages.sqlite").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreDamagedError) as caught:
        build_store(Settings(store_dir=store_dir))
    assert "passages.sqlite" in str(caught.value) and "imvo ingest --rebuild" in str(caught.value)


def test_rebuild_with_a_missing_model_leaves_the_store_untouched(tmp_path: Path, docs: Path) -> None:
    store, _, settings = make_store(tmp_path)
    ingest_files(store, settings, [docs])
    before = store.db.chunk_count()
    store.close()
    wrong = Settings(store_dir=tmp_path / "store", embedding_model=str(tmp_path / "no-such-model"))
    with pytest.raises(ConfigurationError):
        rebuild_store(wrong, [docs])
    assert build_store(Settings(store_dir=tmp_path / "store", embedding_model="hash-embeddings-v1")).db.chunk_count() == before


def test_rebuild_builds_beside_and_moves_an_unreadable_sqlite_aside(tmp_path: Path, docs: Path) -> None:
    emb = HashEmbeddings()
    settings = Settings(store_dir=tmp_path / "store", embedding_model=emb.model_id)
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "passages.sqlite").write_bytes(b"garbage" * 500)
    (tmp_path / "store" / "audit.jsonl").write_text('{"q": 1}\n', encoding="utf-8")
    report = rebuild_store(settings, [docs], embeddings=emb)
    assert report.count("ingested") == 2
    kept = list(tmp_path.glob("store.damaged-*"))
    assert kept and (kept[0] / "passages.sqlite").read_bytes().startswith(b"garbage")
    assert (tmp_path / "store" / "audit.jsonl").read_text(encoding="utf-8") == '{"q": 1}\n'  # no audit line lost
    store = build_store(settings, embeddings=emb)
    assert store.db.chunk_count() > 0 and check_knowledge_base(store, settings).ok
    assert not (tmp_path / "store.rebuild").exists()


def test_a_failed_rebuild_keeps_the_old_store(tmp_path: Path, docs: Path, monkeypatch) -> None:
    store, emb, settings = make_store(tmp_path)
    ingest_files(store, settings, [docs])
    before = store.db.chunk_count()
    store.close()

    def boom(*args, **kwargs):
        raise RuntimeError("disk went away")

    monkeypatch.setattr("ingest.pipeline.chunk_document", boom)
    import ingest.pipeline as pipeline

    monkeypatch.setattr(pipeline.IngestReport, "exit_code", property(lambda self: 0))
    monkeypatch.setattr("assistant.store.repair.repair_store", boom)
    with pytest.raises(RuntimeError):
        rebuild_store(settings, [docs], embeddings=emb)
    assert build_store(settings, embeddings=emb).db.chunk_count() == before
    assert not (tmp_path / "store.rebuild").exists()


def test_store_files_are_private(tmp_path: Path, docs: Path) -> None:
    store, _, settings = make_store(tmp_path)
    ingest_files(store, settings, [docs])
    assert (store.dir.stat().st_mode & 0o077) == 0
    assert (store.db.path.stat().st_mode & 0o077) == 0


def test_a_rebuild_killed_between_the_two_renames_finds_its_store_again(tmp_path: Path, docs: Path) -> None:
    store, emb, settings = make_store(tmp_path)
    ingest_files(store, settings, [docs])
    before = store.db.chunk_count()
    store.close()
    (tmp_path / "store").rename(tmp_path / "store.old")  # the state right after the first rename
    again = build_store(settings, embeddings=emb)
    assert again.db.chunk_count() == before and not (tmp_path / "store.old").exists()
