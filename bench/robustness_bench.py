"""Robustness figures: kinds of bad input tried and held, kill -9 points survived, chat latency while an
ingest runs, and ingest time of two pathological files. Prints figures; asserts nothing.

Run: `python -m bench.robustness_bench [--only bad,kill,chat,patho]`. Uses the bundled embedding model;
every store is a temporary copy. Latency figures depend on what else the machine is doing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
QUESTIONS = [  # reworded topics of the corpus, not evaluation questions
    "Wat was het doel van de Sector Risico Analyse?",
    "Welke moties over IMVO staan nog open?",
    "Welke rol speelt de SER bij de convenanten?",
    "Wanneer is het bankenconvenant ondertekend?",
    "What do unions and employers ask of the government about the covenants?",
    "Welke sectoren hebben een verhoogd risico?",
    "Wat vragen de sociale partners aan de Kamerleden?",
    "Wat is het IMVO-convenant kleding en textiel?",
]
LETTER = ("Geachte voorzitter,\n\nHet kabinet stuurt u hierbij de {n}e voortgangsrapportage over de "
          "IMVO-convenanten in de sector {w}. Bedrijven, vakbonden en maatschappelijke organisaties werken "
          "samen aan betere arbeidsomstandigheden in de keten.\n\nDe motie van de leden Jansen en De "
          "Vries (Kamerstuk 26485, nr. 999) is in maart 2019 aangenomen.\n")
SECTORS = ["textiel", "goud", "hout", "banken", "metaal", "voedsel"]


def imvo(*args: str, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**clean_env(), **(env or {})})


def clean_env() -> dict:
    return {k: v for k, v in os.environ.items() if not k.startswith("IMVO_")} | {"IMVO_AUDIT_LOG": "false"}


def letters(folder: Path, sectors: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n, w in enumerate(sectors, start=1):
        (folder / f"brief-{w}.txt").write_text(LETTER.format(n=n, w=w), encoding="utf-8")
    return folder


# --- pathological files -----------------------------------------------------------------------------
def one_token(path: Path, size: int = 1_000_000) -> Path:
    path.write_text("a" * size, encoding="utf-8")
    return path


def unpunctuated(path: Path, size: int = 1_200_000) -> Path:
    rng = random.Random(13)
    words = ["kabinet", "motie", "convenant", "bedrijven", "ketens", "textiel", "aangenomen", "uitvoering", "de",
             "het", "van", "Kamer", "minister", "sector", "risico", "due", "diligence", "arbeid", "lonen"]
    out, n = [], 0
    while n < size:
        w = rng.choice(words)
        out.append(w)
        n += len(w) + 1
    path.write_text(" ".join(out), encoding="utf-8")
    return path


def bench_pathological(work: Path) -> None:
    from assistant.core.settings import Settings
    from assistant.service.container import build_store
    from assistant.service.ingestion import ingest_files

    print("\n## Ingest time of pathological files (bundled model; embedding time shown apart)")
    for name, make in (("1 MB single token", one_token), ("1.2 MB text without sentence punctuation", unpunctuated)):
        case = work / f"patho-{make.__name__}"
        docs = case / "docs"
        docs.mkdir(parents=True)
        make(docs / "bestand.txt")
        settings = Settings(store_dir=case / "store", audit_log=False)
        store = build_store(settings)
        report = ingest_files(store, settings, [docs])
        (docs / "regel.txt").write_text("Het kabinet stuurt u een korte brief over de convenanten.\n", encoding="utf-8")
        added = ingest_files(store, settings, [docs])
        store.close()
        print(f"{name}: {report.seconds:.1f} s total, of which embedding {report.embed_seconds:.1f} s "
              f"({report.embedded_chunks} passages), everything else {report.seconds - report.embed_seconds:.1f} s; "
              f"then adding a one-line file: {added.seconds:.1f} s")
    # linearity: the unpunctuated kind at 1/4, 1/2 and full size, without embedding (hash vectors)
    from assistant.testing.fake_embeddings import HashEmbeddings

    sizes = [300_000, 600_000, 1_200_000]
    times = []
    for size in sizes:
        case = work / f"lin-{size}"
        docs = case / "docs"
        docs.mkdir(parents=True)
        unpunctuated(docs / "bestand.txt", size)
        emb = HashEmbeddings()
        settings = Settings(store_dir=case / "store", embedding_model=emb.model_id, audit_log=False)
        store = build_store(settings, embeddings=emb)
        times.append(ingest_files(store, settings, [docs]).seconds)
        store.close()
    print("linearity (unpunctuated text, hash vectors): " + ", ".join(
        f"{s / 1e6:.1f} MB {t:.1f} s" for s, t in zip(sizes, times)) + f"; ratio full/quarter {times[-1] / times[0]:.1f} (linear: 4)")


# --- bad input --------------------------------------------------------------------------------------
def bench_bad_input(work: Path) -> None:
    from assistant.core.errors import ConfigurationError, ImvoError, InvalidQuestionError, StoreBusyError
    from assistant.register import build_register
    from assistant.register.authority import default_authority
    from assistant.core.settings import Settings
    from assistant.service.ingestion import check_knowledge_base
    from assistant.store.lock import writer_lock
    from assistant.store.store import Store
    from assistant.webapp.inert import inert_html
    from assistant.service.container import build_derived, build_store
    from assistant.service.ingestion import ingest_files
    from assistant.service.rebuild import rebuild_store
    from assistant.testing.fake_embeddings import HashEmbeddings
    from assistant.testing.pdf_factory import make_corrupt_pdf, make_encrypted_pdf

    emb = HashEmbeddings()
    results: list[tuple[str, bool]] = []

    def fresh(name: str, **overrides) -> tuple[Store, Path, Settings]:
        case = work / f"bad-{name}"
        docs = letters(case / "docs", SECTORS[:2])
        settings = Settings(store_dir=case / "store", embedding_model=emb.model_id, audit_log=False, **overrides)
        return build_store(settings, embeddings=emb), docs, settings

    def attempt(name: str, check: Callable[[], bool]) -> None:
        try:
            held = bool(check())
        except ImvoError:
            held = False
        except Exception as exc:  # noqa: BLE001 - a crash is "not held"
            print(f"  {name}: crashed: {exc.__class__.__name__}: {exc}")
            held = False
        results.append((name, held))

    def file_case(name: str, make: Callable[[Path], object], expect: str = "failed", **overrides) -> None:
        def check() -> bool:
            store, docs, settings = fresh(name.replace(" ", "-"), **overrides)
            made = make(docs)
            report = ingest_files(store, settings, [made] if isinstance(made, Path) and not made.is_dir() else [docs])
            named = [o for o in report.outcomes if o.status == expect and o.detail]
            return bool(named) and (isinstance(made, Path) and not made.is_dir() or report.count("ingested") == 2)
        attempt(name, check)

    def nonutf8(docs: Path) -> Path:
        with open(os.fsencode(str(docs)) + b"/brief-\xff.txt", "wb") as fh:
            fh.write(LETTER.format(n=9, w="zilver").encode())
        return docs

    file_case("file name not UTF-8", nonutf8)
    file_case("empty file", lambda d: (d / "leeg.txt").write_bytes(b"") or d)
    file_case("binary bytes as .txt", lambda d: (d / "bin.txt").write_bytes(bytes(range(256)) * 40) or d)
    file_case("corrupt PDF", lambda d: make_corrupt_pdf(d, "kapot.pdf") and d)
    file_case("encrypted PDF", lambda d: make_encrypted_pdf(d, "slot.pdf") and d)
    file_case("unsupported extension", lambda d: (d / "x.xlsx").write_bytes(b"PK\x03\x04") or d)
    file_case("file over the size limit", lambda d: (d / "groot.txt").write_text("woord " * 300_000) or d,
              max_file_mb=1)
    file_case("FIFO in the folder", lambda d: os.mkfifo(d / "pijp.txt") or d, expect="skipped")
    file_case("symlink leaving the folder", lambda d: (d / "host.txt").symlink_to("/etc/hostname") or d,
              expect="skipped")
    file_case("symlink loop", lambda d: (d / "lus.txt").symlink_to(d / "lus.txt") or d, expect="skipped")
    file_case("dangling symlink", lambda d: (d / "weg.txt").symlink_to(d / "nergens.txt") or d, expect="skipped")
    file_case("symlink to a device", lambda d: (d / "nul.txt").symlink_to("/dev/null") or d, expect="skipped")

    def fifo_direct() -> bool:
        store, docs, settings = fresh("fifo-direct")
        os.mkfifo(docs.parent / "pijp.txt")
        return bool(ingest_files(store, settings, [docs.parent / "pijp.txt"]).failed)

    attempt("FIFO given directly", fifo_direct)

    def damaged(name: str, damage: Callable[[Store], None]) -> None:
        def check() -> bool:
            store, docs, settings = fresh(name.replace(" ", "-"))
            ingest_files(store, settings, [docs])
            damage(store)
            build_derived(settings, store).register(), build_derived(settings, store).timeline(), store.lexical()
            ingest_files(store, settings, [docs])
            return check_knowledge_base(store, settings).ok
        attempt(name, check)

    damaged("garbage in the BM25 files", lambda s: [f.write_bytes(b"\0junk") for f in (s.dir / "bm25").rglob("*")
                                                     if f.is_file()])
    damaged("garbage in register.json", lambda s: (s.dir / "register.json").write_text("{kapot"))
    damaged("garbage in timeline.json", lambda s: (s.dir / "timeline.json").write_text("[1, 2"))
    damaged("BM25 snapshot deleted", lambda s: shutil.rmtree(s.dir / "bm25"))
    damaged("vectors deleted behind the store's back", lambda s: s.vectors.delete(s.db.all_chunk_ids()[:3]))

    def corrupt_sqlite() -> bool:
        store, docs, settings = fresh("sqlite")
        ingest_files(store, settings, [docs])
        store.close()
        (store.dir / "passages.sqlite").write_bytes(b"rommel" * 1000)
        for name in ("passages.sqlite-wal", "passages.sqlite-shm"):
            (store.dir / name).unlink(missing_ok=True)
        try:
            build_store(settings)
            return False
        except ImvoError as exc:
            if "--rebuild" not in str(exc):
                return False
        report = rebuild_store(settings, [docs], embeddings=emb)
        return report.count("ingested") == 2 and any(work.glob("bad-sqlite/store.damaged-*"))

    attempt("unreadable passages.sqlite", corrupt_sqlite)

    def wrong_model() -> bool:
        store, docs, settings = fresh("model")
        ingest_files(store, settings, [docs])
        before = store.db.chunk_count()
        store.close()
        try:
            rebuild_store(settings.model_copy(update={"embedding_model": "/no/such/model"}), [docs])
        except ConfigurationError:
            pass
        return build_store(settings, embeddings=emb).db.chunk_count() == before

    attempt("--rebuild with a wrong model setting", wrong_model)

    def concurrent() -> bool:
        store, docs, settings = fresh("lock", lock_timeout_s=0)
        with writer_lock(store.dir, 0):
            try:
                ingest_files(store, settings, [docs])
                return False
            except StoreBusyError as exc:
                return str(os.getpid()) in str(exc)

    attempt("a second ingest while one runs", concurrent)

    def two_stores() -> bool:
        a, _, _ = fresh("two-a")
        b, _, _ = fresh("two-b")
        return a.collection_name != b.collection_name

    attempt("two stores on one Chroma", two_stores)

    def upload_overturn() -> bool:
        from assistant.testing.passages import passages_from_texts

        corpus = passages_from_texts("brief", "2021", [
            "Ondanks een in maart 2019 breed aangenomen motie (motie Jansen en De Vries - "
            "Kamerstuk 26485, nr. 999), is de betrokkenheid onzeker."])
        upload = passages_from_texts("upload", None, ["Motie 26485-999 is uitgevoerd."])
        [item] = build_register(corpus + upload, default_authority({"upload"})).items
        return item.open is True and item.contradicted

    attempt("undated upload overturning a motion", upload_overturn)

    def lone_surrogate() -> bool:
        from assistant.answer.audit import AuditLog
        from assistant.service.container import build_assistant

        store, docs, settings = fresh("surrogate")
        ingest_files(store, settings, [docs])
        assistant = build_assistant(settings, store=store)
        try:
            assistant.ask("wat \ud800?")
            return False
        except InvalidQuestionError:
            pass
        from assistant.testing.answers import make_answer

        AuditLog(store.dir / "audit.jsonl").append(make_answer(question="x\ud800"), settings_summary={})
        return True

    attempt("lone surrogate in a question / audit line", lone_surrogate)

    def hostile_markdown() -> bool:
        out = inert_html("![p](https://t.example/p.png) [k](javascript:x) https://e.example www.e.example a@e.example")
        return not any(s in out for s in ("![", "](", "https://", "www.", "@e", "javascript:"))

    attempt("image/link Markdown in document text or LLM output", hostile_markdown)

    held = sum(1 for _, ok in results if ok)
    print(f"\n## Bad input: {held} of {len(results)} kinds held")
    for name, ok in results:
        print(f"  {'held' if ok else 'NOT HELD'}: {name}")


# --- kill -9 ----------------------------------------------------------------------------------------
KILL_CHILD = """
import importlib, os, signal, sys
target, when = sys.argv[1], sys.argv[2]
module, _, attr = target.rpartition(":")
owner = importlib.import_module(module)
if "." in attr:
    cls, attr = attr.split(".")
    owner = getattr(owner, cls)
original = getattr(owner, attr)
def killed(*args, **kwargs):
    if when == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    result = original(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)
    return result
setattr(owner, attr, killed)
from assistant.cli.main import app
sys.argv = ["imvo", *sys.argv[3:]]
app()
"""

KILL_POINTS = [
    ("ingest.pipeline:_prepare", "after", False),
    ("assistant.store.vectors:VectorIndex.upsert", "after", False),
    ("assistant.store.passages:PassageDB.commit_changes", "before", False),
    ("assistant.store.passages:PassageDB.commit_changes", "after", False),
    ("assistant.store.lexical:LexicalIndex.save", "before", False),
    ("assistant.store.lexical:LexicalIndex.save", "after", False),
    ("assistant.register.register:Register.save", "after", False),
    ("assistant.derived.data:save_timeline", "before", False),
    ("assistant.derived.data:save_glossary", "before", False),
    ("assistant.store.store:Store.reconcile_vectors", "before", False),
    ("assistant.store.repair:repair_store", "before", False),
    ("assistant.service.rebuild:ingest_files_locked", "after", True),
    ("assistant.service.rebuild:_carry_audit", "after", True),
    ("assistant.service.rebuild:_forget_local_clients", "before", True),
]


def chunk_ids(store: Path) -> set[str]:
    import sqlite3

    conn = sqlite3.connect(store / "passages.sqlite")
    try:
        return {r[0] for r in conn.execute("SELECT chunk_id FROM chunks")}
    finally:
        conn.close()


def bench_kill(work: Path) -> None:
    base = work / "kill"
    first = letters(base / "v1", SECTORS[:4])
    reference_docs = letters(base / "v2", SECTORS[1:6])  # one removed, two added
    (reference_docs / "brief-goud.txt").write_text(LETTER.format(n=99, w="goud en zilver"), encoding="utf-8")
    reference = base / "reference"
    imvo("ingest", str(reference_docs), "--store", str(reference))
    want = chunk_ids(reference)
    held = 0
    print(f"\n## kill -9 at {len(KILL_POINTS)} points of an ingest (then a plain `imvo ingest` and `imvo check`)")
    for i, (target, when, rebuild) in enumerate(KILL_POINTS):
        store = base / f"store-{i}"
        docs = base / f"docs-{i}"
        shutil.copytree(first, docs)
        imvo("ingest", str(docs), "--store", str(store))
        shutil.rmtree(docs)
        shutil.copytree(reference_docs, docs)
        args = ["ingest", str(docs), "--store", str(store)] + (["--rebuild"] if rebuild else [])
        killed = subprocess.run([sys.executable, "-c", KILL_CHILD, target, when, *args], cwd=ROOT, env=clean_env(),
                                capture_output=True, text=True, timeout=600)
        after = imvo("ingest", str(docs), "--store", str(store))
        check = imvo("check", "--json", "--store", str(store))
        try:
            ok = json.loads(check.stdout)["ok"]
        except ValueError:
            ok = False
        same = store.exists() and chunk_ids(store) == want
        found = re.search(r"(\d+)\s+passages\s+embedded", after.stdout)
        embedded = found.group(1) if found else "?"
        survived = killed.returncode == -9 and after.returncode == 0 and ok and same
        held += survived
        print(f"  {'survived' if survived else 'NOT SURVIVED'}: kill {when} {target}{' (--rebuild)' if rebuild else ''}"
              f" → recovery ingest exit {after.returncode}, check {'ok' if ok else 'FAILED'}, "
              f"passages {'as a clean ingest' if same else 'DIFFER'}, re-embedded on recovery: {embedded}"
              + ("" if killed.returncode == -9 else f" (the kill point was not reached: exit {killed.returncode})"))
    print(f"kill -9 points survived: {held} of {len(KILL_POINTS)}")


# --- chat latency while an ingest runs ---------------------------------------------------------------
def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def bench_chat(work: Path, sessions: int = 20, per_session: int = 4) -> None:
    from assistant.service.container import build_assistant
    from assistant.core.settings import Settings
    from assistant.service.container import build_store
    from assistant.service.ingestion import ingest_files
    from assistant.service.ingest_worker import ingest_in_worker

    print(f"\n## Chat latency, {sessions} concurrent sessions x {per_session} questions (one process, threads, "
          "as the web app serves them)")
    store_dir = work / "chat-store"
    imvo("ingest", str(CORPUS), "--store", str(store_dir))
    settings = Settings(store_dir=store_dir, audit_log=False, corpus_dir=CORPUS)
    assistant = build_assistant(settings)
    assistant.ask(QUESTIONS[0])  # warm

    def run_sessions(store_lock: threading.Lock | None, during: threading.Thread | None = None) -> list[float]:
        """Each session asks `per_session` questions, and goes on asking while `during` (the ingest) runs."""
        times: list[float] = []
        guard = threading.Lock()

        def session(n: int) -> None:
            k = 0
            while k < per_session or (during is not None and during.is_alive()):
                q = QUESTIONS[(n + k) % len(QUESTIONS)]
                k += 1
                t0 = time.perf_counter()
                if store_lock is not None:
                    with store_lock:
                        assistant.ask(q)
                else:
                    assistant.ask(q)
                with guard:
                    times.append(time.perf_counter() - t0)

        threads = [threading.Thread(target=session, args=(n,)) for n in range(sessions)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return times

    def uploads(n: int) -> Path:
        folder = work / f"chat-uploads-{n}"
        folder.mkdir()
        unpunctuated(folder / "groot.txt", 600_000)
        letters(folder, [f"{w}{n}" for w in SECTORS])
        return folder

    idle = run_sessions(None)
    print(f"idle: p50 {percentile(idle, .5):.2f} s, p95 {percentile(idle, .95):.2f} s")

    # before: the ingest ran inside the web process and held the lock questions take
    lock = threading.Lock()
    local = build_store(settings)
    folder = uploads(1)

    def ingest_inline() -> None:
        with lock:
            ingest_files(local, settings, [folder])

    t = threading.Thread(target=ingest_inline)
    t.start()
    time.sleep(0.2)
    before = run_sessions(lock, t)
    t.join()
    print(f"while an upload is ingested inside the web process under its lock (the old way): "
          f"p50 {percentile(before, .5):.2f} s, p95 {percentile(before, .95):.2f} s")

    # after: a separate, niced process under the store's writer lock; questions read committed state
    folder = uploads(2)
    t = threading.Thread(target=lambda: ingest_in_worker(settings, [folder]))
    t.start()
    time.sleep(0.2)
    after = run_sessions(None, t)
    t.join()
    print(f"while an upload is ingested in a separate niced process (now): "
          f"p50 {percentile(after, .5):.2f} s, p95 {percentile(after, .95):.2f} s (goal p95 <= 3 s)")
    print(f"questions answered: idle {len(idle)}, during the in-process ingest {len(before)}, during the "
          f"worker ingest {len(after)}; median idle {statistics.median(idle):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="bad,kill,chat,patho", help="comma-separated: bad, kill, chat, patho")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (figures depend on other load)")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if "bad" in parts:
            bench_bad_input(work)
        if "kill" in parts:
            bench_kill(work)
        if "patho" in parts:
            bench_pathological(work)
        if "chat" in parts:
            bench_chat(work)


if __name__ == "__main__":
    main()
