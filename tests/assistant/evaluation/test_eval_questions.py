import json
from pathlib import Path

import pytest

from assistant.core.errors import EvalFileError
from assistant.evaluation.questions import load_questions
from tests.assistant.evaluation.eval_factories import DEV_QUESTIONS


@pytest.mark.skipif(not DEV_QUESTIONS.exists(), reason="dev set (../shared/eval) not available")
def test_load_questions_reads_the_dev_set():
    questions = load_questions(DEV_QUESTIONS)
    lines = [line for line in DEV_QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(questions) == len(lines) >= 30
    assert len({q.id for q in questions}) == len(questions)
    assert sum(not q.answerable for q in questions) >= 3
    assert all(q.evidence for q in questions if q.answerable)


def test_rewordings_name_the_question_they_reword_and_keep_its_evidence():
    rewordings = load_questions(Path(__file__).resolve().parents[2] / "data" / "dev_rewordings.jsonl")
    assert len(rewordings) >= 30 and all(q.original and q.group == q.original for q in rewordings)
    if DEV_QUESTIONS.exists():
        originals = {q.id: q for q in load_questions(DEV_QUESTIONS)}
        for q in rewordings:
            assert q.evidence == originals[q.original].evidence and q.question != originals[q.original].question


def _write_lines(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = json.dumps(
    {"id": "q1", "question": "Wat?", "lang": "nl", "type": "fact", "evidence": ["iets"], "key_terms": ["x"]}
)


def test_load_questions_names_file_and_line_of_bad_json(tmp_path):
    path = _write_lines(tmp_path, GOOD, "", '{"id": "q2", "question": ')
    with pytest.raises(EvalFileError) as caught:
        load_questions(path)
    assert caught.value.line == 3
    assert str(path) in str(caught.value)
    assert "line 3" in str(caught.value)
    assert "not valid JSON" in str(caught.value)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"id": "q2", "question": "Wat?", "type": "fact", "evidence": ["iets"]}, "'lang'"),
        ({"id": "q2", "question": "Wat?", "lang": "nl", "type": "fact", "evidence": []}, "needs at least one evidence"),
        ({"id": "q2", "question": "Wat?", "lang": "nl", "type": "guess", "evidence": ["x"]}, "'type'"),
        ({"id": "q2", "question": "Wat?", "lang": "nl", "type": "unanswerable", "evidence": ["x"]}, "no evidence"),
        ({"id": "q2", "question": "Wat?", "lang": "nl", "type": "fact", "evidence": ["..."]}, "no letters or digits"),
        ({"id": "q1", "question": "Wat?", "lang": "nl", "type": "fact", "evidence": ["x"]}, "duplicate id 'q1'"),
    ],
)
def test_load_questions_rejects_invalid_records(tmp_path, record, expected):
    path = _write_lines(tmp_path, GOOD, json.dumps(record))
    with pytest.raises(EvalFileError, match="line 2") as caught:
        load_questions(path)
    assert expected in str(caught.value)


def test_load_questions_rejects_missing_and_empty_files(tmp_path):
    with pytest.raises(EvalFileError, match="file not found"):
        load_questions(tmp_path / "nope.jsonl")
    with pytest.raises(EvalFileError, match="no questions"):
        load_questions(_write_lines(tmp_path, "", "  "))
