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
    at.session_state["register_table"] = {"selection": {"rows": [position], "columns": []}}
    at.run()
    assert not at.exception
    md = all_markdown(at)
    assert "Van den Hul" in " ".join(s.value for s in at.subheader)
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
