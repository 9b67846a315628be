"""Filters as typed at the edges (CLI options, API fields): checked, with the field named."""

from __future__ import annotations

import pytest

from assistant.core.errors import InvalidFilterError
from assistant.service.filter_input import FilterChoices, parse_filters

CHOICES = FilterChoices(frozenset({"Kamerbrief", "SER-notitie"}), frozenset({"brief-a", "notitie-b"}))


def test_valid_filters_become_search_filters() -> None:
    filters = parse_filters(doc_types=["Kamerbrief"], date_from="2016", date_to="2017-06-30", doc_ids=["brief-a"],
                            kamerstuk="Kamerstuk 26485, nr. 341", choices=CHOICES)
    assert filters.doc_types == {"Kamerbrief"} and filters.doc_ids == {"brief-a"}
    assert (filters.date_from, filters.date_to) == ("2016", "2017-06-30")
    assert filters.normalised_kamerstuk() == "26485-341"
    assert not parse_filters().active
    assert not parse_filters(doc_types=["", " "], kamerstuk=" ").active, "blank values are no filter"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"date_from": "2016-13"}, "from"),
        ({"date_from": "16"}, "from"),
        ({"date_to": "2016-02-30"}, "to"),
        ({"date_to": "last year"}, "to"),
        ({"date_from": "2018", "date_to": "2017-12"}, "from"),
        ({"doc_types": ["Roman"]}, "type"),
        ({"doc_ids": ["brief-a", "nope"]}, "doc"),
        ({"kamerstuk": "no number here"}, "kamerstuk"),
    ],
)
def test_bad_filters_name_their_field(kwargs: dict, field: str) -> None:
    with pytest.raises(InvalidFilterError) as caught:
        parse_filters(choices=CHOICES, **kwargs)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")


def test_a_period_within_one_month_or_year_is_fine() -> None:
    assert parse_filters(date_from="2016-06", date_to="2016").date_from == "2016-06"
    assert parse_filters(date_from="2016-06-01", date_to="2016-06").date_to == "2016-06"


def test_without_choices_types_and_ids_are_taken_as_given() -> None:
    assert parse_filters(doc_types=["Roman"]).doc_types == {"Roman"}
