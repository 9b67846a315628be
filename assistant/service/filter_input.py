"""Search filters as callers type them (CLI options, API fields) checked and turned into `SearchFilters`.

One place for both edges, so that a filter the CLI refuses the API refuses too, with the same reason.
Field names are the CLI's option names without dashes: type, from, to, doc, kamerstuk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from assistant.core.errors import InvalidFilterError
from assistant.text.kamerstuk import normalise_kamerstuk
from assistant.retrieval.filters import SearchFilters

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class FilterChoices:
    """What the store holds: a filter naming anything else can only ever match nothing."""

    doc_types: frozenset[str] = field(default_factory=frozenset)
    doc_ids: frozenset[str] = field(default_factory=frozenset)


def _date(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip()
    match = _DATE.fullmatch(text)
    if not match:
        raise InvalidFilterError(name, f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        date(year, month, day)
    except ValueError as exc:
        raise InvalidFilterError(name, f"{value!r} is not a date ({exc}): use YYYY, YYYY-MM or YYYY-MM-DD") from exc
    return text


def _known(name: str, values: Iterable[str], known: frozenset[str] | None, what: str) -> frozenset[str]:
    chosen = frozenset(v.strip() for v in values if v and v.strip())
    unknown = sorted(chosen - known) if known is not None else []
    if unknown:
        listed = ", ".join(sorted(known)[:20]) + (", …" if len(known) > 20 else "")
        raise InvalidFilterError(name, f"unknown {what} {', '.join(map(repr, unknown))}; the store has: {listed}")
    return chosen


def parse_filters(
    *,
    doc_types: Iterable[str] = (),
    date_from: str | None = None,
    date_to: str | None = None,
    doc_ids: Iterable[str] = (),
    kamerstuk: str | None = None,
    choices: FilterChoices | None = None,
) -> SearchFilters:
    """The filters, or InvalidFilterError naming the first bad one. Without `choices`, types and
    document ids are taken as given."""
    start, end = _date("from", date_from), _date("to", date_to)
    if start and end and start[: len(end)] > end[: len(start)]:
        raise InvalidFilterError("from", f"{start} is after the end of the period ({end}): swap them")
    if kamerstuk is not None and kamerstuk.strip() and normalise_kamerstuk(kamerstuk) is None:
        raise InvalidFilterError(
            "kamerstuk", f"{kamerstuk!r} is not a Kamerstuk number: write it as 26485-341 or 'Kamerstuk 26485, nr. 341'"
        )
    return SearchFilters(
        doc_types=_known("type", doc_types, choices.doc_types if choices else None, "document type"),
        doc_ids=_known("doc", doc_ids, choices.doc_ids if choices else None, "document id"),
        date_from=start,
        date_to=end,
        kamerstuk=kamerstuk.strip() if kamerstuk and kamerstuk.strip() else None,
    )
