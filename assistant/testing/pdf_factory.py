"""Build small PDFs for tests and benches (reportlab draws, pypdf post-processes). Every function writes
into `directory`."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

RUNNING_HEADER = "Tweede Kamer, vergaderjaar 2015–2016, 26 485, nr. 219"

# Three pages of a Kamerbrief-like text: a sentence and a word divided across a line break, a footnote
# with its marker, a sentence running on to the next page, and an "ë" (WinAnsi, so Helvetica can draw it).
REPORT_PAGES: list[list[str]] = [
    [
        "1. Inleiding",
        "",
        "Het kabinet informeert uw Kamer over de voortgang van de IMVO-",
        "convenanten1. De sectoren hebben in 2015 belangrijke stappen gezet en de",
        "organisa-",
        "tie van het overleg is verbeterd. Dit geldt ook voor de financiële",
        "sector, waar de banken een convenant voorbereiden dat naar verwachting",
        "",
        "1 Kamerstuk 26 485, nr. 197",
    ],
    [
        "na de zomer wordt ondertekend.",
        "",
        "2. Textiel",
        "",
        "Het textielconvenant is op 4 juli 2016 ondertekend door 55 bedrijven.",
    ],
    [
        "3. Tot slot",
        "",
        "Het kabinet verwacht dat in 2017 tien convenanten zijn gesloten.",
    ],
]
# Printed page labels: a roman-numbered cover page ("i"), then arabic pages from 1.
REPORT_LABELS = ["i", "1", "2"]


def _draw(path: Path, pages: list[list[str]], *, header: str | None = None, page_numbers: bool = False) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 10)
        if header:
            pdf.drawString(72, height - 40, header)
        y = height - 80
        for line in lines:
            if line:
                pdf.drawString(72, y, line)
            y -= 14
        if page_numbers:
            pdf.drawCentredString(width / 2, 30, str(number))
        pdf.showPage()
    pdf.save()
    return path


def make_text_pdf(directory: Path, name: str = "tekst.pdf", pages: list[list[str]] | None = None) -> Path:
    """A plain PDF, one drawn line per string; no header, numbers or labels."""
    return _draw(Path(directory) / name, pages or [["Een eenvoudige pagina met tekst."]])


def make_report_pdf(directory: Path, name: str = "voortgangsbrief.pdf", *, labels: bool = True) -> Path:
    """The three REPORT_PAGES with a running header, page numbers and (optionally) /PageLabels i, 1, 2."""
    path = _draw(Path(directory) / name, REPORT_PAGES, header=RUNNING_HEADER, page_numbers=True)
    if labels:
        writer = PdfWriter(clone_from=PdfReader(path))
        writer.set_page_label(0, 0, style="/r", start=1)
        writer.set_page_label(1, len(REPORT_PAGES) - 1, style="/D", start=1)
        with path.open("wb") as fh:
            writer.write(fh)
    return path


def make_encrypted_pdf(directory: Path, name: str = "beveiligd.pdf", password: str = "secret") -> Path:
    """Needs a user password to open."""
    source = make_text_pdf(directory, f"_plain_{name}")
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    path = Path(directory) / name
    with path.open("wb") as fh:
        writer.write(fh)
    source.unlink()
    return path


def make_owner_locked_pdf(directory: Path, name: str = "alleen-eigenaar.pdf") -> Path:
    """Encrypted with an owner password only: opens with the empty user password, as many real PDFs do."""
    source = make_text_pdf(directory, f"_plain_{name}", [["Deze tekst is leesbaar zonder wachtwoord."]])
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="", owner_password="eigenaar", algorithm="RC4-128")
    path = Path(directory) / name
    with path.open("wb") as fh:
        writer.write(fh)
    source.unlink()
    return path


def make_scanned_pdf(directory: Path, name: str = "scan.pdf", pages: int = 2) -> Path:
    """Pages with only drawn shapes: no text layer, like a scan without OCR."""
    path = Path(directory) / name
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        pdf.rect(72, 400, 300, 200, fill=1)
        pdf.showPage()
    pdf.save()
    return path


def make_pdf_with_empty_page(directory: Path, name: str = "met-lege-pagina.pdf") -> Path:
    """Page 2 of 3 has no text."""
    return _draw(Path(directory) / name, [["Eerste pagina met tekst."], [], ["Derde pagina met tekst."]])


def make_corrupt_pdf(directory: Path, name: str = "kapot.pdf") -> Path:
    """A real PDF cut off after its header and part of the first object: unreadable."""
    source = make_report_pdf(directory, f"_whole_{name}", labels=False)
    data = source.read_bytes()
    source.unlink()
    path = Path(directory) / name
    path.write_bytes(data[: max(40, len(data) // 10)])
    return path
