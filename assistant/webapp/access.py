"""Who may add documents in the web app: anyone when no IMVO_UPLOAD_PASSWORD is set (the app then binds to
127.0.0.1 by default), else only a browser session that gave that password (or token)."""

from __future__ import annotations

import hmac
from collections.abc import MutableMapping

from assistant.core.settings import Settings

UNLOCKED_KEY = "imvo_upload_unlocked"


def upload_needs_password(settings: Settings) -> bool:
    return settings.upload_password is not None and bool(settings.upload_password.get_secret_value())


def may_change_documents(settings: Settings, session: MutableMapping) -> bool:
    return not upload_needs_password(settings) or session.get(UNLOCKED_KEY) is True


def unlock(settings: Settings, session: MutableMapping, given: str) -> bool:
    """Compare in constant time; remember a correct password for this browser session only."""
    if not upload_needs_password(settings):
        return True
    expected = settings.upload_password.get_secret_value().encode("utf-8")  # type: ignore[union-attr]
    ok = hmac.compare_digest(expected, given.encode("utf-8", "backslashreplace"))
    if ok:
        session[UNLOCKED_KEY] = True
    return ok
