"""The sidebar's search filters: which choices the documents offer, and the SearchFilters they make."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from assistant.retrieval.filters import SearchFilters
from assistant.core.model import StoredDocument
from assistant.webapp.formatting import dutch_date, first_day, last_day


@dataclass(frozen=True)
class FilterOptions:
    doc_types: list[str]
    documents: dict[str, str]  # doc_id → title, ordered by date
    first: date | None
    last: date | None

    @property
    def has_period(self) -> bool:
        return self.first is not None and self.last is not None and self.first < self.last


def filter_options(documents: Iterable[StoredDocument]) -> FilterOptions:
    docs = sorted(documents, key=lambda d: (d.metadata.date or "9999", d.metadata.title))
    dates = [d.metadata.date for d in docs if d.metadata.date]
    firsts = [x for x in (first_day(s) for s in dates) if x]
    lasts = [x for x in (last_day(s) for s in dates) if x]
    return FilterOptions(
        doc_types=sorted({d.metadata.doc_type for d in docs}),
        documents={d.doc_id: d.metadata.title for d in docs},
        first=min(firsts) if firsts else None,
        last=max(lasts) if lasts else None,
    )


def make_filters(
    options: FilterOptions,
    doc_types: Sequence[str] = (),
    doc_ids: Sequence[str] = (),
    period: Sequence[date] | None = None,
) -> SearchFilters:
    """SearchFilters for the sidebar's choices. The full period means no date filter, so that
    documents without a date are not left out."""
    date_from = date_to = None
    if period and options.has_period:
        start = period[0]
        end = period[1] if len(period) > 1 else options.last
        if start and start > options.first:
            date_from = start.isoformat()
        if end and end < options.last:
            date_to = end.isoformat()
    return SearchFilters(
        doc_types=frozenset(t for t in doc_types if t in options.doc_types),
        doc_ids=frozenset(d for d in doc_ids if d in options.documents),
        date_from=date_from,
        date_to=date_to,
    )


def describe_filters(filters: SearchFilters, options: FilterOptions) -> str:
    """'Kamerbrief; vanaf 1 januari 2016' — empty when no filter is active."""
    parts = []
    if filters.doc_types:
        parts.append(", ".join(sorted(filters.doc_types)))
    if filters.doc_ids:
        parts.append(", ".join(options.documents.get(d, d) for d in sorted(filters.doc_ids)))
    if filters.date_from and filters.date_to:
        parts.append(f"{dutch_date(filters.date_from)} t/m {dutch_date(filters.date_to)}")
    elif filters.date_from:
        parts.append(f"vanaf {dutch_date(filters.date_from)}")
    elif filters.date_to:
        parts.append(f"tot en met {dutch_date(filters.date_to)}")
    return "; ".join(parts)
