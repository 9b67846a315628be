"""Fetch-and-ingest benchmark: a generated dossier of 300 Kamerstukken served by the local stand-in for the
Kamer's services (assistant/testing/kamer_server/), fetched and ingested as `imvo fetch dossier` does it,
with the politeness limit on; then a second, unchanged run.

Prints figures (quoted in README); asserts nothing. Run with `python -m bench.kamer_bench [--rate 4]`.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import tempfile
import time
from pathlib import Path

from assistant.kamer.dossier import fetch_dossier
from assistant.kamer.http import PoliteClient
from assistant.service.kamer_update import ingest_fetched
from assistant.core.settings import Settings
from assistant.store.store import Store
from assistant.service.container import build_store
from bench.generate import corpus_sentences
from assistant.testing.kamer_server import FakeKamerstuk, KamerServer

ROOT = Path(__file__).resolve().parents[1]
DOSSIER = "99999"  # generated, not a real dossier
_KINDS = ["Brief"] * 5 + ["Motie"] * 3 + ["Verslag"] * 2


def generated_dossier(count: int, seed: int = 11) -> list[FakeKamerstuk]:
    rng = random.Random(seed)
    pool = corpus_sentences(ROOT / "corpus")
    kamerstukken = []
    for number in range(1, count + 1):
        kind = rng.choice(_KINDS)
        paragraphs = [" ".join(rng.sample(pool, rng.randint(2, 4))) for _ in range(rng.randint(4, 12))]
        kamerstukken.append(FakeKamerstuk(
            DOSSIER, number, kind, f"{kind} {number} over internationaal maatschappelijk verantwoord ondernemen",
            f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", paragraphs,
            indiener=[rng.choice(["E.M.J. Ploumen", "S.A.M. Kaag", "T. de Vries", "L.J. Schreinemacher"])],
            footnotes=[f"Kamerstuk 26 485, nr. {rng.randint(100, 400)}"] if rng.random() < 0.5 else [],
            signature=["De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"],
            headings={2: "Voortgang"} if len(paragraphs) > 3 else {},
            has_xml=rng.random() < 0.85,
            paragraphs_per_page=3,
        ))
    return kamerstukken


def max_in_window(times: list[float], window: float = 1.0) -> int:
    best, start = 0, 0
    for end in range(len(times)):
        while times[end] - times[start] >= window:  # a half-open window [t, t + 1 s)
            start += 1
        best = max(best, end - start + 1)
    return best


def run(server: KamerServer, settings: Settings, store: Store, label: str) -> None:
    first_request = len(server.requests)
    started = time.perf_counter()
    with PoliteClient.from_settings(settings) as client:
        report = fetch_dossier(client, settings, DOSSIER)
    fetched = time.perf_counter()
    ingest = ingest_fetched(store, settings)
    done = time.perf_counter()
    times = [t for t, _ in server.requests[first_request:]]
    span = (times[-1] - times[0]) if len(times) > 1 else 0.0
    fetch_s, ingest_s, total_s = fetched - started, done - fetched, done - started
    pages = ingest.pages
    print(f"{label}: {report.listed} listed, {len(report.downloaded)} downloaded, {report.held} held, "
          f"{len(report.failed)} failed")
    rate = (len(times) - 1) / span if span else 0.0  # intervals between requests over the time they span
    print(f"  requests: {len(times)} in {span:.1f} s = {rate:.2f} requests/s "
          f"(limit {settings.fetch_rate:g}/s; most in any 1-s window: {max_in_window(times)})")
    print(f"  fetch {fetch_s:.1f} s, ingest {ingest_s:.1f} s ({ingest.count('ingested')} documents, {pages} pages, "
          f"{ingest.embedded_chunks} passages embedded in {ingest.embed_seconds:.1f} s), total {total_s:.1f} s")
    if pages:
        print(f"  pages/s (fetch + ingest): {pages / total_s:.2f}; ingest alone: {pages / ingest_s:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kamerstukken", type=int, default=300)
    parser.add_argument("--rate", type=float, default=Settings().fetch_rate, help="requests per second (IMVO_FETCH_RATE)")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with KamerServer() as server, tempfile.TemporaryDirectory() as tmp:
        server.kamerstukken = generated_dossier(args.kamerstukken)
        t0 = time.perf_counter()
        for k in server.kamerstukken:  # build the PDFs before timing: the stand-in makes them lazily
            server._route(f"/frbr/officielepublicaties/kst/{k.dossier}/{k.identifier}/1/pdf/x.pdf", {})
        print(f"generated {len(server.kamerstukken)} Kamerstukken "
              f"({sum(k.has_xml for k in server.kamerstukken)} with XML + PDF page view, the rest PDF only) "
              f"in {time.perf_counter() - t0:.1f} s")
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        settings = Settings(store_dir=Path(tmp) / "store", corpus_dir=corpus, kamerstukken_dir=corpus / "kamerstukken",
                            fetch_rate=args.rate, **server.settings_update())
        store = build_store(settings)
        try:
            run(server, settings, store, "first run (empty store)")
            run(server, settings, store, "second run (nothing changed)")
        finally:
            store.close()


if __name__ == "__main__":
    main()
