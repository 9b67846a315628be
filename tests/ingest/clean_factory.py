"""Build CleanDocument objects by hand for tests: blocks joined with "\\n\\n", offsets exact.

    doc = make_clean(heading("1. Inleiding"), para("Tekst ...", refs=("1",)), footnote("1", "Kamerstuk ..."))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.core.model import DocumentMetadata
from ingest.parsed import Block, BlockKind, CleanDocument


@dataclass(frozen=True)
class Spec:
    kind: BlockKind
    text: str
    page: int | None = None  # None: same page as the block before
    page_label: str | None = None
    footnote_id: str | None = None
    refs: tuple[str, ...] = ()
    heading: str | None = None  # None: the latest heading block's text (for non-heading blocks)


def heading(text: str, **kw: object) -> Spec:
    return Spec("heading", text, **kw)  # type: ignore[arg-type]


def para(text: str, **kw: object) -> Spec:
    return Spec("paragraph", text, **kw)  # type: ignore[arg-type]


def item(text: str, **kw: object) -> Spec:
    return Spec("list_item", text, **kw)  # type: ignore[arg-type]


def footnote(footnote_id: str, text: str, **kw: object) -> Spec:
    return Spec("footnote", text, footnote_id=footnote_id, **kw)  # type: ignore[arg-type]


def signature(text: str, **kw: object) -> Spec:
    return Spec("signature", text, **kw)  # type: ignore[arg-type]


def make_clean(*specs: Spec) -> CleanDocument:
    blocks: list[Block] = []
    parts: list[str] = []
    offset = 0
    page = 1
    current_heading: str | None = None
    for spec in specs:
        if offset:
            offset += 2  # the "\n\n" between blocks
        page = spec.page if spec.page is not None else page
        if spec.kind == "heading":
            current_heading = " ".join(spec.text.split())
        block_heading = spec.heading if spec.heading is not None else current_heading
        blocks.append(
            Block(
                kind=spec.kind,
                text=spec.text,
                page=page,
                start=offset,
                end=offset + len(spec.text),
                page_label=spec.page_label,
                footnote_id=spec.footnote_id,
                footnote_refs=spec.refs,
                heading=None if spec.kind == "heading" else block_heading,
            )
        )
        parts.append(spec.text)
        offset += len(spec.text)
    return CleanDocument(text="\n\n".join(parts), blocks=blocks)


def clean_from_text(text: str) -> CleanDocument:
    """Crude: every blank-line-separated paragraph becomes a paragraph block on page 1."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return make_clean(*(para(p) for p in paragraphs))


def meta(doc_id: str = "doc", title: str = "Testbrief", source: str = "testbrief.txt") -> DocumentMetadata:
    return DocumentMetadata(doc_id=doc_id, title=title, doc_type="Kamerbrief", source=source)


def words(n: int, stem: str = "woord") -> str:
    """n distinct lower-case words, no sentence punctuation."""
    return " ".join(f"{stem}{i}" for i in range(n))


def sentence(n: int, stem: str = "w") -> str:
    """One sentence of exactly n words: capitalised, ends with a full stop."""
    body = " ".join(f"{stem}{i}" for i in range(1, n))
    return f"Zin{stem} {body}." if n > 1 else f"Zin{stem}."
