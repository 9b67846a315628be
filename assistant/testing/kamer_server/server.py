"""The fake Kamer server itself: a ThreadingHTTPServer on 127.0.0.1 (a free port, a background thread)
that routes each path to a response body, with failures scripted per path prefix."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlencode, urlparse

from assistant.testing.kamer_server.feed import toezegging_feed
from assistant.testing.kamer_server.odata import zaak_json
from assistant.testing.kamer_server.publications import kamerstuk_pdf, kamerstuk_xml
from assistant.testing.kamer_server.records import FakeKamerstuk, FakeMotion, FakeToezegging
from assistant.testing.kamer_server.sru import sru_response

ODATA_PAGE = 250  # the API's page size


class KamerServer:
    def __init__(self, *, sru_page: int | None = None, feed_page: int = 250, slow_s: float = 2.0) -> None:
        self.kamerstukken: list[FakeKamerstuk] = []
        self.motions: list[FakeMotion] = []
        self.toezeggingen: list[FakeToezegging] = []
        self.sru_page = sru_page  # the server's own cap on maximumRecords (None: honour the request)
        self.feed_page = feed_page
        self.odata_page = ODATA_PAGE
        self.slow_s = slow_s
        self.requests: list[tuple[float, str]] = []
        self.malformed_files: set[str] = set()  # identifiers whose XML is served malformed every time
        self._faults: list[tuple[str, deque[str]]] = []
        self._lock = threading.Lock()
        self._cache: dict[str, bytes] = {}
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    # settings that point the assistant at this server
    def settings_env(self) -> dict[str, str]:
        return {
            "IMVO_SRU_URL": f"{self.base}/sru",
            "IMVO_TK_ODATA_URL": f"{self.base}/OData/v4/2.0/",
            "IMVO_TK_SYNCFEED_URL": f"{self.base}/SyncFeed/2.0/Feed",
        }

    def settings_update(self) -> dict[str, str]:
        return {"sru_url": f"{self.base}/sru", "tk_odata_url": f"{self.base}/OData/v4/2.0/",
                "tk_syncfeed_url": f"{self.base}/SyncFeed/2.0/Feed"}

    def fail(self, prefix: str, *kinds: str) -> None:
        with self._lock:
            self._faults.append((prefix, deque(kinds)))

    def count(self, prefix: str = "") -> int:
        return sum(1 for _, path in self.requests if path.startswith(prefix))

    def __enter__(self) -> KamerServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _next_fault(self, path: str) -> str | None:
        with self._lock:
            for prefix, kinds in self._faults:
                if path.startswith(prefix) and kinds:
                    return kinds.popleft()
        return None

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                parsed = urlparse(self.path)
                server.requests.append((time.monotonic(), parsed.path))
                fault = server._next_fault(parsed.path)
                if fault == "refuse":
                    self.close_connection = True
                    self.connection.close()
                    return
                if fault and fault.startswith("429"):
                    wait = fault.partition(":")[2] or "1"
                    return self._send(429, b"Too Many Requests", "text/plain", {"Retry-After": wait})
                if fault == "500":
                    return self._send(500, b"Internal Server Error", "text/plain")
                if fault == "timeout":
                    time.sleep(server.slow_s)
                status, body, ctype = server._route(parsed.path, parse_qs(parsed.query))
                if fault == "truncated":
                    return self._send(status, body[: len(body) // 2], ctype, length=len(body))
                if fault == "malformed":
                    body = body[: len(body) // 2]
                self._send(status, body, ctype)

            def _send(self, status: int, body: bytes, ctype: str, headers: dict | None = None,
                      length: int | None = None) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(length if length is not None else len(body)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    if length is not None:
                        self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(body)
                    if length is not None:
                        self.wfile.flush()
                        self.close_connection = True
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler

    def _route(self, path: str, query: dict[str, list[str]]) -> tuple[int, bytes, str]:
        if path == "/sru":
            start = int(query.get("startRecord", ["1"])[0])
            size = int(query.get("maximumRecords", ["50"])[0])
            if self.sru_page:
                size = min(size, self.sru_page)
            wanted = query.get("query", [""])[0]
            records = [k for k in self.kamerstukken if f"w.dossiernummer=={k.dossier})" in wanted]
            page = records[start - 1 : start - 1 + size]
            return 200, sru_response(self.base, page, len(records), start), "text/xml; charset=utf-8"
        if path.startswith("/frbr/officielepublicaties/kst/"):
            parts = path.split("/")
            identifier, manifestation = parts[5], parts[7]
            k = next((x for x in self.kamerstukken if x.identifier == identifier), None)
            if k is None:
                return 404, b"Not Found", "text/plain"
            if manifestation == "xml" and k.has_xml:
                body = kamerstuk_xml(k)
                if identifier in self.malformed_files:
                    body = body.replace(b"</stuk>", b"</stk>", 1)
                return 200, body, "application/xml"
            if manifestation == "pdf" and k.has_pdf:
                key = f"pdf:{identifier}"
                if key not in self._cache:
                    self._cache[key] = kamerstuk_pdf(k)
                return 200, self._cache[key], "application/pdf"
            return 404, b"Not Found", "text/plain"
        if path == "/OData/v4/2.0/Zaak":
            flt = query.get("$filter", [""])[0]
            skip = int(query.get("$skip", ["0"])[0])
            chosen = [m for m in self.motions if f"d/Nummer eq {int(m.dossier)}" in flt]
            page = chosen[skip : skip + self.odata_page]
            body = {
                "@odata.context": f"{self.base}/OData/v4/2.0/$metadata#Zaak(Kamerstukdossier(),Document(),Besluit(Stemming(),Agendapunt(Activiteit())))",
                "value": [zaak_json(self.base, m, self.motions.index(m) + 1) for m in page],
            }
            if skip + self.odata_page < len(chosen):
                params = {k: v[0] for k, v in query.items() if k != "$skip"}
                params["$skip"] = str(skip + self.odata_page)
                body["@odata.nextLink"] = f"{self.base}/OData/v4/2.0/Zaak?{urlencode(params, quote_via=quote)}"
            return 200, json.dumps(body).encode(), "application/json;odata.metadata=full;charset=utf-8"
        if path == "/SyncFeed/2.0/Feed":
            token = int(query.get("skiptoken", ["0"])[0])
            return 200, toezegging_feed(self.base, self.toezeggingen, token, self.feed_page), "application/atom+xml"
        return 404, b"Not Found", "text/plain"
