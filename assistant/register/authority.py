"""Which source decides an item's state: the official record over Kamerstukken over letters over other
documents over uploads, and a dated document over an undated one.

A signal's authority is a tuple compared as a whole (higher wins):
(official record?, not an upload?, dated?, tier of its document type). So an upload never outranks a
document from the corpus, and an undated document never outranks a dated one of the same standing.
The official record (the Kamer's own registration of a motion, joined in per item) ranks above all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.core.model import Passage

# Tiers of document types; types not listed count as "other documents" (tier 1).
TIER_OFFICIAL = 4
TIER_KAMERSTUK = 3
TIER_LETTER = 2
TIER_OTHER = 1
TIER_UPLOAD = 0

Rank = tuple[int, int, int, int]


@dataclass(frozen=True)
class Authority:
    """How much a passage's document counts; built from register_rules.yaml and the uploaded doc ids."""

    kamerstuk_types: frozenset[str] = frozenset()
    letter_types: frozenset[str] = frozenset()
    official_types: frozenset[str] = frozenset()
    uploaded_docs: frozenset[str] = field(default_factory=frozenset)

    def tier(self, p: Passage) -> int:
        if p.doc_type in self.official_types:
            return TIER_OFFICIAL
        if p.doc_id in self.uploaded_docs:
            return TIER_UPLOAD
        if p.doc_type in self.kamerstuk_types:
            return TIER_KAMERSTUK
        if p.doc_type in self.letter_types:
            return TIER_LETTER
        return TIER_OTHER

    def rank(self, p: Passage) -> Rank:
        tier = self.tier(p)
        return (int(tier == TIER_OFFICIAL), int(tier != TIER_UPLOAD), int(bool(p.date)), tier)

    def label(self, p: Passage) -> str:
        return {
            TIER_OFFICIAL: "officiële registratie",
            TIER_KAMERSTUK: "Kamerstuk",
            TIER_LETTER: "brief",
            TIER_OTHER: "document",
            TIER_UPLOAD: "upload",
        }[self.tier(p)]


def default_authority(uploaded_docs: frozenset[str] | set[str] = frozenset()) -> Authority:
    from assistant.register.rules import register_rules

    tiers = register_rules().authority
    return Authority(
        kamerstuk_types=frozenset(tiers.get("kamerstuk", ())),
        letter_types=frozenset(tiers.get("letter", ())),
        official_types=frozenset(tiers.get("official", ())),
        uploaded_docs=frozenset(uploaded_docs),
    )
