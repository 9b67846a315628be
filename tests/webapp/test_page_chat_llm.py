"""The chat page in LLM mode against a local OpenAI-compatible stub: the answer streams in, the checked
result is shown with unsupported sentences marked, and an unreachable server is a message."""

from __future__ import annotations

import socket

import pytest

from assistant.testing.openai_stub import OpenAIStub
from tests.webapp.conftest import all_markdown, open_app

pytestmark = [pytest.mark.integration, pytest.mark.server]

QUESTION = "Wat was het doel van de Sector Risico Analyse?"
SUPPORTED = (
    "Doel van de Sector Risico Analyse was inzicht te krijgen in bedrijfssectoren die een verhoogd "
    "MVO-risicoprofiel hebben [1]."
)
UNSUPPORTED = "De analyse werd betaald door de Verenigde Naties en duurde tien jaar [1]."


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_streamed_answer_is_checked_and_unsupported_sentences_are_marked(corpus_env, monkeypatch) -> None:
    with OpenAIStub([f"{SUPPORTED} {UNSUPPORTED}"]) as stub:
        monkeypatch.setenv("IMVO_ANSWER_MODE", "llm")
        monkeypatch.setenv("IMVO_LLM", "openai:stub-model")
        monkeypatch.setenv("IMVO_LLM_BASE_URL", stub.base_url)
        at = open_app()
        sidebar = "\n".join(m.value for m in at.sidebar.markdown)
        assert "openai:stub-model" in sidebar and stub.base_url in sidebar

        at.chat_input[0].set_value(QUESTION).run()
        assert not at.exception and not at.error
        assert stub.requests and stub.requests[-1].get("stream") is True  # the tokens were streamed
        turn = at.session_state["imvo_chat"].turns[0]
        answer = turn.answer
        assert answer.mode == "llm" and answer.answered and answer.citations
        assert [s.supported for s in answer.sentences] == [True, False]
        md = all_markdown(at)
        assert md.count('<span class="imvo-unsupported"') == 1
        assert f'href="#bron-{turn.id}-1"' in md and f'id="bron-{turn.id}-1"' in md
        assert any("niet gestaafd" in c.value.lower() for c in at.caption)  # the legend


def test_unreachable_llm_server_is_a_message_in_the_chat(corpus_env, monkeypatch) -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    monkeypatch.setenv("IMVO_ANSWER_MODE", "llm")
    monkeypatch.setenv("IMVO_LLM", "openai:stub-model")
    monkeypatch.setenv("IMVO_LLM_BASE_URL", url)
    monkeypatch.setenv("IMVO_LLM_TIMEOUT_S", "5")
    at = open_app()
    at.chat_input[0].set_value(QUESTION).run()
    assert not at.exception
    assert any("taalmodel is niet bereikbaar" in e.value and url in e.value for e in at.error)
    turn = at.session_state["imvo_chat"].turns[0]
    assert turn.answer is None and url in (turn.error_detail or "")
