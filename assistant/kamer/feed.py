"""Toezeggingen from the Tweede Kamer's SyncFeed (Atom 1.0): `Feed?category=Toezegging&skiptoken=n`.

Each entry holds the entity as it is now in `<content type="application/xml">` (namespace
tkData/v1-0: nummer, tekst, status, ministerie, naam, functie, aanmaakdatum, datumNakoming, ...), or a
tombstone with verwijderd="true"; the feed's `<link rel="next">` carries the next skiptoken. The last
skiptoken is kept, so the next sync reads only what changed since.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

from assistant.core.errors import RemoteServiceError
from assistant.kamer.http import PoliteClient
from assistant.kamer.record import OfficialToezegging, ToezeggingFeedState

ATOM = "{http://www.w3.org/2005/Atom}"
_FIELDS = {
    "nummer": "nummer", "tekst": "tekst", "status": "status", "ministerie": "ministerie", "naam": "naam",
    "functie": "functie", "aanmaakdatum": "aanmaakdatum", "datumNakoming": "datum_nakoming",
}  # fmt: skip


@dataclass
class FeedPage:
    items: list[OfficialToezegging]
    deleted: list[str]
    next_url: str | None
    next_skiptoken: int | None


def parse_feed_page(data: bytes, *, source: str, entity_url: str) -> FeedPage:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise RemoteServiceError(f"{source} sent malformed XML ({exc}): try again later") from None
    if root.tag != f"{ATOM}feed":
        raise RemoteServiceError(f"{source} did not answer with an Atom feed: check IMVO_TK_SYNCFEED_URL")
    items, deleted = [], []
    for entry in root.findall(f"{ATOM}entry"):
        content = entry.find(f"{ATOM}content")
        entity = next(iter(content), None) if content is not None else None
        if entity is None or _local(entity.tag) != "toezegging":
            continue
        entity_id = entity.get("id") or (entry.findtext(f"{ATOM}title") or "").strip()
        if _attr(entity, "verwijderd") == "true":
            deleted.append(entity_id)
            continue
        values = {}
        for child in entity:
            name = _FIELDS.get(_local(child.tag))
            if name and _attr(child, "nil") != "true":
                values[name] = (child.text or "").strip() or None
        items.append(OfficialToezegging(id=entity_id, url=f"{entity_url.rstrip('/')}/{entity_id}", **values))
    next_url = None
    for link in root.findall(f"{ATOM}link"):
        if link.get("rel") == "next":
            next_url = link.get("href")
    token = None
    if next_url:
        values = parse_qs(urlparse(next_url).query).get("skiptoken")
        token = int(values[0]) if values and values[0].lstrip("-").isdigit() else None
    return FeedPage(items, deleted, next_url, token)


def sync_toezeggingen(
    client: PoliteClient,
    feed_url: str,
    state: ToezeggingFeedState,
    *,
    on_page: Callable[[int], None] | None = None,
    max_pages: int | None = None,
) -> int:
    """Read the feed from the stored skiptoken on, updating `state` page by page; returns pages read.
    A failure leaves `state` at the last complete page, so the caller can save it and resume."""
    entity_url = feed_url.rsplit("/", 1)[0] + "/Entiteiten"
    params: dict[str, str] | None = {"category": "Toezegging"}
    if state.skiptoken is not None:
        params["skiptoken"] = str(state.skiptoken)
    url: str | None = feed_url
    pages = 0
    while url and (max_pages is None or pages < max_pages):
        response = client.get(url, params=params)
        page = parse_feed_page(response.content, source=url, entity_url=entity_url)
        for item in page.items:
            state.items[item.id] = item
        for gone in page.deleted:
            state.items.pop(gone, None)
        pages += 1
        if on_page:
            on_page(pages)
        if page.next_skiptoken is not None:
            if page.next_skiptoken == state.skiptoken:
                break
            state.skiptoken = page.next_skiptoken
        url, params = page.next_url, None
    return pages


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attr(el: ET.Element, name: str) -> str | None:
    for key, value in el.attrib.items():
        if _local(key) == name:
            return value.strip().lower()
    return None
