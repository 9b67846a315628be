"""The timeline page: a chart and the event list; selecting an event shows its source."""

from __future__ import annotations

import pytest

from tests.webapp.conftest import all_markdown, open_app

pytestmark = pytest.mark.integration
PAGE = "app_pages/tijdlijn.py"


def test_timeline_shows_chart_and_events(corpus_env) -> None:
    at = open_app(PAGE)
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1 and "Gebeurtenis" in charts[0].proto.spec  # tooltips carry the label
    events = at.dataframe[0].value
    assert len(events) > 5 and {"Datum", "Soort", "Gebeurtenis", "Document"} <= set(events.columns)

    at.session_state[at.dataframe[0].key] = {"selection": {"rows": [0], "columns": []}}
    at.run()
    assert '<mark class="imvo-cited">' in all_markdown(at)


def test_kind_filter(corpus_env) -> None:
    at = open_app(PAGE)
    kind = at.multiselect(key="tl_kinds").options[0]
    at.multiselect(key="tl_kinds").set_value([kind]).run()
    assert set(at.dataframe[0].value["Soort"]) == {kind}
