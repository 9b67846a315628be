"""Guards at the assistant's last check point: an answer with no supported sentence is a refusal in every
mode; a question that is not valid Unicode is an error for that item; the audit log setting can turn
the log off."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.core.model import AnswerSentence
from assistant.service.assistant import refuse_if_unsupported
from assistant.testing.answers import make_answer

runner = CliRunner()


@pytest.mark.parametrize("mode", ["extractive", "llm"])
def test_an_answer_with_no_supported_sentence_is_a_refusal(mode: str) -> None:
    answer = make_answer(mode=mode, sentences=[AnswerSentence("Eén.", [1], 0.48, False)])
    refused = refuse_if_unsupported(answer)
    assert not refused.answered and not refused.citations
    assert refused.text == "De documenten geven geen antwoord op deze vraag."
    assert refused.sentences == answer.sentences  # the check results stay for the audit log


def test_one_supported_sentence_keeps_the_answer_and_register_answers_pass() -> None:
    answer = make_answer()
    assert refuse_if_unsupported(answer) is answer
    register = make_answer(mode="register", sentences=[])
    assert refuse_if_unsupported(register) is register


def test_the_audit_log_setting_turns_it_off(tmp_path: Path) -> None:
    from assistant.service.container import build_assistant, build_store
    from assistant.core.settings import Settings
    from assistant.testing.fake_embeddings import HashEmbeddings

    emb = HashEmbeddings()
    settings = Settings(store_dir=tmp_path / "store", embedding_model=emb.model_id, audit_log=False)
    assistant = build_assistant(settings, store=build_store(settings, embeddings=emb))
    assert assistant._audit is None


@pytest.mark.integration
def test_a_batch_with_a_lone_surrogate_gives_an_error_line_for_that_item(corpus_store_dir: Path, tmp_path: Path) -> None:
    from assistant.cli.main import app

    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"id": "a", "question": "Wat is IMVO?"}\n{"id": "b\\udc80", "question": "wat \\ud800?"}\n'
                     '{"id": "c", "question": "Wat is het textielconvenant?"}\n', encoding="utf-8")
    result = runner.invoke(app, ["ask", "--batch", str(batch), "--store", str(corpus_store_dir)],
                           env={"IMVO_AUDIT_LOG": "false"})
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b\udc80", "c"]
    assert "error" in lines[1] and "Unicode" in lines[1]["error"]
    assert "error" not in lines[0] and "error" not in lines[2]


@pytest.mark.integration
def test_a_one_word_question_is_not_answered_with_unsupported_text(corpus_store_dir: Path) -> None:
    from assistant.cli.main import app

    result = runner.invoke(app, ["ask", "1", "--json", "--store", str(corpus_store_dir)],
                           env={"IMVO_AUDIT_LOG": "false"})
    data = json.loads(result.stdout)
    assert data["answered"] is False or any(s["supported"] for s in data["sentences"])
