"""The stored documents for the web pages: the table, one document's text with page markers, and the
text around a passage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from assistant.text.kamerstuk import kamerstuk_url
from assistant.core.model import Passage
from assistant.core.model import StoredDocument
from assistant.store.store import Store
from assistant.webapp.formatting import dutch_date
from assistant.webapp.highlight import NO_TERMS, QueryTerms, context_html, locate, text_with_pages_html
from assistant.webapp.pdf_page import is_pdf

KAMERSTUK_DISPLAY = r"kst-(.+)\.html"  # LinkColumn shows the id, not the whole address
# What the table shows at 1400 px without cutting off a column (pixel widths; the file name is in the detail).
TABLE_COLUMNS = ["Titel", "Type", "Datum", "Kamerstuk", "Pagina's", "Passages", "Afzenders"]
TABLE_WIDTHS = {"Titel": 300, "Type": 120, "Datum": 110, "Kamerstuk": 90, "Pagina's": 70, "Passages": 75,
                "Afzenders": 130}


def kamerstuk_link(kamerstuk_id: str | None) -> str | None:
    if not kamerstuk_id:
        return None
    try:
        return kamerstuk_url(kamerstuk_id)
    except ValueError:
        return None


def sorted_documents(documents: list[StoredDocument]) -> list[StoredDocument]:
    return sorted(documents, key=lambda d: (d.metadata.date or "9999", d.metadata.title))


def documents_frame(documents: list[StoredDocument]) -> pd.DataFrame:
    """One row per document, ordered by date; `doc_id` is the index."""
    rows = [
        {
            "doc_id": d.doc_id,
            "Titel": d.metadata.title,
            "Type": d.metadata.doc_type,
            "Datum": dutch_date(d.metadata.date) or "onbekend",
            "Afzenders": "; ".join(d.metadata.senders),
            "Kamerstuk": kamerstuk_link(d.metadata.kamerstuk),
            "Bron": d.source,
            "Pagina's": d.pages,
            "Passages": d.chunks,
        }
        for d in sorted_documents(documents)
    ]
    columns = ["doc_id", "Titel", "Type", "Datum", "Kamerstuk", "Pagina's", "Passages", "Afzenders", "Bron"]
    return pd.DataFrame(rows, columns=columns).set_index("doc_id")


@dataclass
class DocumentView:
    document: StoredDocument
    text_html: str | None  # None when the store has no clean text for it
    references: list[tuple[str, str]]  # (Kamerstuk id, url) the document cites
    own: tuple[str, str] | None  # its own Kamerstuk number and url


def document_view(store: Store, doc_id: str) -> DocumentView | None:
    document = store.db.document(doc_id)
    if document is None:
        return None
    clean = store.db.clean_text(doc_id)
    text_html = text_with_pages_html(clean[0], clean[1]) if clean else None
    meta = document.metadata
    references = [(r, url) for r in meta.kamerstuk_refs if (url := kamerstuk_link(r))]
    own_url = kamerstuk_link(meta.kamerstuk)
    return DocumentView(document, text_html, references, (meta.kamerstuk, own_url) if own_url else None)


def passage_context(store: Store, passage: Passage, chars: int, terms: QueryTerms = NO_TERMS) -> str | None:
    """The clean text around the passage with page markers and the passage marked; None when the
    document's text is not in the store (or the passage cannot be found in it)."""
    stored = store.db.passages([passage.chunk_id])
    p = stored[0] if stored else passage  # register answers carry passages without offsets
    clean = store.db.clean_text(p.doc_id)
    if clean is None:
        return None
    text, page_starts = clean
    span = locate(text, p.text, p.start, p.end)
    if span is None:
        return None
    return context_html(text, page_starts, span, chars, terms)


def source_pdf(store: Store, passage: Passage) -> Path | None:
    """The PDF file a passage comes from, when it is a PDF and still on disk (else None: text sources and
    moved files show the surrounding text only)."""
    if not is_pdf(passage.source or ""):
        return None
    document = store.db.document(passage.doc_id)
    if document is None or not is_pdf(document.path):
        return None
    path = Path(document.path)
    return path if path.is_file() else None
