"""Both truths side by side: the official record joined to the register, disagreements, the chat's
answers about votes and Afgedaan, and that documents (uploads too) cannot overrule the record."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.service.container import build_assistant, build_derived, build_store
from assistant.kamer.record import OfficialMotion, OfficialRecord, save_record
from assistant.service.presenters import register_csv_row, register_item_to_dict
from assistant.core.model import RegisterItem
from assistant.register.official import OfficialJoin, disagreements
from assistant.core.settings import Settings
from assistant.service.ingestion import ingest_files
from assistant.testing.fake_embeddings import HashEmbeddings
from tests.paths import CORPUS


def official_motion(kamerstuk: str, *, outcome: str = "aangenomen", afgedaan: bool | None = True) -> OfficialMotion:
    return OfficialMotion(
        kamerstuk=kamerstuk, zaak_id="z-1", zaak_nummer="2020Z00001", onderwerp="Motie over convenanten",
        outcome=outcome, besluit_tekst=outcome.capitalize() + ".", date="2020-12-01",
        votes=[{"fractie": "VVD", "naam": None, "stem": "Voor", "zetels": 32, "vergissing": False},
               {"fractie": "D66", "naam": None, "stem": "Voor", "zetels": 19, "vergissing": False},
               {"fractie": "PVV", "naam": None, "stem": "Tegen", "zetels": 20, "vergissing": False}],
        totals={"voor": 51, "tegen": 20, "niet_deelgenomen": 0}, afgedaan=afgedaan,
        kabinetsappreciatie="Oordeel Kamer", url="https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2020Z00001",
        synced_at="2026-11-29T20:00:00+00:00",
    )


def item(**kw) -> RegisterItem:
    base = dict(id="motie-1", kind="motie", kamerstuk="26485-900", members=["Jansen"], date="2020-12", debate=None,
                subject="convenanten")
    return RegisterItem(**{**base, **kw})


@pytest.mark.parametrize(
    ("doc", "official", "expected"),
    [
        (dict(status="aangenomen", execution="twijfel"), dict(afgedaan=True), ["documenten twijfelen"]),
        (dict(status="aangenomen", execution="uitgevoerd"), dict(afgedaan=False), ["niet afgedaan"]),
        (dict(status="verworpen", execution="onbekend"), dict(afgedaan=None), ["status: documenten 'verworpen'"]),
        (dict(status="aangenomen", execution="uitgevoerd"), dict(afgedaan=True), []),
    ],
)
def test_disagreements_name_what_contradicts(doc: dict, official: dict, expected: list[str]) -> None:
    found = disagreements(item(**doc), official_motion("26485-900", **official))
    assert len(found) == len(expected) and all(e in f for e, f in zip(expected, found))


def test_json_and_csv_carry_the_official_record_null_until_synced() -> None:
    register_item = item(status="aangenomen", execution="twijfel")
    empty = OfficialJoin(OfficialRecord())
    assert register_item_to_dict(register_item, empty)["official"] is None
    synced = OfficialJoin(OfficialRecord(motions={"26485-900": official_motion("26485-900")}))
    data = register_item_to_dict(register_item, synced)
    assert data["official"]["totals"] == {"voor": 51, "tegen": 20, "niet_deelgenomen": 0}
    assert data["official"]["afgedaan"] is True and data["official"]["open"] is False
    assert data["disagreement"] and json.dumps(data)
    row = register_csv_row(register_item, synced)
    assert row["official_state"] == "aangenomen" and row["official_votes"] == "51 voor, 20 tegen"
    assert row["official_afgedaan"] == "ja" and "twijfelen" in row["disagreement"]


@pytest.fixture(scope="module")
def corpus_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("corpus") / "corpus"
    shutil.copytree(CORPUS, target, ignore=shutil.ignore_patterns("uploads"))
    return target


@pytest.fixture
def assistant_with_record(tmp_path: Path, corpus_copy: Path):
    emb = HashEmbeddings()
    settings = Settings(store_dir=tmp_path / "store", corpus_dir=corpus_copy, embedding_model=emb.model_id)
    store = build_store(settings, embeddings=emb)
    ingest_files(store, settings, [corpus_copy])
    doubtful = next(i for i in build_derived(settings, store).register().items if i.kind == "motie" and i.kamerstuk and i.execution == "twijfel")
    save_record(settings.store_dir, OfficialRecord(motions={doubtful.kamerstuk: official_motion(doubtful.kamerstuk)}))
    yield build_assistant(settings, store=store), store, settings, doubtful
    store.close()


def test_vote_question_is_answered_from_the_official_record_citing_it(assistant_with_record) -> None:
    assistant, _store, _settings, motion = assistant_with_record
    answer = assistant.ask(f"Met hoeveel stemmen is de motie {motion.members[0]} aangenomen?")
    assert answer.answered and answer.mode == "register"
    assert "51 stemmen voor en 20 tegen" in answer.text and "[1]" in answer.text
    assert answer.citations[0].passage.source.startswith("https://www.tweedekamer.nl/")
    assert len(answer.citations) > 1  # the documents' passages follow as further sources
    assert "spreken het officiële register tegen" in answer.text  # the documents doubt what the Kamer closed


def test_afgedaan_question_names_the_contradiction_with_the_documents(assistant_with_record) -> None:
    assistant, _store, _settings, motion = assistant_with_record
    answer = assistant.ask(f"Is motie {motion.kamerstuk} afgedaan?")
    assert f"(Kamerstuk {motion.kamerstuk}) afgedaan. [1]" in answer.text and "Oordeel Kamer" in answer.text
    assert "spreken het officiële register tegen" in answer.text


def test_an_uploaded_document_adds_evidence_but_cannot_overrule_the_record(assistant_with_record, corpus_copy) -> None:
    assistant, store, settings, motion = assistant_with_record
    before = (store.dir / "official.json").read_bytes()
    upload = corpus_copy / "uploads" / "bewering.txt"
    upload.parent.mkdir(exist_ok=True)
    upload.write_text(
        f"Notitie\n\nDe motie {' en '.join(motion.members)} (Kamerstuk {motion.kamerstuk}) is verworpen "
        "en is niet afgedaan.\n", encoding="utf-8")
    try:
        ingest_files(store, settings, [corpus_copy])
        assert (store.dir / "official.json").read_bytes() == before
        answer = assistant.ask(f"Met hoeveel stemmen is motie {motion.kamerstuk} aangenomen?")
        assert "aangenomen met 51 stemmen voor" in answer.text
        assert answer.citations[0].passage.doc_id == f"official-{motion.kamerstuk}"
    finally:
        upload.unlink()
        ingest_files(store, settings, [corpus_copy])


def test_a_listing_question_is_left_to_the_register(assistant_with_record) -> None:
    assistant, _store, _settings, _motion = assistant_with_record
    answer = assistant.ask("Welke moties zijn aangenomen?")
    assert not any(c.passage.doc_id.startswith("official-") for c in answer.citations)
