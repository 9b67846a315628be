"""Raw pages → cleaned text cut into structural blocks (headings, paragraphs, list items, footnotes, signature).

Order of work: normalise characters per page; drop page furniture (page numbers, running headers,
"Tweede Kamer, vergaderjaar ..." lines, symbol-only OCR junk); lift the footnotes off the bottom of
each page; strip footnote markers from the running text; then rejoin the remaining lines of all pages
into blocks, across line, blank-line and page breaks where a sentence clearly continues.

Word lists and patterns come from assistant/data/cleaning.yaml. Everything is pure string work.
"""

from __future__ import annotations

import re

from ingest.assemble import assemble_document, place_footnotes
from ingest.blocks import FlowLine, RawBlock, segment
from ingest.clean_rules import RULES_FILE, CleanRules, default_rules, parse_rules
from ingest.footnotes import split_page_footnotes, strip_footnote_markers
from ingest.furniture import drop_furniture, find_running_lines, is_furniture_line
from ingest.line_shapes import is_numbered_heading
from ingest.parsed import CleanDocument, LoadedDocument
from ingest.signature import signature_start
from ingest.text_repair import (
    collapse_spaces,
    hyphen_joiner,
    hyphen_vocabulary,
    join_hyphenated,
    join_lines,
    normalise_unicode,
)

__all__ = [
    "RULES_FILE",
    "CleanRules",
    "clean_document",
    "collapse_spaces",
    "default_rules",
    "find_running_lines",
    "hyphen_joiner",
    "hyphen_vocabulary",
    "is_furniture_line",
    "is_numbered_heading",
    "join_hyphenated",
    "join_lines",
    "normalise_unicode",
    "parse_rules",
    "split_page_footnotes",
    "strip_footnote_markers",
]

_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*$")
_MD_LIST = re.compile(r"^\s*[-*+]\s+")


def _markdown_line(line: str) -> tuple[str, bool]:
    """(plain line, is heading) for one Markdown line."""
    m = _MD_HEADING.match(line)
    if m:
        return _markdown_inline(m.group(1)), True
    line = re.sub(r"^\s*>\s?", "", line)
    line = _MD_LIST.sub("• ", line)
    return _markdown_inline(line), False


def _markdown_inline(text: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|`)", "", text)
    return re.sub(r"(?<![\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])", r"\1", text)  # *emphasis*


def clean_document(doc: LoadedDocument, rules: CleanRules | None = None) -> CleanDocument:
    if doc.structure is not None:
        from ingest.structured import clean_structured

        return clean_structured(doc)
    rules = rules or default_rules()
    markdown = doc.format == "md"
    labels = {page.number: page.label for page in doc.pages}

    pages, headings, indents = [], [], []
    for page in doc.pages:
        lines, heading_flags, indent_flags = _page_lines(page.text, markdown=markdown)
        pages.append(lines)
        headings.append(heading_flags)
        indents.append(indent_flags)
    running = find_running_lines(pages, rules)
    pages = [drop_furniture(lines, running, rules) for lines in pages]
    width = _line_width(pages)

    flow: list[FlowLine] = []
    footnotes: dict[int, list[tuple[str | None, list[str]]]] = {}
    for page, lines, heading_flags, indent_flags in zip(doc.pages, pages, headings, indents):
        if markdown:
            body, notes = lines, []
        else:
            body, notes = split_page_footnotes(lines, width, rules, unnumbered=doc.format in ("txt", "pdf"))
        footnotes[page.number] = notes
        ids = {note_id for note_id, _ in notes if note_id}
        gap = not flow
        first_on_page = True
        for k, line in enumerate(body):  # body is a prefix of lines: indices still match the flags
            text, refs = strip_footnote_markers(line, ids, rules) if line else ("", ())
            text = collapse_spaces(text)
            if not text:
                gap = gap or not first_on_page  # blank lines around a page break are no paragraph break
                continue
            flow.append(
                FlowLine(text, page.number, gap, first_on_page and bool(flow), refs, heading_flags[k], indent_flags[k])
            )
            gap = first_on_page = False

    vocabulary = hyphen_vocabulary([line.text for line in flow])
    signature_at = signature_start(flow, width)
    raw_blocks = segment(flow[:signature_at], width, rules, repair_blank_splits=doc.format in ("txt", "pdf"))
    if signature_at < len(flow):
        raw_blocks.append(RawBlock("signature", flow[signature_at:]))
    raw_blocks = place_footnotes(raw_blocks, flow, footnotes)
    return assemble_document(raw_blocks, labels, vocabulary, rules)


def _page_lines(text: str, *, markdown: bool) -> tuple[list[str], list[bool], list[bool]]:
    """(lines with spaces collapsed, is a Markdown heading, was indented) for one page."""
    lines, headings, indents = [], [], []
    for raw in normalise_unicode(text).split("\n"):
        line = collapse_spaces(raw)
        heading = False
        if markdown:
            line, heading = _markdown_line(line)
        lines.append(line)
        headings.append(heading)
        indents.append(raw[:1].isspace() and bool(line))
    return lines, headings, indents


def _line_width(pages: list[list[str]]) -> float:
    """The length of a full line of running text (90th percentile), to tell short lines from wrapped ones."""
    lengths = sorted(len(line) for lines in pages for line in lines if line)
    if not lengths:
        return 80.0
    return float(max(20, lengths[int(0.9 * (len(lengths) - 1))]))
