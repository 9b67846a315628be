from __future__ import annotations

import pytest

from assistant.text.kamerstuk import (
    KamerstukRef,
    find_kamerstuk_refs,
    kamerstuk_url,
    normalise_kamerstuk,
    unique_kamerstuk_ids,
)


def ids(text: str) -> list[str]:
    return [ref.id for ref in find_kamerstuk_refs(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamerstuk 26 485, nr. 212", "26485-212"),
        ("32 852 nr. 24", "32852-24"),
        ("Kamerstukken II 2015/16, 26 485, nr. 219", "26485-219"),
        ("Kamerstukken II 2015-2016, 26 485, nr. 219", "26485-219"),
        ("Kamerstuk 26485, nr. 341", "26485-341"),
        ("kst-26485-341", "26485-341"),
        ("26485-341", "26485-341"),
        ("Kamerstuk 26485-341", "26485-341"),
        ("32 852 nr 24", "32852-24"),
        ("32 852, no. 24", "32852-24"),
        ("32 852 No 24", "32852-24"),
        ("32 852, nummer 24", "32852-24"),
        ("TK 26 485, nr. 119", "26485-119"),
        ("kamerstuk 26 485 , nr . 212", "26485-212"),  # OCR spacing around the punctuation
        ("Kamerstuk 26 485,nr.212", "26485-212"),
        ("Kamerstuk 26 485\nnr. 212", "26485-212"),  # broken over two lines
        ("Kamerstuk 26\u00a0485, nr. 212", "26485-212"),  # non-breaking space
        ("Kamerstuk 26 485, nr. 0212", "26485-212"),
        ("Kamerstuk 34 550 XVII, nr. 5", "34550-XVII-5"),  # budget chapter
        ("https://zoek.officielebekendmakingen.nl/kst-34300-VII-60.html", "34300-VII-60"),
    ],
)
def test_every_reference_form_is_found_and_normalised(text: str, expected: str) -> None:
    assert ids(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "24 juni 2014",
        "Stand van zaken, 24 juni 2014.",
        "de EU-richtlijn (2014/95) over niet-financiële informatie",
        "is 5 miljoen euro ter beschikking gesteld",
        "20 000 bedrijven en 12 345 werknemers",
        "Stb. 2015, nr. 245",  # Staatsblad: four-digit year, not a dossier
        "Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1028",
        "op 2020-12-08 vastgesteld",
        "ISBN 90-12345-678-9",
        "26 485 november",
        "123456, nr. 12",  # six digits is not a dossier number
    ],
)
def test_dates_amounts_and_other_numbers_are_not_references(text: str) -> None:
    assert find_kamerstuk_refs(text) == []


def test_footnote_with_a_date_after_the_number_keeps_only_the_number() -> None:
    refs = find_kamerstuk_refs("Stand van zaken SRA. Kamerstuk 26 485, nr. 187, 24 juni 2014.")
    assert [r.id for r in refs] == ["26485-187"]
    assert refs[0].raw == "Kamerstuk 26 485, nr. 187"


def test_a_list_of_numbers_gives_one_reference_each() -> None:
    assert ids("Kamerstuk 34 331, nrs. 7 en 8") == ["34331-7", "34331-8"]
    assert ids("Kamerstuk 26 485, nrs. 3, 4 en 5, 24 juni 2014") == ["26485-3", "26485-4", "26485-5"]


def test_several_references_in_one_sentence_keep_their_order_and_offsets() -> None:
    text = "Notaoverleg, Kamerstuk 34 331, nr. 7 en Kamerstuk 34 311, nr. 5."
    refs = find_kamerstuk_refs(text)
    assert [r.id for r in refs] == ["34331-7", "34311-5"]
    for ref in refs:
        assert isinstance(ref, KamerstukRef)
        assert text[ref.start : ref.end] == ref.raw


def test_unique_ids_are_deduplicated_in_order_of_first_appearance() -> None:
    text = "Kamerstuk 26 485, nr. 197 ... 32 852 nr. 24 ... kst-26485-197 ... 26485-212"
    assert unique_kamerstuk_ids(text) == ["26485-197", "32852-24", "26485-212"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26485-212", "26485-212"),
        ("26485-0212", "26485-212"),
        ("  Kamerstuk 26 485, nr. 212 ", "26485-212"),
        ("kst-26485-341", "26485-341"),
        ("34550-XVII-5", "34550-XVII-5"),
        ("motie Van den Hul (Kamerstuk 26485, nr. 341)", "26485-341"),
        ("geen verwijzing", None),
        ("24 juni 2014", None),
    ],
)
def test_normalise_kamerstuk(text: str, expected: str | None) -> None:
    assert normalise_kamerstuk(text) == expected


def test_kamerstuk_url_points_to_officiele_bekendmakingen() -> None:
    assert kamerstuk_url("26485-212") == "https://zoek.officielebekendmakingen.nl/kst-26485-212.html"
    assert kamerstuk_url("34300-VII-60") == "https://zoek.officielebekendmakingen.nl/kst-34300-VII-60.html"


def test_kamerstuk_url_refuses_an_id_that_is_not_normalised() -> None:
    with pytest.raises(ValueError, match="26485-212"):
        kamerstuk_url("Kamerstuk 26 485, nr. 212")
