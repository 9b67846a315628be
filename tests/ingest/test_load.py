from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from assistant.core.errors import IngestFileError
from ingest.load import SUPPORTED_SUFFIXES, load_document, split_ocr_pages
from assistant.testing.pdf_factory import (
    REPORT_LABELS,
    make_corrupt_pdf,
    make_encrypted_pdf,
    make_owner_locked_pdf,
    make_pdf_with_empty_page,
    make_report_pdf,
    make_scanned_pdf,
    make_text_pdf,
)

MB = 1_000_000


def load(path: Path, max_bytes: int = 5 * MB):
    return load_document(path, max_bytes=max_bytes)


def reason_for(path: Path, max_bytes: int = 5 * MB) -> str:
    with pytest.raises(IngestFileError) as info:
        load(path, max_bytes)
    assert info.value.path == path
    assert "\n" not in info.value.reason
    return info.value.reason


# --- plain text ------------------------------------------------------------------------------------


def test_supported_suffixes():
    assert set(SUPPORTED_SUFFIXES) == {".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".xml"}


def test_utf8_text_with_bom_is_one_page_and_hashed(tmp_path: Path):
    data = "\ufeffDe financiële sector.\nTweede regel.\n".encode()
    path = tmp_path / "brief.txt"
    path.write_bytes(data)
    doc = load(path)
    assert doc.format == "txt"
    assert [p.number for p in doc.pages] == [1]
    assert doc.pages[0].text.startswith("De financiële sector.")  # BOM stripped
    assert doc.pages[0].label is None
    assert doc.content_hash == hashlib.sha256(data).hexdigest()
    assert doc.warnings == []


def test_cp1252_text_is_read_with_a_warning(tmp_path: Path):
    path = tmp_path / "oud.txt"
    path.write_bytes("De financiële borging – 2016".encode("cp1252"))
    doc = load(path)
    assert doc.pages[0].text == "De financiële borging – 2016"
    assert len(doc.warnings) == 1 and "Windows-1252" in doc.warnings[0]


def test_latin1_text_is_read_with_a_warning(tmp_path: Path):
    path = tmp_path / "oud.txt"
    path.write_bytes("Café financiële geïnteresseerd, één".encode("latin-1"))
    doc = load(path)
    assert doc.pages[0].text == "Café financiële geïnteresseerd, één"
    assert len(doc.warnings) == 1 and "UTF-8" in doc.warnings[0]


def test_utf16_with_bom_is_read_without_a_warning(tmp_path: Path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("De financiële sector.".encode("utf-16"))
    doc = load(path)
    assert doc.pages[0].text == "De financiële sector."
    assert doc.warnings == []


def test_text_in_no_known_encoding_is_refused(tmp_path: Path):
    path = tmp_path / "kapot.txt"
    path.write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 30)  # undefined in Windows-1252, no Western text
    reason = reason_for(path)
    assert "UTF-8" in reason and "save the file as UTF-8" in reason


def test_file_name_with_spaces_and_non_ascii_just_works(tmp_path: Path):
    path = tmp_path / "map met spatie" / "brief ë 2016.txt"
    path.parent.mkdir()
    path.write_text("Brief over IMVO-convenanten.", encoding="utf-8")
    doc = load(path)
    assert doc.path == path
    assert "IMVO-convenanten" in doc.pages[0].text


def test_upper_case_suffix_is_accepted(tmp_path: Path):
    path = tmp_path / "BRIEF.TXT"
    path.write_text("Tekst.", encoding="utf-8")
    assert load(path).format == "txt"


def test_form_feeds_split_pages_and_a_trailing_one_opens_no_page(tmp_path: Path):
    path = tmp_path / "pagina.txt"
    path.write_text("Pagina een.\fPagina twee.\f", encoding="utf-8")
    doc = load(path)
    assert [(p.number, p.text) for p in doc.pages] == [(1, "Pagina een."), (2, "Pagina twee.")]


def _ocr_lines(n: int, prefix: str) -> list[str]:
    return [f"{prefix} regel {i} van de lopende tekst" for i in range(n)]


def test_ocr_page_marks_split_a_text_export_into_pages():
    lines = [" Eerste pagina", *_ocr_lines(30, "een"), " tweede pagina begint hier", *_ocr_lines(30, "twee")]
    pages = split_ocr_pages("\n".join(lines))
    assert len(pages) == 2
    assert pages[0].startswith("Eerste pagina")  # the marking space is removed
    assert pages[1].startswith("tweede pagina begint hier")


def test_ocr_page_marks_are_ignored_in_an_indented_file():
    lines = [" ingesprongen regel" if i % 3 == 0 else "gewone regel" for i in range(60)]
    text = "\n".join(lines)
    assert split_ocr_pages(text) == [text]


def test_ocr_page_marks_need_a_marked_first_line():
    lines = ["Geen markering", *_ocr_lines(30, "een"), " later ingesprongen", *_ocr_lines(30, "twee")]
    text = "\n".join(lines)
    assert split_ocr_pages(text) == [text]


def test_ocr_page_mark_too_close_to_the_previous_one_is_not_a_page():
    lines = [" Eerste pagina", *_ocr_lines(30, "een"), " tweede pagina", *_ocr_lines(5, "x"), " naam", *_ocr_lines(30, "y")]
    pages = split_ocr_pages("\n".join(lines))
    assert len(pages) == 2
    assert " naam" in pages[1]


def test_seed_pages_follow_the_ocr_page_marks(seeds_dir: Path):
    doc = load(seeds_dir / "002_fd3b86bd4b6cd388.txt")
    assert len(doc.pages) == 5
    assert doc.pages[1].text.startswith("organisatie daarbij een rol kan spelen.")
    assert len(load(seeds_dir / "000_56afe5d85fb7b094.txt").pages) == 1  # its indented list items are no pages


def test_markdown_is_one_page_and_keeps_its_markup(tmp_path: Path):
    path = tmp_path / "notitie.md"
    path.write_text("# Titel\n\nTekst van de notitie.\n", encoding="utf-8")
    doc = load(path)
    assert doc.format == "md"
    assert len(doc.pages) == 1 and doc.pages[0].text.startswith("# Titel")


# --- HTML ------------------------------------------------------------------------------------------


def test_html_keeps_blocks_apart_and_drops_chrome(tmp_path: Path):
    path = tmp_path / "pagina.html"
    path.write_text(
        """<html><head><title>Kop</title><style>p {color: red}</style></head><body>
        <header>Menu Home Contact</header><nav>Navigatie</nav>
        <h1>IMVO-convenanten</h1>
        <p>De <b>financiële</b> sector
           heeft een convenant.</p>
        <ul><li>Textiel</li><li>Banken</li></ul>
        <script>alert('x')</script>
        <footer>Copyright</footer></body></html>""",
        encoding="utf-8",
    )
    doc = load(path)
    assert doc.format == "html"
    text = doc.pages[0].text
    assert text == "IMVO-convenanten\n\nDe financiële sector heeft een convenant.\n\n• Textiel\n\n• Banken"
    for dropped in ("Menu", "Navigatie", "alert", "Copyright", "color", "Kop"):
        assert dropped not in text


def test_html_uses_the_declared_charset(tmp_path: Path):
    path = tmp_path / "oud.htm"
    path.write_bytes('<meta charset="windows-1252"><p>financiële</p>'.encode("cp1252"))
    assert load(path).pages[0].text == "financiële"


# --- refused files -----------------------------------------------------------------------------------


def test_unsupported_extension(tmp_path: Path):
    path = tmp_path / "brief.docx"
    path.write_bytes(b"PK\x03\x04")
    reason = reason_for(path)
    assert ".docx" in reason and "convert" in reason


def test_file_over_the_size_limit_names_the_limit_and_the_setting(tmp_path: Path):
    path = tmp_path / "groot.txt"
    path.write_text("x" * 3000, encoding="utf-8")
    reason = reason_for(path, max_bytes=2000)
    assert "0.002 MB" in reason and "IMVO_MAX_FILE_MB" in reason


def test_empty_file(tmp_path: Path):
    path = tmp_path / "leeg.txt"
    path.touch()
    assert "empty" in reason_for(path)


def test_whitespace_only_file(tmp_path: Path):
    path = tmp_path / "wit.md"
    path.write_text(" \n\n\t \n", encoding="utf-8")
    assert "no text" in reason_for(path)


def test_binary_file_with_text_extension_nul_bytes(tmp_path: Path):
    path = tmp_path / "foto.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in reason_for(path)


def test_binary_file_with_text_extension_control_bytes(tmp_path: Path):
    path = tmp_path / "data.html"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 50 + b"<p>tekst</p>")
    assert "binary" in reason_for(path)


def test_missing_file(tmp_path: Path):
    assert "not found" in reason_for(tmp_path / "bestaat-niet.txt")


def test_error_message_starts_with_the_path(tmp_path: Path):
    path = tmp_path / "leeg.txt"
    path.touch()
    with pytest.raises(IngestFileError) as info:
        load(path)
    assert str(info.value).startswith(str(path))


# --- PDF -------------------------------------------------------------------------------------------


def test_pdf_pages_with_printed_labels(tmp_path: Path):
    doc = load(make_report_pdf(tmp_path))
    assert doc.format == "pdf"
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert [p.label for p in doc.pages] == REPORT_LABELS
    assert "1. Inleiding" in doc.pages[0].text
    assert "financiële" in doc.pages[0].text
    assert doc.pages[1].text.splitlines()[1] == "na de zomer wordt ondertekend."
    assert doc.warnings == []


def test_pdf_without_page_labels_has_no_labels(tmp_path: Path):
    doc = load(make_report_pdf(tmp_path, labels=False))
    assert [p.label for p in doc.pages] == [None, None, None]


def test_pdf_content_hash_is_of_the_file_bytes(tmp_path: Path):
    path = make_text_pdf(tmp_path)
    assert load(path).content_hash == hashlib.sha256(path.read_bytes()).hexdigest()


def test_encrypted_pdf_must_be_decrypted_first(tmp_path: Path):
    reason = reason_for(make_encrypted_pdf(tmp_path))
    assert "password" in reason and "decrypted first" in reason


def test_pdf_locked_by_owner_password_only_opens_with_the_empty_password(tmp_path: Path):
    doc = load(make_owner_locked_pdf(tmp_path))
    assert "leesbaar zonder wachtwoord" in doc.pages[0].text


def test_pdf_without_text_layer_needs_ocr(tmp_path: Path):
    reason = reason_for(make_scanned_pdf(tmp_path))
    assert "contains no text layer: it is a scan and needs OCR" in reason


def test_pdf_with_one_empty_page_warns_about_it(tmp_path: Path):
    doc = load(make_pdf_with_empty_page(tmp_path))
    assert [bool(p.text.strip()) for p in doc.pages] == [True, False, True]
    assert len(doc.warnings) == 1 and "page 2" in doc.warnings[0]


def test_corrupt_pdf(tmp_path: Path):
    reason = reason_for(make_corrupt_pdf(tmp_path))
    assert "damaged" in reason and "re-export" in reason


def test_text_file_named_pdf_is_not_a_pdf(tmp_path: Path):
    path = tmp_path / "nep.pdf"
    path.write_text("Dit is gewoon tekst.", encoding="utf-8")
    assert "not a PDF" in reason_for(path)


def test_pdf_with_spaces_and_non_ascii_in_its_name(tmp_path: Path):
    path = make_text_pdf(tmp_path, "brief ë 2016.pdf")
    assert "eenvoudige pagina" in load(path).pages[0].text
