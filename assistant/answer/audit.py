"""Audit log: one JSON line per answer, so any answer can later be traced to its passages and checks."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.errors import ConfigurationError
from assistant.models import Answer


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


class AuditLog:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()  # the web app answers from several threads

    def append(self, answer: Answer, *, settings_summary: dict[str, Any]) -> None:
        line = json.dumps(audit_record(answer, settings_summary=settings_summary), ensure_ascii=False, default=str)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._lock, self.path.open("a", encoding="utf-8") as f:
                f.write(line + "\n")  # one write per line: appends from other processes do not interleave
        except OSError as exc:
            raise ConfigurationError(
                f"cannot write the audit log {self.path}: {exc.strerror}; make the folder writable "
                "or turn the log off with IMVO_AUDIT_LOG=false"
            ) from exc
