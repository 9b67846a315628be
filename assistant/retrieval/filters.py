"""Search filters (document type, period, document, Kamerstuk) resolved to the passages they allow."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.text.kamerstuk import normalise_kamerstuk
from assistant.core.model import Passage


@dataclass(frozen=True)
class SearchFilters:
    doc_types: frozenset[str] = field(default_factory=frozenset)
    doc_ids: frozenset[str] = field(default_factory=frozenset)
    date_from: str | None = None  # ISO prefix, inclusive: "2016" or "2016-03-01"
    date_to: str | None = None
    kamerstuk: str | None = None  # "26485-341" or any form normalise_kamerstuk understands

    @property
    def active(self) -> bool:
        return bool(self.doc_types or self.doc_ids or self.date_from or self.date_to or self.kamerstuk)

    def normalised_kamerstuk(self) -> str | None:
        if not self.kamerstuk:
            return None
        return normalise_kamerstuk(self.kamerstuk) or self.kamerstuk

    def allows_document(self, passage: Passage) -> bool:
        if self.doc_types and passage.doc_type not in self.doc_types:
            return False
        if self.doc_ids and passage.doc_id not in self.doc_ids:
            return False
        if self.date_from or self.date_to:
            if not passage.date:
                return False
            # Compare on the shared precision: a document dated "2016-06" is inside "2016-06-01".."2016-06-30".
            if self.date_from and passage.date < self.date_from[: len(passage.date)]:
                return False
            if self.date_to and passage.date[: len(self.date_to)] > self.date_to:
                return False
        return True

    def allows(self, passage: Passage) -> bool:
        if not self.allows_document(passage):
            return False
        wanted = self.normalised_kamerstuk()
        return not wanted or wanted in passage.kamerstuk_refs
