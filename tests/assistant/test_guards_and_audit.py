"""Guards at the assistant's last check point and the audit log's privacy: an answer with no supported
sentence is a refusal in every mode; a question that is not valid Unicode is an error for that item;
the audit log can be off or keep hashes only, rotates by size, and is owner-readable only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.answer.audit import AuditLog
from assistant.core.model import AnswerSentence
from assistant.service.assistant import refuse_if_unsupported
from tests.assistant.answer.test_audit import make_answer

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


def test_the_audit_writer_survives_a_lone_surrogate(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    AuditLog(path).append(make_answer(question="wat is \ud800 dit?"), settings_summary={})
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["question"] == "wat is \ud800 dit?"


def test_the_audit_log_can_keep_question_hashes_only(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    AuditLog(path, questions="hash").append(make_answer(), settings_summary={})
    text = path.read_text(encoding="utf-8")
    record = json.loads(text)
    assert record["question"] is None and record["answer"] is None and len(record["question_sha256"]) == 64
    assert "textielconvenant" not in text and "gepresenteerd" not in text
    assert record["citations"]  # the trace to passages stays


def test_the_audit_log_rotates_by_size_and_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    log = AuditLog(path, max_bytes=3000, backups=2)
    for _ in range(12):
        log.append(make_answer(), settings_summary={})
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["audit.jsonl", "audit.jsonl.1", "audit.jsonl.2"]
    assert all((tmp_path / f).stat().st_size <= 3000 for f in files)
    assert (path.stat().st_mode & 0o077) == 0


def test_the_audit_log_setting_turns_it_off(tmp_path: Path) -> None:
    from assistant.service.container import build_assistant, build_store
    from assistant.core.settings import Settings
    from tests.fakes import HashEmbeddings

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
