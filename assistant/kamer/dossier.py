"""`imvo fetch dossier`: list a dossier's Kamerstukken through SRU, download what is not held yet into
`<kamerstukken_dir>/<dossier>/`, and record each one's metadata in that folder's metadata.yaml (which
ingest reads). XML where the publication has it (read by structure), with its PDF saved as the page
view in `.pages/`; the PDF alone where there is no XML.

Resumable: a file is written under a temporary name and renamed once complete, and the metadata file
is rewritten (atomically) after every few downloads and when the run ends, however it ends. What is
held is not fetched again; a file held without its metadata entry gets the entry from the listing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import RootModel

from assistant.core.datafiles import load_yaml
from assistant.core.errors import DataFileError, ImvoError, NetworkUnavailableError, RemoteServiceError
from assistant.core.model import ProgressFn
from assistant.kamer.http import PoliteClient
from assistant.kamer.sru import KamerstukRecord, search_dossier
from assistant.core.settings import Settings
from ingest.load import PAGE_VIEW_DIR  # where ingest looks for an XML Kamerstuk's page view

METADATA_NAME = "metadata.yaml"

_SAVE_EVERY = 25
_DOSSIER = re.compile(r"\d{5}(?:-[A-Z]{1,6})?")
# KamerstukTypen → the document types the rest of the assistant uses.
_DOC_TYPES = {"brief": "Kamerbrief", "motie": "motie", "verslag": "verslag", "amendement": "amendement",
              "memorie van toelichting": "memorie van toelichting", "voorstel van wet": "wetsvoorstel"}


class DossierError(ImvoError):
    """The dossier number or the filter options are not usable."""


@dataclass
class FetchReport:
    dossier: str
    folder: Path
    listed: int = 0  # Kamerstukken the search returned
    selected: int = 0  # after --since / --kind
    downloaded: list[str] = field(default_factory=list)  # Kamerstuk numbers fetched in this run
    held: int = 0  # already present: not fetched again
    failed: list[tuple[str, str]] = field(default_factory=list)  # (Kamerstuk, reason)
    interrupted: str | None = None  # why the run stopped early (the rest is kept)
    pages_listed: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.downloaded)


def validate_dossier(dossier: str) -> str:
    value = dossier.strip().replace(" ", "").upper()
    if not _DOSSIER.fullmatch(value):
        raise DossierError(f"{dossier!r} is not a dossier number: give five digits, e.g. 26485 (or 36600-V)")
    return value


def parse_kinds(kinds: str | None) -> set[str]:
    return {k.strip().lower() for k in (kinds or "").split(",") if k.strip()}


def selected(record: KamerstukRecord, since: str | None, kinds: set[str]) -> bool:
    if since and (record.date is None or record.date < since):
        return False
    return not kinds or record.kind.lower() in kinds or any(record.kind.lower().startswith(k) for k in kinds)


def file_name(record: KamerstukRecord) -> str | None:
    if "xml" in record.urls:
        return f"{record.identifier}.xml"
    if "pdf" in record.urls:
        return f"{record.identifier}.pdf"
    return None


def metadata_entry(record: KamerstukRecord, fetched_at: str) -> dict:
    entry: dict = {
        "title": record.title,
        "doc_type": _DOC_TYPES.get(record.kind.lower(), record.kind or "Kamerstuk"),
        "kamerstuk": record.kamerstuk,
        "source_url": record.preferred_url or record.urls.get("html") or record.urls.get("xml"),
        "notes": f"Opgehaald uit de officiële bekendmakingen (SRU, {record.identifier}) op {fetched_at[:10]}.",
    }
    if record.date:
        entry["date"] = record.date
        entry["date_basis"] = "officiële bekendmakingen (dcterms:issued)"
    if record.indiener:
        entry["senders"] = record.indiener
    return entry


# The entries are kept as they are (ingest checks them): a fetch must not drop an entry it cannot judge.
_DossierMetadataFile = RootModel[dict[Any, Any] | None]


def read_metadata(folder: Path) -> dict[str, dict]:
    path = folder / METADATA_NAME
    if not path.exists():
        return {}
    try:
        return load_yaml(path, _DossierMetadataFile).root or {}
    except DataFileError:
        return {}  # unreadable or not a mapping: rewritten from the listing


def write_metadata(folder: Path, entries: dict[str, dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    header = ("# Written by `imvo fetch dossier` from the official publications' metadata; ingest reads it.\n"
              "# Edits are kept until the next fetch of the same Kamerstuk.\n")
    text = header + yaml.safe_dump(dict(sorted(entries.items())), allow_unicode=True, sort_keys=False, width=110)
    tmp = folder / f".{METADATA_NAME}.tmp"
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(folder / METADATA_NAME)


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.part"
    tmp.write_bytes(data)
    tmp.replace(path)


def _check_xml(data: bytes, url: str) -> None:
    try:
        ET.fromstring(data)
    except ET.ParseError as exc:
        raise RemoteServiceError(f"{url} sent malformed or cut-off XML ({exc}): it is not saved; fetch again later") from None


def _check_pdf(data: bytes, url: str) -> None:
    if b"%PDF-" not in data[:1024] or b"%%EOF" not in data[-2048:]:
        raise RemoteServiceError(f"{url} did not send a complete PDF: it is not saved; fetch again later")


def fetch_dossier(
    client: PoliteClient,
    settings: Settings,
    dossier: str,
    *,
    since: str | None = None,
    kinds: set[str] | None = None,
    progress: ProgressFn | None = None,
) -> FetchReport:
    """Raises NetworkUnavailableError / RemoteServiceError only when the listing itself fails (then nothing
    was changed); a failure while downloading ends the run with what was fetched kept and recorded."""
    dossier = validate_dossier(dossier)
    notify = progress or (lambda stage, done, total: None)
    folder = Path(settings.kamerstukken_dir) / dossier
    report = FetchReport(dossier, folder)

    records: list[KamerstukRecord] = []
    for page, total in search_dossier(client, settings.sru_url, dossier, page_size=settings.sru_page_size):
        records += page
        report.pages_listed += 1
        notify("list", len(records), total)
    unique = {r.identifier: r for r in records}  # a record can come back on two pages while the index moves
    report.listed = len(unique)
    chosen = [r for r in unique.values() if selected(r, since, kinds or set())]
    report.selected = len(chosen)

    fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
    entries = read_metadata(folder)
    entries_before = dict(entries)
    todo: list[tuple[KamerstukRecord, str]] = []
    for record in chosen:
        name = file_name(record)
        if name is None:
            report.failed.append((record.kamerstuk, "the publication lists no XML or PDF file"))
        elif (folder / name).exists():
            report.held += 1
            entries.setdefault(name, metadata_entry(record, fetched_at))
        else:
            todo.append((record, name))

    try:
        for i, (record, name) in enumerate(todo):
            notify("download", i, len(todo))
            try:
                _download(client, record, folder / name)
            except RemoteServiceError as exc:
                report.failed.append((record.kamerstuk, str(exc)))
                continue
            entries[name] = metadata_entry(record, fetched_at)
            report.downloaded.append(record.kamerstuk)
            if len(report.downloaded) % _SAVE_EVERY == 0:
                write_metadata(folder, entries)
        notify("download", len(todo), len(todo))
    except NetworkUnavailableError as exc:
        report.interrupted = str(exc)
    finally:
        if entries != entries_before:
            write_metadata(folder, entries)
    return report


def _download(client: PoliteClient, record: KamerstukRecord, target: Path) -> None:
    """The main file, then for an XML its PDF page view; the main file only once both are complete."""
    if target.suffix == ".xml":
        xml_url = record.urls["xml"]
        data = client.get(xml_url).content
        _check_xml(data, xml_url)
        pdf_url = record.urls.get("pdf")
        if pdf_url:
            pdf = client.get(pdf_url).content
            _check_pdf(pdf, pdf_url)
            _write_atomic(target.parent / PAGE_VIEW_DIR / f"{target.stem}.pdf", pdf)
        _write_atomic(target, data)
    else:
        pdf_url = record.urls["pdf"]
        pdf = client.get(pdf_url).content
        _check_pdf(pdf, pdf_url)
        _write_atomic(target, pdf)
