"""`imvo sync motions`: the official state of every motion of the register and of the fetched dossiers
(OData), and of every toezegging (SyncFeed), stored beside the register.

A dossier's motions replace the stored ones only when its whole listing arrived; the toezegging feed is
kept page by page with its skiptoken. Whatever happens, what was synced so far is saved atomically.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rapidfuzz import fuzz

from assistant.core.model import ProgressFn
from assistant.core.errors import NetworkUnavailableError, RemoteServiceError
from assistant.kamer.feed import sync_toezeggingen
from assistant.kamer.http import PoliteClient
from assistant.kamer.odata import fetch_dossier_motions
from assistant.kamer.record import (
    OfficialRecord,
    ToezeggingFeedState,
    load_record,
    load_toezeggingen,
    save_record,
    save_toezeggingen,
)
from assistant.core.settings import Settings

_DOSSIER_OF = re.compile(r"^(\d{5}(?:-[IVXLA-C]+)?)-\d+$")


@dataclass
class SyncReport:
    dossiers: list[str] = field(default_factory=list)
    motions: int = 0  # official motions stored for those dossiers
    register_motions: int = 0  # motions of the register
    register_matched: int = 0  # of which the official record has an entry
    toezeggingen: int = 0  # held from the feed
    toezeggingen_matched: int = 0
    feed_pages: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    interrupted: str | None = None


def dossier_of(kamerstuk: str | None) -> str | None:
    m = _DOSSIER_OF.match(kamerstuk or "")
    return m.group(1) if m else None


def fetched_dossiers(kamerstukken_dir: Path) -> list[str]:
    if not Path(kamerstukken_dir).is_dir():
        return []
    return sorted(p.name for p in Path(kamerstukken_dir).iterdir() if p.is_dir() and not p.name.startswith("."))


def dossiers_to_sync(register, kamerstukken_dir: Path, extra: Iterable[str] = ()) -> list[str]:
    wanted = {d for d in (dossier_of(i.kamerstuk) for i in register.items if i.kind == "motie") if d}
    return sorted(wanted | set(fetched_dossiers(kamerstukken_dir)) | set(extra))


def match_toezeggingen(register, state: ToezeggingFeedState, threshold: float) -> dict[str, str]:
    """Register commitment → official toezegging with the most similar text, at or above the threshold
    (and not from another year when both are dated)."""
    matches: dict[str, str] = {}
    candidates = [t for t in state.items.values() if t.tekst]
    for item in register.items:
        if item.kind != "toezegging":
            continue
        said = item.subject or next((e.get("quote") for e in item.evidence if e.get("quote")), None)
        if not said:
            continue
        best, best_score = None, threshold
        for t in candidates:
            if item.date and t.aanmaakdatum and item.date[:4] != t.aanmaakdatum[:4]:
                continue
            score = fuzz.token_set_ratio(said.lower(), t.tekst.lower())
            if score >= best_score:
                best, best_score = t, score
        if best is not None:
            matches[item.id] = best.id
    return matches


def sync_official(
    client: PoliteClient,
    settings: Settings,
    register,
    *,
    dossiers: Iterable[str] = (),
    toezeggingen: bool = True,
    progress: ProgressFn | None = None,
) -> SyncReport:
    notify = progress or (lambda stage, done, total: None)
    store_dir = Path(settings.store_dir)
    record: OfficialRecord = load_record(store_dir)
    report = SyncReport(dossiers=dossiers_to_sync(register, settings.kamerstukken_dir, dossiers))
    changed = False
    state: ToezeggingFeedState | None = None
    try:
        for i, dossier in enumerate(report.dossiers):
            notify("motions", i, len(report.dossiers))
            try:
                motions = fetch_dossier_motions(client, settings.tk_odata_url, dossier)
            except RemoteServiceError as exc:
                report.failed.append((dossier, str(exc)))
                continue
            for key in [k for k in record.motions if dossier_of(k) == dossier]:
                del record.motions[key]
            record.motions.update({m.kamerstuk: m for m in motions})
            if dossier not in record.dossiers:
                record.dossiers.append(dossier)
            changed = True
        notify("motions", len(report.dossiers), len(report.dossiers))
        if toezeggingen:
            state = load_toezeggingen(store_dir)
            try:
                report.feed_pages = sync_toezeggingen(
                    client, settings.tk_syncfeed_url, state, on_page=lambda n: notify("toezeggingen", n, 0)
                )
            except RemoteServiceError as exc:
                report.failed.append(("toezeggingen", str(exc)))
            record.toezegging_matches = match_toezeggingen(register, state, settings.toezegging_match)
            changed = True
    except NetworkUnavailableError as exc:
        if not changed and state is None:
            raise  # nothing reached us: nothing is changed
        report.interrupted = str(exc)
    finally:
        if state is not None:
            save_toezeggingen(store_dir, state)
        if changed:
            record.synced_at = datetime.now(UTC).isoformat(timespec="seconds")
            save_record(store_dir, record)
    report.motions = sum(1 for k in record.motions if dossier_of(k) in report.dossiers)
    register_motions = [i for i in register.items if i.kind == "motie" and i.kamerstuk]
    report.register_motions = len(register_motions)
    report.register_matched = sum(1 for i in register_motions if i.kamerstuk in record.motions)
    report.toezeggingen = len(state.items) if state else 0
    report.toezeggingen_matched = len(record.toezegging_matches)
    return report
