"""Kamerstuk references: find them in text, normalise them ("26485-212"), link them."""

from __future__ import annotations

import re
from dataclasses import dataclass

# dossier number: 5 digits, often printed "26 485"; optional "(R1234)" etc. not handled.
_DOSSIER = r"(?P<dossier>\d{2}\s?\d{3})"
_NR = r"(?P<nr>\d{1,4})"
_PATTERN = re.compile(
    r"(?:Kamerstuk(?:ken)?(?:\s+(?:I{1,2}|TK|EK))?(?:\s+\d{4}\s*[/–-]\s*\d{2,4})?[\s,]*)?"
    + _DOSSIER
    + r"\s*,?\s*(?:nr\.?|nummer|no\.?)\s*"
    + _NR
    + r"\b",
    re.IGNORECASE,
)

URL_TEMPLATE = "https://zoek.officielebekendmakingen.nl/kst-{dossier}-{nr}.html"


@dataclass(frozen=True)
class KamerstukRef:
    id: str  # "26485-212"
    start: int
    end: int
    raw: str


def normalise_kamerstuk(text: str) -> str | None:
    """'Kamerstuk 26 485, nr. 212' → '26485-212'; already-normal ids pass through; else None."""
    text = text.strip()
    m = re.fullmatch(r"(\d{5})-(\d{1,4})", text)
    if m:
        return f"{m.group(1)}-{int(m.group(2))}"
    m = _PATTERN.search(text)
    if not m:
        return None
    return f"{m.group('dossier').replace(' ', '')}-{int(m.group('nr'))}"


def find_kamerstuk_refs(text: str) -> list[KamerstukRef]:
    refs = []
    for m in _PATTERN.finditer(text):
        refs.append(
            KamerstukRef(
                id=f"{m.group('dossier').replace(' ', '')}-{int(m.group('nr'))}",
                start=m.start(),
                end=m.end(),
                raw=m.group(0),
            )
        )
    return refs


def kamerstuk_url(kamerstuk_id: str) -> str:
    dossier, nr = kamerstuk_id.split("-", 1)
    return URL_TEMPLATE.format(dossier=dossier, nr=nr)
