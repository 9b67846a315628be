"""Raw blocks → CleanDocument: footnotes placed after their page's text, hyphens rejoined, offsets and page breaks."""

from __future__ import annotations

from ingest.blocks import FlowLine, RawBlock
from ingest.clean_rules import CleanRules
from ingest.parsed import Block, CleanDocument
from ingest.text_repair import join_two

def place_footnotes(
    blocks: list[RawBlock], flow: list[FlowLine], footnotes: dict[int, list[tuple[str | None, list[str]]]]
) -> list[RawBlock]:
    """Put each page's footnotes right after the block in which that page's running text ends."""
    last_line_of_page: dict[int, int] = {}
    for index, line in enumerate(flow):
        last_line_of_page[line.page] = index
    latest = -1
    for page in sorted(set(last_line_of_page) | set(footnotes)):  # a page of footnotes only: after the page before
        latest = last_line_of_page.setdefault(page, latest)
    position = {id(line): index for index, line in enumerate(flow)}
    pending = [page for page in sorted(footnotes) if footnotes[page]]
    out: list[RawBlock] = []

    def flush(upto: int) -> None:
        while pending and last_line_of_page.get(pending[0], -1) <= upto:
            page = pending.pop(0)
            for note_id, lines in footnotes[page]:
                out.append(RawBlock("footnote", [FlowLine(t, page, False, False) for t in lines], footnote_id=note_id))

    flush(-1)
    for block in blocks:
        out.append(block)
        flush(position[id(block.lines[-1])])
    flush(len(flow))
    return out


def assemble_document(
    raw_blocks: list[RawBlock], labels: dict[int, str | None], vocabulary: frozenset[str], rules: CleanRules
) -> CleanDocument:
    blocks: list[Block] = []
    parts: list[str] = []
    page_breaks: list[tuple[int, int]] = []
    offset = 0
    heading: str | None = None

    def mark(at: int, page: int) -> None:
        if not page_breaks or page_breaks[-1][1] != page:
            page_breaks.append((at, page))

    for raw in raw_blocks:
        text, changes = _block_text(raw, vocabulary, rules)
        if not text:
            continue
        if parts:
            offset += 2
        start = offset
        page = raw.lines[0].page
        mark(start, page)
        for at, changed_page in changes:
            mark(start + at, changed_page)
        if raw.kind == "heading":
            heading = text
        refs = tuple(dict.fromkeys(ref for line in raw.lines for ref in line.refs))
        blocks.append(
            Block(
                kind=raw.kind,
                text=text,
                page=page,
                start=start,
                end=start + len(text),
                page_label=labels.get(page),
                footnote_id=raw.footnote_id,
                footnote_refs=refs,
                heading=heading,
            )
        )
        parts.append(text)
        offset = start + len(text)
    return CleanDocument(text="\n\n".join(parts), blocks=blocks, page_breaks=page_breaks)


def _block_text(raw: RawBlock, vocabulary: frozenset[str], rules: CleanRules) -> tuple[str, list[tuple[int, int]]]:
    """The block's text and the offsets in it where a new page begins."""
    text = raw.lines[0].text
    changes: list[tuple[int, int]] = []
    page = raw.lines[0].page
    for line in raw.lines[1:]:
        # A signature keeps its lines (names in columns); everything else is reflowed.
        text = f"{text}\n{line.text}" if raw.kind == "signature" else join_two(text, line.text, vocabulary, rules)
        if line.page != page:
            page = line.page
            changes.append((len(text) - len(line.text), page))
    return text, changes
