"""Plain data passed between the ingestion stages."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

BlockKind = Literal["heading", "paragraph", "list_item", "footnote", "signature"]


@dataclass(frozen=True)
class PageText:
    """One physical page as the loader found it (a whole file is one page when the format has none)."""

    number: int  # physical page, 1-based
    text: str
    label: str | None = None  # printed page label when the source gives one (PDF /PageLabels)


@dataclass
class LoadedDocument:
    path: Path
    format: Literal["pdf", "txt", "md", "html", "xml"]
    pages: list[PageText]
    content_hash: str  # sha256 of the file bytes
    warnings: list[str] = field(default_factory=list)
    # Blocks read from the file's own structure (an XML Kamerstuk); cleaning then keeps them as they are.
    structure: list[Any] | None = None


@dataclass(frozen=True)
class Block:
    """A structural unit of cleaned text. `start`/`end` are offsets into CleanDocument.text."""

    kind: BlockKind
    text: str
    page: int
    start: int
    end: int
    page_label: str | None = None
    footnote_id: str | None = None  # for kind == "footnote": its number/marker
    footnote_refs: tuple[str, ...] = ()  # footnote ids cited inside this block
    heading: str | None = None  # the section heading this block falls under


@dataclass
class CleanDocument:
    """Cleaned text plus the map back to pages: every block knows its page and offsets."""

    text: str  # blocks joined with "\n\n"
    blocks: list[Block]
    # (offset, page): the text from `offset` on belongs to `page`, until the next entry. Finer than
    # blocks: a paragraph continued on the next page changes page inside the block.
    page_breaks: list[tuple[int, int]] = field(default_factory=list)

    def page_at(self, offset: int) -> int:
        if self.page_breaks:
            index = bisect.bisect_right(self.page_breaks, offset, key=lambda entry: entry[0]) - 1
            return self.page_breaks[max(index, 0)][1]
        for block in self.blocks:
            if block.start <= offset < block.end + 2:
                return block.page
        return self.blocks[-1].page if self.blocks else 1


@dataclass
class DocumentMetadata:
    doc_id: str
    title: str
    doc_type: str  # Kamerbrief, brief aan Kamerleden, brief aan minister, SER-notitie, ... or "onbekend"
    date: str | None = None  # ISO date, or YYYY-MM / YYYY when that is all the text tells
    date_basis: str | None = None  # how the date was determined
    senders: list[str] = field(default_factory=list)
    addressee: str | None = None
    kamerstuk: str | None = None  # this document's own number, normalised "26485-212"
    kamerstuk_refs: list[str] = field(default_factory=list)  # every reference in the text, normalised
    source: str = ""  # path relative to the corpus folder
    source_url: str | None = None  # where the document was published (an official publication's page)
    summary: str | None = None
    original_name: str | None = None  # the file's earlier name (e.g. the seed name the eval set uses)
    notes: str | None = None
    extracted: bool = True  # False when the curated metadata file supplied the fields


@dataclass
class Chunk:
    chunk_id: str
    doc_id: str
    text: str
    kind: BlockKind  # kind of its first block; "footnote" for footnote passages
    page: int
    page_label: str | None
    heading: str | None
    start: int  # offsets into CleanDocument.text
    end: int
    kamerstuk_refs: list[str]
    content_hash: str
    ordinal: int  # position in the document
    footnote_of: str | None = None  # for footnote chunks: chunk_id of the passage that cites it
