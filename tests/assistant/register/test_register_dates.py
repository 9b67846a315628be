from __future__ import annotations

import pytest

from assistant.register.dates import find_dates, format_date, reference_period


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
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"]
    assert format_date("2015-04-29", months) == "29 april 2015"
    assert format_date("2020-12", months) == "december 2020"
    assert format_date("2017", months) == "2017"
