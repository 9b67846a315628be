"""An official-publication XML Kamerstuk read by its structure: headings, paragraphs, list items,
footnotes and the signature come from the elements that mark them, not from guessing at flattened text.

The vocabulary is the official publications' schema (op-xsd, as published by KOOP): `kamerstuk` with
`kamerstukkop`, `dossier` (`dossiernummer`, `titel`) and `stuk` (`stuknummer`, `titel`, then the body:
`al` paragraphs, `tussenkop`/`kop`/`titel` headings, `lijst`/`li` lists, inline `noot` footnotes with
`noot.nr`, `ondertekening`). Unknown elements are walked through, so text is never lost.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ingest.parsed import BlockKind

_ROOTS = {"officiele-publicatie", "kamerstuk", "stuk", "bijlage"}
_SKIP = {"metadata", "meta", "noot.ref", "pagebreak", "illustratie"}
_HEADINGS = {"titel", "kop", "tussenkop", "stuktitel", "dossiertitel"}
_PARAGRAPHS = {"al", "voorgesteld", "aanhef", "slotformule", "plaats", "datum", "kamer", "vergaderjaar"}
_LIST_ITEM = "li"
_NOTE = "noot"
_SIGNATURE = "ondertekening"
_TABLE_ROW = "row"


@dataclass(frozen=True)
class StructuredBlock:
    kind: BlockKind
    text: str
    footnote_id: str | None = None
    footnote_refs: tuple[str, ...] = ()
    page: int = 1


class NotAKamerstuk(ValueError):
    """The XML is well-formed but not an official publication."""


def parse_kamerstuk_xml(data: bytes) -> list[StructuredBlock]:
    """Blocks in reading order; each footnote follows the block that cites it. Raises ET.ParseError on
    malformed XML and NotAKamerstuk when the root is not an official publication."""
    root = ET.fromstring(data)
    if _local(root.tag) not in _ROOTS:
        raise NotAKamerstuk(f"root element <{_local(root.tag)}>")
    walker = _Walker()
    walker.walk(root)
    return walker.blocks


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[StructuredBlock] = []
        self._note_counter = 0

    def walk(self, el: ET.Element) -> None:
        name = _local(el.tag)
        if name in _SKIP:
            return
        if name == "kamerstukkop" or name == "dossiernummer" or name == "stuknummer":
            self._emit("heading", _plain(el))
            return
        if name in _HEADINGS:
            self._emit("heading", _plain(el))
            return
        if name == _SIGNATURE:
            lines = [_plain(child) for child in el if _plain(child)] or [_plain(el)]
            self._emit("signature", "\n".join(lines))
            return
        if name == _LIST_ITEM:
            self._inline_block("list_item", el)
            return
        if name in _PARAGRAPHS or name == _TABLE_ROW:
            self._inline_block("paragraph", el, separator=" | " if name == _TABLE_ROW else "")
            return
        if name == _NOTE:  # a footnote outside any paragraph
            self._note(el)
            return
        mixed = (el.text or "").strip() or any((child.tail or "").strip() for child in el)
        if mixed:  # an element of its own kind with running text in it: keep it as one paragraph
            self._inline_block("paragraph", el)
            return
        for child in el:
            self.walk(child)

    def _inline_block(self, kind: BlockKind, el: ET.Element, separator: str = "") -> None:
        """A paragraph-like element: its text with footnotes replaced by their marker, notes after it."""
        parts: list[str] = []
        notes: list[tuple[str, str]] = []
        self._collect(el, parts, notes, separator)
        text = _squash("".join(parts))
        refs = tuple(note_id for note_id, _ in notes)
        if text:
            self.blocks.append(StructuredBlock(kind, text, footnote_refs=refs))
        for note_id, note_text in notes:
            if note_text:
                self.blocks.append(StructuredBlock("footnote", f"{note_id} {note_text}", footnote_id=note_id))

    def _collect(self, el: ET.Element, parts: list[str], notes: list[tuple[str, str]], separator: str) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            name = _local(child.tag)
            if name == _NOTE:
                note_id, note_text = self._note_parts(child)
                notes.append((note_id, note_text))
            elif name in _SKIP:
                pass
            elif name == "li.nr":
                parts.append(_plain(child) + " ")
            else:
                if separator and parts and name == "entry":
                    parts.append(separator)
                elif name in _PARAGRAPHS and parts and not "".join(parts).endswith(" "):
                    parts.append(" ")
                self._collect(child, parts, notes, separator)
            if child.tail:
                parts.append(child.tail)

    def _note_parts(self, el: ET.Element) -> tuple[str, str]:
        self._note_counter += 1
        number = next((_plain(c) for c in el if _local(c.tag) == "noot.nr"), "") or str(self._note_counter)
        body = " ".join(_plain(c) for c in el if _local(c.tag) != "noot.nr")
        if not body and el.text:
            body = _squash(el.text)
        return number, _squash(body)

    def _note(self, el: ET.Element) -> None:
        note_id, text = self._note_parts(el)
        if text:
            self.blocks.append(StructuredBlock("footnote", f"{note_id} {text}", footnote_id=note_id))

    def _emit(self, kind: BlockKind, text: str) -> None:
        text = text.strip()
        if text:
            self.blocks.append(StructuredBlock(kind, text))


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _plain(el: ET.Element) -> str:
    """All text of an element except footnotes, whitespace collapsed."""
    parts: list[str] = []

    def add(node: ET.Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if _local(child.tag) not in (_NOTE, *_SKIP):
                add(child)
                if _local(child.tag) in _PARAGRAPHS | _HEADINGS:
                    parts.append(" ")
            if child.tail:
                parts.append(child.tail)

    add(el)
    return _squash("".join(parts))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
