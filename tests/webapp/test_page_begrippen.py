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
    assert any(s.value.startswith("SER") for s in at.main.subheader)
    cards = [m.value for m in at.markdown if 'class="imvo-source"' in m.value]
    assert cards and all('<span class="imvo-term">' in c for c in cards)


def test_search_box_filters_terms(corpus_env) -> None:
    at = open_app(PAGE)
    at.text_input(key="gl_query").input("zorgvuldigheid").run()
    assert "gepaste zorgvuldigheid" in set(at.dataframe[0].value["Begrip"])
    assert "IMVO" not in set(at.dataframe[0].value["Begrip"])


def test_search_puts_the_term_itself_first(corpus_env) -> None:
    at = open_app(PAGE)
    at.text_input(key="gl_query").input("SER").run()
    assert at.dataframe[0].value["Begrip"].iloc[0] == "SER"


def test_selection_follows_the_term_after_a_new_search(corpus_env) -> None:
    at = open_app(PAGE)
    terms = list(at.dataframe[0].value["Begrip"])
    at.session_state[at.dataframe[0].key] = {"selection": {"rows": [terms.index("convenant")], "columns": []}}
    at.run()
    assert at.main.subheader[0].value.startswith("convenant")
    at.text_input(key="gl_query").input("convenant").run()  # another list: "convenant" at another row
    assert not at.exception
    assert at.main.subheader[0].value.startswith("convenant")
    at.text_input(key="gl_query").input("OESO").run()  # no longer listed: nothing selected
    assert not at.main.subheader
