"""Cut a cleaned document into passages that follow its structure.

A passage's text is always `clean.text[start:end]`, so the UI can highlight it in context. Sections
(headings) bound passages; paragraphs and list items are packed up to a target size; only paragraphs
longer than the maximum are cut, and then between sentences, with a sentence of overlap. Footnotes
become their own passages, linked to the passage that cites them. The signature stays with the last
passage when it fits: "who signed this letter?" is a frequent question.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, replace

from assistant.core.errors import ConfigurationError, IngestFileError
from assistant.text.kamerstuk import unique_kamerstuk_ids
from assistant.text.sentences import split_sentences
from assistant.core.model import Chunk, DocumentMetadata
from ingest.parsed import Block, BlockKind, CleanDocument

# "2.1 Rol overheid" → level 2; "3. Stand van zaken" / "IV. Bijlagen" / "B. Kosten" → level 1.
_HEADING_NUMBER = re.compile(r"\s*(?:(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?|(?P<alpha>[IVX]{1,4}|[A-Z])\.)\s")
_WORD = re.compile(r"\S+")
# An overlong "sentence" beyond this many times max_words is a table or OCR debris: cut it at words.
_HARD_SPLIT_FACTOR = 2


@dataclass(frozen=True)
class _Piece:
    """A span of clean.text that packing never cuts: a block, a list, a sentence, or glued pieces."""

    start: int
    end: int
    first_block: int  # index of the block the span starts in
    content_block: int | None  # first non-heading block, for the passage's kind and heading
    para: int | None = None  # block index when the piece is a sentence of a paragraph cut into sentences
    sentence_start: int = 0  # where that sentence starts (after any glued heading): overlap starts here
    glue_next: bool = False  # a heading or list lead-in never ends a passage
    signature: bool = False


@dataclass
class _Span:
    start: int
    end: int
    words: int
    pieces: list[_Piece]
    first_block: int
    content_block: int | None


@dataclass
class _Section:
    group: int  # index of the top-level heading it falls under (-1: none)
    pieces: list[_Piece]


def chunk_document(
    clean: CleanDocument,
    meta: DocumentMetadata,
    *,
    target_words: int = 140,
    max_words: int = 250,
    min_words: int = 60,
    overlap_sentences: int = 1,
) -> list[Chunk]:
    _check_sizes(target_words, max_words, min_words, overlap_sentences)
    _check_blocks(clean, meta)
    if not clean.blocks:
        return []
    packer = _Packer(clean, target_words, max_words, min_words, overlap_sentences)
    sections = _merge_small_sections(_sections(clean, packer), packer)
    flow_spans: list[_Span] = []
    for section in sections:
        flow_spans.extend(packer.pack(section.pieces))
    footnote_spans = [
        (i, span)
        for i, block in enumerate(clean.blocks)
        if block.kind == "footnote"
        for span in packer.pack(packer.block_pieces(i))
    ]
    return _build_chunks(clean, meta, flow_spans, footnote_spans)


def _check_sizes(target_words: int, max_words: int, min_words: int, overlap_sentences: int) -> None:
    if not 0 < min_words <= target_words <= max_words:
        raise ConfigurationError(
            f"passage sizes must satisfy 0 < min ≤ target ≤ max, got min={min_words}, target={target_words}, "
            f"max={max_words}: fix IMVO_CHUNK_MIN_WORDS / IMVO_CHUNK_TARGET_WORDS / IMVO_CHUNK_MAX_WORDS"
        )
    if overlap_sentences < 0:
        raise ConfigurationError(
            f"IMVO_CHUNK_OVERLAP_SENTENCES must be 0 or more, got {overlap_sentences}"
        )


def _check_blocks(clean: CleanDocument, meta: DocumentMetadata) -> None:
    where = meta.source or meta.doc_id
    previous_end = 0
    for i, block in enumerate(clean.blocks):
        if clean.text[block.start : block.end] != block.text:
            raise IngestFileError(
                where,
                f"block {i} ({block.kind}, page {block.page}) says it spans {block.start}:{block.end}, but the "
                "cleaned text there differs from the block text; the cleaning stage must keep offsets exact",
            )
        if block.start < previous_end:
            raise IngestFileError(
                where,
                f"block {i} ({block.kind}, page {block.page}) starts at {block.start}, before the end of the "
                f"previous block ({previous_end}); blocks must be in text order and must not overlap",
            )
        previous_end = block.end


class _Packer:
    """Size arithmetic over one document's text."""

    def __init__(self, clean: CleanDocument, target: int, maximum: int, minimum: int, overlap: int) -> None:
        self.text = clean.text
        self.blocks = clean.blocks
        self.target = target
        self.max = maximum
        self.min = minimum
        self.overlap = overlap
        # footnotes the cleaner left between two paragraphs are preferred places to end a passage
        self.footnote_starts = [b.start for b in clean.blocks if b.kind == "footnote"]

    def words(self, start: int, end: int) -> int:
        return sum(1 for _ in _WORD.finditer(self.text, start, end))

    def block_pieces(self, index: int) -> list[_Piece]:
        """A block as one piece, or as sentence pieces when it is longer than max_words."""
        block = self.blocks[index]
        content = None if block.kind == "heading" else index
        signature = block.kind == "signature"
        if block.kind == "heading" or self.words(block.start, block.end) <= self.max:
            return [_Piece(block.start, block.end, index, content, glue_next=block.kind == "heading",
                           signature=signature)]
        pieces = []
        for a, b in split_sentences(block.text):
            for start, end in self._hard_split(block.start + a, block.start + b):
                pieces.append(_Piece(start, end, index, content, para=index, sentence_start=start,
                                     signature=signature))
        return pieces

    def _hard_split(self, start: int, end: int) -> list[tuple[int, int]]:
        if self.words(start, end) <= _HARD_SPLIT_FACTOR * self.max:
            return [(start, end)]
        words = [m.span() for m in _WORD.finditer(self.text, start, end)]
        return [(words[i][0], words[min(i + self.max, len(words)) - 1][1]) for i in range(0, len(words), self.max)]

    def glue(self, pieces: list[_Piece]) -> list[_Piece]:
        """Join a heading (always) or a list lead-in (when it fits) to the piece that follows it."""
        out: list[_Piece] = []
        for piece in pieces:
            last = out[-1] if out else None
            if last is not None and last.glue_next and (
                last.content_block is None or self.words(last.start, piece.end) <= self.max
            ):
                out[-1] = replace(
                    piece,
                    start=last.start,
                    first_block=last.first_block,
                    content_block=last.content_block if last.content_block is not None else piece.content_block,
                )
            else:
                out.append(piece)
        return out

    def pack(self, pieces: list[_Piece]) -> list[_Span]:
        spans: list[_Span] = []
        current: _Span | None = None
        for piece in self.glue(pieces):
            if current is None:
                current = self._open(piece, None)
                continue
            total = current.words + self.words(current.end, piece.end)
            if self._fits(current, piece, total):
                current.end, current.words = piece.end, total
                current.pieces.append(piece)
                continue
            spans.append(current)
            current = self._open(piece, current)
        if current is not None:
            spans.append(current)
        return self._merge_small_tail(spans)

    def _fits(self, current: _Span, piece: _Piece, total: int) -> bool:
        if piece.signature:
            return total <= self.max  # a signature joins the passage before it whenever it can
        i = bisect.bisect_left(self.footnote_starts, current.end)
        footnote_between = i < len(self.footnote_starts) and self.footnote_starts[i] < piece.start
        if footnote_between and current.words >= self.min:
            return False
        return total <= self.target or (current.words < self.min and total <= self.max)

    def _open(self, piece: _Piece, previous: _Span | None) -> _Span:
        start = piece.start
        if previous is not None and piece.para is not None and self.overlap:
            repeated = [p for p in previous.pieces if p.para == piece.para][-self.overlap :]
            if repeated:
                candidate = repeated[0].sentence_start
                # the overlap must not swallow the whole previous passage nor push this one past max_words
                if candidate > previous.start and self.words(candidate, piece.end) <= self.max:
                    start = candidate
        first_block = piece.first_block
        if start != piece.start and piece.para is not None:
            first_block = piece.para
        return _Span(start, piece.end, self.words(start, piece.end), [piece], first_block, piece.content_block)

    def _merge_small_tail(self, spans: list[_Span]) -> list[_Span]:
        if len(spans) >= 2 and spans[-1].words < self.min:
            before, last = spans[-2], spans[-1]
            merged_words = self.words(before.start, last.end)
            if merged_words <= self.max:
                before.end, before.words = last.end, merged_words
                before.pieces.extend(last.pieces)
                spans.pop()
        return spans


def _sections(clean: CleanDocument, packer: _Packer) -> list[_Section]:
    sections: list[_Section] = []
    group = -1  # index of the latest top-level heading
    current_heading: str | None = None
    current_group = -1
    pieces: list[_Piece] = []
    list_run: list[int] = []  # block indices of the list being collected, lead-in first when there is one

    def flush_list() -> None:
        if list_run:
            pieces.extend(_list_pieces(list_run, clean.blocks, packer))
            list_run.clear()

    def open_section(heading: str | None, index: int) -> None:
        nonlocal pieces, current_heading, current_group, group
        flush_list()
        if pieces:
            sections.append(_Section(current_group, pieces))
        pieces = []
        if heading is not None and _heading_level(heading) == 1:
            group = index
        current_heading, current_group = heading, group

    for i, block in enumerate(clean.blocks):
        if block.kind == "footnote":
            continue
        if block.kind == "heading":
            open_section(_one_line(block.text), i)
            pieces.extend(packer.block_pieces(i))
            continue
        section_heading = _one_line(block.heading) if block.heading else None
        if section_heading and section_heading != current_heading and block.kind != "signature":
            if _is_heading_of(clean.blocks, i, section_heading):
                current_heading = section_heading  # the cleaner's breadcrumb for the same section
            else:
                open_section(section_heading, i)
        if block.kind == "list_item":
            if not list_run and pieces and _is_lead_in(pieces[-1], clean.blocks):
                list_run.append(pieces.pop().first_block)
            list_run.append(i)
            continue
        flush_list()
        pieces.extend(packer.block_pieces(i))
    open_section(None, len(clean.blocks))
    return sections


def _is_heading_of(blocks: list[Block], index: int, heading: str) -> bool:
    """Whether the nearest heading block before `index` is the one `heading` names (a breadcrumb adds parents)."""
    for block in reversed(blocks[:index]):
        if block.kind == "heading":
            text = _one_line(block.text)
            return heading == text or heading.endswith(text)
    return False


def _is_lead_in(piece: _Piece, blocks: list[Block]) -> bool:
    block = blocks[piece.first_block]
    return (
        piece.para is None
        and block.kind == "paragraph"
        and piece.start == block.start
        and block.text.rstrip().endswith(":")
    )


def _list_pieces(run: list[int], blocks: list[Block], packer: _Packer) -> list[_Piece]:
    """A list (with its lead-in) is one piece when it fits in max_words; else its items, lead-in glued to the first."""
    first, last = blocks[run[0]], blocks[run[-1]]
    if packer.words(first.start, last.end) <= packer.max:
        return [_Piece(first.start, last.end, run[0], run[0])]
    pieces: list[_Piece] = []
    for i in run:
        item_pieces = packer.block_pieces(i)
        if blocks[i].kind == "paragraph":  # the lead-in
            item_pieces = [replace(p, glue_next=True) for p in item_pieces]
        pieces.extend(item_pieces)
    return pieces


def _merge_small_sections(sections: list[_Section], packer: _Packer) -> list[_Section]:
    """A section under min_words joins the next one under the same top-level heading; a heading with no
    text of its own always joins the next section. Packing then keeps them apart when they do not fit."""
    merged: list[_Section] = []
    for section in sections:
        previous = merged[-1] if merged else None
        if previous is not None:
            heading_only = all(p.content_block is None for p in previous.pieces)
            small = packer.words(previous.pieces[0].start, previous.pieces[-1].end) < packer.min
            if heading_only or (small and previous.group == section.group):
                merged[-1] = _Section(section.group, previous.pieces + section.pieces)
                continue
        merged.append(section)
    return merged


def _build_chunks(
    clean: CleanDocument,
    meta: DocumentMetadata,
    flow_spans: list[_Span],
    footnote_spans: list[tuple[int, _Span]],
) -> list[Chunk]:
    drafts: list[tuple[_Span, BlockKind, int | None]] = [(s, _kind(clean, s), None) for s in flow_spans]
    drafts += [(s, "footnote", i) for i, s in footnote_spans]
    drafts.sort(key=lambda d: (d[0].start, d[1] == "footnote"))
    chunks: list[Chunk] = []
    footnote_blocks: dict[int, int] = {}  # chunk position → its footnote block
    for ordinal, (span, kind, footnote_block) in enumerate(drafts):
        text = clean.text[span.start : span.end]
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        first = clean.blocks[span.first_block]
        chunks.append(
            Chunk(
                chunk_id=f"{meta.doc_id}:{ordinal:04d}:{digest[:10]}",
                doc_id=meta.doc_id,
                text=text,
                kind=kind,
                page=first.page,
                page_label=first.page_label,
                heading=_chunk_heading(clean, span),
                start=span.start,
                end=span.end,
                kamerstuk_refs=unique_kamerstuk_ids(text),
                content_hash=digest,
                ordinal=ordinal,
            )
        )
        if footnote_block is not None:
            footnote_blocks[ordinal] = footnote_block
    flow = [c for c in chunks if c.kind != "footnote"]
    for position, block_index in footnote_blocks.items():
        citing = _citing_chunk(clean, block_index, flow)
        if citing is not None:
            chunks[position].footnote_of = citing.chunk_id
            chunks[position].heading = citing.heading or chunks[position].heading
    return chunks


def _kind(clean: CleanDocument, span: _Span) -> BlockKind:
    """The kind of the passage's first content block; "signature" when it holds a letter's signature."""
    index = span.content_block if span.content_block is not None else span.first_block
    kind = clean.blocks[index].kind
    if kind != "footnote" and any(
        b.kind == "signature" for b in clean.blocks if b.start >= span.start and b.end <= span.end
    ):
        return "signature"
    return kind


def _chunk_heading(clean: CleanDocument, span: _Span) -> str | None:
    if span.content_block is not None:
        block = clean.blocks[span.content_block]
        if block.kind == "footnote":
            return _one_line(block.heading) if block.heading else None
        if block.heading:
            return _one_line(block.heading)
    last = span.content_block if span.content_block is not None else span.first_block
    for block in reversed(clean.blocks[: last + 1]):
        if block.kind == "heading":
            return _one_line(block.text)
    return None


def _citing_chunk(clean: CleanDocument, footnote_index: int, flow: list[Chunk]) -> Chunk | None:
    """The passage holding the nearest block before the footnote that cites its id (numbering may restart)."""
    footnote = clean.blocks[footnote_index]
    if footnote.footnote_id is None:
        return None
    citing = [b for b in clean.blocks if b.kind != "footnote" and footnote.footnote_id in b.footnote_refs]
    if not citing:
        return None
    before = [b for b in citing if b.start <= footnote.start]
    block = before[-1] if before else citing[0]
    holders = [c for c in flow if c.start < block.end and block.start < c.end]
    if not holders:
        return None
    marker = _footnote_marker(footnote.footnote_id)
    for chunk in holders:
        lo, hi = max(chunk.start, block.start), min(chunk.end, block.end)
        if marker.search(clean.text, lo, hi):
            return chunk
    return holders[0]


def _footnote_marker(footnote_id: str) -> re.Pattern[str]:
    # glued to a word ("convenanten1") or after closing punctuation ("omhoog.2"); a short letter run
    # before the digits ("G7", "COVID-19") is a name, not a marker
    fid = re.escape(footnote_id)
    return re.compile(rf"(?:(?<=[^\W\d_]{{3}})|(?<=[^\W\d_][.,;:)”’»])){fid}(?![\d.,]\d)(?!\w)")


def _heading_level(text: str) -> int | None:
    m = _HEADING_NUMBER.match(text + " ")
    if not m:
        return None
    return m.group("num").count(".") + 1 if m.group("num") else 1


def _one_line(text: str) -> str:
    return " ".join(text.split())
