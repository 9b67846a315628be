"""A document as the ingest stages parse it: pages, blocks and clean text (before it becomes passages)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from assistant.core.model import PassageKind as BlockKind


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
