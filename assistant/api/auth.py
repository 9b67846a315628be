"""Bearer tokens from the settings: writing routes need IMVO_API_WRITE_TOKEN and are off without it;
reading routes are open unless IMVO_API_READ_TOKEN is set (the write token opens them too)."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.security.utils import get_authorization_scheme_param
from pydantic import SecretStr

from assistant.api.errors import ApiError
from assistant.core.settings import Settings

bearer = HTTPBearer(auto_error=False, description="IMVO_API_WRITE_TOKEN or IMVO_API_READ_TOKEN")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
CHALLENGE = {"WWW-Authenticate": "Bearer"}


def _matches(credentials: HTTPAuthorizationCredentials | None, *tokens: SecretStr | None) -> bool:
    if credentials is None:
        return False
    given = credentials.credentials.encode()
    # Compare with every token (no early exit), in constant time.
    results = [secrets.compare_digest(given, t.get_secret_value().encode()) for t in tokens if t is not None]
    return any(results)


def _refuse(credentials: HTTPAuthorizationCredentials | None, what: str) -> ApiError:
    reason = "a bearer token is needed" if credentials is None else "the bearer token is not valid"
    return ApiError(401, f"{reason} for {what}: send 'Authorization: Bearer <token>'", "authorization", CHALLENGE)


def read_access(request: Request, credentials: Credentials) -> None:
    settings = request.app.state.api.assistant.settings
    if settings.api_read_token is None:
        return
    if not _matches(credentials, settings.api_read_token, settings.api_write_token):
        raise _refuse(credentials, "reading (IMVO_API_READ_TOKEN is set)")


def write_refusal(settings: Settings, credentials: HTTPAuthorizationCredentials | None) -> ApiError | None:
    if settings.api_write_token is None:
        return ApiError(
            403, "changing the knowledge base through the API is off: set IMVO_API_WRITE_TOKEN to turn it on",
            "authorization",
        )
    if not _matches(credentials, settings.api_write_token):
        return _refuse(credentials, "changing the knowledge base")
    return None


def credentials_from_header(authorization: str | None) -> HTTPAuthorizationCredentials | None:
    """What `bearer` makes of an Authorization header, for code that runs before the route."""
    scheme, token = get_authorization_scheme_param(authorization)
    if scheme.lower() != "bearer" or not token:
        return None
    return HTTPAuthorizationCredentials(scheme=scheme, credentials=token)


def write_access(request: Request, credentials: Credentials) -> None:
    refusal = write_refusal(request.app.state.api.assistant.settings, credentials)
    if refusal is not None:
        raise refusal
