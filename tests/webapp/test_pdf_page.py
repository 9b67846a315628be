"""'Bekijk pagina': a cited PDF page rendered with the passage highlighted on it."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from assistant.webapp.pdf_page import HIGHLIGHT_RGB, passage_spans, render_page
from assistant.testing.pdf_factory import make_report_pdf

PASSAGE = "Het textielconvenant is op 4 juli 2016 ondertekend door 55 bedrijven."


def amber_pixels(png: bytes) -> int:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return sum(1 for px in image.getdata() if px == HIGHLIGHT_RGB)


def test_the_passage_is_highlighted_on_its_page(tmp_path: Path) -> None:
    pdf = make_report_pdf(tmp_path)
    shown = render_page(pdf, 2, "na de zomer wordt ondertekend.\n\n2. Textiel\n\n" + PASSAGE)
    assert shown is not None and shown.page == 2 and shown.pages == 3
    assert shown.marked_words >= len(PASSAGE.split())
    assert amber_pixels(shown.png) > 1000
    other = render_page(pdf, 3, PASSAGE)  # not on that page: shown, nothing marked
    assert other is not None and other.marked_words == 0 and amber_pixels(other.png) == 0


def test_missing_file_or_page_gives_none(tmp_path: Path) -> None:
    pdf = make_report_pdf(tmp_path)
    assert render_page(tmp_path / "weg.pdf", 1, PASSAGE) is None
    assert render_page(pdf, 9, PASSAGE) is None
    (tmp_path / "kapot.pdf").write_bytes(b"%PDF-1.4 kapot")
    assert render_page(tmp_path / "kapot.pdf", 1, PASSAGE) is None


def test_cleaned_text_still_aligns_with_the_page() -> None:
    page = "Het kabinet informeert uw Kamer over de voortgang van de IMVO-\nconvenanten1. De sectoren hebben"
    spans = passage_spans(page, "Het kabinet informeert uw Kamer over de voortgang van de IMVO-convenanten.")
    assert spans and page[spans[0][0]:spans[0][1]].startswith("Het kabinet informeert")
