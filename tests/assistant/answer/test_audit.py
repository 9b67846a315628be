from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from assistant.answer.audit import AuditLog
from assistant.core.errors import ConfigurationError
from assistant.testing.answers import make_answer


def test_one_json_line_per_answer_with_the_trace(tmp_path):
    log = AuditLog(tmp_path / "logs" / "audit.jsonl")
    log.append(make_answer(), settings_summary={"answer_mode": "llm", "top_k": 5})
    log.append(make_answer(answered=False, mode="extractive", evidence_strength=0.2), settings_summary={})
    lines = (tmp_path / "logs" / "audit.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert record["timestamp"].endswith("+00:00")
    assert record["question"] == "Wanneer is het gepresenteerd?"
    assert record["rewritten_query"] == "wanneer textielconvenant gepresenteerd?"
    assert record["mode"] == "llm" and record["model"] == "ollama:llama3.1" and record["prompt_version"] == "answer_v1"
    assert [(p["chunk_id"], p["content_hash"], p["cited"]) for p in record["passages"]] == [
        ("doc1-c1", "hash1", True),
        ("doc2-c2", "hash2", True),
    ]
    assert record["sentences"][1] == {"text": "Het kost 40 miljoen.", "citations": [2], "support": 0.1, "supported": False}
    assert record["answered"] is True and record["timings_ms"]["search"] == 12.3
    assert record["settings"] == {"answer_mode": "llm", "top_k": 5}
    second = json.loads(lines[1])
    assert second["answered"] is False and second["evidence_strength"] == 0.2


def test_concurrent_appends_do_not_interleave(tmp_path):
    path = tmp_path / "audit.jsonl"
    log = AuditLog(path)
    threads = [
        threading.Thread(target=lambda: [log.append(make_answer(), settings_summary={}) for _ in range(20)])
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 80 and all(json.loads(line)["question"] for line in lines)


def test_unwritable_log_is_a_configuration_error(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    with pytest.raises(ConfigurationError, match="IMVO_AUDIT_LOG=false"):
        AuditLog(blocker / "audit.jsonl").append(make_answer(), settings_summary={})


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
