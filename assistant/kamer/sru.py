"""The official publications' SRU search (KOOP, SRU 2.0): a dossier's Kamerstukken with their metadata.

Response shape (namespaces sru, gzd, overheidwetgeving, dcterms): `sru:numberOfRecords`, then per
`sru:record` a `gzd:gzd` with `gzd:originalData` (dcterms:identifier "kst-26485-341", dcterms:title,
dcterms:issued, overheidwetgeving:dossiernummer / ondernummer / vergaderjaar, a subrubriek in scheme
OVERHEIDop.KamerstukTypen such as "Motie", and the indiener where given) and `gzd:enrichedData` (url,
preferredUrl, itemUrl per manifestation html|metadata|pdf|xml). Elements are found by local name so
that a moved element or another prefix does not break the parse.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field

from assistant.core.errors import RemoteServiceError
from assistant.kamer.http import PoliteClient

SRU_NS = "http://docs.oasis-open.org/ns/search-ws/sruResponse"
_KIND_SCHEME = "OVERHEIDop.KamerstukTypen"


@dataclass(frozen=True)
class KamerstukRecord:
    identifier: str  # "kst-26485-341"
    dossier: str  # "26485" (or "34550-XVII")
    number: str  # ondernummer: "341"
    title: str
    kind: str  # KamerstukTypen: Motie, Brief, Verslag, ... ("" when not given)
    date: str | None  # ISO date of issue
    indiener: list[str] = field(default_factory=list)
    vergaderjaar: str | None = None
    preferred_url: str | None = None  # the reading view on zoek.officielebekendmakingen.nl
    urls: dict[str, str] = field(default_factory=dict)  # manifestation (xml, pdf, html, metadata) → URL

    @property
    def kamerstuk(self) -> str:
        return f"{self.dossier}-{self.number}"


def dossier_query(dossier: str) -> str:
    return f"(c.product-area==officielepublicaties AND w.dossiernummer=={dossier})"


def search_dossier(client: PoliteClient, base_url: str, dossier: str, *, page_size: int) -> Iterator[tuple[list[KamerstukRecord], int]]:
    """Pages of Kamerstuk records of the dossier, each with the total the service reports."""
    start = 1
    while True:
        params = {"query": dossier_query(dossier), "maximumRecords": str(page_size), "startRecord": str(start),
                  "httpAccept": "application/xml"}
        response = client.get(base_url, params=params)
        records, total, next_position = parse_sru_page(response.content, source=base_url)
        yield records, total
        if next_position is None or next_position <= start or next_position > total:
            return
        start = next_position


def parse_sru_page(data: bytes, *, source: str = "SRU") -> tuple[list[KamerstukRecord], int, int | None]:
    """(Kamerstuk records, numberOfRecords, nextRecordPosition or None) of one SRU response."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise RemoteServiceError(f"{source} sent malformed XML ({exc}): try again later") from None
    if _local(root.tag) != "searchRetrieveResponse":
        raise RemoteServiceError(f"{source} did not answer with an SRU searchRetrieveResponse: check IMVO_SRU_URL")
    diagnostic = _find(root, "diagnostic")
    if diagnostic is not None:
        message = _text(_find(diagnostic, "message")) or _text(_find(diagnostic, "details")) or "unknown"
        raise RemoteServiceError(f"{source} refused the search: {message}")
    total_text = _text(_find(root, "numberOfRecords"))
    if not total_text or not total_text.isdigit():
        raise RemoteServiceError(f"{source} sent an SRU answer without numberOfRecords: try again later")
    records = [r for r in (_record(el) for el in root.iter(f"{{{SRU_NS}}}record")) if r is not None]
    next_text = _text(_find(root, "nextRecordPosition"))
    if next_text and next_text.isdigit():
        next_position = int(next_text)
    else:
        positions = [int(t) for t in (_text(el) for el in root.iter(f"{{{SRU_NS}}}recordPosition")) if t and t.isdigit()]
        # no nextRecordPosition: the last page, unless the positions show that records remain
        next_position = max(positions) + 1 if positions and max(positions) < int(total_text) else None
    return records, int(total_text), next_position


def _record(el: ET.Element) -> KamerstukRecord | None:
    identifier = _text(_find(el, "identifier")) or ""
    if not identifier.startswith("kst-"):
        return None  # Handelingen, Staatscourant and other publications share the dossier number
    dossier = _text(_find(el, "dossiernummer"))
    number = _text(_find(el, "ondernummer"))
    if not dossier or not number:
        m = re.fullmatch(r"kst-(\d{5}(?:-[A-Z]+)?)-(\w+?)(?:-n\d+)?", identifier)
        if not m:
            return None
        dossier, number = m.group(1), m.group(2)
    kind = next((_text(s) or "" for s in _iter(el, "subrubriek") if s.get("scheme") == _KIND_SCHEME), "")
    if not kind:
        kind = next((_text(s) or "" for s in _iter(el, "type") if s.get("scheme", "").endswith("KamerstukTypen")), "")
    urls = {item.get("manifestation", ""): (_text(item) or "") for item in _iter(el, "itemUrl")}
    issued = _text(_find(el, "issued")) or _text(_find(el, "date"))
    return KamerstukRecord(
        identifier=identifier,
        dossier=dossier.replace(" ", ""),
        number=number.strip(),
        title=" ".join((_text(_find(el, "title")) or identifier).split()),
        kind=kind,
        date=issued[:10] if issued else None,
        indiener=[t for t in (_text(i) for i in _iter(el, "indiener")) if t],
        vergaderjaar=_text(_find(el, "vergaderjaar")),
        preferred_url=_text(_find(el, "preferredUrl")),
        urls={k: v for k, v in urls.items() if k and v},
    )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _iter(el: ET.Element, name: str) -> Iterator[ET.Element]:
    return (e for e in el.iter() if _local(e.tag) == name)


def _find(el: ET.Element, name: str) -> ET.Element | None:
    return next(_iter(el, name), None)


def _text(el: ET.Element | None) -> str | None:
    if el is None:
        return None
    text = "".join(el.itertext()).strip()
    return text or None
