"""One writer per store across processes: a lock file beside the store directory (so it survives the
directory swap of `--rebuild`) and a note of who holds it, for the message a second writer shows."""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from assistant.core.errors import StoreBusyError


def lock_path(store_dir: Path) -> Path:
    store_dir = Path(store_dir).resolve()
    return store_dir.with_name(f".{store_dir.name}.lock")


def _holder_path(store_dir: Path) -> Path:
    return lock_path(store_dir).with_suffix(".holder")


def describe_holder(store_dir: Path) -> str:
    try:
        info = json.loads(_holder_path(store_dir).read_text(encoding="utf-8"))
        return f"process {info['pid']} on {info['host']}, `{info['command']}`, since {info['since']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "a process that did not say who it is"


@contextmanager
def writer_lock(store_dir: Path, timeout_s: float) -> Iterator[None]:
    """Hold the store's writer lock; wait up to `timeout_s`, then raise StoreBusyError naming the holder.
    The lock is released by the OS when its process dies (kill -9 included), so it never goes stale."""
    path = lock_path(store_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path))
    started = time.monotonic()
    try:
        lock.acquire(timeout=timeout_s if timeout_s > 0 else 0.01)
    except Timeout as exc:
        raise StoreBusyError(store_dir, describe_holder(store_dir), round(time.monotonic() - started, 1)) from exc
    try:
        holder = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "command": " ".join(os.path.basename(a) if i == 0 else a for i, a in enumerate(sys.argv))[:200],
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        _holder_path(store_dir).write_text(json.dumps(holder), encoding="utf-8")
        yield
    finally:
        _holder_path(store_dir).unlink(missing_ok=True)
        lock.release()


@contextmanager
def try_writer_lock(store_dir: Path) -> Iterator[bool]:
    """Take the writer lock if it is free (yields True, held for the block), else yield False at once."""
    path = lock_path(store_dir)
    if not path.parent.exists():
        yield True
        return
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        yield False
        return
    try:
        yield True
    finally:
        lock.release()
