"""Web app benchmark: start-up until the chat is usable, time to the first answer, memory after ten questions.

Starts the app (`streamlit run serve.py`, or app.py in a checkout without serve.py) on a copy of a store
and drives headless Chromium. Before the questions it uploads one small document on the Documenten page,
as a user would: that loads the embedding model, so the memory figure is the one with the model loaded
(--no-upload skips it). Prints figures; asserts nothing. Run: `python -m bench.app_bench [--store
vectorstore]` (without --store the corpus is ingested into a temporary store first, which is not timed).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
DEV_QUESTIONS = ROOT.parent / "shared" / "eval" / "dev.jsonl"
FALLBACK_QUESTIONS = [
    "Wat was het doel van de Sector Risico Analyse?",
    "Welke moties over IMVO staan nog open?",
    "Hoeveel convenanten wilde het kabinet vóór 2017 sluiten?",
    "Welke rol speelt de SER bij de convenanten?",
    "Wanneer is het bankenconvenant ondertekend?",
    "What do unions and employers ask of the government about the covenants?",
    "Welke sectoren hebben een verhoogd risico?",
    "Wat vragen de sociale partners aan de Kamerleden?",
    "Welke wetgeving over due diligence bestaat in andere landen?",
    "Wat is het IMVO-convenant kleding en textiel?",
]


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def questions(n: int) -> list[str]:
    found: list[str] = []
    if DEV_QUESTIONS.exists():
        for line in DEV_QUESTIONS.read_text(encoding="utf-8").splitlines():
            if line.strip():
                found.append(json.loads(line)["question"])
    found += FALLBACK_QUESTIONS
    return found[:n]


def prepare_store(given: Path | None, work: Path) -> Path:
    store = work / "store"
    if given is not None:
        shutil.copytree(given, store)
        return store
    subprocess.run([sys.executable, "-m", "assistant", "ingest", str(ROOT / "corpus"), "--store", str(store)],
                   cwd=ROOT, check=True, capture_output=True)
    return store


UPLOAD_TEXT = (
    "Notitie over de bench\n\nDeze korte notitie bestaat alleen om het inlezen van een upload te meten. "
    "Het pilotproject Kraanvogel voor duurzame thee startte op 3 maart 2022 met negen coöperaties.\n"
)


def upload(page, work: Path) -> float:
    """Upload one small text document on the Documenten page; seconds until it is ingested."""
    doc = work / "bench-notitie.txt"
    doc.write_text(UPLOAD_TEXT, encoding="utf-8")
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Documenten").click()
    page.locator("input[type=file]").set_input_files(str(doc))
    page.get_by_role("button", name="Uploaden en inlezen").wait_for(timeout=60_000)
    page.wait_for_timeout(500)  # the file reaches the server before the form is sent
    t0 = time.perf_counter()
    page.get_by_role("button", name="Uploaden en inlezen").click()
    page.get_by_text("document(en) ingelezen").wait_for(timeout=300_000)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, help="store to copy (default: ingest the corpus into a temp store)")
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--no-upload", action="store_true", help="ask without uploading first (model not loaded)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from assistant.testing.servers import free_port, running

    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        store = prepare_store(args.store, work)
        env = {k: v for k, v in os.environ.items() if not k.startswith("IMVO_")}
        env.update(IMVO_STORE_DIR=str(store), IMVO_AUDIT_LOG="false", IMVO_UPLOAD_DIR=str(work / "uploads"))
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        started = time.perf_counter()
        entry = "serve.py" if (ROOT / "serve.py").exists() else "app.py"
        cmd = [sys.executable, "-m", "streamlit", "run", entry, "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true"]
        # polled finely: the time until the server answers is one of the figures
        with running(cmd, f"{url}/_stcore/health", cwd=ROOT, env=env, timeout=120, log=work / "streamlit.log",
                     poll_s=0.05) as proc:
            http_s = time.perf_counter() - started
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1440, "height": 960})
                page.goto(url)
                box = page.get_by_test_id("stChatInputTextArea")
                box.wait_for(timeout=120_000)
                ready_s = time.perf_counter() - started
                print(f"streamlit run → HTTP answers: {http_s:.2f} s")
                print(f"streamlit run → page ready (chat input visible): {ready_s:.2f} s")
                print(f"resident memory after page ready: {rss_mb(proc.pid):.0f} MB")
                if not args.no_upload:
                    upload_s = upload(page, work)
                    print(f"upload of one small document (loads the embedding model): {upload_s:.2f} s; "
                          f"resident memory then: {rss_mb(proc.pid):.0f} MB")
                    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Chat").click()
                    box = page.get_by_test_id("stChatInputTextArea")
                    box.wait_for(timeout=120_000)

                times: list[float] = []
                for i, question in enumerate(questions(args.questions), start=1):
                    box.fill(question)
                    t0 = time.perf_counter()
                    box.press("Enter")
                    page.locator(f'div.imvo-turn[data-turn="{i}"]').wait_for(state="attached", timeout=180_000)
                    elapsed = time.perf_counter() - t0
                    cited = page.locator(f'a.imvo-ref[href^="#bron-{i}-"]').count() > 0
                    times.append(elapsed)
                    label = "first answer" if i == 1 else f"answer {i}"
                    print(f"{label}: {elapsed:.2f} s ({'with citation' if cited else 'no citation: refused or error'})"
                          f" — {question[:70]}")
                    if i == 1:
                        print(f"time to first answer (question typed → answer with citation visible): {elapsed:.2f} s")
                if len(times) > 1:
                    print(f"answers 2–{len(times)}: median {statistics.median(times[1:]):.2f} s, "
                          f"max {max(times[1:]):.2f} s")
                loaded = "with" if not args.no_upload else "without"
                print(f"resident memory of the streamlit process after {len(times)} questions ({loaded} the embedding "
                      f"model loaded): {rss_mb(proc.pid):.0f} MB (peak {rss_mb(proc.pid, 'VmHWM'):.0f} MB)")
                browser.close()


if __name__ == "__main__":
    main()
