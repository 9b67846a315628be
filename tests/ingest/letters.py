"""Two small letters, a store with hash embeddings for them, and the outcome of one file: shared by the
ingest tests (the `docs` fixture in conftest.py writes the letters)."""

from __future__ import annotations

from pathlib import Path

from assistant.core.settings import Settings
from assistant.service.container import build_store
from assistant.store.store import Store
from assistant.testing.fake_embeddings import HashEmbeddings

TEXT_A = """Geachte voorzitter,

Het kabinet stuurt u hierbij de voortgangsrapportage over de IMVO-convenanten. In het textielconvenant
werken bedrijven, vakbonden en maatschappelijke organisaties samen aan betere arbeidsomstandigheden.

Het convenant is op 4 juli 2016 ondertekend door 55 bedrijven. De SER verzorgt het secretariaat.
"""
TEXT_B = """Geachte voorzitter,

De motie van de leden Smaling en Voordewind (Kamerstuk 32 852, nr. 24) vraagt om een evaluatiemoment.
Het kabinet geeft daaraan uitvoering met deze brief over de goudsector en de bancaire sector.
"""


def make_store(
    tmp_path: Path, embeddings: HashEmbeddings | None = None, **overrides
) -> tuple[Store, HashEmbeddings, Settings]:
    emb = embeddings or HashEmbeddings()
    settings = Settings(store_dir=tmp_path / "store", embedding_model=emb.model_id, **overrides)
    return build_store(settings, embeddings=emb), emb, settings


def outcome(report, name: str):
    return next(o for o in report.outcomes if Path(o.source).name == name)
