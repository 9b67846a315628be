"""Both truths side by side: a register item (what the documents say) joined with the official record
(what the Kamer's open data says), and where the two disagree.

The official record is a separate stored object (assistant/kamer/record.py); it is joined here, at
read time, and never merged into the item: uploads and ingests change the documents' side only.
"""

from __future__ import annotations

from typing import Any

from assistant.kamer.record import OfficialMotion, OfficialRecord, OfficialToezegging
from assistant.core.model import RegisterItem

_DECIDED = ("aangenomen", "verworpen", "aangehouden", "ingetrokken")


def official_for(
    item: RegisterItem, record: OfficialRecord, toezeggingen: dict[str, OfficialToezegging] | None = None
) -> OfficialMotion | OfficialToezegging | None:
    if item.kind == "motie":
        return record.motion(item.kamerstuk)
    if item.kind == "toezegging" and toezeggingen:
        matched = record.toezegging_matches.get(item.id)
        return toezeggingen.get(matched) if matched else None
    return None


def official_dict(official: OfficialMotion | OfficialToezegging | None) -> dict[str, Any] | None:
    if official is None:
        return None
    if isinstance(official, OfficialMotion):
        return {"kind": "motie", **official.to_dict(), "open": official_open(official)}
    return {"kind": "toezegging", **official.to_dict()}


def official_open(motion: OfficialMotion) -> bool | None:
    """A motion is open for the Kamer when it was adopted and is not marked afgedaan."""
    if motion.outcome != "aangenomen" or motion.afgedaan is None:
        return None if motion.outcome is None else False
    return not motion.afgedaan


def disagreements(item: RegisterItem, official: OfficialMotion | OfficialToezegging | None) -> list[str]:
    """Where the documents and the official record contradict each other, in Dutch, one line each."""
    if official is None:
        return []
    found: list[str] = []
    if isinstance(official, OfficialMotion):
        if item.status in _DECIDED and official.outcome in _DECIDED and item.status != official.outcome:
            found.append(f"status: documenten '{item.status}', Kamer '{official.outcome}'")
        if official.afgedaan is True and item.execution == "twijfel":
            found.append("uitvoering: documenten twijfelen, Kamer heeft de motie afgedaan")
        if official.afgedaan is False and item.execution == "uitgevoerd":
            found.append("uitvoering: documenten melden uitgevoerd, Kamer heeft de motie niet afgedaan")
        return found
    if official.open is True and (item.execution == "uitgevoerd" or item.status == "gedaan"):
        found.append(f"uitvoering: documenten melden uitgevoerd, Kamer: status '{official.status}' (open)")
    if official.open is False and item.execution == "twijfel":
        found.append("uitvoering: documenten twijfelen, Kamer heeft de toezegging voldaan")
    return found


class OfficialJoin:
    """The stored official record, ready to be joined to register items."""

    def __init__(self, record: OfficialRecord, toezeggingen: dict[str, OfficialToezegging] | None = None) -> None:
        self.record = record
        self.toezeggingen = toezeggingen or {}

    @classmethod
    def load(cls, store_dir) -> OfficialJoin:
        from assistant.kamer.record import load_record, load_toezeggingen

        record = load_record(store_dir)
        toezeggingen = load_toezeggingen(store_dir).items if record.toezegging_matches else {}
        return cls(record, toezeggingen)

    def official(self, item: RegisterItem) -> OfficialMotion | OfficialToezegging | None:
        return official_for(item, self.record, self.toezeggingen)

    def as_dict(self, item: RegisterItem) -> dict[str, Any] | None:
        return official_dict(self.official(item))

    def disagreements(self, item: RegisterItem) -> list[str]:
        return disagreements(item, self.official(item))


class OfficialSource:
    """The official record of a store, read again only when `imvo sync motions` has rewritten it."""

    def __init__(self, store_dir) -> None:
        from pathlib import Path

        self.store_dir = Path(store_dir)
        self._stamp: tuple | None = None
        self._join: OfficialJoin | None = None

    def current(self) -> OfficialJoin:
        from assistant.kamer.record import FILE_NAME, TOEZEGGINGEN_FILE

        stamp = tuple(
            (p.stat().st_mtime_ns if p.exists() else None)
            for p in (self.store_dir / FILE_NAME, self.store_dir / TOEZEGGINGEN_FILE)
        )
        if self._join is None or stamp != self._stamp:
            self._join, self._stamp = OfficialJoin.load(self.store_dir), stamp
        return self._join
