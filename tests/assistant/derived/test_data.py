"""The derived step: register, timeline and glossary saved after an ingest, read back, repaired."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core.settings import Settings
from assistant.derived.glossary import glossary_entries
from assistant.service.container import build_derived, build_store
from assistant.service.ingestion import check_knowledge_base, ingest_files
from assistant.testing.fake_embeddings import HashEmbeddings
from assistant.text.lexicon import load_lexicon

LETTER = """Geachte voorzitter,

Het kabinet stuurt u de voortgangsrapportage over de IMVO-convenanten. De SER begeleidt het
textielconvenant; de OESO-richtlijnen zijn het kader voor gepaste zorgvuldigheid.

De motie van de leden Smaling en Voordewind (Kamerstuk 32 852, nr. 24) vraagt om een evaluatie.
"""


@pytest.fixture
def ingested(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "brief.txt").write_text(LETTER, encoding="utf-8")
    emb = HashEmbeddings()
    settings = Settings(store_dir=tmp_path / "store", embedding_model=emb.model_id)
    store = build_store(settings, embeddings=emb)
    report = ingest_files(store, settings, [docs])
    assert report.exit_code == 0
    yield store, settings
    store.close()


def test_an_ingest_saves_register_timeline_and_glossary_of_its_generation(ingested) -> None:
    store, settings = ingested
    for name in ("register.json", "timeline.json", "glossary.json"):
        assert (store.dir / name).exists(), name
    derived = build_derived(settings, store)
    assert not derived.stale() and derived.problems() == []
    read = {e.term.term: [p.chunk_id for p in e.passages] for e in derived.glossary()}  # from glossary.json
    computed = {e.term.term: [p.chunk_id for p in e.passages] for e in glossary_entries(load_lexicon(), store.passages())}
    assert read == computed and any(read.values())  # terms of the letter point at its passages


def test_a_damaged_glossary_is_named_by_check_and_rebuilt_by_the_next_ingest(ingested, tmp_path: Path) -> None:
    store, settings = ingested
    (store.dir / "glossary.json").write_text("[kapot", encoding="utf-8")
    problems = check_knowledge_base(store, settings).problems
    assert any(p.startswith("glossary:") and "glossary.json" in p for p in problems), problems
    derived = build_derived(settings, store)
    assert any(e.passages for e in derived.glossary())  # readers fall back to the passages meanwhile
    report = ingest_files(store, settings, [tmp_path / "docs"])
    assert "register, timeline and glossary rebuilt from the passages" in report.repaired
    assert check_knowledge_base(store, settings).ok


def test_readers_compute_from_the_passages_when_the_step_did_not_run(ingested) -> None:
    store, settings = ingested
    store.set_meta("derived_generation", "0")  # as after an ingest that stopped before the derived step
    derived = build_derived(settings, store)
    assert derived.stale()
    assert [i.kamerstuk for i in derived.register().items if i.kamerstuk] == ["32852-24"]
