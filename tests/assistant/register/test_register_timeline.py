from __future__ import annotations

import pytest

from assistant.core.errors import DataFileError
from assistant.register import build_timeline, load_timeline, save_timeline
from assistant.core.model import TimelineEvent
from assistant.testing.passages import make_passage, passages_from_texts


def events(texts, date="2016-06", doc_id="d"):
    return [(e.date, e.precision, e.kind, e.planned) for e in build_timeline(passages_from_texts(doc_id, date, texts))]


def test_corpus_sentences_become_dated_events() -> None:
    # seed 003 (June 2016), verbatim with its line breaks
    assert events([
        "Het IMVO-sectorconvenant in de kleding- en textielindustrie is op 9 maart\n"
        "jl. gepresenteerd door een brede coalitie van brancheorganisaties,",
        "Op 7 december 2015 organiseerde Nederland daartoe een high-level\nconferentie gericht op de rol van de EU.",
        "Partijen in die sector tekenden eind vorig jaar een intentieverklaring.",
        "Op 15 juni jl. werd onder Nederlands voorzitter-\nschap een akkoord bereikt over de contouren van deze verordening.",
    ]) == [
        ("2015", "year", "convenant", False),
        ("2015-12-07", "day", "conferentie", False),
        ("2016-03-09", "day", "convenant", False),
        ("2016-06-15", "day", "wetgeving", False),
    ]


def test_report_meeting_and_motion_kinds() -> None:
    # seed 002 (July 2015) and seed 001 (2021)
    assert events([
        "De SRA is op 19 november\n2014 uw Kamer toegestuurd, samen met de kabinetsreactie.",
        "– Op 9 juni jl. werd de nationale rondetafel over goud georganiseerd.",
    ], date="2015-07") == [("2014-11-19", "day", "rapport", False), ("2015-06-09", "day", "bijeenkomst", False)]
    assert events(["Ondanks een in december 2020 breed aangenomen motie is de toekomst onzeker."], date="2021") == [
        ("2020-12", "month", "motie", False)
    ]


def test_planned_events() -> None:
    # seed 000: "Op 8 december a.s. voert de commissie BHOS een notaoverleg"; seed 002: "In juli is ... gepland"
    assert events(["Op 8 december a.s. voert de commissie BHOS een notaoverleg."], date="2020-12") == [
        ("2020-12-08", "day", "bijeenkomst", True)
    ]
    assert events(["In juli is een vervolgbijeenkomst gepland.", "In januari jl. vond een werkbijeenkomst plaats."],
                  date="2015-07") == [("2015-01", "month", "bijeenkomst", False), ("2015-07", "month", "bijeenkomst", True)]


def test_goals_deadlines_and_undated_sentences_are_no_events() -> None:
    assert events([
        "Partijen binnen de SER hebben de ambitie dat in 2017 een 10-tal convenanten gesloten zijn.",  # seed 004
        "Het streven is om deze afspraken eind 2015 vast te leggen in een convenant.",  # seed 002
        "De doelstelling om vóór 1 januari 2017 tien convenanten te hebben afgesloten.",
        "Daarna wordt het convenant ondertekend.",
        "Het plan uit 2013 beschrijft de aanpak.",  # a year without an event verb
    ]) == []


def test_a_year_before_a_goal_word_still_counts() -> None:
    # seed 002: the initiative was set up in 2013; 2020 is its goal
    assert events(["De sierteeltsector heeft in 2013 een initiatief opgezet met als doelstelling een duurzame "
                   "keten in 2020."], date="2015-07") == [("2013", "year", "overig", False)]


def test_footnote_reference_with_a_date_is_a_report_labelled_with_its_title() -> None:
    [e] = build_timeline(passages_from_texts("d", "2016-06", [
        "Stand van zaken Sector Risico Analyse (SRA). Kamerstuk 26 485, nr. 187, 24 juni 2014.",
    ]))
    assert (e.date, e.kind) == ("2014-06-24", "rapport")
    assert "Stand van zaken Sector Risico Analyse" in e.label


def test_relative_dates_need_the_document_date() -> None:
    assert events(["Het convenant is op 9 maart jl. gepresenteerd."], date=None) == []
    assert events(["Het convenant is op 9 maart 2016 gepresenteerd."], date=None) == [("2016-03-09", "day", "convenant", False)]


def test_the_same_event_in_two_documents_is_one_entry() -> None:
    # seed 002 sentence and seed 003 footnote about the same letter of 19 November 2014
    passages = passages_from_texts("002", "2015-07", [
        "De SRA is op 19 november 2014 uw Kamer toegestuurd, samen met de kabinetsreactie op het SER-advies.",
    ]) + passages_from_texts("003", "2016-06", [
        ("footnote", "5 Kabinetsreactie op het eindrapport MVO Sector Risico Analyse, Kamerstuk 26 485, nr. 197,\n"
                     "19 november 2014."),
    ])
    [e] = build_timeline(passages)
    assert (e.date, e.kind, e.doc_id) == ("2014-11-19", "rapport", "002")  # the earliest report leads
    assert [x["doc_id"] for x in e.also_in] == ["003"]


def test_different_events_on_one_day_stay_apart() -> None:
    found = build_timeline(passages_from_texts("d", "2016", [
        "Op 3 mei 2016 werd de rondetafel over goud georganiseerd.",
        "Op 3 mei 2016 vond de workshop over textiel plaats.",
    ]))
    assert len(found) == 2


def test_anaphoric_labels_get_their_context() -> None:
    # seed 002: "Hierover bent u op 25 juni jl. separaat geïnformeerd."
    [_, e] = build_timeline([make_passage(
        "In november 2014 sloten de energieproducenten een convenant. Hierover bent u op 25 juni jl. separaat "
        "geïnformeerd.", date="2015-07")])
    assert e.date == "2015-06-25" and e.label.startswith("Hierover bent u") and "energieproducenten" in e.label


def test_event_carries_its_source() -> None:
    [e] = build_timeline([make_passage("Op 7 december 2015 organiseerde Nederland een conferentie.", doc_id="x",
                                       page=4)])
    assert (e.doc_id, e.source, e.page, e.chunk_id, e.title) == ("x", "x.txt", 4, "x-0", "Titel x")
    assert e.text.startswith("Op 7 december") and e.quote == "Op 7 december 2015 organiseerde Nederland een conferentie."


def test_json_round_trip(tmp_path) -> None:
    found = build_timeline(passages_from_texts("d", "2016-06", [
        "Het convenant is op 9 maart jl. gepresenteerd.", "Op 7 december 2015 organiseerde Nederland een conferentie.",
    ]))
    path = tmp_path / "timeline.json"
    save_timeline(found, path)
    assert load_timeline(path) == found
    assert all(isinstance(e, TimelineEvent) for e in load_timeline(path))
    path.write_text('{"version": 1, "events": [{"date": "2016"}]}', encoding="utf-8")
    with pytest.raises(DataFileError, match="not a readable timeline"):
        load_timeline(path)


def test_the_context_of_a_long_anaphoric_label_survives_shortening() -> None:
    # seed 004: the heading names the covenant that "Dit convenant" refers to
    [e] = build_timeline([make_passage(
        "3.2 Implementatie convenant Bancaire sector\n\nDit convenant is in oktober 2016 ondertekend en bevat afspraken "
        "die banken beter in staat stellen om bij zakelijke leningen en projectfinanciering ervoor te zorgen dat "
        "mensenrechten worden gerespecteerd, waar ook ter wereld en voor alle klanten.", date="2017")])
    assert e.date == "2016-10" and e.kind == "convenant"
    assert e.label.startswith("Dit convenant is in oktober 2016 ondertekend")
    assert e.label.endswith("(3.2 Implementatie convenant Bancaire sector)") and len(e.label) <= 200


def test_one_event_per_sentence_the_most_precise_date() -> None:
    assert events(["De pilot is in maart 2023 aangekondigd en op 14 februari 2023 gestart met twaalf bedrijven."],
                  date="2023-03") == [("2023-02-14", "day", "overig", False)]
