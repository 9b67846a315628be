"""The motions & commitments page: the register table, its filters, and a row's evidence."""

from __future__ import annotations

import pytest

from tests.webapp.conftest import all_markdown, open_app

pytestmark = pytest.mark.integration
PAGE = "app_pages/register.py"


def _rows(at):
    return at.dataframe[0].value


def test_register_lists_the_van_den_hul_motion_with_its_evidence(corpus_env) -> None:
    at = open_app(PAGE)
    table = _rows(at)
    hits = table[table["Leden / door"].str.contains("Van den Hul")]
    assert len(hits) == 1
    row = hits.iloc[0]
    assert row["Soort"] == "Motie" and row["Kamerstuk"].endswith("kst-26485-341.html")
    assert row["Open"] == "open"

    position = list(table.index).index(hits.index[0])
    at.session_state[at.dataframe[0].key] = {"selection": {"rows": [position], "columns": []}}
    at.run()
    assert not at.exception
    md = all_markdown(at)
    assert "Van den Hul" in " ".join(s.value for s in at.main.subheader)
    assert "Bewijs in de documenten" in md
    assert '<mark class="imvo-cited">' in md and "kst-26485-341.html" in md


def test_filters_narrow_the_table(corpus_env) -> None:
    at = open_app(PAGE)
    everything = len(_rows(at))
    at.toggle(key="reg_open").set_value(True).run()
    open_only = _rows(at)
    assert 0 < len(open_only) < everything and set(open_only["Open"]) == {"open"}
    at.toggle(key="reg_open").set_value(False)
    at.multiselect(key="reg_kinds").set_value(["toezegging"]).run()
    assert set(_rows(at)["Soort"]) == {"Toezegging"}


def _select(at, column: str, text: str) -> None:
    table = _rows(at)
    position = next(i for i, v in enumerate(table[column]) if text in str(v))
    at.session_state[at.dataframe[0].key] = {"selection": {"rows": [position], "columns": []}}
    at.run()
    assert not at.exception


def _cards(at) -> list[str]:
    return [m.value for m in at.markdown if 'class="imvo-source"' in m.value]


def test_evidence_shows_each_passage_once_with_dutch_findings(corpus_env) -> None:
    at = open_app(PAGE)
    _select(at, "Kamerstuk", "26485-341")
    cards = _cards(at)
    assert cards
    # one card per passage: the same title and text do not come back under another label
    bodies = [c.split("</div>", 2)[-1] for c in cards]
    assert len(bodies) == len(set(bodies))
    captions = " ".join(c.value for c in at.caption)
    assert "Status: aangenomen" in captions and "Uitvoering: uitvoering onzeker" in captions
    for english in ("status:", "execution:", "twijfel:", "aangenomen: “"):
        assert english not in captions, captions


def test_selection_follows_the_item_when_a_filter_changes(corpus_env) -> None:
    at = open_app(PAGE)
    _select(at, "Leden / door", "Smaling")
    assert "Smaling" in at.main.subheader[0].value
    at.toggle(key="reg_open").set_value(True).run()  # Smaling/Voordewind is closed: no longer shown
    assert not at.exception
    assert all("Van den Hul" not in s.value and "Smaling" not in s.value for s in at.main.subheader)

    at.toggle(key="reg_open").set_value(False).run()
    _select(at, "Leden / door", "Van den Hul")
    at.toggle(key="reg_open").set_value(True).run()  # still shown, at another row number
    assert "Van den Hul" in at.main.subheader[0].value
    at.toggle(key="reg_open").set_value(False).run()
    assert "Van den Hul" in at.main.subheader[0].value


def test_dutch_search_and_csv_download_replace_the_table_toolbar(corpus_env) -> None:
    at = open_app(PAGE)
    at.text_input(key="reg_query").input("van den hul").run()
    table = _rows(at)
    assert len(table) == 1 and "Van den Hul" in table["Leden / door"].iloc[0]
    download = at.get("download_button")
    assert download and download[0].proto.label == "CSV downloaden"
