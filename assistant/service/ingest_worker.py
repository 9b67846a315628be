"""Ingest in a separate, lower-priority process (the web app's uploads), so a long ingest never holds the
GIL or the CPU that other users' chats need.

Parent: `ingest_in_worker(settings, paths, progress)` starts `python -m assistant.service.ingest_worker`, sends the
settings on stdin and reads JSON lines back: progress, then the report or an error. The child takes the
store's writer lock like any ingest.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

from pydantic import SecretStr

from assistant.core.errors import ImvoError
from assistant.core.settings import Settings
from assistant.core.model import ProgressFn
from ingest.pipeline import FileOutcome, IngestReport


class IngestWorkerError(ImvoError):
    """The ingest process failed; the message is its own one-line reason."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def _settings_payload(settings: Settings) -> dict:
    data = {}
    for name in Settings.model_fields:
        value = getattr(settings, name)
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        elif isinstance(value, Path):
            value = str(value.resolve())
        data[name] = value
    return data


def ingest_in_worker(settings: Settings, paths: list[Path], progress: ProgressFn | None = None) -> IngestReport:
    notify = progress or (lambda stage, done, total: None)
    nice = settings.upload_ingest_nice
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant.service.ingest_worker"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        errors="backslashreplace", preexec_fn=(lambda: os.nice(nice)) if nice else None,  # noqa: PLW1509
        cwd=os.getcwd(),
    )
    assert proc.stdin and proc.stdout
    proc.stdin.write(json.dumps({"settings": _settings_payload(settings), "paths": [str(p) for p in paths]}))
    proc.stdin.close()
    result: dict | None = None
    for line in proc.stdout:
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if "progress" in message:
            notify(*message["progress"])
        else:
            result = message
    stderr = proc.stderr.read() if proc.stderr else ""
    proc.wait()
    if result and "report" in result:
        data = result["report"]
        return IngestReport(
            outcomes=[FileOutcome(**o) for o in data.pop("outcomes")], **data
        )
    if result and "error" in result:
        raise IngestWorkerError(result["error"]["message"], result["error"]["exit_code"])
    last = stderr.strip().splitlines()[-1] if stderr.strip() else f"exit code {proc.returncode}"
    raise IngestWorkerError(f"the ingest process stopped unexpectedly ({last}): see the server log")


def _main() -> int:  # pragma: no cover - runs in the child process
    import logging

    from assistant.service.container import build_store
    from assistant.service.ingestion import ingest_files

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    request = json.loads(sys.stdin.read())

    def emit(obj: dict) -> None:
        print(json.dumps(obj, ensure_ascii=False), flush=True)

    try:
        settings = Settings(**request["settings"])
        store = build_store(settings)
        try:
            report = ingest_files(store, settings, [Path(p) for p in request["paths"]],
                                progress=lambda stage, done, total: emit({"progress": [stage, done, total]}))
        finally:
            store.close()
    except ImvoError as exc:
        emit({"error": {"message": str(exc), "exit_code": exc.exit_code}})
        return exc.exit_code
    emit({"report": asdict(report)})
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(_main())
