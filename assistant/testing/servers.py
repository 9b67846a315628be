"""Real server processes for tests and benches: a free port on 127.0.0.1, start, wait until it answers, stop."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, timeout: float = 60.0, proc: subprocess.Popen | None = None, *, poll_s: float = 0.2) -> None:
    """Return once `url` answers; `poll_s` is also how finely a bench can time the start."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with code {proc.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(poll_s)
    raise TimeoutError(f"no answer from {url} within {timeout} s")


@contextmanager
def running(cmd: list[str], url: str, *, cwd: Path | None = None, env: dict | None = None,
            timeout: float = 60.0, log: Path | None = None, poll_s: float = 0.2) -> Iterator[subprocess.Popen]:
    """The server process, once `url` answers; stopped (terminate, then kill) on leaving."""
    out = open(log, "w") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for_http(url, timeout, proc, poll_s=poll_s)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if log:
            out.close()
