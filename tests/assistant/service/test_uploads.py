"""Uploads: names from the browser never become paths, limits hold, and the ingest reports per file."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core.errors import UploadError
from assistant.core.settings import Settings
from assistant.service.container import build_store
from assistant.service.uploads import (
    UploadLimits,
    check_size,
    ingest_root,
    in_this_process,
    ingest_uploads,
    progress_step,
    safe_filename,
    save_upload,
)
from assistant.testing.fake_embeddings import HashEmbeddings
from assistant.testing.pdf_factory import make_corrupt_pdf, make_report_pdf

LIMITS = UploadLimits((".pdf", ".txt", ".md"), 1024 * 1024)


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\kim\\Rapport 2021 (def).PDF", "Rapport-2021-def.pdf"),
        (".verborgen.md", "verborgen.md"),
        ("évaluation été.txt", "evaluation-ete.txt"),
        ("/abs/path/.pdf", "document.pdf"),
        ("a" * 300 + ".md", "a" * 80 + ".md"),
        ("brief..final.txt", "brief-final.txt"),
    ],
)
def test_safe_filename_keeps_only_a_plain_name(sent: str, stored: str) -> None:
    assert safe_filename(sent, LIMITS) == stored


@pytest.mark.parametrize("sent", ["virus.exe", "geen-extensie", "page.html", ""])
def test_safe_filename_refuses_other_types(sent: str) -> None:
    with pytest.raises(UploadError, match="toegestaan: pdf, txt, md"):
        safe_filename(sent, LIMITS)


def test_limits_come_from_settings() -> None:
    limits = UploadLimits.from_settings(Settings(upload_types=["PDF", ".md"], max_upload_mb=3))
    assert limits.suffixes == (".pdf", ".md") and limits.max_bytes == 3 * 1024 * 1024
    assert limits.types == ["pdf", "md"]


def test_size_limits() -> None:
    with pytest.raises(UploadError, match="leeg"):
        check_size("a.txt", 0, LIMITS)
    with pytest.raises(UploadError, match="IMVO_MAX_UPLOAD_MB"):
        check_size("a.txt", LIMITS.max_bytes + 1, LIMITS)
    check_size("a.txt", LIMITS.max_bytes, LIMITS)


def test_save_upload_stays_in_its_folder_and_never_overwrites(tmp_path: Path) -> None:
    folder = tmp_path / "uploads"
    first = save_upload(folder, "../../brief.txt", b"een", LIMITS)
    assert first.path == folder / "brief.txt" and first.path.read_bytes() == b"een"
    again = save_upload(folder, "brief.txt", b"een", LIMITS)
    assert again.path == first.path  # same name, same content: reused
    other = save_upload(folder, "brief.txt", b"twee", LIMITS)
    assert other.path == folder / "brief-2.txt" and other.renamed
    assert first.path.read_bytes() == b"een"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["brief-2.txt", "brief.txt"]
    with pytest.raises(UploadError):
        save_upload(folder, "groot.txt", b"x" * (LIMITS.max_bytes + 1), LIMITS)
    assert not (folder / "groot.txt").exists()


def test_ingest_root_is_the_corpus_when_uploads_live_inside_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    assert ingest_root(Settings(corpus_dir=corpus, upload_dir=corpus / "uploads")) == corpus.resolve()
    assert ingest_root(Settings(corpus_dir=corpus, upload_dir=tmp_path / "elders")) == (tmp_path / "elders").resolve()


def test_progress_runs_from_zero_to_one() -> None:
    steps = [("prepare", 0, 2), ("prepare", 2, 2), ("embed", 0, 10), ("embed", 10, 10), ("index", 0, 1), ("index", 1, 1)]
    fractions = [progress_step(*s)[0] for s in steps]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert progress_step("embed", 5, 10)[1] == "Embedden 5/10"


def test_upload_flow_ingests_good_files_and_reports_bad_ones(tmp_path: Path) -> None:
    emb = HashEmbeddings()
    settings = Settings(
        store_dir=tmp_path / "store", embedding_model=emb.model_id,
        corpus_dir=tmp_path / "corpus", upload_dir=tmp_path / "uploads",
    )
    store = build_store(settings, embeddings=emb)
    made = tmp_path / "made"
    made.mkdir()
    good = make_report_pdf(made, "voortgang.pdf")
    bad = make_corrupt_pdf(made, "kapot.pdf")
    saved = [save_upload(settings.upload_dir, f"/home/x/{p.name}", p.read_bytes(), LIMITS) for p in (good, bad)]
    seen: list[tuple[float, str]] = []

    result = ingest_uploads(store, saved, settings, progress=lambda f, label: seen.append((f, label)),
                            runner=in_this_process(store))

    outcomes = {s.path.name: o for s, o in result.outcomes}
    assert outcomes["voortgang.pdf"].status == "ingested" and outcomes["voortgang.pdf"].chunks > 0
    assert outcomes["kapot.pdf"].status == "failed" and outcomes["kapot.pdf"].detail  # the CLI's reason
    assert [s.path.name for s in result.ingested] == ["voortgang.pdf"]
    assert not (settings.upload_dir / "kapot.pdf").exists()  # a failed file is not kept to fail again
    assert seen and seen[-1][0] == 1.0
    texts = " ".join(p.text for p in store.db.passages())
    assert "textielconvenant" in texts

    # the same file again: nothing new, the file stays
    again = ingest_uploads(store, [save_upload(settings.upload_dir, "voortgang.pdf", good.read_bytes(), LIMITS)], settings,
                           runner=in_this_process(store))
    assert again.outcomes[0][1].status == "unchanged" and (settings.upload_dir / "voortgang.pdf").exists()
    store.close()


def test_upload_ingest_runs_in_a_separate_lower_priority_process(tmp_path: Path) -> None:
    """The real worker process with the bundled model: the web app's own process does no ingest work."""
    import os

    from assistant.service.ingest_worker import ingest_in_worker

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "brief.txt").write_text("Geachte voorzitter,\n\nHet kabinet stuurt u de voortgangsrapportage over "
                                    "het textielconvenant.\n", encoding="utf-8")
    settings = Settings(store_dir=tmp_path / "store", upload_ingest_nice=5)
    stages: list[str] = []
    report = ingest_in_worker(settings, [docs], lambda stage, done, total: stages.append(stage))
    assert report.count("ingested") == 1 and "prepare" in stages
    store = build_store(settings)
    assert store.db.chunk_count() > 0
    assert os.nice(0) < 19  # this process was not re-niced
    before = store.vectors.count()

    # the web process's open (local) Chroma sees what the worker adds next, without a restart
    (docs / "tweede.txt").write_text("Geachte voorzitter,\n\nDe minister schrijft over het goudconvenant en de "
                                     "mijnbouw in de keten.\n", encoding="utf-8")
    ingest_in_worker(settings, [docs])
    assert store.vectors.count() > before
    store.close()
