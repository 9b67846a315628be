from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from assistant.core.errors import ConfigurationError
from ingest.metadata import (
    CURATED_DATE_BASIS,
    UNKNOWN_TYPE,
    extract_metadata,
    load_curated_metadata,
    load_metadata_rules,
    merge_metadata,
)
from assistant.core.model import DocumentMetadata
from ingest.parsed import CleanDocument
from tests.ingest.clean_factory import clean_from_text, heading, make_clean, para, signature

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


def extract(doc: CleanDocument | str, title_hint: str = "testdocument over imvo") -> DocumentMetadata:
    clean = clean_from_text(doc) if isinstance(doc, str) else doc
    return extract_metadata(clean, doc_id="doc-1", source="map/test.pdf", title_hint=title_hint)


# Endings shaped like the seed letters (spacing as the OCR left it).
MINISTERS_ENDING = """In de bijlagen 3 en 4 wordt uitvoering gegeven aan deze toezegging en moties.

De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,
E.M.J. Ploumen

De Minister van Economische Zaken,
H.G.J. Kamp

8 Toezegging Kamerstuk 32 637, nr. 231, gedaan door de Minister van Economische Zaken tijdens
het AO Ondernemen en Bedrijfsfinanciering, d.d. 21 januari 2016.
"""

CHAIRS_ENDING = """Graag gaan we hierover verder met u in gesprek.

In afwachting van uw antwoord verblijven,

Tuur Elzinga, voorzitter FNV Piet Fortuin, voorzitter CNV
 Ingrid Thijssen, voorzitter VNO-NCW Jacco Vonhof, voorzitter MKB-Nederland

C.c.: drs. B. Visser, minister van Infrastructuur en Waterstaat,
dhr. T. van Toor, griffier van de vaste commissie voor Buitenlandse Handel en
Ontwikkelingssamenwerking van de Tweede Kamer der Staten-Generaal,
"""

COLUMNS_ENDING = """De uitwerking ervan is de grootste uitdaging.

Met vriendelijke groeten,

Tuur Elzinga   Guusje Dolsma    Anneke Westerlaken

Vicevoorzitter FNV  wnd directeur Beleid    Bestuurslid CNV

    VNO-NCW en MKB-Nederland
"""


# --------------------------------------------------------------------------- rules file


def test_rules_are_loaded_once_from_the_data_file() -> None:
    assert load_metadata_rules() is load_metadata_rules()
    rules = load_metadata_rules()
    assert rules.date_lines and rules.head_month_lines
    assert any(rule.doc_type == "Kamerbrief" for rule in rules.doc_types)


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Den Haag, 12 juni 2016", "2016-06-12"),
        ("'s-Gravenhage, 1 mei 2015", "2015-05-01"),
        ("Amsterdam, 3 sept. 2015", "2015-09-03"),
        ("Utrecht, 14 okt 2018", "2018-10-14"),
        ("Den Haag, 1 jan. 2020", "2020-01-01"),
        ("Datum 7 juli 2016", "2016-07-07"),
        ("Datum: 07-07-2016", "2016-07-07"),
        ("Datum 03-04-2016", "2016-04-03"),  # numeric dates are day-month-year in Dutch
        ("Vastgesteld 24 augustus 2016", "2016-08-24"),
        ("Den Haag, 12 rnaart 2016", "2016-03-12"),  # OCR: rn for m
        ("Den Haag, 5 0ktober 2017", "2017-10-05"),  # OCR: zero for o
    ],
)
def test_date_line_gives_the_exact_date(line: str, expected: str) -> None:
    text = f"{line}\n\nIn 2014 en op 19 november 2015 gebeurde iets.\n\nMet vriendelijke groet"
    md = extract(text)
    assert md.date == expected
    assert md.date_basis is not None and md.date_basis.startswith("datumregel")


def test_date_line_at_the_end_of_a_letter_is_used() -> None:
    md = extract("Geachte Kamerleden,\n\nOp 12 mei 2016 is het convenant gepresenteerd.\n\nDen Haag, 17 juni 2016")
    assert md.date == "2016-06-17"


def test_a_footnote_line_with_a_date_is_not_a_date_line() -> None:
    text = "Op 7 maart 2016 werden twee moties aangenomen.\n\n" + MINISTERS_ENDING
    md = extract(text)
    assert md.date_basis is not None and not md.date_basis.startswith("datumregel")
    assert md.date == "2016-03"


def test_without_a_date_line_the_latest_mentioned_date_is_used_to_the_month() -> None:
    md = extract("Op 7 december 2015 was de conferentie. Op 12 mei 2016 volgden Raadsconclusies. In 2013 begon het.")
    assert md.date == "2016-05"
    assert md.date_basis is not None
    assert "laatste datum" in md.date_basis and "12 mei 2016" in md.date_basis


def test_a_jl_date_counts_in_the_year_of_the_latest_dated_mention() -> None:
    md = extract("De Raadsconclusies van 12 mei 2016 zijn aangenomen. Op 15 juni jl. werd een akkoord bereikt.")
    assert md.date == "2016-06"
    assert md.date_basis is not None and "15 juni jl." in md.date_basis and "12 mei 2016" in md.date_basis


def test_a_jl_date_earlier_in_that_year_does_not_move_the_date() -> None:
    md = extract("De SRA is op 19 november 2014 toegestuurd. Op 30 juni jl. was er overleg.")
    assert md.date == "2014-11"


def test_month_and_year_mentions_count() -> None:
    assert extract("Het convenant is in oktober 2016 ondertekend, na 25 september 2015.").date == "2016-10"


def test_upcoming_dates_are_ignored() -> None:
    md = extract("Op 12 mei 2016 is het besproken. Het debat is op 8 december 2016 a.s.")
    assert md.date == "2016-05"


def test_day_and_month_without_any_year_give_no_date() -> None:
    md = extract("Op 8 december a.s. voert de commissie een notaoverleg. Op 30 juni jl. was er overleg. Sinds 2014.")
    assert md.date is None
    assert md.date_basis is None


def test_impossible_dates_are_skipped() -> None:
    assert extract("Op 31 februari 2016 en op 3 maart 2015 gebeurde iets.").date == "2015-03"


# --------------------------------------------------------------------------- document type and addressee


@pytest.mark.parametrize(
    ("text", "doc_type", "addressee"),
    [
        (
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 9 maart 2016\n\nHierbij.",
            "Kamerbrief",
            "Voorzitter van de Tweede Kamer der Staten-Generaal",
        ),
        ("Geachte voorzitter,\n\nHierbij informeer ik u.\n\n" + MINISTERS_ENDING, "Kamerbrief", "voorzitter"),
        ("Geachte voorzitter,\n\nNamens onze leden vragen wij aandacht.", "brief aan Kamerleden", "voorzitter"),
        ("Geachte Kamerleden,\n\nOp 8 december a.s. voert de commissie BHOS een notaoverleg.", "brief aan Kamerleden", "Kamerleden"),
        (
            "Geachte leden van de vaste commissie voor Buitenlandse Handel en Ontwikkelingssamenwerking,\n\nTekst.",
            "brief aan Kamerleden",
            "leden van de vaste commissie voor Buitenlandse Handel en Ontwikkelingssamenwerking",
        ),
        ("Excellentie,\n\nDe looptijd van het convenant is verstreken.", "brief aan minister", "minister (aanhef 'Excellentie')"),
        ("Geachte minister Kaag,\n\nGraag vragen wij uw aandacht.", "brief aan minister", "minister Kaag"),
    ],
)
def test_salutation_decides_type_and_addressee(text: str, doc_type: str, addressee: str) -> None:
    md = extract(text)
    assert (md.doc_type, md.addressee) == (doc_type, addressee)


def test_motie_is_recognised() -> None:
    text = (
        "De Kamer,\n\ngehoord de beraadslaging,\n\nverzoekt de regering de IMVO-convenanten te blijven "
        "ondersteunen,\n\nen gaat over tot de orde van de dag.\n\nVan den Hul\nVan den Nieuwenhuijzen"
    )
    assert extract(text).doc_type == "Motie"


def test_verslag_is_recognised() -> None:
    text = "Nr. 222 VERSLAG VAN EEN ALGEMEEN OVERLEG\n\nVastgesteld 24 augustus 2016\n\nDe commissie heeft overleg gevoerd."
    md = extract(text)
    assert md.doc_type == "Verslag"
    assert md.date == "2016-08-24"


def test_ser_documents_are_recognised() -> None:
    assert extract("ADVIES 21/11 | Oktober 2021\n\nEffectieve Europese wetgeving").doc_type == "SER-advies"
    note = "1. Inleiding\n\nDe SER wil het belang benadrukken van een werkbare oplossing."
    assert extract(note).doc_type == "SER-notitie"


def test_letter_signed_by_ministers_without_salutation_is_a_kamerbrief() -> None:
    md = extract("Twee jaar geleden kondigde het kabinet uw Kamer aan te streven naar convenanten.\n\n" + MINISTERS_ENDING)
    assert md.doc_type == "Kamerbrief"
    assert md.addressee == "de Kamer ('uw Kamer')"


def test_cabinet_writing_to_uw_kamer_is_a_kamerbrief_even_without_signature() -> None:
    md = extract("De SRA is op 19 november 2014 uw Kamer toegestuurd. Het kabinet acht het SER-advies richtinggevend.")
    assert md.doc_type == "Kamerbrief"


def test_text_without_any_cue_is_of_unknown_type() -> None:
    md = extract("Een losse tekst over ketens en risico's.")
    assert md.doc_type == UNKNOWN_TYPE
    assert md.addressee is None
    assert md.senders == []


# --------------------------------------------------------------------------- senders


def test_minister_signatures_give_role_and_name() -> None:
    md = extract("Hierbij informeer ik uw Kamer.\n\n" + MINISTERS_ENDING)
    assert md.senders == [
        "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking (E.M.J. Ploumen)",
        "Minister van Economische Zaken (H.G.J. Kamp)",
    ]


def test_minister_signatures_joined_on_one_line_by_cleaning_are_still_found() -> None:
    doc = make_clean(
        para("Hierbij informeer ik uw Kamer."),
        signature("De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking, E.M.J. Ploumen "
                  "De Minister van Economische Zaken, H.G.J. Kamp"),
    )
    assert extract(doc).senders == [
        "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking (E.M.J. Ploumen)",
        "Minister van Economische Zaken (H.G.J. Kamp)",
    ]


def test_a_minister_named_inside_a_sentence_is_not_a_sender() -> None:
    md = extract("Gisteren heeft De Minister van Buitenlandse Zaken, A.G. Koenders, de brief ontvangen.")
    assert md.senders == []


def test_chairs_signing_name_comma_function_and_copies_left_out() -> None:
    md = extract("Excellentie,\n\nDe looptijd is verstreken.\n\n" + CHAIRS_ENDING)
    assert md.senders == [
        "Tuur Elzinga (voorzitter FNV)",
        "Piet Fortuin (voorzitter CNV)",
        "Ingrid Thijssen (voorzitter VNO-NCW)",
        "Jacco Vonhof (voorzitter MKB-Nederland)",
    ]
    assert not any("Visser" in s or "Toor" in s for s in md.senders)


def test_names_in_columns_are_paired_with_the_functions_below() -> None:
    md = extract("Geachte Kamerleden,\n\nTekst.\n\n" + COLUMNS_ENDING)
    assert md.senders == [
        "Tuur Elzinga (Vicevoorzitter FNV)",
        "Guusje Dolsma (wnd directeur Beleid VNO-NCW en MKB-Nederland)",
        "Anneke Westerlaken (Bestuurslid CNV)",
    ]


def test_columns_collapsed_to_one_line_still_give_the_names() -> None:
    text = (
        "Geachte Kamerleden,\n\nTekst.\n\nMet vriendelijke groeten,\n\nTuur Elzinga Guusje Dolsma Anneke Westerlaken "
        "Vicevoorzitter FNV wnd directeur Beleid Bestuurslid CNV VNO-NCW en MKB-Nederland"
    )
    senders = extract(text).senders
    assert [s.split(" (")[0] for s in senders] == ["Tuur Elzinga", "Guusje Dolsma", "Anneke Westerlaken"]
    assert senders[0] == "Tuur Elzinga (Vicevoorzitter FNV)"


def test_single_signer_with_particle_and_accent() -> None:
    md = extract("Geachte voorzitter,\n\nTekst.\n\nMet vriendelijke groet,\n\nMariëtte van den Berg\nVoorzitter SER")
    assert md.senders == ["Mariëtte van den Berg (Voorzitter SER)"]


def test_organisation_line_above_the_signer_goes_with_the_function() -> None:
    md = extract("Geachte minister,\n\nTekst.\n\nHoogachtend,\n\nSociaal-Economische Raad\n\nMariëtte Hamer\nVoorzitter")
    assert md.senders == ["Mariëtte Hamer (Voorzitter Sociaal-Economische Raad)"]


def test_signature_blocks_are_used_when_there_is_no_closing_formula() -> None:
    doc = make_clean(para("Geachte Kamerleden,"), para("Tekst."), signature("Jan de Vries, directeur MVO Nederland"))
    assert extract(doc).senders == ["Jan de Vries (directeur MVO Nederland)"]


# --------------------------------------------------------------------------- title, own number, references


def test_onderwerp_line_gives_the_title() -> None:
    md = extract("Datum 7 juli 2016\nOnderwerp: Voortgang IMVO-convenanten\n\nGeachte voorzitter,")
    assert md.title == "Voortgang IMVO-convenanten"


def test_a_sentence_continuing_with_betreft_is_not_a_title() -> None:
    md = extract("Zet in op meer data wat\nbetreft due diligence in de keten.", title_hint="2016 06 xx voortgangsbrief imvo")
    assert md.title == "Voortgangsbrief imvo"


def test_leading_heading_is_the_title_unless_generic() -> None:
    doc = make_clean(heading("Voortgang IMVO-convenanten 2016"), para("Tekst."))
    assert extract(doc).title == "Voortgang IMVO-convenanten 2016"
    generic = make_clean(heading("1. Inleiding"), para("Tekst."))
    assert extract(generic, title_hint="2015 07 10 tussenrapportage imvo convenanten").title == (
        "Tussenrapportage imvo convenanten"
    )


def test_a_meaningless_file_name_falls_back_to_the_first_line() -> None:
    md = extract("Geachte Kamerleden,\n\nTekst.", title_hint="000 56afe5d85fb7b094")
    assert md.title == "Geachte Kamerleden,"


def test_official_header_gives_own_number_type_and_date() -> None:
    text = (
        "26 485 Maatschappelijk verantwoord ondernemen\n\n"
        "Nr. 220 BRIEF VAN DE MINISTER VOOR BUITENLANDSE HANDEL EN ONTWIKKELINGSSAMENWERKING\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 17 juni 2016\n\n"
        "Mede ter uitvoering van de motie Smaling en Voordewind (Kamerstuk 32 852 nr. 24) ..."
    )
    md = extract(text)
    assert (md.kamerstuk, md.doc_type, md.date) == ("26485-220", "Kamerbrief", "2016-06-17")
    assert md.kamerstuk_refs == ["32852-24"]


def test_kamerstuk_refs_are_normalised_deduplicated_and_in_order() -> None:
    text = (
        "De SRA (Kamerstuk 26 485, nr. 197) en de motie (Kamerstuk 32 852 nr. 24).\n\n"
        "Zie ook Kamerstukken II 2015/16, 26 485, nr. 219 en opnieuw kst-26485-197.\n\n"
        "1 Kamerstuk 26485, nr. 341"
    )
    assert extract(text).kamerstuk_refs == ["26485-197", "32852-24", "26485-219", "26485-341"]


def test_extracted_metadata_keeps_ids_and_is_marked_extracted() -> None:
    md = extract("Tekst.")
    assert (md.doc_id, md.source, md.extracted, md.kamerstuk) == ("doc-1", "map/test.pdf", True, None)


# --------------------------------------------------------------------------- curated metadata


def write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "metadata.yaml"
    path.write_text(content, encoding="utf-8")
    return path


def test_curated_file_is_validated_and_normalised(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
brief.pdf:
  title: Voortgangsbrief
  date: 2016-06-17
  kamerstuk: "Kamerstuk 26 485, nr. 220"
  kamerstuk_refs: ["32 852 nr. 24", "kst-26485-212"]
notitie.txt:
  date: 2017
  addressee: null
""",
    )
    entries = load_curated_metadata(path)
    assert entries["brief.pdf"] == {
        "title": "Voortgangsbrief",
        "date": "2016-06-17",
        "kamerstuk": "26485-220",
        "kamerstuk_refs": ["32852-24", "26485-212"],
    }
    assert entries["notitie.txt"] == {"date": "2017", "addressee": None}  # only the fields it sets


def test_missing_or_empty_curated_file_means_no_entries(tmp_path: Path) -> None:
    assert load_curated_metadata(tmp_path / "absent.yaml") == {}
    assert load_curated_metadata(write(tmp_path, "# nothing yet\n")) == {}


@pytest.mark.parametrize(
    ("entry", "field", "hint"),
    [
        ("date: 17-06-2016", "date", "YYYY-MM-DD"),
        ("date: '2016-13'", "date", "YYYY-MM-DD"),
        ("kamerstuk: 'nr. 12'", "kamerstuk", "26485-212"),
        ("kamerstuk_refs: ['24 juni 2014']", "kamerstuk_refs", "26485-212"),
        ("datum: 2016-06-17", "datum", "is not a known field (allowed: title, doc_type, date,"),
        ("senders: 12", "senders", "list"),
        ("title: ''", "title", "empty"),
    ],
)
def test_bad_entry_names_file_entry_and_field(tmp_path: Path, entry: str, field: str, hint: str) -> None:
    path = write(tmp_path, f"goed.pdf:\n  title: Goed\nfout.pdf:\n  {entry}\n")
    with pytest.raises(ConfigurationError) as err:
        load_curated_metadata(path)
    message = str(err.value)
    assert message.startswith(f"{path}: field '[\"fout.pdf\"].{field}")
    assert hint in message


@pytest.mark.parametrize(
    ("content", "hint"),
    [
        ("- a\n- b\n", "the file as a whole: expected a mapping"),
        ("fout.pdf: gewoon tekst\n", "field '[\"fout.pdf\"]': expected a mapping (key: value), got 'gewoon tekst'"),
        ("fout.pdf:\n  title: [open\n", "is not valid YAML (line 3"),
    ],
)
def test_malformed_curated_file_is_a_configuration_error(tmp_path: Path, content: str, hint: str) -> None:
    path = write(tmp_path, content)
    with pytest.raises(ConfigurationError, match=re.escape(hint)) as err:
        load_curated_metadata(path)
    assert str(path) in str(err.value)


def extracted_example() -> DocumentMetadata:
    return DocumentMetadata(
        doc_id="d1",
        title="Voortgangsbrief imvo",
        doc_type="onbekend",
        date="2016-06",
        date_basis="laatste datum in de tekst: '15 juni jl.'",
        senders=["E.M.J. Ploumen"],
        addressee=None,
        kamerstuk_refs=["26485-187", "32852-24"],
        source="brief.pdf",
    )


def test_curated_fields_override_and_references_are_united() -> None:
    curated = {
        "title": "Voortgangsbrief IMVO-convenanten 2016",
        "doc_type": "Kamerbrief",
        "date": "2016-06-17",
        "date_basis": "AO-verslag",
        "kamerstuk": "26485-220",
        "kamerstuk_refs": ["26485-212", "32852-24"],
        "summary": "niet in DocumentMetadata, wordt genegeerd",
    }
    merged = merge_metadata(extracted_example(), curated)
    assert merged.title == "Voortgangsbrief IMVO-convenanten 2016"
    assert (merged.doc_type, merged.date, merged.date_basis) == ("Kamerbrief", "2016-06-17", "AO-verslag")
    assert merged.kamerstuk == "26485-220"
    assert merged.kamerstuk_refs == ["26485-212", "32852-24", "26485-187"]
    assert merged.senders == ["E.M.J. Ploumen"]  # not in the entry: extracted value kept
    assert (merged.doc_id, merged.source, merged.extracted) == ("d1", "brief.pdf", False)


def test_curated_date_without_basis_does_not_keep_the_extracted_basis() -> None:
    merged = merge_metadata(extracted_example(), {"date": "2016-06-17"})
    assert merged.date_basis == CURATED_DATE_BASIS


def test_explicit_null_in_curated_entry_clears_the_field() -> None:
    merged = merge_metadata(replace(extracted_example(), addressee="de Kamer"), {"addressee": None, "senders": None})
    assert merged.addressee is None
    assert merged.senders == []


def test_no_curated_entry_leaves_extracted_metadata_alone() -> None:
    extracted = extracted_example()
    assert merge_metadata(extracted, None) == extracted
    assert merge_metadata(extracted, {}).extracted is True


def test_merge_rejects_a_bad_curated_value() -> None:
    with pytest.raises(ConfigurationError, match="curated metadata of brief.pdf: field 'date': expected an ISO date"):
        merge_metadata(extracted_example(), {"date": "juni 2016"})


# --------------------------------------------------------------------------- the real corpus

REQUIRED = ("title", "doc_type", "date", "date_basis", "senders", "addressee", "kamerstuk", "original_name", "summary")


def test_corpus_metadata_file_validates_and_names_exactly_the_corpus_files() -> None:
    entries = load_curated_metadata(CORPUS / "metadata.yaml")
    files = {p.name for p in CORPUS.iterdir() if p.is_file() and p.name != "metadata.yaml"}
    assert set(entries) == files
    for name, entry in entries.items():
        missing = [f for f in REQUIRED if f not in entry]
        assert not missing, f"{name}: missing {missing}"
        assert entry["title"] and entry["summary"] and entry["date_basis"] and entry["senders"]
        if entry["kamerstuk"] is None:
            assert entry.get("notes"), f"{name}: say in notes why there is no Kamerstuk number"
        # ASCII kebab-case, starting with the date (unknown parts as xx)
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*\.txt", name), name
        parts = entry["date"].split("-")
        prefix = "-".join(parts + ["xx"] * (3 - len(parts)))
        assert name.startswith(prefix + "-"), (name, entry["date"])
    originals = [e["original_name"] for e in entries.values()]
    assert len(set(originals)) == len(originals)
    assert all(re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", o) for o in originals)


def test_corpus_files_are_byte_identical_to_their_seeds(seeds_dir: Path) -> None:
    for name, entry in load_curated_metadata(CORPUS / "metadata.yaml").items():
        assert (CORPUS / name).read_bytes() == (seeds_dir / entry["original_name"]).read_bytes(), name


def test_corpus_metadata_raw_yaml_has_no_stray_fields() -> None:
    # load_curated_metadata forbids unknown fields; this guards against a typo silently becoming a new key.
    raw = yaml.safe_load((CORPUS / "metadata.yaml").read_text(encoding="utf-8"))
    assert all(isinstance(v, dict) for v in raw.values())


@pytest.mark.integration
def test_extraction_on_the_real_corpus_with_paragraph_blocks() -> None:
    by_original = {e["original_name"]: name for name, e in load_curated_metadata(CORPUS / "metadata.yaml").items()}

    def run(original: str) -> DocumentMetadata:
        name = by_original[original]
        clean = clean_from_text((CORPUS / name).read_text(encoding="utf-8"))
        return extract_metadata(clean, doc_id=original, source=name, title_hint=Path(name).stem.replace("-", " "))

    letter_mps = run("000_56afe5d85fb7b094.txt")
    assert (letter_mps.doc_type, letter_mps.addressee) == ("brief aan Kamerleden", "Kamerleden")
    assert [s.split(" (")[0] for s in letter_mps.senders] == ["Tuur Elzinga", "Guusje Dolsma", "Anneke Westerlaken"]

    letter_minister = run("001_4a543a51296bcff6.txt")
    assert letter_minister.doc_type == "brief aan minister"
    assert len(letter_minister.senders) == 4
    assert letter_minister.kamerstuk_refs == ["26485-341"]

    interim = run("002_fd3b86bd4b6cd388.txt")
    assert interim.doc_type == "Kamerbrief"
    assert interim.kamerstuk_refs == ["26485-197", "33043-42"]

    progress = run("003_eed8529a5a242b2b.txt")
    assert progress.doc_type == "Kamerbrief"
    assert progress.date == "2016-06"
    assert len(progress.senders) == 2
    assert progress.kamerstuk_refs[:3] == ["26485-187", "32852-24", "26485-212"]

    assert run("004_849417ff41c9aa15.txt").doc_type == "SER-notitie"
