"""Client/server mode against a real `chroma run` on 127.0.0.1."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from assistant.core.settings import Settings
from assistant.service.container import build_store
from assistant.service.ingestion import ingest_files
from assistant.testing.fake_embeddings import HashEmbeddings
from assistant.testing.servers import free_port, running

pytestmark = pytest.mark.server

CHROMA = Path(sys.executable).with_name("chroma")


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory):
    if not CHROMA.exists():
        pytest.fail(f"{CHROMA} missing: install chromadb into the virtualenv (make install)")
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    with running(
        [str(CHROMA), "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(data)],
        f"http://127.0.0.1:{port}/api/v2/heartbeat",
        log=data.parent / "chroma.log",
    ):
        yield port


def test_ingest_and_search_through_a_chroma_server(tmp_path: Path, chroma_server: int) -> None:
    emb = HashEmbeddings()
    settings = Settings(
        store_dir=tmp_path / "store", chroma_host="127.0.0.1", chroma_port=chroma_server, embedding_model=emb.model_id
    )
    docs = tmp_path / "docs"
    shutil.copytree(Path(__file__).resolve().parents[3] / "corpus", docs)
    store = build_store(settings, embeddings=emb)
    report = ingest_files(store, settings, [docs])
    assert report.count("ingested") == 5
    assert store.info().chroma == f"127.0.0.1:{chroma_server}"
    assert store.vectors.count() == store.db.chunk_count()

    hits = store.vectors.search("textiel convenant kleding", 3)
    assert len(hits) == 3 and all(h.chunk_id in set(store.db.all_chunk_ids()) for h in hits)

    (docs / "2017-xx-xx-ser-notitie-imvo-convenanten-demissionaire-periode.txt").unlink()
    report = ingest_files(store, settings, [docs])
    assert report.count("removed") == 1
    assert store.vectors.all_ids() == set(store.db.all_chunk_ids())


def test_unreachable_chroma_server_gives_a_clear_error(tmp_path: Path) -> None:
    from assistant.core.errors import ConfigurationError

    emb = HashEmbeddings()
    settings = Settings(store_dir=tmp_path / "s", chroma_host="127.0.0.1", chroma_port=free_port(),
                        embedding_model=emb.model_id)
    store = build_store(settings, embeddings=emb)
    with pytest.raises(ConfigurationError, match="chroma run"):
        store.vectors  # noqa: B018
