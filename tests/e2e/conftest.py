"""One app server (`streamlit run serve.py` on a copy of the corpus store) and one headless Chromium per
test module; each test opens its own page (a new Streamlit session)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.testing.servers import free_port, running

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def streamlit_command(port: int) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true"]


@pytest.fixture(scope="module")
def app_url(corpus_store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("e2e")
    store = work / "store"
    shutil.copytree(corpus_store_dir, store)
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMVO_")}
    env.update(IMVO_STORE_DIR=str(store), IMVO_UPLOAD_DIR=str(work / "uploads"), IMVO_AUDIT_LOG="false",
               IMVO_CORPUS_DIR=str(ROOT / "corpus"))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with running(streamlit_command(port), f"{url}/_stcore/health", cwd=ROOT, env=env, timeout=90,
                 log=work / "streamlit.log"):
        yield url


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed: run `make browser` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()
