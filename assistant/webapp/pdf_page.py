"""A PDF page as the reader would cite it: rendered with PDFium, the passage highlighted on it.

The passage text is cleaned (hyphenation undone, running headers dropped), so it is not searched for
verbatim: the page's words and the passage's words are aligned, and every run of at least
MIN_RUN_WORDS words in the same order is marked, as the rectangles PDFium gives for those characters.
"""

from __future__ import annotations

import difflib
import io
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.text.fold import fold

MIN_RUN_WORDS = 3
RENDER_SCALE = 2.0  # 144 dpi: an A4 page 1190 px wide, sharp in the large dialog
HIGHLIGHT_RGB = (253, 230, 138)  # the amber of mark.imvo-cited, multiplied in so the text stays black
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class PageImage:
    png: bytes
    page: int  # 1-based
    pages: int  # pages in the document
    marked_words: int  # words of the passage found and highlighted on the page
    render_ms: float


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def passage_spans(page_text: str, passage: str, min_run: int = MIN_RUN_WORDS) -> list[tuple[int, int]]:
    """Character spans of `page_text` that hold runs of the passage's words (at least `min_run` in a row)."""
    page_words, wanted = _words(page_text), [w for w, _, _ in _words(passage)]
    matcher = difflib.SequenceMatcher(None, [w for w, _, _ in page_words], wanted, autojunk=False)
    spans = []
    for block in matcher.get_matching_blocks():
        if block.size >= min_run:
            first, last = page_words[block.a], page_words[block.a + block.size - 1]
            spans.append((first[1], last[2]))
    return spans


def is_pdf(path: str | Path) -> bool:
    return Path(path).suffix.lower() == ".pdf"


def render_page(path: str | Path, page: int, passage: str, scale: float = RENDER_SCALE) -> PageImage | None:
    """Page `page` (1-based) of the PDF at `path` as PNG with the passage highlighted; None when the file
    is gone, is not a readable PDF or has no such page. Cached per file version, page and passage."""
    file = Path(path)
    try:
        mtime = file.stat().st_mtime_ns
    except OSError:
        return None
    return _render(str(file), mtime, page, passage, scale)


@lru_cache(maxsize=64)
def _render(path: str, mtime: int, page: int, passage: str, scale: float) -> PageImage | None:
    import pypdfium2 as pdfium
    from PIL import Image, ImageChops, ImageDraw

    started = time.perf_counter()
    try:
        pdf = pdfium.PdfDocument(path)
    except (pdfium.PdfiumError, OSError):
        return None
    try:
        if not 1 <= page <= len(pdf):
            return None
        pdf_page = pdf[page - 1]
        textpage = pdf_page.get_textpage()
        text = textpage.get_text_range()
        rects = []
        marked = 0
        for start, end in passage_spans(text, passage):
            marked += len(_WORD.findall(text[start:end]))
            for i in range(textpage.count_rects(start, end - start)):
                rects.append(textpage.get_rect(i))
        image = pdf_page.render(scale=scale).to_pil().convert("RGB")
        height = pdf_page.get_height()
        layer = Image.new("RGB", image.size, (255, 255, 255))
        marker = ImageDraw.Draw(layer)
        for left, bottom, right, top in rects:  # PDF points, origin bottom-left
            marker.rectangle(
                [left * scale - 1, (height - top) * scale - 1, right * scale + 1, (height - bottom) * scale + 1],
                fill=HIGHLIGHT_RGB,
            )
        image = ImageChops.multiply(image, layer)
        full = _png(image)
        pages = len(pdf)
    except pdfium.PdfiumError:
        return None
    finally:
        pdf.close()
    return PageImage(full, page, pages, marked, (time.perf_counter() - started) * 1000)


def _png(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
