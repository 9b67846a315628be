"""Kill a real `imvo ingest` half-way (SIGKILL) and check that the store stays usable and the next run completes."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.core.settings import Settings
from assistant.service.container import build_store
from bench.generate import write_text_corpus

from tests.paths import CORPUS, ROOT  # noqa: E402

pytestmark = pytest.mark.integration


def imvo(*args: str, store: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "assistant", "ingest", *args, "--store", str(store)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def vectors_dirty(store: Path) -> bool:
    try:
        with sqlite3.connect(store / "passages.sqlite") as conn:
            row = conn.execute("SELECT value FROM meta WHERE key='vectors_dirty'").fetchone()
    except sqlite3.Error:
        return False
    return bool(row and row[0] == "1")


def test_killed_ingest_leaves_a_usable_store_and_the_next_run_completes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(CORPUS, docs)
    store_dir = tmp_path / "store"
    first = imvo(str(docs), store=store_dir)
    assert first.wait(timeout=300) == 0, first.stderr.read()

    write_text_corpus(docs / "extra", CORPUS, documents=24, pages_per_doc=4)
    run = imvo(str(docs), store=store_dir)
    deadline = time.monotonic() + 300
    while not vectors_dirty(store_dir) and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
    time.sleep(2.0)  # let it embed and write some vectors
    assert run.poll() is None, "the ingest finished before it could be killed: make the generated corpus larger"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()

    store = build_store(Settings(store_dir=store_dir))
    committed = set(store.db.all_chunk_ids())
    sources = {d.source for d in store.db.documents()}
    assert {p.name for p in CORPUS.glob("*.txt")} <= sources, "documents ingested before the kill are still in"
    assert set(store.lexical().chunk_ids) == committed, "BM25 and the committed passages agree"
    assert store.vectors.all_ids() >= committed, "every committed passage has its vector"
    store.close()

    rerun = imvo(str(docs), store=store_dir)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    store = build_store(Settings(store_dir=store_dir))
    assert len(store.db.documents()) == 29
    committed = set(store.db.all_chunk_ids())
    assert set(store.lexical().chunk_ids) == committed
    assert store.vectors.all_ids() == committed, "vectors of the interrupted run are reconciled"
    store.close()
