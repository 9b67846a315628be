"""A dossier served by the local stand-in for the Kamer's services, a store and settings pointing at it,
and a polite client whose waits are recorded instead of spent."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.kamer.http import PoliteClient
from assistant.core.settings import Settings
from assistant.service.container import build_store
from assistant.testing.fake_embeddings import HashEmbeddings
from assistant.testing.kamer_server import FakeKamerstuk, FakeMotion, FakeToezegging, KamerServer

DOSSIER = "26485"


def sample_kamerstukken() -> list[FakeKamerstuk]:
    letter = FakeKamerstuk(
        DOSSIER, 350, "Brief", "Brief van de minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
        "2021-01-15",
        [
            "Hierbij informeer ik uw Kamer over de uitvoering van de motie van het lid Van Haga over due diligence.",
            "Het kabinet werkt aan een wettelijke zorgplicht voor internationaal maatschappelijk verantwoord ondernemen.",
            "De sectorconvenanten lopen af en worden geëvalueerd door een onafhankelijk bureau.",
            "Over de evaluatie ontvangt uw Kamer voor de zomer een afzonderlijke brief.",
            "In Europees verband zet het kabinet in op een ambitieuze richtlijn voor due diligence.",
        ],
        indiener=["T.A.M. Kaag"],
        footnotes=["Kamerstuk 26 485, nr. 401"],
        signature=["De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,", "T.A.M. Kaag"],
        headings={1: "Wetgeving", 4: "Europa"},
        paragraphs_per_page=2,
    )
    motion = FakeKamerstuk(
        DOSSIER, 401, "Motie", "Motie van het lid Van Haga over een onderzoek naar due diligence", "2020-11-19",
        [
            "De Kamer, gehoord de beraadslaging,",
            "constaterende dat de regering werkt aan nieuw beleid voor maatschappelijk verantwoord ondernemen;",
            "verzoekt de regering, de uitvoerbaarheid van een zorgplicht te onderzoeken,",
            "en gaat over tot de orde van de dag.",
        ],
        indiener=["W.H.M. van Haga"],
        signature=["Van Haga"],
    )
    pdf_only = FakeKamerstuk(
        DOSSIER, 352, "Verslag", "Verslag van een schriftelijk overleg over IMVO", "2021-03-02",
        ["De vaste commissie heeft vragen gesteld over de evaluatie van de convenanten en het antwoord ontvangen."],
        has_xml=False,
    )
    old = FakeKamerstuk(DOSSIER, 200, "Brief", "Oude brief over convenanten", "2015-02-01",
                        ["Een oude brief over het beleid voor convenanten in verschillende sectoren."])
    return [old, motion, letter, pdf_only]


def sample_motions() -> list[FakeMotion]:
    votes = [("VVD", "Voor", 32), ("D66", "Voor", 19), ("CDA", "Voor", 19), ("PVV", "Tegen", 20),
             ("SP", "Tegen", 14), ("GroenLinks", "Voor", 14), ("PvdA", "Niet deelgenomen", 9)]
    return [
        FakeMotion(DOSSIER, 401, "2020Z22390", "Motie van het lid Van Haga over een onderzoek naar due diligence",
                   [{"soort": "Ingediend", "tekst": "Ingediend.", "status": "Besluit", "datum": "2020-11-19"},
                    {"soort": "Stemmen - aangenomen", "tekst": "Aangenomen.", "datum": "2020-12-01", "stemmen": votes}],
                   afgedaan=True, kabinetsappreciatie="Oordeel Kamer"),
        FakeMotion(DOSSIER, 402, "2020Z22391", "Motie van het lid Alkaya over kinderarbeid",
                   [{"soort": "Stemmen - verworpen", "tekst": "Verworpen.", "datum": "2020-12-01",
                     "stemmen": [("VVD", "Tegen", 32), ("SP", "Voor", 14)]}],
                   afgedaan=False, kabinetsappreciatie="Ontraden"),
        FakeMotion(DOSSIER, 403, "2020Z22392", "Motie van het lid Voordewind over een voorstel",
                   [{"soort": "Stemmen - aangenomen", "tekst": "Aangenomen.", "status": "Voorstel", "datum": "2020-12-08"}],
                   afgedaan=None, kabinetsappreciatie=None),
    ]


def sample_toezeggingen() -> list[FakeToezegging]:
    return [
        FakeToezegging("a0000000-0000-4000-8000-000000000001", "TZ202011-001",
                       "De minister stuurt de Kamer voor de zomer een brief over de evaluatie van de IMVO-convenanten.",
                       "Openstaand"),
        FakeToezegging("a0000000-0000-4000-8000-000000000002", "TZ202011-002",
                       "De minister informeert de Kamer over de inzet voor een Europese richtlijn.", "Voldaan"),
        FakeToezegging("a0000000-0000-4000-8000-000000000003", "TZ202011-003", "Vervallen toezegging.", "Openstaand",
                       deleted=True),
    ]


@pytest.fixture
def kamer_server():
    with KamerServer(slow_s=1.0) as server:
        server.kamerstukken = sample_kamerstukken()
        server.motions = sample_motions()
        server.toezeggingen = sample_toezeggingen()
        yield server


@pytest.fixture
def kamer_settings(tmp_path: Path, kamer_server: KamerServer) -> Settings:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    return Settings(
        store_dir=tmp_path / "store",
        corpus_dir=corpus,
        kamerstukken_dir=corpus / "kamerstukken",
        embedding_model="test-hash-embeddings",
        fetch_rate=1000.0,
        fetch_timeout_s=10.0,  # generous: a loaded machine must not turn a normal answer into a timeout
        fetch_retries=2,
        fetch_max_wait_s=30.0,
        sru_page_size=2,
        **kamer_server.settings_update(),
    )


class RecordedSleep:
    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def sleeps() -> RecordedSleep:
    return RecordedSleep()


@pytest.fixture
def client(kamer_settings: Settings, sleeps: RecordedSleep):
    with PoliteClient.from_settings(kamer_settings, sleep=sleeps) as c:
        yield c


@pytest.fixture
def kamer_store(kamer_settings: Settings):
    emb = HashEmbeddings()
    store = build_store(kamer_settings, embeddings=emb)
    yield store
    store.close()
