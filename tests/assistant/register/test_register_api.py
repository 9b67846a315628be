from __future__ import annotations

import json

import pytest

from assistant.core.errors import DataFileError
from assistant.register import Register, build_register
from assistant.core.model import RegisterItem
from assistant.testing.passages import passages_from_texts


@pytest.fixture
def register() -> Register:
    return build_register(
        passages_from_texts("a", "2016-06", [
            "Mede ter uitvoering van de motie van de leden Smaling en Voordewind om vóór de zomer van 2016 een "
            "evaluatiemoment in te stellen voor de convenanten, biedt het kabinet u deze brief aan.",
            ("footnote", "2 Motie van de leden Smaling en Voordewind d.d. 29 april 2015 (Kamerstuk 32 852 nr. 24)."),
        ])
        + passages_from_texts("b", "2021", [
            "Ondanks een in december 2020 breed aangenomen motie met een oproep aan het kabinet om de "
            "IMVO-convenanten te blijven ondersteunen (motie Van den Hul en Van den Nieuwenhuijzen - "
            "Kamerstuk 26485, nr. 341), is de betrokkenheid van de overheid onzeker.",
        ])
    )


def test_items_are_merged_across_text_and_footnote(register: Register) -> None:
    assert [(i.kind, i.kamerstuk, i.members, i.date) for i in register.items] == [
        ("motie", "32852-24", ["Smaling", "Voordewind"], "2015-04-29"),
        ("motie", "26485-341", ["Van den Hul", "Van den Nieuwenhuijzen"], "2020-12"),
    ]
    assert [m["chunk_id"] for m in register.items[0].mentions] == ["a-0", "a-1"]


def test_url_links_the_kamerstuk(register: Register) -> None:
    assert register.items[1].url == "https://zoek.officielebekendmakingen.nl/kst-26485-341.html"
    assert RegisterItem("x", "motie", None, [], None, None, None).url is None


def test_open_items(register: Register) -> None:
    assert [i.kamerstuk for i in register.open_items()] == ["26485-341"]
    assert register.open_items("toezegging") == []


def test_find_by_surname_number_subject_and_year(register: Register) -> None:
    assert [i.kamerstuk for i in register.find("Is de motie Smaling uitgevoerd?")] == ["32852-24"]
    assert [i.kamerstuk for i in register.find("motie van den hul")] == ["26485-341"]
    assert [i.kamerstuk for i in register.find("Wat is de status van motie 26485-341?")] == ["26485-341"]
    assert [i.kamerstuk for i in register.find("Kamerstuk 32 852, nr. 24")] == ["32852-24"]
    assert register.find("evaluatiemoment")[0].kamerstuk == "32852-24"
    assert register.find("motie Jansen") == []


def test_json_round_trip(register: Register, tmp_path) -> None:
    path = tmp_path / "sub" / "register.json"
    register.save(path)
    loaded = Register.load(path)
    assert loaded == register
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1
    assert Register.from_dict(register.to_dict()) == register


def test_loading_a_missing_or_broken_file_says_what_to_do(tmp_path) -> None:
    with pytest.raises(DataFileError, match="no register saved yet"):
        Register.load(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 1, "items": [{"kind": "motie"}]}', encoding="utf-8")
    with pytest.raises(DataFileError, match="bad.json.*not a readable register.*lacks"):
        Register.load(bad)
    bad.write_text("not json", encoding="utf-8")
    with pytest.raises(DataFileError, match="imvo ingest. rebuilds it"):
        Register.load(bad)


def test_item_ids_are_unique() -> None:
    reg = build_register(passages_from_texts("d", "2016-06", [
        "Op 7 maart 2016 zijn twee moties van de leden Vermue en Servaes aangenomen.",
    ]))
    assert [i.id for i in reg.items] == ["motie-vermue-servaes-1", "motie-vermue-servaes-2"]


def test_no_passages_no_items() -> None:
    assert build_register([]).items == []
