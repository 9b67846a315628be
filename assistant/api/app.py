"""The HTTP API over the `Assistant` service: the same operations and the same JSON as `imvo … --json`.

Routes call the service and the presenters only. Every route that reads or writes the store holds the
assistant's store lock: an ingest (upload, POST /ingest) replaces rows a question is reading, and the
text analysis questions share is not thread-safe. An LLM writes its streamed answer outside the lock.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, FastAPI, File, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi_offline import FastAPIOffline
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.service import presenters
from assistant.api.auth import credentials_from_header, read_access, write_access, write_refusal
from assistant.api.errors import ApiError, error_body, install_error_handlers, status_and_field
from assistant.api.schemas import (
    AnswerResponse,
    AskRequest,
    DocumentDetail,
    DocumentsResponse,
    ErrorResponse,
    Filters,
    HealthResponse,
    IngestResponse,
    MotionsResponse,
    SearchRequest,
    SearchResponse,
    TimelineResponse,
    UploadResponse,
)
from assistant.core.errors import ImvoError, InvalidQuestionError
from assistant.service.filter_input import parse_filters
from assistant.retrieval.filters import SearchFilters
from assistant.service.assistant import Assistant
from assistant.core.settings import Settings

log = logging.getLogger(__name__)

UPLOAD_READ_CHUNK = 1024 * 1024
MULTIPART_OVERHEAD = 64 * 1024  # headers and boundaries around the file in a multipart body
ERRORS = {
    401: {"model": ErrorResponse, "description": "Missing or wrong bearer token."},
    403: {"model": ErrorResponse, "description": "The route is off: no token is configured for it."},
    422: {"model": ErrorResponse, "description": "Invalid input; `field` names it."},
    503: {"model": ErrorResponse, "description": "No documents ingested yet."},
}


@dataclass
class ApiState:
    assistant: Assistant

    @property
    def store_lock(self) -> threading.RLock:
        return self.assistant.store_lock


def get_state(request: Request) -> ApiState:
    return request.app.state.api


State = Annotated[ApiState, Depends(get_state)]


def only_params(*allowed: str):
    """Refuse query parameters a route does not know (a misspelt filter must not be silently ignored)."""

    def check(request: Request) -> None:
        unknown = sorted(set(request.query_params) - set(allowed))
        if unknown:
            known = ", ".join(allowed) or "none"
            raise ApiError(422, f"unknown parameter {unknown[0]!r}; this route takes: {known}", unknown[0])

    return Depends(check)


def _filters(state: ApiState, body: Filters) -> SearchFilters:
    choices = state.assistant.filter_choices() if body.type or body.doc else None
    return parse_filters(
        doc_types=body.type, date_from=body.from_, date_to=body.to, doc_ids=body.doc, kamerstuk=body.kamerstuk,
        choices=choices,
    )


def _question_error(exc: InvalidQuestionError, field_name: str) -> ApiError:
    return ApiError(422, str(exc), field_name)


def _sse(event: str, data: object) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def create_app(assistant: Assistant) -> FastAPI:
    settings = assistant.settings

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # Load the indexes before the first request rather than during it.
        with app.state.api.store_lock:
            try:
                assistant.search("warm-up", k=1)
            except ImvoError as exc:  # e.g. an empty store: every route says so when asked
                log.warning("not warmed up: %s", exc)
        yield

    # The OpenAPI pages (/docs, /redoc) with their scripts served from the package: no CDN on an intranet.
    app = FastAPIOffline(
        title="IMVO assistant",
        version="1",
        summary="Search and cited answers over Dutch IMVO policy documents; the JSON of `imvo … --json`.",
        lifespan=lifespan,
        responses={422: ERRORS[422]},
    )
    app.state.api = ApiState(assistant)
    install_error_handlers(app)
    app.add_middleware(UploadGuard, settings=settings, max_bytes=assistant.upload_limits().max_bytes)

    reading = [Depends(read_access)]

    @app.get("/health", response_model=HealthResponse, tags=["service"])
    def health(state: State) -> dict:
        """Liveness and store summary (no document content; open even when reading routes are closed)."""
        with state.store_lock:
            info = state.assistant.info()
        return {
            "status": "ok",
            "documents": info.documents,
            "passages": info.passages,
            "embedding_model": info.embedding_model,
            "last_ingest": info.last_ingest,
            "answer_mode": settings.answer_mode,
        }

    @app.post("/search", response_model=SearchResponse, dependencies=reading, tags=["questions"], responses=ERRORS)
    def search(body: SearchRequest, state: State) -> dict:
        """Hybrid search over the passages (`imvo search --json`)."""
        with state.store_lock:
            filters = _filters(state, body)
            try:
                result = state.assistant.search(body.query, k=body.k, filters=filters)
            except InvalidQuestionError as exc:
                raise _question_error(exc, "query") from exc
            return presenters.search_to_dict(result)

    @app.post("/ask", response_model=AnswerResponse, dependencies=reading, tags=["questions"], responses=ERRORS)
    def ask(body: AskRequest, state: State) -> dict:
        """An answer with [n] citations, each sentence checked against its sources (`imvo ask --json`)."""
        history = [(t.question, t.answer) for t in body.history]
        with state.store_lock:
            filters = _filters(state, body)
            answer = state.assistant.ask(body.question, history=history, filters=filters)
            return presenters.answer_to_dict(answer)

    @app.post(
        "/ask/stream",
        dependencies=reading,
        tags=["questions"],
        responses={
            **ERRORS,
            200: {
                "content": {"text/event-stream": {}},
                "description": "Server-sent events: `token` ({text}) as the answer is written, then `answer` "
                "(the body of POST /ask: checked sentences and citations), or `error` ({error, field}).",
            },
        },
    )
    def ask_stream(body: AskRequest, state: State) -> StreamingResponse:
        """POST /ask as server-sent events. Invalid input is refused before the stream starts."""
        history = [(t.question, t.answer) for t in body.history]
        with state.store_lock:
            filters = _filters(state, body)
            in_progress = state.assistant.ask_streaming(body.question, history=history, filters=filters)

        def events() -> Iterator[str]:
            try:
                for token in in_progress.tokens():  # the LLM writes outside the lock
                    yield _sse("token", {"text": token})
                with state.store_lock:  # checking sentences reads the store's text analysis
                    answer = in_progress.result()
                yield _sse("answer", presenters.answer_to_dict(answer))
            except ImvoError as exc:
                status, field_name = status_and_field(exc)
                yield _sse("error", {**error_body(str(exc), field_name), "status": status})

        return StreamingResponse(events(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})

    @app.get(
        "/documents", response_model=DocumentsResponse, dependencies=[*reading, only_params()], tags=["documents"],
        responses=ERRORS,
    )
    def documents(state: State) -> dict:
        """The stored documents, oldest first (`imvo documents --json`)."""
        with state.store_lock:
            return presenters.documents_to_dict(state.assistant.documents())

    @app.get(
        "/documents/{doc_id:path}", response_model=DocumentDetail, dependencies=[*reading, only_params()],
        tags=["documents"], responses={**ERRORS, 404: {"model": ErrorResponse, "description": "No such document."}},
    )
    def document(doc_id: Annotated[str, Path(description="A doc_id from GET /documents.")], state: State) -> dict:
        """One document with its clean text and where each page starts (`imvo documents ID --json`)."""
        with state.store_lock:
            found = state.assistant.document(doc_id)
            return presenters.document_detail_to_dict(found, state.assistant.document_text(doc_id))

    @app.get(
        "/motions", response_model=MotionsResponse, dependencies=[*reading, only_params("open")], tags=["register"],
        responses=ERRORS,
    )
    def motions(
        state: State, open: Annotated[bool, Query(description="Only items still open (`--open`).")] = False
    ) -> dict:
        """Motions, commitments and initiative bills with state and evidence (`imvo motions --json`)."""
        with state.store_lock:
            return presenters.motions_to_dict(state.assistant.motions(only_open=open), state.assistant.official_record())

    @app.get(
        "/timeline", response_model=TimelineResponse, dependencies=[*reading, only_params()], tags=["register"],
        responses=ERRORS,
    )
    def timeline(state: State) -> dict:
        """Dated events from the documents, oldest first (`imvo timeline --json`)."""
        with state.store_lock:
            return presenters.timeline_to_dict(state.assistant.timeline())

    @app.post(
        "/documents",
        response_model=UploadResponse,
        dependencies=[Depends(write_access)],
        tags=["documents"],
        responses={
            **ERRORS,
            413: {"model": ErrorResponse, "description": "The file is larger than IMVO_MAX_UPLOAD_MB."},
            415: {"model": ErrorResponse, "description": "The file type is not accepted (IMVO_UPLOAD_TYPES)."},
        },
    )
    def upload(
        file: Annotated[UploadFile, File(description="A PDF, text or Markdown file (see IMVO_UPLOAD_TYPES).")],
        state: State,
    ) -> JSONResponse:
        """Upload one document and ingest it. A file that fails to ingest is refused with 422 and deleted
        again; nothing already stored is changed then."""
        limits = state.assistant.upload_limits()
        name = file.filename or ""
        suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if suffix not in limits.suffixes:
            raise ApiError(
                415, f"{name or '(no name)'}: file type {suffix or '(none)'} is not accepted; "
                f"allowed: {', '.join(limits.types)}", "file",
            )
        data = _read_at_most(file, limits.max_bytes, settings.max_upload_mb)
        with state.store_lock:
            result = state.assistant.add_document(name, data)
            source = presenters.upload_to_dict(result)["source"]
            doc_id = next((d.doc_id for d in state.assistant.documents() if source and d.source == source), None)
        body = presenters.upload_to_dict(result, doc_id)
        if body["status"] == "failed" or body["status"] == "not found":
            raise ApiError(422, f"{name}: {body['detail'] or 'not ingested'}", "file")
        return JSONResponse(body, status_code=201 if body["status"] == "ingested" else 200)

    @app.post(
        "/ingest", response_model=IngestResponse, dependencies=[Depends(write_access), only_params()],
        tags=["documents"], responses=ERRORS,
    )
    def ingest(state: State) -> dict:
        """Ingest the configured corpus folder again (incremental, as `imvo ingest`)."""
        with state.store_lock:
            return presenters.ingest_report_to_dict(state.assistant.ingest())

    return app


class BodyTooLarge(HTTPException):
    def __init__(self, max_mb: int) -> None:
        super().__init__(413, _too_large(max_mb))
        self.field = "file"


class UploadGuard:
    """Before an upload's body is read (FastAPI parses a multipart body, spooling files to disk, before
    any dependency runs): refuse it without a valid write token, and stop reading it once it is larger
    than the upload limit, whether or not it declared its length."""

    def __init__(self, app: ASGIApp, settings: Settings, max_bytes: int) -> None:
        self.app = app
        self.settings = settings
        self.limit = max_bytes + MULTIPART_OVERHEAD

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] != "/documents":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = write_refusal(self.settings, credentials_from_header(headers.get("authorization")))
        length = headers.get("content-length", "")
        if refusal is None and length.isdigit() and int(length) > self.limit:
            refusal = ApiError(413, _too_large(self.settings.max_upload_mb), "file")
        if refusal is not None:
            response = JSONResponse(error_body(refusal.message, refusal.field), refusal.status, refusal.headers)
            await response(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise BodyTooLarge(self.settings.max_upload_mb)
            return message

        await self.app(scope, counted, send)


def _too_large(max_mb: int) -> str:
    return f"the file is larger than {max_mb} MB (IMVO_MAX_UPLOAD_MB): split it or raise the limit"


def _read_at_most(file: UploadFile, max_bytes: int, max_mb: int) -> bytes:
    chunks, size = [], 0
    while chunk := file.file.read(UPLOAD_READ_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise ApiError(413, f"{file.filename}: {_too_large(max_mb)}", "file")
        chunks.append(chunk)
    return b"".join(chunks)
