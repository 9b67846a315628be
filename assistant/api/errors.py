"""The API's edge: assistant errors and invalid requests become an HTTP status and a JSON error that names
the field at fault. Unknown exceptions are not caught here (they still raise in tests)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.core.errors import (
    ConfigurationError,
    EmptyStoreError,
    ImvoError,
    InvalidFilterError,
    InvalidQuestionError,
    LLMUnavailableError,
    ModelMismatchError,
    UnknownDocumentError,
    UploadError,
)


class ApiError(Exception):
    """An error the API itself raises: status, the field at fault (or None) and the message."""

    def __init__(self, status: int, message: str, field: str | None = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field
        self.headers = headers


def error_body(message: str, field: str | None = None, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"error": message, "field": field, "errors": errors or []}


def status_and_field(exc: ImvoError) -> tuple[int, str | None]:
    match exc:
        case InvalidQuestionError():
            return 422, "question"
        case InvalidFilterError():
            return 422, exc.field
        case UnknownDocumentError():
            return 404, "doc_id"
        case UploadError():
            return 422, "file"
        case EmptyStoreError():
            return 503, None
        case LLMUnavailableError():
            return 502, None
        case ModelMismatchError() | ConfigurationError():
            return 500, None
        case _:
            return 500, None


def _field_of(loc: tuple[Any, ...]) -> str | None:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or ("body" if loc[:1] == ("body",) else None)


def _message(error: dict[str, Any]) -> str:
    field = _field_of(tuple(error.get("loc", ())))
    if error.get("type") == "extra_forbidden":
        return f"unknown field {field!r}"
    if error.get("type") == "missing":
        return f"{field}: required"
    if error.get("type") == "json_invalid":
        return "the body is not valid JSON"
    return f"{field}: {error.get('msg')}" if field else str(error.get("msg"))


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.message, exc.field), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(ImvoError)
    async def assistant_error(request: Request, exc: ImvoError) -> JSONResponse:
        status, field = status_and_field(exc)
        return JSONResponse(error_body(str(exc), field), status_code=status)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"field": "body" if e.get("type") == "json_invalid" else _field_of(tuple(e.get("loc", ()))),
             "message": _message(e)}
            for e in exc.errors()
        ]
        first = errors[0] if errors else {"field": None, "message": "invalid request"}
        return JSONResponse(error_body(first["message"], first["field"], errors), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        body = error_body(str(exc.detail), getattr(exc, "field", None))
        return JSONResponse(body, status_code=exc.status_code, headers=exc.headers)
