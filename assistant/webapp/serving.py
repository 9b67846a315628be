"""How the web app is served (`streamlit run serve.py`): Streamlit's own server plus one ASGI middleware.

Opened directly on a page (`/tijdlijn`), Streamlit's front end first looks for its server under that
page (`/tijdlijn/_stcore/health`, `/tijdlijn/_stcore/host-config`: two 404s on every direct open), then
one level up. Streamlit reads where its server is from `window.__streamlit.BACKEND_BASE_URL` before it
starts; the middleware puts that into every page it serves, so the front end asks the right place first.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def base_script(base_path: str) -> bytes:
    """The <script> that tells Streamlit's front end where its server is: `base_path` on this origin."""
    path = "/" + base_path.strip("/")
    path = path if path.endswith("/") else path + "/"
    return (
        "<script>window.__streamlit=Object.assign({},window.__streamlit||{},"
        f"{{BACKEND_BASE_URL:new URL({json.dumps(path)},window.location.origin).href}});</script>"
    ).encode()


def _is_page_request(scope: Scope) -> bool:
    if scope.get("type") != "http" or scope.get("method") not in ("GET", "HEAD"):
        return False
    path = scope.get("path", "")
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return "/_stcore/" not in path and "/static/" not in path and "/media/" not in path and "." not in last


class BackendBaseUrl:
    """Injects base_script() into the HTML of every page (index.html), uncompressed so it can be edited."""

    def __init__(self, app: ASGIApp, base_path: str | None = None) -> None:
        self.app = app
        self.base_path = base_path

    def _script(self) -> bytes:
        if self.base_path is None:
            from streamlit import config

            self.base_path = config.get_option("server.baseUrlPath") or ""
        return base_script(self.base_path)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _is_page_request(scope):
            await self.app(scope, receive, send)
            return
        scope = dict(scope)
        scope["headers"] = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"accept-encoding"]
        start: Message | None = None
        body: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = {k.lower(): v for k, v in message.get("headers", [])}
                if b"text/html" in headers.get(b"content-type", b"") and b"content-encoding" not in headers:
                    start = message
                    return
                await send(message)
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            body.append(message.get("body", b""))
            if message.get("more_body"):
                return
            html = b"".join(body)
            marker = html.find(b"<head>")
            if marker >= 0 and scope["method"] == "GET":
                html = html[: marker + 6] + self._script() + html[marker + 6 :]
            headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            headers.append((b"content-length", str(len(html)).encode()))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": html if scope["method"] == "GET" else b""})

        await self.app(scope, receive, capture)
