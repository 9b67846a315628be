"""An official-publication XML Kamerstuk is read by its structure, with pages from its PDF page view."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core.errors import IngestFileError
from ingest.clean import clean_document
from ingest.kamerstuk_xml import parse_kamerstuk_xml
from ingest.load import load_document, page_view_path
from ingest.page_view import assign_pages
from ingest.parsed import PageText

XML = """<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie>
 <metadata><meta name="DC.title" content="ignored"/></metadata>
 <kamerstuk>
  <kamerstukkop><kamer nummer="2">Tweede Kamer der Staten-Generaal</kamer><vergaderjaar>Vergaderjaar 2020–2021</vergaderjaar></kamerstukkop>
  <dossier><dossiernummer><dossiernr>26 485</dossiernr></dossiernummer><titel>Internationaal maatschappelijk verantwoord ondernemen</titel></dossier>
  <stuk><stuknummer>Nr. 350</stuknummer><titel>BRIEF VAN DE MINISTER</titel>
   <brief>
    <aanhef><al>Geachte voorzitter,</al></aanhef>
    <al>Het kabinet werkt aan <nadruk type="cur">een zorgplicht</nadruk> voor bedrijven<noot id="n1" type="voet"><noot.nr>1</noot.nr><noot.al>Kamerstuk 26 485, nr. 337</noot.al></noot> en meldt de voortgang.</al>
    <tussenkop>Convenanten</tussenkop>
    <lijst type="ongemarkeerd"><li><li.nr>•</li.nr><al>textiel en kleding;</al></li><li><li.nr>•</li.nr><al>banken.</al></li></lijst>
    <slotformule><al>Hoogachtend,</al></slotformule>
    <ondertekening><al>De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,</al><al>T.A.M. Kaag</al></ondertekening>
   </brief>
  </stuk>
 </kamerstuk>
</officiele-publicatie>
""".encode()


def test_blocks_follow_the_elements() -> None:
    blocks = parse_kamerstuk_xml(XML)
    kinds = [(b.kind, b.text) for b in blocks]
    assert ("heading", "Convenanten") in kinds and ("heading", "BRIEF VAN DE MINISTER") in kinds
    paragraph = next(b for b in blocks if b.text.startswith("Het kabinet"))
    assert paragraph.text == "Het kabinet werkt aan een zorgplicht voor bedrijven en meldt de voortgang."
    assert paragraph.footnote_refs == ("1",)
    footnote = blocks[blocks.index(paragraph) + 1]  # right after the paragraph that cites it
    assert (footnote.kind, footnote.footnote_id, footnote.text) == ("footnote", "1", "1 Kamerstuk 26 485, nr. 337")
    assert [b.text for b in blocks if b.kind == "list_item"] == ["• textiel en kleding;", "• banken."]
    signature = next(b for b in blocks if b.kind == "signature")
    assert signature.text.splitlines() == ["De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,", "T.A.M. Kaag"]
    assert not any("ignored" in b.text for b in blocks)


def test_loading_and_cleaning_keep_the_structure(tmp_path: Path) -> None:
    path = tmp_path / "kst-26485-350.xml"
    path.write_bytes(XML)
    clean = clean_document(load_document(path, max_bytes=10**6))
    by_text = {b.text: b for b in clean.blocks}
    assert by_text["• banken."].kind == "list_item" and by_text["• banken."].heading == "Convenanten"
    footnote = next(b for b in clean.blocks if b.kind == "footnote")
    assert clean.text[footnote.start : footnote.end] == footnote.text


def test_pages_come_from_the_pdf_page_view(tmp_path: Path) -> None:
    from assistant.testing.kamer_server import FakeKamerstuk, kamerstuk_pdf

    path = tmp_path / "kst-26485-350.xml"
    path.write_bytes(XML)
    paragraphs = ["Geachte voorzitter,", "Het kabinet werkt aan een zorgplicht voor bedrijven en meldt de voortgang.",
                  "Convenanten", "textiel en kleding; banken.", "Hoogachtend, De Minister T.A.M. Kaag"]
    pdf = kamerstuk_pdf(FakeKamerstuk("26485", 350, "Brief", "Brief van de minister", "2021-01-15", paragraphs,
                                      paragraphs_per_page=2))
    page_view_path(path).parent.mkdir()
    page_view_path(path).write_bytes(pdf)
    loaded = load_document(path, max_bytes=10**6)
    assert len(loaded.pages) == 3
    pages = {b.text: b.page for b in clean_document(loaded).blocks}
    assert pages["Het kabinet werkt aan een zorgplicht voor bedrijven en meldt de voortgang."] == 1
    assert pages["Convenanten"] == 2 and pages["• banken."] == 2


def test_a_block_not_found_keeps_the_page_before_it() -> None:
    pages = [PageText(1, "alpha beta gamma delta"), PageText(2, "epsilon zeta eta theta")]
    assert assign_pages(["alpha beta", "epsilon zeta", "nowhere to be found", "theta"], pages) == [1, 2, 2, 2]


@pytest.mark.parametrize(
    ("data", "reason"),
    [(XML[: len(XML) // 2], "malformed XML"), (b"<rss><channel/></rss>", "not an official publication")],
)
def test_unusable_xml_is_a_clear_file_error(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(data)
    with pytest.raises(IngestFileError, match=reason):
        load_document(path, max_bytes=10**6)
