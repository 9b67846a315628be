"""Cutting the flow of cleaned lines into raw blocks: paragraphs, headings and list items."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.clean_rules import CleanRules
from ingest.line_shapes import NUMBERED_ITEM, bullet_of, ends_sentence, is_numbered_heading, no_final_punctuation
from ingest.parsed import BlockKind

_MAX_HEADING_WORDS = 14
_MAX_TITLE_LINE_WORDS = 6
_FITS = 0.9  # a line plus the next word shorter than this share of the width was not wrapped


@dataclass
class FlowLine:
    text: str
    page: int
    gap_before: bool  # a blank line (or the start of the document) comes before it
    page_start: bool
    refs: tuple[str, ...] = ()
    forced_heading: bool = False
    indented: bool = False  # the raw line started with white space


@dataclass
class RawBlock:
    kind: BlockKind
    lines: list[FlowLine]
    footnote_id: str | None = None
    title_line: bool = False  # split off as a heading by its shape ("Achtergrond" above a paragraph)


def segment(lines: list[FlowLine], width: float, rules: CleanRules, *, repair_blank_splits: bool) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    for i, line in enumerate(lines):
        prev = lines[i - 1] if i else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        bullet = bullet_of(line.text, rules)
        split, title_line = _starts_block(prev, line, nxt, bullet, blocks, width, repair_blank_splits)
        if not split and prev is not None and _date_stands_alone(prev.text, line.text, width, rules):
            # A date on a line of its own stands alone, and a short title line right above it is a title,
            # even without blank lines around them (PDF text loses those).
            split = True
            title_line = rules.is_date_line(line.text) and len(blocks[-1].lines) == 1 and _is_title_line(
                prev.text, "", width, before_date=True
            )
        if title_line and blocks:
            blocks[-1].title_line = True
        if split or not blocks:
            kind: BlockKind = "paragraph"
            if line.forced_heading:
                kind = "heading"
            elif bullet and (not bullet[1] or split):
                kind = "list_item"
                line.text = line.text[1:].lstrip()
            elif NUMBERED_ITEM.match(line.text) and not is_numbered_heading(line.text):
                kind = "list_item"
            elif line.indented and blocks and _opens_indented_list(blocks[-1]):
                kind = "list_item"  # bullets lost in OCR, the indent remains (seed 000)
            blocks.append(RawBlock(kind, [line]))
        else:
            blocks[-1].lines.append(line)
    for k, block in enumerate(blocks):
        following = blocks[k + 1].lines[0] if k + 1 < len(blocks) else None
        if block.kind == "paragraph" and _is_heading_block(block, following):
            block.kind = "heading"
    return blocks


def _date_stands_alone(prev: str, line: str, width: float, rules: CleanRules) -> bool:
    """Is there a block boundary between `prev` and `line` because one of them is a date line? Not when the
    date ends a wrapped sentence ("... verstuurd in" / "maart 2023.") or a sentence goes on after it."""
    if rules.is_date_line(line):
        return ends_sentence(prev) or len(prev) < 0.6 * width
    if rules.is_date_line(prev):
        return not prev.rstrip().endswith(",") and line[:1].isupper()
    return False


def _opens_indented_list(previous: RawBlock) -> bool:
    return previous.lines[-1].text.endswith(":") or (previous.kind == "list_item" and previous.lines[0].indented)


def _starts_block(
    prev: FlowLine | None,
    line: FlowLine,
    nxt: FlowLine | None,
    bullet: tuple[str, bool] | None,
    blocks: list[RawBlock],
    width: float,
    repair_blank_splits: bool,
) -> tuple[bool, bool]:
    """(does `line` start a new block?, is `prev` a title line standing above its paragraph?)"""
    if prev is None:
        return True, False
    p = prev.text
    ends = ends_sentence(p)
    gap = line.gap_before
    if line.forced_heading or prev.forced_heading:
        return True, False
    if bullet:
        ambiguous = bullet[1]
        if not ambiguous or gap or ends or len(p) < 0.6 * width or is_numbered_heading(p):
            return True, False
    if is_numbered_heading(line.text) and (gap or ends or line.page_start or is_numbered_heading(p)):
        return True, False
    if is_numbered_heading(p) and len(blocks[-1].lines) == 1:
        return True, False
    if NUMBERED_ITEM.match(line.text) and (gap or ends):
        return True, False
    if gap:
        # OCR exports put blank lines inside sentences (seed 002 list items): a full-width line that
        # does not end a sentence continues across the blank, unless a standalone title follows.
        continues = (
            repair_blank_splits
            and not ends
            and len(p) >= 0.6 * width
            and not _is_standalone_title(line, nxt, width)
            and not bullet
        )
        return not continues, False
    next_word = line.text.split(" ", 1)[0]
    if ends and len(p) + 1 + len(next_word) < _FITS * width:
        return True, False  # the next word would have fitted on this line: the paragraph ended here
    first_of_block = len(blocks[-1].lines) == 1
    if first_of_block and _is_title_line(p, line.text, width):
        return True, True
    if p.endswith(",") and len(p) < 0.5 * width and line.text[:1].isupper():
        return True, False  # a salutation ("Geachte Kamerleden,") above the first paragraph
    return False, False


def _is_title_line(text: str, following: str, width: float, *, before_date: bool = False) -> bool:
    """A short capitalised line without punctuation directly above a paragraph ("Achtergrond") or above
    a date line."""
    return (
        len(text) < 0.5 * width
        and len(text.split()) <= _MAX_TITLE_LINE_WORDS
        and text[:1].isupper()
        and not any(ch.isdigit() for ch in text)
        and no_final_punctuation(text)
        and not text.endswith("-")
        and (before_date or following[:1].isupper())
    )


def _is_standalone_title(line: FlowLine, nxt: FlowLine | None, width: float) -> bool:
    return (
        (nxt is None or nxt.gap_before)
        and len(line.text) < 0.6 * width
        and line.text[:1].isupper()
        and no_final_punctuation(line.text)
    )


def _is_heading_block(block: RawBlock, following: FlowLine | None) -> bool:
    first = block.lines[0]
    text = " ".join(line.text for line in block.lines)
    if block.title_line:
        return True
    if len(block.lines) == 1 and is_numbered_heading(text):
        return True
    standalone = (first.gap_before or first.page_start) and (following is None or following.gap_before)
    return (
        standalone
        and len(block.lines) <= 2
        and len(text.split()) <= _MAX_HEADING_WORDS
        and len(text) <= 120
        and (text[:1].isupper() or text[:1].isdigit())
        and no_final_punctuation(text)
        and not text.endswith("-")
    )
