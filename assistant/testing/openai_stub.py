"""A small OpenAI-compatible chat server for tests: POST /v1/chat/completions on 127.0.0.1, free port.

Usable from any test: `from assistant.testing.openai_stub import OpenAIStub`.

    with OpenAIStub(["Het antwoord [1]."]) as stub:
        settings = Settings(llm="openai:stub-model", llm_base_url=stub.base_url)
        ...
    stub.requests  # the JSON bodies it received

Replies are served in order (the last one repeats). A request with "stream": true gets Server-Sent
Events: one `data: {chunk}` per word, a final chunk with finish_reason "stop", then `data: [DONE]`.
`status` other than 200 makes every request fail with that HTTP status and an OpenAI-style error body.
"""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class OpenAIStub:
    def __init__(self, replies: list[str] | None = None, *, status: int = 200, model: str = "stub-model") -> None:
        self.replies = list(replies or ["OK"])
        self.status = status
        self.model = model
        self.requests: list[dict[str, Any]] = []
        self._served = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("start the stub first")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> OpenAIStub:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                if self.path.rstrip("/") != "/v1/chat/completions":
                    self._send_json(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
                    return
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                stub.requests.append(body)
                if stub.status != 200:
                    self._send_json(stub.status, {"error": {"message": "stub failure", "type": "server_error"}})
                    return
                reply = stub._next_reply()
                if body.get("stream"):
                    self._send_stream(reply)
                else:
                    self._send_json(200, stub._completion(reply))

            def _send_json(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _send_stream(self, reply: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Connection", "close")
                self.end_headers()
                pieces = re.findall(r"\S+\s*|\s+", reply) or [""]
                for i, piece in enumerate(pieces):
                    delta: dict[str, Any] = {"content": piece}
                    if i == 0:
                        delta["role"] = "assistant"
                    self._event(stub._chunk(delta, None))
                self._event(stub._chunk({}, "stop"))
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
                self.close_connection = True

            def _event(self, payload: dict[str, Any]) -> None:
                self.wfile.write(b"data: " + json.dumps(payload).encode() + b"\n\n")
                self.wfile.flush()

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="openai-stub", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> OpenAIStub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- payloads ---------------------------------------------------------------------------
    def _next_reply(self) -> str:
        reply = self.replies[min(self._served, len(self.replies) - 1)]
        self._served += 1
        return reply

    def _completion(self, reply: str) -> dict[str, Any]:
        return {
            "id": f"chatcmpl-stub-{self._served}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.model,
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": reply}, "finish_reason": "stop", "logprobs": None}
            ],
            "usage": {"prompt_tokens": 10, "completion_tokens": len(reply.split()), "total_tokens": 10 + len(reply.split())},
        }

    def _chunk(self, delta: dict[str, Any], finish_reason: str | None) -> dict[str, Any]:
        return {
            "id": f"chatcmpl-stub-{self._served}",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": self.model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}],
        }
