"""`make bench` runs on a fresh clone: each benchmark script runs to the end on a tiny input.

Figures are not checked here (they are printed by `make bench` and quoted in README); only that every
script still fits the code it measures.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SMALL_RUNS = {
    "ingest_bench": ["--pages", "20"],
    "query_bench": ["--chunks", "2000"],
    "kamer_bench": ["--kamerstukken", "3"],
    "api_bench": ["--requests", "3", "--clients", "1"],
}


@pytest.mark.bench
@pytest.mark.parametrize("script", sorted(SMALL_RUNS))
def test_the_benchmark_runs_to_the_end_on_a_small_input(script: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMVO_")} | {"TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", f"bench.{script}", *SMALL_RUNS[script]], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "machine:" in result.stdout or "HTTP API" in result.stdout
