"""The motions & commitments register as a filtered table, and each item's evidence as passages."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from assistant.core.model import Passage
from assistant.core.model import RegisterItem
from assistant.register.rules import KINDS, register_rules
from assistant.webapp.documents import kamerstuk_link
from assistant.webapp.formatting import dutch_date, first_day, last_day


def labels() -> dict[str, Any]:
    """The Dutch names of kinds, statuses and execution states (register_rules.yaml, chat.labels.nl)."""
    return register_rules().chat["labels"]["nl"]


def kind_choices() -> tuple[str, ...]:
    """The kinds the register page filters on, in the register's order."""
    return KINDS


def kind_label(kind: str) -> str:
    return labels()["kind"].get(kind, kind)


def open_label(value: bool | None) -> str:
    return {True: "open", False: "afgehandeld"}.get(value, "onbekend")


def item_period(item: RegisterItem) -> tuple[date, date] | None:
    if not item.date:
        return None
    start, end = first_day(item.date), last_day(item.date)
    return (start, end) if start and end else None


def period_bounds(items: Iterable[RegisterItem]) -> tuple[date, date] | None:
    periods = [p for p in (item_period(i) for i in items) if p]
    if not periods:
        return None
    return min(p[0] for p in periods), max(p[1] for p in periods)


def filter_items(
    items: Iterable[RegisterItem],
    *,
    open_only: bool = False,
    kinds: Sequence[str] = (),
    period: tuple[date, date] | None = None,
    query: str = "",
) -> list[RegisterItem]:
    """Items that are open (when asked), of the kinds chosen (all when none), whose date overlaps the
    period (with a period, items without a date are left out), and that contain `query` in their
    Kamerstuk, members, subject or debate (case-insensitive)."""
    wanted = " ".join(query.split()).lower()
    chosen = []
    for item in items:
        if wanted and wanted not in " ".join(
            [item.kamerstuk or "", ", ".join(item.members), item.subject or "", item.debate or "", item.kind]
        ).lower():
            continue
        if open_only and item.open is not True:
            continue
        if kinds and item.kind not in kinds:
            continue
        if period is not None:
            own = item_period(item)
            if own is None or own[1] < period[0] or own[0] > period[1]:
                continue
        chosen.append(item)
    return chosen


def official_columns(item: RegisterItem, official) -> dict[str, str]:
    """The Kamer's own record beside the documents' (empty until `imvo sync motions` / "Dossier bijwerken")."""
    record = official.as_dict(item) if official else None
    if not record:
        return {"Kamer": "", "Afgedaan (Kamer)": "", "Afwijking": ""}
    totals = record.get("totals") or {}
    state = record.get("outcome") or record.get("status") or "geen besluit"
    if totals:
        state += f" ({totals['voor']}–{totals['tegen']})"
    afgedaan = {True: "ja", False: "nee", None: "onbekend"}[record.get("afgedaan")] if record["kind"] == "motie" else ""
    conflict = official.disagreements(item)
    # the flag leads the Kamer column too: the table has no room for "Afwijking" at 1400 px
    return {
        "Kamer": ("⚠ " if conflict else "") + state,
        "Afgedaan (Kamer)": afgedaan,
        "Afwijking": ("⚠ " + "; ".join(conflict)) if conflict else "",
    }


def register_frame(items: Sequence[RegisterItem], official=None) -> pd.DataFrame:
    names = labels()
    rows = [
        {
            "id": item.id,
            "Soort": kind_label(item.kind),
            "Kamerstuk": kamerstuk_link(item.kamerstuk),
            "Leden / door": ", ".join(item.members),
            "Datum": dutch_date(item.date) or "onbekend",
            "Onderwerp": item.subject or "",
            "Status": names["status"].get(item.status, item.status) + (" (afgeleid)" if item.status_inferred else "")
            + (" (tegenstrijdig)" if item.contradicted else ""),
            "Uitvoering": names["execution"].get(item.execution, item.execution),
            "Open": open_label(item.open),
            "Debat": item.debate or "",
            **official_columns(item, official),
        }
        for item in items
    ]
    columns = ["id", "Soort", "Kamerstuk", "Leden / door", "Datum", "Status", "Uitvoering", "Open", "Kamer",
               "Afgedaan (Kamer)", "Afwijking", "Onderwerp", "Debat"]
    return pd.DataFrame(rows, columns=columns).set_index("id")


# What the table shows at 1400 px without cutting off a column (pixel widths; the rest is in the detail
# below the table and in the CSV download).
TABLE_COLUMNS = ["Soort", "Kamerstuk", "Leden / door", "Datum", "Status", "Open", "Kamer", "Onderwerp"]
TABLE_WIDTHS = {"Soort": 90, "Kamerstuk": 85, "Leden / door": 140, "Datum": 100, "Status": 130, "Open": 75,
                "Kamer": 115, "Onderwerp": 160}


def item_title(item: RegisterItem) -> str:
    who = ", ".join(item.members) or "onbekend"
    number = f" (Kamerstuk {item.kamerstuk})" if item.kamerstuk else ""
    return f"{kind_label(item.kind)} {who}{number}"


ASPECT_NL = {"status": "Status", "execution": "Uitvoering"}


@dataclass
class Evidence:
    """One passage behind an item: what it shows (Dutch, e.g. "Status: aangenomen") and the sentences
    that show it. A passage that only mentions the item has no findings and no quotes."""

    passage: Passage
    quotes: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)


def _passage(entry: dict[str, Any]) -> Passage:
    return Passage(
        chunk_id=entry.get("chunk_id", ""),
        doc_id=entry.get("doc_id", ""),
        text=entry.get("text", ""),
        title=entry.get("title", ""),
        doc_type=entry.get("doc_type", ""),
        date=entry.get("doc_date"),
        source=entry.get("source", ""),
        page=int(entry.get("page") or 0),
    )


def _finding(item: RegisterItem, aspect: str, value: str) -> str:
    names = labels()
    shown = names.get(aspect, {}).get(value, value) if isinstance(names.get(aspect), dict) else value
    inferred = f" ({names['inferred']})" if aspect == "status" and item.status_inferred else ""
    return f"{ASPECT_NL.get(aspect, aspect)}: {shown}{inferred}"



# --- "Dossier bijwerken" -----------------------------------------------------------------------------
_STAGES = {"list": "zoeken", "download": "downloaden", "prepare": "lezen", "embed": "embedden", "index": "indexeren",
           "motions": "moties (open data)"}


def progress_callback(bar):
    """A progress(stage, done, total) that drives one st.progress bar."""

    def progress(stage: str, done: int, total: int) -> None:
        fraction = min(1.0, done / total) if total else 0.0
        bar.progress(fraction, text=f"{_STAGES.get(stage, stage)}: {done}/{total or '?'}")

    return progress


def update_summary(summary) -> str:
    fetch = summary.fetch
    text = (f"Dossier {fetch.dossier}: {len(fetch.downloaded)} nieuwe Kamerstukken opgehaald, {fetch.held} al aanwezig "
            f"(van {fetch.listed})")
    if summary.ingest is not None:
        text += f"; {summary.ingest.count('ingested')} documenten verwerkt"
    if summary.sync is not None:
        text += f"; {summary.sync.motions} moties met officiële status"
    return text + "."


def update_problems(summary) -> list[str]:
    problems = [f"{kamerstuk}: {reason}" for kamerstuk, reason in summary.fetch.failed]
    if summary.fetch.interrupted:
        problems.append(f"Onderbroken: {summary.fetch.interrupted}")
    if summary.ingest is not None:
        problems += [f"{o.source}: {o.detail}" for o in summary.ingest.failed]
    if summary.sync is not None:
        problems += [f"{what}: {reason}" for what, reason in summary.sync.failed]
    return problems
def evidence(item: RegisterItem) -> list[Evidence]:
    """Each passage once: first those behind the item's status and execution (with what they show and
    the sentences that show it), then every other passage that mentions the item."""
    by_chunk: dict[str, Evidence] = {}
    for entry in item.evidence:
        chunk = entry.get("chunk_id", "")
        found = by_chunk.setdefault(chunk, Evidence(_passage(entry)))
        finding = _finding(item, entry.get("aspect", ""), entry.get("value", ""))
        if entry.get("conflict"):  # evidence that contradicts the state the item shows: say so
            finding += " — tegenstrijdig met de gekozen status"
        if finding not in found.findings:
            found.findings.append(finding)
        quote = entry.get("quote")
        if quote and quote not in found.quotes:
            found.quotes.append(quote)
    for entry in item.mentions:
        chunk = entry.get("chunk_id", "")
        if chunk not in by_chunk:
            by_chunk[chunk] = Evidence(_passage(entry))
    return list(by_chunk.values())
