"""The middleware that tells Streamlit's front end where its server is (no 404s on a direct page open)."""

from __future__ import annotations

import asyncio

from assistant.webapp.serving import BackendBaseUrl, base_script

INDEX = b"<!doctype html><html><head><title>x</title></head><body></body></html>"


def call(path: str, *, content_type: bytes = b"text/html", method: str = "GET") -> tuple[dict, bytes, list]:
    seen_headers: list = []

    async def app(scope, receive, send):
        seen_headers.extend(scope["headers"])
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", content_type), (b"content-length", str(len(INDEX)).encode())]})
        await send({"type": "http.response.body", "body": INDEX[:20], "more_body": True})
        await send({"type": "http.response.body", "body": INDEX[20:]})

    sent: list = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    scope = {"type": "http", "method": method, "path": path, "headers": [(b"accept-encoding", b"gzip")]}
    asyncio.run(BackendBaseUrl(app, base_path="")(scope, receive, send))
    start = sent[0]
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return dict(start["headers"]), body, seen_headers


def test_a_page_gets_the_server_address_before_streamlit_starts() -> None:
    headers, body, upstream = call("/tijdlijn")
    assert body.startswith(b"<!doctype html><html><head>" + base_script(""))
    assert int(headers[b"content-length"]) == len(body)
    assert all(k != b"accept-encoding" for k, _ in upstream)  # uncompressed, so it can be edited


def test_other_requests_pass_untouched() -> None:
    for path in ("/_stcore/health", "/static/js/index.js", "/media/abc.png"):
        _, body, upstream = call(path)
        assert body == INDEX and upstream == [(b"accept-encoding", b"gzip")]
    _, body, _ = call("/tijdlijn", content_type=b"application/json")
    assert body == INDEX


def test_base_script_names_the_base_path() -> None:
    assert b'"/"' in base_script("") and b'"/imvo/"' in base_script("imvo")
