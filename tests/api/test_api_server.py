"""A real `imvo serve` on a free port: the API and the CLI give the same answer, and questions asked while an
upload is being ingested all get answers."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from threading import Barrier, Event

import httpx
import pytest

from assistant.testing.servers import free_port, running

pytestmark = [pytest.mark.server, pytest.mark.integration]

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "server-test-token"
QUESTIONS = [
    "Wat is het doel van de convenanten?",
    "Hoe wordt de voortgang van de convenanten gevolgd?",
    "Which sectors have a covenant?",
    "Welke moties staan nog open?",
]
NEW_DOCUMENT = "\n\n".join(
    ["Brief over het cacaoconvenant"]
    + [
        f"Paragraaf {i}. Het kabinet informeert de Kamer over de stand van het cacaoconvenant. De partijen brengen "
        "de risico's in de keten van cacao in kaart, spreken maatregelen af tegen kinderarbeid en ontbossing, en "
        "rapporteren jaarlijks over de voortgang aan het secretariaat, dat de resultaten openbaar maakt."
        for i in range(1, 40)
    ]
)


@pytest.fixture
def server(corpus_store_dir: Path, tmp_path: Path) -> Iterator[tuple[str, dict[str, str], Path]]:
    store = tmp_path / "store"
    shutil.copytree(corpus_store_dir, store)
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMVO_")}
    env.update(
        IMVO_STORE_DIR=str(store), IMVO_UPLOAD_DIR=str(tmp_path / "uploads"), IMVO_AUDIT_LOG="false",
        IMVO_CORPUS_DIR=str(ROOT / "corpus"), IMVO_API_WRITE_TOKEN=TOKEN,
    )
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    with running([sys.executable, "-m", "assistant", "serve", "--port", str(port)], f"{url}/health", cwd=ROOT,
                 env=env, timeout=180, log=log):
        yield url, env, log


def test_api_and_cli_give_the_same_answer_and_citations(server) -> None:
    url, env, log = server
    assert f"http://127.0.0.1:{int(url.rsplit(':', 1)[1])}" in log.read_text(), "binds to 127.0.0.1 by default"
    for question in QUESTIONS[:2]:
        api = httpx.post(f"{url}/ask", json={"question": question}, timeout=300).json()
        cli = subprocess.run([sys.executable, "-m", "assistant", "ask", question, "--json"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=600, check=True)
        expected = json.loads(cli.stdout)
        assert api["answer"] == expected["answer"] and api["citations"] == expected["citations"]
        assert api["sentences"] == expected["sentences"] and api["citations"]


def test_twenty_concurrent_questions_while_an_upload_is_ingested(server) -> None:
    """Twenty clients keep asking until the upload's ingest is done, so questions are in flight all through it."""
    url, _, _ = server
    before = httpx.get(f"{url}/health").json()["documents"]
    start = Barrier(21)
    uploaded = Event()

    def upload() -> httpx.Response:
        start.wait()
        try:
            return httpx.post(f"{url}/documents", files={"file": ("cacaobrief.txt", NEW_DOCUMENT.encode())},
                              headers={"Authorization": f"Bearer {TOKEN}"}, timeout=600)
        finally:
            uploaded.set()

    def keep_asking(i: int) -> list[tuple[str, httpx.Response]]:
        answers = []
        with httpx.Client(base_url=url, timeout=600) as client:
            start.wait()
            while not answers or not uploaded.is_set():
                question = QUESTIONS[(i + len(answers)) % len(QUESTIONS)]
                answers.append((question, client.post("/ask", json={"question": question})))
        return answers

    with ThreadPoolExecutor(max_workers=21) as pool:
        uploading = pool.submit(upload)
        asked = [pool.submit(keep_asking, i) for i in range(20)]
        answers = [a for f in asked for a in f.result()]
        response = uploading.result()

    assert response.status_code == 201, response.text
    assert len(answers) >= 20
    for question, answer in answers:
        assert answer.status_code == 200, answer.text
        body = answer.json()
        # Asked before or after the new document landed: either way a whole answer.
        assert body["question"] == question and body["answer"]
        assert body["citations"] or not body["answered"]
    assert httpx.get(f"{url}/health").json()["documents"] == before + 1
    found = httpx.post(f"{url}/search", json={"query": "cacaoconvenant kinderarbeid", "k": 1}).json()["results"]
    assert "cacao" in found[0]["text"]
