"""The official record, stored beside the register (`<store>/official.json`): what the Kamer itself says
about each motion (outcome, votes, Afgedaan, the cabinet's appreciation) and each toezegging (status).

It is written only by `imvo sync motions` from the Kamer's open data; ingesting or uploading documents
never touches it, so a document can add evidence but cannot overrule it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

from assistant.core.errors import DataFileError

FORMAT_VERSION = 1
FILE_NAME = "official.json"
TOEZEGGINGEN_FILE = "official-toezeggingen.json"
_Record = TypeVar("_Record")


def _known_fields(cls: type[_Record], data: dict[str, Any]) -> _Record:
    """A stored record from its dict; keys the class does not have are dropped (files of other versions load)."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class OfficialMotion:
    kamerstuk: str  # "26485-341"
    zaak_id: str
    zaak_nummer: str | None  # "2020Z22390"
    onderwerp: str | None
    outcome: str | None  # aangenomen | verworpen | aangehouden | ingetrokken | vervallen | None (not decided yet)
    besluit_tekst: str | None  # the decision's own words ("Aangenomen.")
    date: str | None  # ISO date of that decision
    votes: list[dict[str, Any]] = field(default_factory=list)  # {fractie, stem, zetels, vergissing}
    totals: dict[str, int] = field(default_factory=dict)  # voor / tegen / niet_deelgenomen
    afgedaan: bool | None = None
    kabinetsappreciatie: str | None = None
    url: str | None = None  # the motion's page on tweedekamer.nl
    api_url: str | None = None  # the Zaak in the open-data API
    source: str = "Tweede Kamer open data (OData v4)"
    synced_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OfficialMotion:
        return _known_fields(cls, data)


@dataclass
class OfficialToezegging:
    id: str
    nummer: str | None
    tekst: str | None
    status: str | None
    ministerie: str | None = None
    naam: str | None = None
    functie: str | None = None
    aanmaakdatum: str | None = None
    datum_nakoming: str | None = None
    url: str | None = None
    source: str = "Tweede Kamer open data (SyncFeed)"

    @property
    def open(self) -> bool | None:
        if not self.status:
            return None
        return self.status.strip().lower() != "voldaan"

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "open": self.open}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OfficialToezegging:
        return _known_fields(cls, data)


@dataclass
class OfficialRecord:
    motions: dict[str, OfficialMotion] = field(default_factory=dict)  # by Kamerstuk number
    toezegging_matches: dict[str, str] = field(default_factory=dict)  # register item id → toezegging id
    dossiers: list[str] = field(default_factory=list)  # dossiers whose motions were synced
    synced_at: str | None = None

    def motion(self, kamerstuk: str | None) -> OfficialMotion | None:
        return self.motions.get(kamerstuk) if kamerstuk else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "synced_at": self.synced_at,
            "dossiers": self.dossiers,
            "motions": {k: m.to_dict() for k, m in sorted(self.motions.items())},
            "toezegging_matches": dict(sorted(self.toezegging_matches.items())),
        }

    @classmethod
    def from_dict(cls, data: Any) -> OfficialRecord:
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
            raise ValueError(f"format version {data.get('version') if isinstance(data, dict) else None!r}, "
                             f"this code reads {FORMAT_VERSION}")
        return cls(
            motions={k: OfficialMotion.from_dict(v) for k, v in data.get("motions", {}).items()},
            toezegging_matches=dict(data.get("toezegging_matches", {})),
            dossiers=list(data.get("dossiers", [])),
            synced_at=data.get("synced_at"),
        )


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)  # atomic: a reader sees the old record or the new one, never half


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataFileError(path, f"is not a readable official record ({exc}): run `imvo sync motions` again") from exc


def load_record(store_dir: Path) -> OfficialRecord:
    """The stored record; an empty one before the first sync."""
    path = Path(store_dir) / FILE_NAME
    if not path.exists():
        return OfficialRecord()
    try:
        return OfficialRecord.from_dict(_read_json(path))
    except (ValueError, TypeError) as exc:
        raise DataFileError(path, f"is not a readable official record ({exc}): run `imvo sync motions` again") from exc


def save_record(store_dir: Path, record: OfficialRecord) -> None:
    _write_json(Path(store_dir) / FILE_NAME, record.to_dict())


@dataclass
class ToezeggingFeedState:
    items: dict[str, OfficialToezegging] = field(default_factory=dict)
    skiptoken: int | None = None  # where the feed resumes next time

    def to_dict(self) -> dict[str, Any]:
        return {"version": FORMAT_VERSION, "skiptoken": self.skiptoken,
                "items": {k: v.to_dict() for k, v in self.items.items()}}


def load_toezeggingen(store_dir: Path) -> ToezeggingFeedState:
    path = Path(store_dir) / TOEZEGGINGEN_FILE
    if not path.exists():
        return ToezeggingFeedState()
    data = _read_json(path)
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise DataFileError(path, "has an unknown format: delete it and run `imvo sync motions` again")
    return ToezeggingFeedState(
        {k: OfficialToezegging.from_dict(v) for k, v in data.get("items", {}).items()}, data.get("skiptoken")
    )


def save_toezeggingen(store_dir: Path, state: ToezeggingFeedState) -> None:
    _write_json(Path(store_dir) / TOEZEGGINGEN_FILE, state.to_dict())
