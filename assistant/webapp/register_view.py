"""The motions & commitments register as a filtered table, and each item's evidence as passages."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from assistant.models import Passage
from assistant.register import RegisterItem
from assistant.register.rules import register_rules
from assistant.webapp.documents import kamerstuk_link
from assistant.webapp.formatting import dutch_date, first_day, last_day


def labels() -> dict[str, Any]:
    """The Dutch names of kinds, statuses and execution states (register_rules.yaml, chat.labels.nl)."""
    return register_rules().chat["labels"]["nl"]


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
) -> list[RegisterItem]:
    """Items that are open (when asked), of the kinds chosen (all when none), and whose date overlaps
    the period; with a period, items without a date are left out."""
    chosen = []
    for item in items:
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


def register_frame(items: Sequence[RegisterItem]) -> pd.DataFrame:
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
        }
        for item in items
    ]
    columns = ["id", "Soort", "Kamerstuk", "Leden / door", "Datum", "Status", "Uitvoering", "Open", "Onderwerp", "Debat"]
    return pd.DataFrame(rows, columns=columns).set_index("id")


def item_title(item: RegisterItem) -> str:
    who = ", ".join(item.members) or "onbekend"
    number = f" (Kamerstuk {item.kamerstuk})" if item.kamerstuk else ""
    return f"{kind_label(item.kind)} {who}{number}"


@dataclass
class Evidence:
    passage: Passage
    quote: str | None
    reason: str  # "status: aangenomen — …", or "" for a plain mention


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


def evidence(item: RegisterItem) -> list[Evidence]:
    """The passages behind the item's status and execution, then every other passage that mentions it."""
    names = labels()
    found: list[Evidence] = []
    seen: set[str] = set()
    for entry in item.evidence:
        aspect, value = entry.get("aspect", ""), entry.get("value", "")
        shown = names.get(aspect, {}).get(value, value) if isinstance(names.get(aspect), dict) else value
        reason = f"{aspect}: {shown}" + (f" — {entry['reason']}" if entry.get("reason") else "")
        found.append(Evidence(_passage(entry), entry.get("quote"), reason))
        seen.add(entry.get("chunk_id", ""))
    for entry in item.mentions:
        if entry.get("chunk_id") not in seen:
            seen.add(entry.get("chunk_id", ""))
            found.append(Evidence(_passage(entry), None, ""))
    return found

