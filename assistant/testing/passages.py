"""Passage builders for tests and benches: hand-made passages (by document and ordinal, or numbered as the
answering tests cite them), and the seed documents cut crudely into paragraphs for the register."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.core.model import Passage

# document dates as the brief gives them (month/year precision is all the texts allow for some)
SEED_DATES = {"000": "2020-12", "001": "2021", "002": "2015-07", "003": "2016-06", "004": "2017"}
# a footnote line: its number (or an OCR'd symbol for it) and a capital; continuation lines follow it
_FOOTNOTE_LINE = re.compile(r"^(?:\d{1,2}|°)\s+[A-Z]")


def make_passage(text: str, doc_id: str = "doc", date: str | None = "2016-06", ordinal: int = 0,
                 kind: str = "paragraph", page: int = 1) -> Passage:
    return Passage(
        chunk_id=f"{doc_id}-{ordinal}",
        doc_id=doc_id,
        text=text,
        title=f"Titel {doc_id}",
        doc_type="Kamerbrief",
        date=date,
        source=f"{doc_id}.txt",
        page=page,
        kind=kind,
        ordinal=ordinal,
    )


def numbered_passage(n: int, text: str, *, title: str = "Kamerbrief IMVO-convenanten", kind: str = "paragraph",
                     **extra) -> Passage:
    """Passage n of document n, scored 1/(n+1): as the answering tests number their sources [n]."""
    extra.setdefault("doc_id", f"doc{n}")
    return Passage(
        chunk_id=f"doc{n}-c{n}",
        text=text,
        title=title,
        doc_type="Kamerbrief",
        date="2016-06-01",
        source=f"doc{n}.txt",
        page=n,
        kind=kind,
        content_hash=f"hash{n}",
        score=1.0 / (n + 1),
        **extra,
    )


def passages_from_texts(doc_id: str, date: str | None, texts: list[str | tuple[str, str]]) -> list[Passage]:
    """Texts in reading order; a (kind, text) tuple sets the kind (e.g. "footnote")."""
    out = []
    for i, t in enumerate(texts):
        kind, text = t if isinstance(t, tuple) else ("paragraph", t)
        out.append(make_passage(text, doc_id, date, i, kind))
    return out


def seed_passages(path: Path, date: str) -> list[Passage]:
    """Blank-line paragraphs; lines opening with a footnote number become footnote passages (up to the next
    line that starts a page, i.e. opens with a space, as pages do in these OCR texts)."""
    doc_id = path.name[:3]
    texts: list[tuple[str, str]] = []
    for para in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        body: list[str] = []
        note: list[str] | None = None
        for line in para.split("\n"):
            if _FOOTNOTE_LINE.match(line):
                if note:
                    texts.append(("footnote", "\n".join(note)))
                if body:
                    texts.append(("paragraph", "\n".join(body)))
                    body = []
                note = [line]
            elif note is not None and not line.startswith(" "):
                note.append(line)
            else:
                if note:
                    texts.append(("footnote", "\n".join(note)))
                    note = None
                body.append(line)
        if note:
            texts.append(("footnote", "\n".join(note)))
        if body and "\n".join(body).strip():
            texts.append(("paragraph", "\n".join(body)))
    return passages_from_texts(doc_id, date, [t for t in texts if t[1].strip()])
