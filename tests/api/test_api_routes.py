"""The HTTP API through FastAPI's TestClient: the CLI's JSON, errors that name the field, tokens, uploads, SSE."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from typer.testing import CliRunner

from assistant.cli.main import app as cli_app

pytestmark = pytest.mark.integration

QUESTION = "Wat is het doel van de convenanten?"
WRITE_TOKEN = "test-write-token"
READ_TOKEN = "test-read-token"
NEW_DOCUMENT = """Brief over het zeewierconvenant

Het kabinet informeert de Kamer over het zeewierconvenant dat kwekers, verwerkers en maatschappelijke \
organisaties hebben gesloten. Het zeewierconvenant beschrijft hoe de partijen risico's voor mens en milieu \
in de keten van zeewier in kaart brengen, hoe zij die risico's aanpakken en hoe zij daarover rapporteren. \
De partijen spreken af dat zij binnen twee jaar een gezamenlijke aanpak voor leefbaar loon hebben.

Het secretariaat van het zeewierconvenant ligt bij een onafhankelijke stichting. Zij houdt bij welke \
bedrijven zich hebben aangesloten en stelt elk jaar een voortgangsrapportage op die openbaar wordt gemaakt. \
De overheid draagt bij aan de kosten van het secretariaat gedurende de eerste drie jaar van het convenant.
"""


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def cli_json(*args: str) -> dict:
    result = CliRunner().invoke(cli_app, [*args, "--json"], env={"IMVO_AUDIT_LOG": "false"}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def without_timings(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "timings_ms"}


def sse_events(text: str) -> list[tuple[str, dict]]:
    events = []
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((fields["event"], json.loads(fields["data"])))
    return events


# --- the same JSON as the CLI ---------------------------------------------------------------------
def test_ask_and_search_bodies_are_the_cli_json(client, corpus_store_dir: Path) -> None:
    store = str(corpus_store_dir)
    api = client.post("/ask", json={"question": QUESTION})
    assert api.status_code == 200, api.text
    assert without_timings(api.json()) == without_timings(cli_json("ask", QUESTION, "--store", store))
    assert api.json()["citations"] and api.json()["timings_ms"]["total"] > 0

    api = client.post("/search", json={"query": QUESTION, "k": 3, "type": ["Kamerbrief"]})
    assert api.status_code == 200, api.text
    assert api.json() == cli_json("search", QUESTION, "--k", "3", "--type", "Kamerbrief", "--store", store)
    assert len(api.json()["results"]) == 3


def test_register_timeline_and_documents_are_the_cli_json(client, corpus_store_dir: Path) -> None:
    store = str(corpus_store_dir)
    assert client.get("/motions").json() == cli_json("motions", "--store", store)
    open_items = client.get("/motions", params={"open": "true"}).json()
    assert open_items == cli_json("motions", "--open", "--store", store)
    assert open_items["items"] and all(i["open"] is True for i in open_items["items"])
    assert client.get("/timeline").json() == cli_json("timeline", "--store", store)
    listing = client.get("/documents").json()
    assert listing == cli_json("documents", "--store", store)
    doc_id = listing["documents"][0]["doc_id"]
    detail = client.get(f"/documents/{doc_id}").json()
    assert detail == cli_json("documents", doc_id, "--store", store)
    assert detail["text"] and detail["page_starts"][0] == {"offset": 0, "page": 1}


def test_openapi_page_describes_every_route(client) -> None:
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) >= {
        "/search", "/ask", "/ask/stream", "/documents", "/documents/{doc_id}", "/motions", "/timeline", "/health",
    }
    assert spec["paths"]["/ask"]["post"]["requestBody"]
    assert "AnswerResponse" in spec["components"]["schemas"]
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        scripts = re.findall(r'src="([^"]+\.js)"', html)
        assert scripts and all(src.startswith("/") for src in scripts), "served here, not from a CDN"
        assert all(client.get(src).status_code == 200 for src in scripts)


def test_health_reports_the_store(client) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["documents"] > 0 and body["passages"] > 0


# --- bad input: 4xx with the field named ----------------------------------------------------------
@pytest.mark.parametrize(
    ("route", "body", "field"),
    [
        ("/ask", {"question": ""}, "question"),
        ("/ask", {"question": "   "}, "question"),
        ("/ask", {"question": "x" * 10_000}, "question"),
        ("/ask", {}, "question"),
        ("/ask", {"question": QUESTION, "colour": "blue"}, "colour"),
        ("/ask", {"question": QUESTION, "from": "2016-13"}, "from"),
        ("/ask", {"question": QUESTION, "from": "2020", "to": "2016"}, "from"),
        ("/ask", {"question": QUESTION, "type": ["Roman"]}, "type"),
        ("/ask", {"question": QUESTION, "doc": ["no-such-document"]}, "doc"),
        ("/ask", {"question": QUESTION, "kamerstuk": "not a number"}, "kamerstuk"),
        ("/ask/stream", {"question": ""}, "question"),
        ("/search", {"query": "x" * 10_000}, "query"),
        ("/search", {"query": "convenant", "k": 0}, "k"),
        ("/search", {"query": "convenant", "to": "gisteren"}, "to"),
    ],
)
def test_bad_input_is_refused_naming_the_field(client, route: str, body: dict, field: str) -> None:
    response = client.post(route, json=body)
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field
    assert response.json()["error"]


def test_bad_query_parameters_and_bodies(client) -> None:
    response = client.get("/motions", params={"status": "open"})
    assert response.status_code == 422 and response.json()["field"] == "status"
    response = client.post("/ask", content=b"{not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 422 and response.json()["field"] == "body"
    response = client.post("/ask", json=[QUESTION])
    assert response.status_code == 422 and response.json()["field"] == "body"
    response = client.post("/ask", json={"question": QUESTION, "from_": "2016"})
    assert response.status_code == 422 and response.json()["field"] == "from_"
    response = client.get("/documents/no-such-document")
    assert response.status_code == 404 and response.json()["field"] == "doc_id"


def test_empty_store_says_what_to_do(make_client, tmp_path: Path) -> None:
    client = make_client(tmp_path / "empty-store")
    response = client.post("/ask", json={"question": QUESTION})
    assert response.status_code == 503 and "imvo ingest" in response.json()["error"]
    assert client.get("/health").json()["documents"] == 0


# --- tokens --------------------------------------------------------------------------------------
def test_writing_is_off_without_a_token(client) -> None:
    response = client.post("/documents", files={"file": ("brief.txt", NEW_DOCUMENT.encode())})
    assert response.status_code == 403 and "IMVO_API_WRITE_TOKEN" in response.json()["error"]
    assert client.post("/ingest").status_code == 403


def test_write_token_is_required_and_checked(make_client, store_copy: Path) -> None:
    client = make_client(store_copy, api_write_token=WRITE_TOKEN)
    file = {"file": ("brief.txt", NEW_DOCUMENT.encode())}
    response = client.post("/documents", files=file)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert client.post("/documents", files=file, headers=bearer("wrong")).status_code == 401
    assert client.post("/ingest", headers=bearer("wrong")).status_code == 401
    assert client.post("/ask", json={"question": QUESTION}).status_code == 200, "reading stays open"


def test_reading_can_be_closed_with_a_read_token(make_client, corpus_store_dir: Path) -> None:
    client = make_client(corpus_store_dir, api_read_token=READ_TOKEN, api_write_token=WRITE_TOKEN)
    for method, route, kwargs in [
        ("post", "/search", {"json": {"query": "convenant"}}),
        ("post", "/ask", {"json": {"question": QUESTION}}),
        ("get", "/documents", {}),
        ("get", "/motions", {}),
        ("get", "/timeline", {}),
    ]:
        call = getattr(client, method)
        assert call(route, **kwargs).status_code == 401, route
        assert call(route, headers=bearer("wrong"), **kwargs).status_code == 401, route
        assert call(route, headers=bearer(READ_TOKEN), **kwargs).status_code == 200, route
        assert call(route, headers=bearer(WRITE_TOKEN), **kwargs).status_code == 200, route
    assert client.get("/health").status_code == 200
    assert client.post("/ingest", headers=bearer(READ_TOKEN)).status_code == 401, "the read token cannot write"


def test_a_blank_token_setting_means_no_token(make_client, corpus_store_dir: Path) -> None:
    client = make_client(corpus_store_dir, api_write_token="", api_read_token=" ")
    assert client.get("/documents").status_code == 200
    assert client.post("/ingest", headers={"Authorization": "Bearer "}).status_code == 403


# --- uploads ------------------------------------------------------------------------------------
def test_upload_ingests_the_document_and_makes_it_searchable(make_client, store_copy: Path) -> None:
    client = make_client(store_copy, api_write_token=WRITE_TOKEN)
    before = {d["doc_id"] for d in client.get("/documents").json()["documents"]}
    response = client.post(
        "/documents", files={"file": ("../Zeewier brief.txt", NEW_DOCUMENT.encode())}, headers=bearer(WRITE_TOKEN)
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "ingested" and body["stored_as"] == "Zeewier-brief.txt"
    assert body["ingest"]["counts"]["ingested"] == 1
    after = {d["doc_id"] for d in client.get("/documents").json()["documents"]}
    assert after - before == {body["doc_id"]}
    assert "zeewierconvenant" in client.get(f"/documents/{body['doc_id']}").json()["text"]
    hits = client.post("/search", json={"query": "secretariaat zeewierconvenant", "k": 1}).json()["results"]
    assert "zeewier" in hits[0]["text"].lower()
    again = client.post("/documents", files={"file": ("Zeewier brief.txt", NEW_DOCUMENT.encode())},
                        headers=bearer(WRITE_TOKEN))
    assert again.status_code == 200 and again.json()["status"] == "unchanged"


def test_refused_uploads_name_the_file_field_and_lose_nothing(make_client, store_copy: Path, tmp_path: Path) -> None:
    client = make_client(store_copy, api_write_token=WRITE_TOKEN, max_upload_mb=1)
    auth = bearer(WRITE_TOKEN)
    before = client.get("/documents").json()
    cases = [
        (("brief.exe", b"MZ binary"), 415),
        (("brief", b"no extension"), 415),
        (("groot.txt", b"woord " * 200_000), 413),  # just over 1 MB: refused while reading
        (("heel-groot.txt", b"woord " * 1_000_000), 413),  # far over: refused by its declared length
        (("leeg.txt", b""), 422),
        (("kapot.pdf", b"%PDF-1.4 this is not really a PDF"), 422),
    ]
    for (name, data), status in cases:
        response = client.post("/documents", files={"file": (name, data)}, headers=auth)
        assert response.status_code == status, (name, response.text)
        assert response.json()["field"] == "file", name
    missing = client.post("/documents", data={"other": "x"}, headers=auth)
    assert missing.status_code == 422 and missing.json()["field"] == "file"
    assert client.get("/documents").json() == before
    uploads = tmp_path / "uploads"
    assert not uploads.exists() or not any(uploads.iterdir()), "refused files are not kept"


def test_an_upload_without_declared_length_is_cut_off_at_the_limit(make_client, store_copy: Path) -> None:
    client = make_client(store_copy, api_write_token=WRITE_TOKEN, max_upload_mb=1)
    boundary = "imvo-test-boundary"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="groot.txt"\r\n'
        "Content-Type: text/plain\r\n\r\n".encode()
        + b"woord " * 400_000
        + f"\r\n--{boundary}--\r\n".encode()
    )
    headers = {**bearer(WRITE_TOKEN), "Content-Type": f"multipart/form-data; boundary={boundary}"}
    chunks = (body[i : i + 65_536] for i in range(0, len(body), 65_536))  # sent chunked: no Content-Length
    response = client.post("/documents", content=chunks, headers=headers)
    assert response.status_code == 413 and response.json()["field"] == "file"
    unauthorised = client.post("/documents", content=body, headers={"Content-Type": headers["Content-Type"]})
    assert unauthorised.status_code == 401


def test_ingest_route_reports_each_file(make_client, store_copy: Path) -> None:
    client = make_client(store_copy, api_write_token=WRITE_TOKEN)
    body = client.post("/ingest", headers=bearer(WRITE_TOKEN)).json()
    assert body["counts"]["unchanged"] == len(body["files"]) > 0
    assert body["counts"]["failed"] == 0


# --- server-sent events -----------------------------------------------------------------------
def test_ask_stream_sends_the_answer_of_ask(client) -> None:
    response = client.post("/ask/stream", json={"question": QUESTION})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
    events = sse_events(response.text)
    assert [e for e, _ in events[:-1]] == ["token"] * (len(events) - 1) and events[-1][0] == "answer"
    answer = events[-1][1]
    assert "".join(d["text"] for e, d in events if e == "token") == answer["answer"]
    assert without_timings(answer) == without_timings(client.post("/ask", json={"question": QUESTION}).json())


def test_ask_stream_in_llm_mode_streams_tokens_then_checked_sentences(make_client, store_copy: Path) -> None:
    question = "Hoe wordt de voortgang van de convenanten gevolgd?"
    reply = "De partijen rapporteren jaarlijks over de voortgang [1]. Ook regelde de SER de catering [9]."
    model = GenericFakeChatModel(messages=iter([AIMessage(content=reply)]))
    client = make_client(store_copy, chat_model=model, answer_mode="llm", llm="fake:model")
    response = client.post("/ask/stream", json={"question": question})
    assert response.status_code == 200, response.text
    events = sse_events(response.text)
    tokens = [d["text"] for e, d in events if e == "token"]
    assert len(tokens) > 1, "the fake model streams word by word"
    kind, answer = events[-1]
    assert kind == "answer" and answer["mode"] == "llm"
    assert "[9]" not in answer["answer"], "a citation to a passage that does not exist is removed"
    assert answer["sentences"] and all("supported" in s for s in answer["sentences"])


class UnreachableChatModel(GenericFakeChatModel):
    def _stream(self, *args, **kwargs):
        raise ConnectionError("connection refused")
        yield  # a generator, as a streaming model is


def test_ask_stream_reports_an_unreachable_llm_as_an_error_event(make_client, store_copy: Path) -> None:
    model = UnreachableChatModel(messages=iter([]))
    client = make_client(store_copy, chat_model=model, answer_mode="llm", llm="fake:model")
    response = client.post("/ask/stream", json={"question": "Hoe wordt de voortgang van de convenanten gevolgd?"})
    assert response.status_code == 200  # the stream had started: the error is its last event
    kind, error = sse_events(response.text)[-1]
    assert kind == "error" and error["status"] == 502 and "IMVO_ANSWER_MODE=extractive" in error["error"]
