"""HTTP API benchmark: requests per second and p50/p95 latency of POST /search and POST /ask at 1, 4 and 16
concurrent clients, against a real `imvo serve` on a free port. Prints figures; asserts nothing.

Run with `python -m bench.api_bench [--store DIR] [--requests 160] [--clients 1 4 16]`. Without --store the
corpus is ingested into a temporary store first. Each client keeps one connection open and sends its
share of the requests back to back; the questions are our own, not the evaluation set's. By default each
request's text is made unique (a number at the end) so that the per-process query-vector cache does not
flatter the figures; `--repeat` measures the cached case.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from bench.ingest_bench import machine
from assistant.testing.servers import free_port, running

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [
    "Wat is het doel van de convenanten?",
    "Hoe wordt de voortgang van de convenanten gevolgd?",
    "Welke rol spelen vakbonden bij de convenanten?",
    "Wat vragen werkgevers en werknemers van het nieuwe kabinet?",
    "Which sectors have a covenant?",
    "Hoe gaat het met het convenant voor de textielsector?",
    "Wat gebeurt er met de convenanten in de demissionaire periode?",
    "Welke afspraken zijn er over due diligence?",
]

SERIAL = itertools.count()  # one numbering for the whole run: no text is sent twice, on any route


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def load(url: str, route: str, clients: int, requests: int, unique: bool = False) -> tuple[float, list[float], int]:
    """(requests per second, latencies in ms, errors) for `requests` calls spread over `clients` threads.
    With `unique`, every request's text differs (a trailing number), so no per-process query cache helps."""
    field = "query" if route == "/search" else "question"
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)

    def client(n: int) -> None:
        nonlocal errors
        mine = range(n, requests, clients)
        with httpx.Client(base_url=url, timeout=600) as http:
            start.wait()
            for i in mine:
                t0 = time.perf_counter()
                text = QUESTIONS[i % len(QUESTIONS)] + (f" ({next(SERIAL)})" if unique else "")
                response = http.post(route, json={field: text})
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    latencies.append(ms)
                    errors += response.status_code != 200

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    return requests / (time.perf_counter() - t0), latencies, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="An ingested store (default: ingest the corpus into a temp dir).")
    parser.add_argument("--requests", type=int, default=160, help="Requests per route and concurrency level.")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16], help="Concurrency levels.")
    parser.add_argument("--repeat", action="store_true",
                        help="Repeat the same eight texts (query vectors come from the cache after the warm-up).")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            store = Path(tmp) / "store"
            subprocess.run([sys.executable, "-m", "assistant", "ingest", str(ROOT / "corpus"), "--store", str(store)],
                           cwd=ROOT, check=True, capture_output=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("IMVO_")}
        env.update(IMVO_STORE_DIR=str(store), IMVO_AUDIT_LOG="false")
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        with running([sys.executable, "-m", "assistant", "serve", "--port", str(port)], f"{url}/health", cwd=ROOT,
                     env=env, timeout=180, log=Path(tmp) / "serve.log"):
            for route in ("/search", "/ask"):  # warm-up: first questions load lazily built parts
                load(url, route, 1, len(QUESTIONS))
            texts = "the same eight texts" if args.repeat else "every text different"
            print(f"HTTP API, {machine()}, load average {os.getloadavg()[0]:.1f} at start; "
                  f"{args.requests} requests per line, {texts}")
            print(f"{'route':<8} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6}")
            for route in ("/search", "/ask"):
                for clients in args.clients:
                    rps, latencies, errors = load(url, route, clients, args.requests, unique=not args.repeat)
                    print(f"{route:<8} {clients:>7} {rps:>8.1f} {statistics.median(latencies):>8.1f} "
                          f"{pct(latencies, 95):>8.1f} {errors:>6}", flush=True)
            print(f"load average {os.getloadavg()[0]:.1f} at end")


if __name__ == "__main__":
    main()
