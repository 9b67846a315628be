from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from assistant.core.errors import DataFileError
from assistant.testing.pdf_factory import make_report_pdf
from ingest.clean import (
    clean_document,
    find_running_lines,
    hyphen_joiner,
    is_furniture_line,
    is_numbered_heading,
    join_hyphenated,
    join_lines,
    normalise_unicode,
    parse_rules,
    split_page_footnotes,
    strip_footnote_markers,
)
from ingest.clean_rules import default_rules
from ingest.furniture import drop_furniture
from ingest.load import load_document
from ingest.parsed import CleanDocument, LoadedDocument, PageText
from tests.paths import DEV_SET as DEV


def doc_of(text: str, fmt: str = "txt", pages: list[str] | None = None) -> LoadedDocument:
    page_texts = pages if pages is not None else [text]
    return LoadedDocument(
        path=Path(f"x.{fmt}"),
        format=fmt,  # type: ignore[arg-type]
        pages=[PageText(i + 1, t) for i, t in enumerate(page_texts)],
        content_hash="0",
    )


def squash(text: str) -> str:
    """Lower case, every run of other characters than letters and digits one space (accents kept)."""
    return re.sub(r"[^0-9a-zà-öø-ÿ]+", " ", text.lower()).strip()


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, CleanDocument]:
    return {p.name[:3]: clean_document(load_document(p, max_bytes=10_000_000)) for p in sorted(seeds_dir.glob("*.txt"))}


def block_with(doc: CleanDocument, fragment: str):
    found = [b for b in doc.blocks if fragment in b.text]
    assert found, f"no block contains {fragment!r}"
    return found[0]


# --- characters ------------------------------------------------------------------------------------


def test_normalise_unicode_ligatures_quotes_spaces_and_soft_hyphens():
    assert normalise_unicode("ﬁnanciële ﬂexibiliteit eﬀect") == "financiële flexibiliteit effect"
    assert normalise_unicode("‘duty to protect’ „citaat” ‚x‛") == "'duty to protect' \"citaat\" 'x'"
    assert normalise_unicode("«code duurzaam beleggen»") == "«code duurzaam beleggen»"
    assert normalise_unicode("26\u00a0485 en\u202fnr.") == "26 485 en nr."
    assert normalise_unicode("ver\u00adant\u00adwoord") == "verantwoord"
    assert normalise_unicode("organisa\u00ad\ntie") == "organisatie"


def test_normalise_unicode_composes_and_turns_private_use_bullets_into_bullets():
    assert normalise_unicode("financie\u0308le") == "financiële"
    assert normalise_unicode("\uf0b7 Ondersteun de convenanten\n\uf0a7Zorg") == "• Ondersteun de convenanten\n• Zorg"
    assert normalise_unicode("tekst\uf0b7 midden") == "tekst midden"


# --- hyphenation -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("organisa-\ntie", "organisatie"),
        ("groot-\nhandel", "groothandel"),
        ("Neder-\nlandse", "Nederlandse"),
        ("IMVO-\nconvenanten", "IMVO-convenanten"),
        ("OESO-\nrichtlijnen", "OESO-richtlijnen"),
        ("MVO-\nNederland", "MVO-Nederland"),
        ("Midden-\nOosten", "Midden-Oosten"),
        ("handel-\nen ontwikkelingsbeleid", "handel- en ontwikkelingsbeleid"),
        ("https://www.ser.nl/-\n/media/ser", "https://www.ser.nl/-/media/ser"),
        ("2015-\n2016", "2015-2016"),
        ("land- en tuinbouw", "land- en tuinbouw"),
        ("aanbevelingen -\nin lijn", "aanbevelingen -\nin lijn"),
        ("eerste regel\ntweede regel", "eerste regel\ntweede regel"),
    ],
)
def test_join_hyphenated(text: str, expected: str):
    assert join_hyphenated(text) == expected


def test_hyphenation_follows_how_the_document_writes_the_word():
    assert join_hyphenated("via multi-\nstakeholderdialogen") == "via multistakeholderdialogen"
    assert join_hyphenated("de multi-stakeholderdialogen\nvia multi-\nstakeholderdialogen") == (
        "de multi-stakeholderdialogen\nvia multi-stakeholderdialogen"
    )
    assert hyphen_joiner("waarde", "ketens", frozenset({"waardeketens"})) == ""


def test_join_lines_joins_with_spaces_and_resolves_hyphens():
    assert join_lines(["De SER heeft na een verken-", "ning op 18 mei", "jl. besloten."]) == (
        "De SER heeft na een verkenning op 18 mei jl. besloten."
    )


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        ("002", "groothandel, hout en papier"),
        ("002", "door VNO-NCW georganiseerd IMVO-convenantenoverleg"),
        ("002", "IMVO-uitdagingen en -kansen in de detailhandel"),
        ("002", "Verduurzaming Nederlandse textiel- en kledingsector"),
        ("002", "participatie in multi-stakeholderdialogen wordt gestimuleerd"),
        ("002", "bouwprojecten in het Midden-Oosten"),
        ("003", "een evaluatiemoment in te stellen"),
        ("003", "benadering van handel- en ontwikkelingsbeleid"),
        ("003", "informatie over het concurrentievoordeel dat MVO"),
        ("003", "verduurzaming mondiale waardeketens in internationale context"),
        ("000", "https://www.ser.nl/-/media/ser/downloads/adviezen/2014/imvo-convenanten.pdf"),
        ("000", "implementatie van de OESO-richtlijnen en UN Guiding Principles"),
        ("004", "betrokken kan raken bij kinderarbeid, levensgevaarlijke"),
    ],
)
def test_hyphenation_on_real_seed_lines(seeds, seed: str, expected: str):
    assert expected in seeds[seed].text


def test_no_line_break_hyphen_artefacts_left(seeds):
    for doc in seeds.values():
        for m in re.finditer(r"([^\W\d_]+)- (\w+)", doc.text):
            assert m.group(2) in {"en", "of", "tot"}, m.group(0)  # only elisions like "land- en tuinbouw"
        assert "-\n" not in doc.text


# --- furniture -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line", ["5", "- 3 -", "12", "Pagina 2 van 5", "2/7", "Tweede Kamer, vergaderjaar 2015–2016, 26 485, nr. 219 3", "»", "*", "~ |"]
)
def test_furniture_lines(line: str):
    assert is_furniture_line(line)


@pytest.mark.parametrize("line", ["5 miljoen euro", "2016.", "Textiel", "1. Inleiding", "(2014/95)", ""])
def test_not_furniture(line: str):
    assert not is_furniture_line(line)


def test_running_lines_are_found_with_digits_normalised_but_footnotes_are_kept():
    words = ["textiel", "banken", "goud", "hout"]
    pages = [
        [f"Voortgangsbrief IMVO | pagina {n}", f"Tekst over {w}.", f"{n} Raadpleegbaar via www.tweedekamer.nl"]
        for n, w in enumerate(words, start=1)
    ]
    assert find_running_lines(pages) == {"top:voortgangsbrief imvo | pagina #"}
    assert find_running_lines(pages[:1]) == set()


def test_running_header_and_page_numbers_are_dropped():
    words = ["textiel", "banken", "goud"]
    pages = [f"Jaarverslag IMVO 2016\nDeze pagina gaat over {w} en loopt door tot het einde.\n{n}" for n, w in enumerate(words, 1)]
    doc = clean_document(doc_of("", pages=pages))
    assert "Jaarverslag" not in doc.text
    assert not re.search(r"(?m)^\d+$", doc.text)
    assert doc.text.count("Deze pagina gaat over") == 3


def test_no_lone_page_numbers_or_junk_blocks(seeds):
    for doc in seeds.values():
        for block in doc.blocks:
            assert re.search(r"[^\W\d_]{2}", block.text), block
    assert not seeds["004"].text.rstrip().endswith("5")


# --- footnotes -------------------------------------------------------------------------------------


def test_footnote_markers_are_removed_and_linked():
    assert strip_footnote_markers("het SER-advies IMVO-convenanten1. Het", {"1"}) == (
        "het SER-advies IMVO-convenanten. Het",
        ("1",),
    )
    assert strip_footnote_markers("«Tussenbalans Groene Groei»2.", {"2"}) == ("«Tussenbalans Groene Groei».", ("2",))
    assert strip_footnote_markers("zie de bijlage (UNGP's)3 en", {"3"}) == ("zie de bijlage (UNGP's) en", ("3",))
    assert strip_footnote_markers("zoals gezegd (...)8 in", {"8"}) == ("zoals gezegd (...) in", ("8",))
    assert strip_footnote_markers("convenanten² en", set()) == ("convenanten en", ("2",))
    assert strip_footnote_markers("Voortgang sectorconvenanten®", set()) == ("Voortgang sectorconvenanten", ())


@pytest.mark.parametrize(
    "line",
    [
        "in 2018 minstens 50% en in 2020",
        "aan de doelen 8 (eerlijk werk en",
        "de EU-richtlijn (2014/95) over",
        "(Kamerstuk 32 852 nr. 24).",
        "de G7 in 2015",
        "convenanten3 en",  # 3 is no footnote on this page
    ],
)
def test_real_numbers_are_not_footnote_markers(line: str):
    assert strip_footnote_markers(line, {"4", "7", "8", "24", "50", "95"}) == (line, ())


def test_page_footnotes_with_continuations_and_an_ocr_number():
    lines = [
        "Dit is lopende tekst over de IMVO-convenanten die doorloopt",
        "",
        "8 Toezegging Kamerstuk 32 637, nr. 231, gedaan tijdens",
        "het AO Ondernemen, d.d. 21 januari 2016.",
        "",
        "° Notaoverleg over de initiatiefnota, Kamerstuk 34 331, nr. 7.",
        "",
        "10 Kabinetsreactie op het eindrapport, Kamerstuk 26 485, nr. 197,",
        "19 november 2014.",
    ]
    body, notes = split_page_footnotes(lines, width=70)
    assert body == lines[:2]
    assert [n[0] for n in notes] == ["8", "9", "10"]
    assert notes[0][1] == ["Toezegging Kamerstuk 32 637, nr. 231, gedaan tijdens", "het AO Ondernemen, d.d. 21 januari 2016."]
    assert notes[2][1][-1] == "19 november 2014."


def test_numbered_heading_above_a_footnote_stays_in_the_body():
    lines = ["2. Aandachtspunten", "", "2.1 Rol overheid", "", "1 SER (2014) advies IMVO-convenanten, publ.nr. 14/04"]
    body, notes = split_page_footnotes(lines, width=70)
    assert body[-2] == "2.1 Rol overheid"
    assert notes == [("1", ["SER (2014) advies IMVO-convenanten, publ.nr. 14/04"])]


def test_page_without_footnotes_is_untouched():
    lines = ["Tekst die gewoon eindigt", "op 30 juni jl. met een vergadering.", "12 Nederlandse banken tekenden."]
    assert split_page_footnotes(lines, width=60) == (lines, [])


def test_seed_footnotes_become_footnote_blocks(seeds):
    s002 = seeds["002"]
    notes = {b.footnote_id: b for b in s002.blocks if b.kind == "footnote"}
    assert notes["1"].text == "Kamerstuk 26 485, nr. 197" and notes["1"].page == 1
    assert notes["2"].text.startswith("Kamerstuk 33 043, nr. 42")
    citing = block_with(s002, "kabinetsreactie op het SER-advies IMVO-convenanten. Het kabinet")
    assert citing.kind == "paragraph" and citing.footnote_refs == ("1",)
    assert block_with(s002, "«Tussenbalans Groene Groei».").footnote_refs == ("2",)
    running = "\n".join(b.text for b in s002.blocks if b.kind != "footnote")
    assert "Kamerstuk 26 485, nr. 197" not in running

    s003 = seeds["003"]
    notes003 = [b for b in s003.blocks if b.kind == "footnote"]
    texts = [b.text for b in notes003]
    assert "Motie van de leden Smaling en Voordewind d.d. 29 april 2015 (Kamerstuk 32 852 nr. 24)." in texts
    assert any(t.startswith("KPMG onderscheidde in de SRA") and t.endswith("bijlage 1.") for t in texts)
    assert {b.footnote_id: b.text for b in notes003 if b.footnote_id in {"9", "10"}} == {
        "9": "Notaoverleg over de initiatiefnota Eerlijk Werk Wereldwijd, Kamerstuk 34 331, nr. 7 en Kamerstuk 34 311, nr. 5.",
        "10": "Raadpleegbaar via www.tweedekamer.nl",
    }
    assert "Raadpleegbaar" not in "\n".join(b.text for b in s003.blocks if b.kind != "footnote")

    s004 = seeds["004"]
    note = next(b for b in s004.blocks if b.kind == "footnote")
    assert (note.footnote_id, note.text, note.page) == ("1", "SER (2014) advies IMVO-convenanten, publ.nr. 14/04", 1)
    assert block_with(s004, "In het SER-advies IMVO-convenanten bepleit").footnote_refs == ("1",)


def test_real_numbers_survive_in_the_seeds(seeds):
    assert "in 2018 minstens 50% en in 2020 minstens 80%" in seeds["004"].text
    for fragment in ["aan de doelen 8 (eerlijk werk", "EU-richtlijn (2014/95)", "(Kamerstuk 32 852 nr. 24)", "de G7 in 2015"]:
        assert fragment in seeds["003"].text


# --- structure -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1. Inleiding", True),
        ("2.1 Rol overheid", True),
        ("3.1 Implementatie convenant Duurzame Kleding en Textiel", True),
        ("1. een consistent beleid te voeren ten aanzien van o.a. internationaal MVO,", False),
        ("2014 uw Kamer toegestuurd, samen met de kabinetsreactie op het", False),
        ("30 juni jl.", False),
        ("2. Voortgang is goed.", False),
    ],
)
def test_is_numbered_heading(line: str, expected: bool):
    assert is_numbered_heading(line) is expected


def test_offsets_point_into_the_text(seeds):
    for doc in seeds.values():
        assert doc.text == "\n\n".join(b.text for b in doc.blocks)
        for block in doc.blocks:
            assert doc.text[block.start : block.end] == block.text
            assert "\n\n" not in block.text
        assert [o for o, _ in doc.page_breaks] == sorted(o for o, _ in doc.page_breaks)


def test_headings_numbered_and_unnumbered(seeds):
    def headings(key: str) -> list[str]:
        return [b.text for b in seeds[key].blocks if b.kind == "heading"]

    assert headings("002") == [
        "1. Inleiding",
        "2. Voortgang",
        "3. Rol van de overheid",
        "4. Betrokkenheid van stakeholders",
        "5. Tot slot",
    ]
    assert {"2.1 Rol overheid", "3.1 Implementatie convenant Duurzame Kleding en Textiel"} <= set(headings("004"))
    assert {"Textiel", "Banken", "Goud", "Overig", "EU-voorzitterschap", "Hoe verder?", "Tot slot"} <= set(headings("003"))
    assert "Voortgang sectorconvenanten" in headings("003")  # OCR marker ® removed
    assert headings("000") == ["Achtergrond"]
    assert block_with(seeds["003"], "Verwachting is dat het convenant in de bancaire sector").heading == "Banken"
    assert block_with(seeds["000"], "FNV, CNV, VNO-NCW en MKB-Nederland doen een beroep").heading == "Achtergrond"


def test_list_items_joined_across_blank_lines_and_pages(seeds):
    s002 = seeds["002"]
    item = block_with(s002, "Binnen de financiële sector heeft de bancaire sector aangegeven een MVO-convenant voor te bereiden")
    assert item.kind == "list_item" and not item.text.startswith("–")
    textile = block_with(s002, "textiel en kleding – Inretail, Modint en VGT – de SER benaderd met de vraag of deze organisatie daarbij")
    assert textile.kind == "list_item" and textile.page == 1
    assert s002.page_at(textile.start) == 1
    assert s002.page_at(s002.text.index("organisatie daarbij een rol")) == 2
    assert block_with(seeds["004"], "om te beginnen de cacaoketen").kind == "list_item"
    assert all(not b.text.startswith("∂") for b in seeds["004"].blocks)
    assert block_with(seeds["003"], "Dit jaar is de Internationale Arbeidsconferentie").kind == "list_item"
    assert block_with(seeds["000"], "Geef opvolging aan de aanbevelingen").kind == "list_item"


def test_signatures(seeds):
    s000 = [b for b in seeds["000"].blocks if b.kind == "signature"]
    assert len(s000) == 1
    assert "Tuur Elzinga Guusje Dolsma Anneke Westerlaken" in s000[0].text
    assert "Vicevoorzitter FNV wnd directeur Beleid Bestuurslid CNV" in s000[0].text
    assert s000[0].text.startswith("Met vriendelijke groeten,")
    s001 = block_with(seeds["001"], "Ingrid Thijssen, voorzitter VNO-NCW Jacco Vonhof")
    assert s001.kind == "signature" and "Tuur Elzinga, voorzitter FNV Piet Fortuin" in s001.text
    s003 = block_with(seeds["003"], "E.M.J. Ploumen")
    assert s003.kind == "signature" and "H.G.J. Kamp" in s003.text


def test_dev_evidence_survives_cleaning(seeds):
    if not DEV.is_file():
        pytest.skip("dev questions not available")
    checked = 0
    for line in DEV.read_text(encoding="utf-8").splitlines():
        question = json.loads(line)
        for evidence in question["evidence"]:
            wanted = squash(evidence)
            texts = [squash(seeds[name[:3]].text) for name in question["docs"]]
            found = any(wanted in t for t in texts) or (
                len(wanted) >= 12 and max(fuzz.partial_ratio(wanted, t) for t in texts) >= 90
            )
            assert found, (question["id"], evidence)
            checked += 1
    assert checked > 40


def test_whole_corpus_cleans_fast(seeds_dir: Path):
    loaded = [load_document(p, max_bytes=10_000_000) for p in sorted(seeds_dir.glob("*.txt"))]
    started = time.perf_counter()
    for doc in loaded:
        clean_document(doc)
    assert time.perf_counter() - started < 1.0


# --- other formats -----------------------------------------------------------------------------------


def test_pdf_pages_labels_header_and_footnote(tmp_path: Path):
    doc = clean_document(load_document(make_report_pdf(tmp_path), max_bytes=10_000_000))
    assert "Tweede Kamer, vergaderjaar" not in doc.text
    assert not re.search(r"(?m)^\d+$", doc.text)
    para = block_with(doc, "voortgang van de IMVO-convenanten. De sectoren")
    assert para.page == 1 and para.page_label == "i" and para.footnote_refs == ("1",)
    assert "de organisatie van het overleg" in para.text
    assert para.text.endswith("dat naar verwachting na de zomer wordt ondertekend.")  # joined across the page
    assert doc.page_at(doc.text.index("na de zomer")) == 2
    note = next(b for b in doc.blocks if b.kind == "footnote")
    assert (note.footnote_id, note.text, note.page_label) == ("1", "Kamerstuk 26 485, nr. 197", "i")
    textile = block_with(doc, "Het textielconvenant is op 4 juli 2016")
    assert (textile.page, textile.page_label, textile.heading) == (2, "1", "2. Textiel")


def test_markdown_headings_lists_and_emphasis():
    doc = clean_document(doc_of("# Voortgang\n\nDe **SER** begeleidt *twee* convenanten:\n\n- Textiel\n- Banken\n", "md"))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Voortgang"),
        ("paragraph", "De SER begeleidt twee convenanten:"),
        ("list_item", "Textiel"),
        ("list_item", "Banken"),
    ]
    assert all(b.heading == "Voortgang" for b in doc.blocks)


def test_html_text_from_the_loader():
    text = "IMVO-convenanten\n\nDe financiële sector heeft een convenant.\n\n• Textiel\n\n• Banken"
    doc = clean_document(doc_of(text, "html"))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "IMVO-convenanten"),
        ("paragraph", "De financiële sector heeft een convenant."),
        ("list_item", "Textiel"),
        ("list_item", "Banken"),
    ]


def test_blank_line_inside_a_sentence_is_repaired_only_in_ocr_formats():
    text = (
        "De textielsector heeft in 2013 aangegeven dat zij graag wil werken aan een\n\n"
        "convenant met de overheid en de vakbonden.\n"
    )
    assert len(clean_document(doc_of(text, "txt")).blocks) == 1
    assert len(clean_document(doc_of(text, "md")).blocks) == 2


def test_empty_document():
    doc = clean_document(doc_of("\n\n5\n\n"))
    assert (doc.text, doc.blocks) == ("", [])


def test_malformed_rules_name_the_file():
    with pytest.raises(DataFileError) as info:
        parse_rules({"bullets": []}, "cleaning.yaml")
    assert str(info.value).startswith("cleaning.yaml: field 'furniture_lines': is missing")


def test_a_date_line_stands_alone_but_a_date_ending_a_wrapped_sentence_does_not():
    wrapped = "De staatssecretaris heeft de voortgangsrapportage over de convenanten verstuurd in"
    text = (
        "Notitie pilot duurzame cacao\nmaart 2023\nDe pilot is gestart met twaalf coöperaties in Ghana en Ivoorkust.\n"
        f"{wrapped}\nmaart 2023. Daarna volgt de evaluatie van de pilot met alle deelnemers.\n"
    )
    doc = clean_document(doc_of("", fmt="pdf", pages=[text]))
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[0] == ("heading", "Notitie pilot duurzame cacao")
    assert kinds[1] == ("paragraph", "maart 2023")
    assert any(b.text.startswith("De pilot") and "verstuurd in maart 2023. Daarna" in b.text for b in doc.blocks)


def test_page_unique_lines_that_differ_only_in_digits_are_not_running_headers():
    # many short pages, each headed by its own article number: content, not furniture
    pages = [[f"Artikel {n * 7 + 3}", f"De tekst van artikel {n * 7 + 3} gaat over ketens."] for n in range(40)]
    assert find_running_lines(pages) == set()
    rules = default_rules()
    assert all(drop_furniture(p, find_running_lines(pages), rules)[0] for p in pages)


def test_a_page_counter_at_the_foot_is_furniture_but_not_the_same_line_in_the_middle():
    pages = [[f"Tekst over {w}.", f"Meer over {w} hier.", f"Slot over {w}.", f"Rapport IMVO - {n + 3}"]
             for n, w in enumerate(["textiel", "goud", "hout", "banken", "metaal"])]
    running = find_running_lines(pages)
    assert running == {"bottom:rapport imvo - #"}
    rules = default_rules()
    assert drop_furniture(pages[0], running, rules)[-1] == ""
    moved = ["Rapport IMVO - 9", "Tekst.", "Meer tekst.", "Slot."]  # at the top: another place
    assert drop_furniture(moved, running, rules)[0] == "Rapport IMVO - 9"


def test_a_page_never_loses_its_only_lines():
    pages = [["Voortgangsbrief IMVO", f"Tekst over {w}."] for w in ("textiel", "goud", "hout", "banken", "metaal")]
    pages.append(["Voortgangsbrief IMVO"])
    running = find_running_lines(pages)
    assert "top:voortgangsbrief imvo" in running
    rules = default_rules()
    assert drop_furniture(pages[0], running, rules)[0] == ""
    assert drop_furniture(pages[-1], running, rules) == ["Voortgangsbrief IMVO"]
