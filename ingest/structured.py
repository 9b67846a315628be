"""Blocks a loader read from a file's own structure (an XML Kamerstuk) → CleanDocument, without the
line heuristics that plain text needs: characters are normalised, nothing is joined or split."""

from __future__ import annotations

from ingest.parsed import Block, CleanDocument, LoadedDocument
from ingest.text_repair import normalise_unicode


def clean_structured(doc: LoadedDocument) -> CleanDocument:
    labels = {page.number: page.label for page in doc.pages}
    blocks: list[Block] = []
    parts: list[str] = []
    page_breaks: list[tuple[int, int]] = []
    offset = 0
    heading: str | None = None
    for raw in doc.structure or []:
        text = normalise_unicode(raw.text).strip()
        if not text:
            continue
        if parts:
            offset += 2
        start = offset
        if not page_breaks or page_breaks[-1][1] != raw.page:
            page_breaks.append((start, raw.page))
        if raw.kind == "heading":
            heading = text
        blocks.append(
            Block(
                kind=raw.kind,
                text=text,
                page=raw.page,
                start=start,
                end=start + len(text),
                page_label=labels.get(raw.page),
                footnote_id=raw.footnote_id,
                footnote_refs=tuple(raw.footnote_refs),
                heading=heading,
            )
        )
        parts.append(text)
        offset += len(text)
    return CleanDocument(text="\n\n".join(parts), blocks=blocks, page_breaks=page_breaks)
