"""Read one file into pages of raw text. Every way a file can be unusable becomes an IngestFileError."""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

from assistant.core.errors import IngestFileError
from ingest.parsed import LoadedDocument, PageText

SUPPORTED_SUFFIXES: tuple[str, ...] = (".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".xml")

_FORMATS = {
    ".pdf": "pdf", ".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".xml": "xml",
}  # fmt: skip
# An XML Kamerstuk has no pages; the PDF of the same publication, saved here beside it, is its page view.
PAGE_VIEW_DIR = ".pages"

# Bytes that never occur in text files (everything below 0x20 except \t \n \v \f \r and ESC).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_MAX_CONTROL_SHARE = 0.05  # above this share of control bytes a "text" file is really binary
_SNIFF_BYTES = 65536
# The encodings a Dutch or English text file that is not UTF-8 may be in, with their names for a warning.
# Kept to Western encodings: charset_normalizer would otherwise take short Dutch text for Baltic or Central
# European code pages ("financiële" as "financiļle").
_TEXT_ENCODINGS = {
    "utf_16": "UTF-16",
    "utf_32": "UTF-32",
    "cp1252": "Windows-1252",
    "latin_1": "Latin-1 (ISO-8859-1)",
    "iso8859_15": "Latin-9 (ISO-8859-15)",
    "mac_roman": "Mac Roman",
    "cp850": "DOS Latin-1 (cp850)",
}

# OCR exports like our seeds mark a new page by a line starting with exactly one space.
_OCR_PAGE_START = re.compile(r"^ (?=\S)")
_MAX_OCR_PAGE_MARK_SHARE = 0.05  # more such lines than this means the file is simply indented
_MIN_OCR_PAGE_LINES = 12  # a page (other than the last) shorter than this is not a real page

_HTML_DROP = ("script", "style", "nav", "header", "footer", "noscript", "template", "head")
_HTML_BLOCKS = (
    "p", "div", "section", "article", "main", "aside", "blockquote", "pre", "table", "tr", "ul", "ol",
    "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "address", "hr",
)  # fmt: skip


def load_document(path: Path, *, max_bytes: int) -> LoadedDocument:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in _FORMATS:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        shown = suffix or "(no extension)"
        raise IngestFileError(path, f"unsupported file type {shown}: convert it to one of {supported}")
    data = _read_bytes(path, max_bytes)
    fmt = _FORMATS[suffix]
    warnings: list[str] = []
    structure = None
    if fmt == "pdf":
        pages = _load_pdf(path, data, warnings)
    elif fmt == "xml":
        pages, structure = _load_kamerstuk_xml(path, data, max_bytes, warnings)
    else:
        _refuse_binary(path, data)
        if fmt == "html":
            pages = [PageText(1, _html_to_text(data))]
        else:
            text = _decode_text(path, data, warnings)
            pages = _split_text_pages(text, detect_ocr_pages=fmt == "txt")
        if not any(p.text.strip() for p in pages):
            raise IngestFileError(path, "contains no text (only whitespace or markup): check that the right file was exported")
    return LoadedDocument(
        path=path,
        format=fmt,  # type: ignore[arg-type]
        pages=pages,
        content_hash=hashlib.sha256(data).hexdigest(),
        warnings=warnings,
        structure=structure,
    )


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IngestFileError(path, "is not a regular file: pass a document file or a folder of documents")
        if size > max_bytes:
            raise IngestFileError(
                path,
                f"is {size / 1_000_000:.1f} MB, over the limit of {max_bytes / 1_000_000:g} MB: "
                "split the file or raise IMVO_MAX_FILE_MB",
            )
        if size == 0:
            raise IngestFileError(path, "is empty (0 bytes): re-export or re-download it")
        return path.read_bytes()
    except FileNotFoundError:
        raise IngestFileError(path, "file not found: check the path") from None
    except PermissionError:
        raise IngestFileError(path, "cannot be read (permission denied): fix the file permissions") from None


def _refuse_binary(path: Path, data: bytes) -> None:
    sample = data[:_SNIFF_BYTES]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with BOM: NUL bytes are expected
    control = sum(sample.count(bytes([b])) for b in _CONTROL_BYTES)
    if b"\x00" in sample or control / len(sample) > _MAX_CONTROL_SHARE:
        raise IngestFileError(
            path,
            f"is a binary file, not text, despite its {path.suffix} extension: "
            "export the document as PDF, plain text or HTML",
        )


def _decode_text(path: Path, data: bytes, warnings: list[str]) -> str:
    # Text in another encoding almost never decodes as UTF-8, so valid UTF-8 (with or without a BOM) is
    # read as such, quickly; charset_normalizer names the encoding of the rest.
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        not_utf8 = f"not valid UTF-8 (byte {err.start})"
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_TEXT_ENCODINGS)).best()
    if best is None:
        raise IngestFileError(
            path, f"{not_utf8} and not in another encoding of Dutch or English text either: save the file as UTF-8"
        )
    if not best.bom:  # a UTF-16/32 file marked as such is read as surely as UTF-8
        name = _TEXT_ENCODINGS.get(best.encoding, best.encoding)
        warnings.append(f"{not_utf8}: read as {name}; save the file as UTF-8 if characters look wrong")
    return str(best)


def _split_text_pages(text: str, *, detect_ocr_pages: bool) -> list[PageText]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:
        parts = text.split("\f")
        if not parts[-1].strip():
            parts = parts[:-1]  # a trailing form feed ends the last page, it does not open a new one
        return [PageText(i + 1, part) for i, part in enumerate(parts)] or [PageText(1, "")]
    if detect_ocr_pages:
        return [PageText(i + 1, page) for i, page in enumerate(split_ocr_pages(text))]
    return [PageText(1, text)]


def split_ocr_pages(text: str) -> list[str]:
    """Pages of an OCR text export whose page-initial lines begin with exactly one space.

    Only trusted when the first line has that mark and such lines are rare; a page (except the last)
    must hold at least _MIN_OCR_PAGE_LINES lines, so a stray indented line does not cut a page.
    The marking space is removed.
    """
    lines = text.split("\n")
    if not lines or not _OCR_PAGE_START.match(lines[0]):
        return [text]
    marks = [i for i, line in enumerate(lines) if _OCR_PAGE_START.match(line)]
    if len(marks) < 2 or len(marks) / len(lines) >= _MAX_OCR_PAGE_MARK_SHARE:
        return [text]
    starts = [0]
    for i in marks[1:]:
        if i - starts[-1] >= _MIN_OCR_PAGE_LINES:
            starts.append(i)
    bounds = starts + [len(lines)]
    pages = []
    for begin, end in zip(bounds, bounds[1:]):
        page_lines = lines[begin:end]
        page_lines[0] = page_lines[0][1:]
        pages.append("\n".join(page_lines))
    return pages


def _load_pdf(path: Path, data: bytes, warnings: list[str]) -> list[PageText]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    if b"%PDF-" not in data[:1024]:
        raise IngestFileError(path, "is not a PDF (no %PDF header): re-export or re-download it")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            _decrypt_with_empty_password(path, reader)
        pdf_pages = list(reader.pages)
        labels = _page_labels(reader)
    except IngestFileError:
        raise
    except DependencyError:
        raise IngestFileError(
            path, "is AES-encrypted, which needs the `cryptography` package: install it, or decrypt the PDF first"
        ) from None
    except Exception as err:  # noqa: BLE001 - pypdf raises many types (PdfReadError, KeyError, zlib.error, ...) on damaged files
        raise IngestFileError(path, f"is a damaged PDF ({type(err).__name__}): re-export or re-download it") from None
    if not pdf_pages:
        raise IngestFileError(path, "is a PDF without pages: re-export it")

    pages: list[PageText] = []
    for index, page in enumerate(pdf_pages):
        try:
            text = page.extract_text() or ""
        except Exception as err:  # noqa: BLE001 - pypdf raises many types on broken content streams
            warnings.append(f"page {index + 1}: text could not be extracted ({type(err).__name__}); the page is skipped")
            text = ""
        pages.append(PageText(index + 1, text, labels[index] if labels else None))

    empty = [p.number for p in pages if not p.text.strip()]
    if len(empty) == len(pages):
        raise IngestFileError(
            path, "contains no text layer: it is a scan and needs OCR (e.g. `ocrmypdf in.pdf out.pdf`) before ingesting"
        )
    for number in empty:
        warnings.append(f"page {number} has no text (an image or a scanned page?); it is not searchable")
    return pages


def _decrypt_with_empty_password(path: Path, reader) -> None:
    from pypdf import PasswordType

    # Many PDFs are "encrypted" only with an owner password and open with an empty user password.
    if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise IngestFileError(
            path, "is password-protected: it must be decrypted first (e.g. `qpdf --decrypt --password=... in.pdf out.pdf`)"
        )


def _page_labels(reader) -> list[str] | None:
    # reader.page_labels invents "1", "2", ... when the PDF defines none; only printed labels count.
    root = reader.trailer.get("/Root")
    if root is None or "/PageLabels" not in root.get_object():
        return None
    labels = list(reader.page_labels)
    return labels if len(labels) == len(reader.pages) else None


def _html_to_text(data: bytes) -> str:
    from bs4 import BeautifulSoup, NavigableString

    soup = BeautifulSoup(data, "html.parser")
    for tag in soup.find_all(_HTML_DROP):
        tag.decompose()
    # Whitespace inside HTML text is layout, not content; <pre> keeps its lines.
    for node in soup.find_all(string=True):
        if node.find_parent("pre") is None:
            node.replace_with(NavigableString(re.sub(r"\s+", " ", str(node))))
    for br in soup.find_all("br"):
        br.replace_with(NavigableString("\n"))
    for item in soup.find_all("li"):
        item.insert(0, NavigableString("• "))
    for tag in soup.find_all(_HTML_BLOCKS):
        tag.insert_before(NavigableString("\n\n"))
        tag.insert_after(NavigableString("\n\n"))
    text = soup.get_text()
    paragraphs = (
        "\n".join(line.strip() for line in part.split("\n")).strip() for part in re.split(r"\n\s*\n", text)
    )
    return "\n\n".join(p for p in paragraphs if p)


def page_view_path(path: Path) -> Path:
    return path.parent / PAGE_VIEW_DIR / f"{path.stem}.pdf"


def _load_kamerstuk_xml(path: Path, data: bytes, max_bytes: int, warnings: list[str]):
    """An official-publication XML read by structure; pages come from its PDF page view when saved."""
    import xml.etree.ElementTree as ET

    from ingest.kamerstuk_xml import NotAKamerstuk, parse_kamerstuk_xml
    from ingest.page_view import assign_pages

    try:
        blocks = parse_kamerstuk_xml(data)
    except ET.ParseError as err:
        raise IngestFileError(
            path, f"is malformed XML ({err}): download it again (`imvo fetch dossier` fetches a damaged file anew)"
        ) from None
    except NotAKamerstuk as err:
        raise IngestFileError(
            path, f"is XML but not an official publication ({err}): only Kamerstuk XML is read; convert other XML to text"
        ) from None
    if not any(b.text.strip() for b in blocks):
        raise IngestFileError(path, "is a Kamerstuk XML without text: download it again")
    view = page_view_path(path)
    pages = [PageText(1, "\n\n".join(b.text for b in blocks))]
    if view.exists():
        try:
            pdf_pages = _load_pdf(view, _read_bytes(view, max_bytes), [])
        except IngestFileError as err:
            warnings.append(f"page view {view.name} unusable ({err.reason}); pages are not known")
        else:
            numbers = assign_pages([b.text for b in blocks], pdf_pages)
            from dataclasses import replace

            blocks = [replace(b, page=n) for b, n in zip(blocks, numbers)]
            pages = pdf_pages
    return pages, blocks
