"""Audit log: one JSON line per answer, so any answer can later be traced to its passages and checks."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.core.errors import ConfigurationError
from assistant.core.model import Answer


def audit_record(answer: Answer, *, settings_summary: dict[str, Any]) -> dict[str, Any]:
    cited = {c.n: c for c in answer.citations}
    return {
        "timestamp": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "question": answer.question,
        "rewritten_query": answer.rewritten_query,
        "language": answer.language,
        "mode": answer.mode,
        "model": answer.model,
        "prompt_version": answer.prompt_version,
        "answered": answer.answered,
        "evidence_strength": answer.evidence_strength,
        "answer": answer.text,
        "passages": [
            {
                "n": n,
                "chunk_id": p.chunk_id,
                "doc_id": p.doc_id,
                "content_hash": p.content_hash,
                "score": p.score,
                "cited": n in cited,
            }
            for n, p in enumerate(answer.passages, start=1)
        ],
        "sentences": [
            {"text": s.text, "citations": s.citations, "support": s.support, "supported": s.supported}
            for s in answer.sentences
        ],
        "citations": [{"n": c.n, "chunk_id": c.passage.chunk_id, "supported": c.supported} for c in answer.citations],
        "timings_ms": {k: round(v, 1) for k, v in answer.timings_ms.items()},
        "settings": settings_summary,
    }


def hashed_record(record: dict[str, Any]) -> dict[str, Any]:
    """The record without question or answer text: a SHA-256 of the question lets repeats be counted."""
    question = str(record.get("question") or "")
    digest = hashlib.sha256(question.encode("utf-8", "surrogatepass")).hexdigest()
    return record | {
        "question": None, "question_sha256": digest, "rewritten_query": None, "answer": None,
        "sentences": [{k: v for k, v in s.items() if k != "text"} for s in record.get("sentences", [])],
    }


class AuditLog:
    """Append-only JSON lines, owner-readable only (0600), rotated by size: audit.jsonl → audit.jsonl.1 …"""

    def __init__(self, path: Path, *, questions: str = "full", max_bytes: int = 10 * 1024 * 1024, backups: int = 3) -> None:
        self.path = Path(path)
        self.questions = questions
        self.max_bytes = max_bytes
        self.backups = backups
        self._lock = threading.Lock()  # the web app answers from several threads

    def _rotate(self, incoming: int) -> None:
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return
        if size + incoming <= self.max_bytes:
            return
        if self.backups == 0:
            self.path.unlink(missing_ok=True)
            return
        for n in range(self.backups, 0, -1):
            older = self.path.with_name(f"{self.path.name}.{n}")
            if n == self.backups:
                older.unlink(missing_ok=True)
            else:
                newer = self.path.with_name(f"{self.path.name}.{n + 1}")
                if older.exists():
                    older.replace(newer)
        self.path.replace(self.path.with_name(f"{self.path.name}.1"))

    def append(self, answer: Answer, *, settings_summary: dict[str, Any]) -> None:
        record = audit_record(answer, settings_summary=settings_summary)
        if self.questions == "hash":
            record = hashed_record(record)
        line = json.dumps(record, ensure_ascii=False, default=str) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._lock:
                self._rotate(len(line))
                fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                # a lone surrogate (unencodable) is written as its JSON escape \\udXXX instead of crashing
                with os.fdopen(fd, "a", encoding="utf-8", errors="backslashreplace") as f:
                    f.write(line)  # one write per line: appends from other processes do not interleave
        except OSError as exc:
            raise ConfigurationError(
                f"cannot write the audit log {self.path}: {exc.strerror}; make the folder writable "
                "or turn the log off with IMVO_AUDIT_LOG=false"
            ) from exc
