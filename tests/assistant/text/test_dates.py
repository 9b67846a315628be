from __future__ import annotations

import re

import pytest

from assistant.text.dates import (
    FULL_DATE,
    blank_dates,
    find_dates,
    format_date,
    full_date,
    marked_day_month,
    month_in_word,
    month_names,
    month_number,
    reference_period,
)


def dates(text: str, doc_date: str | None) -> list[tuple[str, str]]:
    return [(d.value.iso, d.value.precision) for d in find_dates(text, doc_date)]


@pytest.mark.parametrize(
    ("text", "doc_date", "expected"),
    [
        # seed 003 (June 2016): "op 9 maart jl. gepresenteerd", "Op 15 juni jl. werd ... een akkoord bereikt"
        ("is op 9 maart\njl. gepresenteerd", "2016-06", [("2016-03-09", "day")]),
        ("Op 15 juni jl. werd een akkoord bereikt", "2016-06", [("2016-06-15", "day")]),
        ("Op 15 juni jl. werd een akkoord bereikt", "2016-06-17", [("2016-06-15", "day")]),
        # "jl." looks back across a new year
        ("op 20 december jl. ondertekend", "2016-02", [("2015-12-20", "day")]),
        # seed 000 (December 2020): "Op 8 december a.s. voert de commissie BHOS een notaoverleg"
        ("Op 8 december a.s. voert de commissie", "2020-12", [("2020-12-08", "day")]),
        ("Op 8 december a.s. voert de commissie", "2020", [("2020-12-08", "day")]),
        ("op 10 januari a.s. volgt", "2020-12", [("2021-01-10", "day")]),
        # seed 003: "september vorig jaar van start gegaan", "eind vorig jaar een intentieverklaring"
        ("is september vorig jaar van start gegaan", "2016-06", [("2015-09", "month")]),
        ("tekenden eind vorig jaar een intentieverklaring", "2016-06", [("2015", "year")]),
        # seed 002 (July 2015): "In januari jl.", "afgelopen mei", "In juli is ... gepland"
        ("In januari jl. vond een werkbijeenkomst plaats", "2015-07", [("2015-01", "month")]),
        ("Zo vond afgelopen mei de eerste workshop plaats", "2015-07", [("2015-05", "month")]),
        ("In juli is een vervolgbijeenkomst gepland", "2015-07", [("2015-07", "month")]),
        # seed 004 (2017): "in juli aanstaande klaar"
        ("moet in juli aanstaande klaar zijn", "2017", [("2017-07", "month")]),
        # absolute dates need no document date
        ("Motie d.d. 29 april 2015 (Kamerstuk 32 852 nr. 24)", None, [("2015-04-29", "day")]),
        ("Ondanks een in december 2020 breed aangenomen motie", "2021", [("2020-12", "month")]),
        ("Onder Duits voorzitterschap van de G7 in 2015 is", None, [("2015", "year")]),
        ("gesprekken in het najaar van 2014", None, [("2014", "year")]),
        ("d.d. 21-01-2016", None, [("2016-01-21", "day")]),
    ],
)
def test_dates_are_resolved_against_the_document_date(text, doc_date, expected) -> None:
    assert dates(text, doc_date) == expected


def test_relative_dates_need_a_document_date() -> None:
    assert dates("op 9 maart jl. gepresenteerd", None) == []
    assert dates("eind vorig jaar", None) == []


def test_no_dates_in_numbers_that_are_not_dates() -> None:
    # "richtlijn (2014/95)", "5 miljoen euro", "Kamerstuk 26 485, nr. 212", "een maart-nummer", bare month names
    assert dates("de EU-richtlijn (2014/95) en 5 miljoen euro, Kamerstuk 26 485, nr. 212", "2016") == []
    assert dates("het plan van maart is klaar", "2016") == []


def test_an_impossible_day_is_no_date_at_all() -> None:
    assert dates("op 31 februari 2015", None) == []


def test_a_date_after_the_document_is_marked() -> None:
    [d] = find_dates("Voor de kennisopbouw verzorgt Shift in september een workshop", "2015-07-10")
    assert (d.value.iso, d.after_document) == ("2015-09", True)
    [d] = find_dates("Op 8 december a.s.", "2020-12")
    assert d.relative == "future"


def test_reference_period_of_partial_dates() -> None:
    assert [str(x) for x in reference_period("2016-06")] == ["2016-06-01", "2016-06-30"]
    assert [str(x) for x in reference_period("2021")] == ["2021-01-01", "2021-12-31"]
    assert reference_period(None) is None
    assert reference_period("onbekend") is None


def test_format_date() -> None:
    assert format_date("2015-04-29", "nl") == "29 april 2015"
    assert format_date("2015-04-29", "en") == "29 April 2015"
    assert format_date("2020-12", "nl") == "december 2020"
    assert format_date("2017", "en") == "2017"
    assert format_date(None, "nl") == ""


# --------------------------------------------------------------------------- the one month table


def test_month_names_in_documents_dutch_and_abbreviated() -> None:
    assert [month_number(w) for w in ("maart", "Mrt.", "mrt", "sept", "okt.", "MEI")] == [3, 3, 3, 9, 10, 5]
    assert month_number("March") is None  # documents are read with Dutch names
    assert month_number("March", english=True) == 3
    assert month_number("hallo", english=True) is None


def test_ocr_mangled_month_names_are_read_only_when_asked() -> None:
    assert month_number("rnaart") is None
    assert [month_number(w, ocr=True) for w in ("rnaart", "0ktober", "ju1i", "juIi")] == [3, 10, 7, 7]


def test_english_month_names_that_are_ordinary_words_count_only_capitalised() -> None:
    assert month_in_word("May") == 5 and month_in_word("may") is None
    assert month_in_word("march") is None and month_in_word("maart") == 3
    assert month_in_word("december") == 12 and month_in_word("Dec") == 12


def test_month_names_for_display() -> None:
    assert month_names("nl")[2] == "maart" and month_names("en")[2] == "March"
    assert len(month_names("nl")) == len(month_names("en")) == 12


# --------------------------------------------------------------------------- full dates (the metadata reader)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17 juni 2016", (2016, 6, 17)),
        ("3 sept. 2015", (2015, 9, 3)),
        ("12 rnaart, 2016", (2016, 3, 12)),
        ("17-06-2016", (2016, 6, 17)),
        ("1/2/2016", (2016, 2, 1)),
        ("5.12.2016", (2016, 12, 5)),
        ("31 februari 2016", None),
        ("12 hallo 2016", None),
    ],
)
def test_full_dates(text, expected) -> None:
    m = FULL_DATE.search(text)
    assert m and full_date(m) == expected


def test_no_full_date_inside_a_run_of_numbers() -> None:
    assert FULL_DATE.search("1-2-2016-3") is None


def test_marked_day_month_past_and_future() -> None:
    past = marked_day_month().search("op 15 juni jl. werd")
    future = marked_day_month().search("op 8 december a.s. voert")
    assert past and past.group("past") and past.group("day") == "15"
    assert future and future.group("future") and future.group("month") == "december"


def test_the_register_reads_every_past_marker() -> None:
    # one list of markers for the metadata reader and the register: "jl" without its dot, "laatstleden"
    assert dates("op 9 maart jl gepresenteerd", "2016-06") == [("2016-03-09", "day")]
    assert dates("op 9 maart laatstleden gepresenteerd", "2016-06") == [("2016-03-09", "day")]


def test_numeric_dates_with_slashes_and_dots() -> None:
    assert dates("op 21/01/2016 en 22.01.2016", None) == [("2016-01-21", "day"), ("2016-01-22", "day")]


def test_blank_dates_leaves_other_numbers() -> None:
    assert blank_dates("Op 8 december 2020 (19-11-2014) 25 bedrijven").split() == ["Op", "2020", "(", ")", "25", "bedrijven"]


def test_data_file_patterns_get_the_one_month_table() -> None:
    from assistant.text.dates import with_date_patterns

    line = re.compile(with_date_patterns(r"^(?:[0-3]?\d\s+)?{month}\.?\s+(?:19|20)\d{2}$"), re.IGNORECASE)
    assert line.match("14 februari 2023") and line.match("Sept. 2016") and line.match("febr 2016")
    assert not line.match("14 hallo 2023")
    numeric = re.compile(with_date_patterns(r"^{numeric_date}$"))
    assert numeric.match("17-06-2016") and not numeric.match("17-06-16")
    assert re.search(with_date_patterns("Datum {date}"), "Datum 7 juli 2016")


def test_the_month_table_must_hold_twelve_months(tmp_path) -> None:
    from assistant.core.datafiles import data_path, load_yaml
    from assistant.core.errors import DataFileError
    from assistant.text.dates import DATES_FILE, DatesFile

    text = data_path(DATES_FILE).read_text(encoding="utf-8")
    path = tmp_path / DATES_FILE
    path.write_text(text.replace("  - {nl: mei, en: May, short: []}\n", ""), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"dates.yaml: field 'months'"):
        load_yaml(path, DatesFile)
