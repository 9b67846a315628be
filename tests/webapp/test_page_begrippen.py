"""The glossary page: terms with definitions; a term (also via ?term=) shows the passages that use it."""

from __future__ import annotations

import pytest

from tests.webapp.conftest import open_app

pytestmark = pytest.mark.integration
PAGE = "app_pages/begrippen.py"


def test_glossary_lists_terms_and_a_link_opens_one(corpus_env) -> None:
    at = open_app(PAGE)
    terms = at.dataframe[0].value
    assert {"IMVO", "convenant"} <= set(terms["Begrip"])
    assert (terms["Passages"] > 0).any()

    at.query_params["term"] = "SER"
    at.run()
    assert any(s.value.startswith("SER") for s in at.subheader)
    cards = [m.value for m in at.markdown if 'class="imvo-source"' in m.value]
    assert cards and all('<span class="imvo-term">' in c for c in cards)


def test_search_box_filters_terms(corpus_env) -> None:
    at = open_app(PAGE)
    at.text_input(key="gl_query").input("zorgvuldigheid").run()
    assert "gepaste zorgvuldigheid" in set(at.dataframe[0].value["Begrip"])
    assert "IMVO" not in set(at.dataframe[0].value["Begrip"])
