"""What the fake Kamer server serves: Kamerstukken (SRU records and their files), motions (OData Zaak)
and toezeggingen (the SyncFeed)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FakeKamerstuk:
    dossier: str
    number: int
    kind: str  # KamerstukTypen: Motie, Brief, Verslag
    title: str
    date: str
    paragraphs: list[str]
    indiener: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)  # cited from the first paragraph
    signature: list[str] = field(default_factory=list)
    headings: dict[int, str] = field(default_factory=dict)  # paragraph index → heading before it
    has_xml: bool = True
    has_pdf: bool = True
    paragraphs_per_page: int = 3

    @property
    def identifier(self) -> str:
        return f"kst-{self.dossier}-{self.number}"


@dataclass
class FakeMotion:
    dossier: str
    number: int
    zaak_nummer: str
    onderwerp: str
    besluiten: list[dict]  # {"soort", "tekst", "status", "datum", "stemmen": [(fractie, soort, grootte)]}
    afgedaan: bool | None = False
    kabinetsappreciatie: str | None = "Oordeel Kamer"
    toevoeging: str | None = None


@dataclass
class FakeToezegging:
    id: str
    nummer: str
    tekst: str
    status: str
    aanmaakdatum: str = "2020-11-19T00:00:00"
    ministerie: str = "Buitenlandse Zaken"
    naam: str = "Kaag"
    functie: str = "minister"
    deleted: bool = False
