"""What the web pages say when the assistant raises: a Dutch explanation plus the assistant's own detail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

from assistant.core.errors import (
    ConfigurationError,
    EmptyStoreError,
    ImvoError,
    InvalidQuestionError,
    LLMUnavailableError,
    ModelMismatchError,
    UploadError,
)
from assistant.core.settings import Settings

EMPTY_STORE = (
    "Er zijn nog geen documenten ingelezen, dus er valt nog niets te vragen. Lees de documenten in met "
    "`make run` (of `imvo ingest`), of upload ze op de pagina **Documenten**."
)


@dataclass(frozen=True)
class ErrorMessage:
    text: str  # Dutch, for st.error
    detail: str  # the assistant's message (names the file/setting and what to do)


def error_message(exc: ImvoError, settings: Settings | None = None) -> ErrorMessage:
    detail = str(exc)
    match exc:
        case EmptyStoreError():
            text = EMPTY_STORE
        case LLMUnavailableError():
            server = settings.llm_base_url if settings and settings.llm_base_url else "de ingestelde server"
            text = (
                f"Het taalmodel is niet bereikbaar ({server}). Controleer of de server draait, of schakel over "
                "op extractieve antwoorden met IMVO_ANSWER_MODE=extractive."
            )
        case ModelMismatchError():
            text = (
                "De kennisbank is gebouwd met een ander embeddingmodel dan nu is ingesteld. Lees de documenten "
                "opnieuw in (`imvo ingest --rebuild`) of stel het oorspronkelijke model weer in."
            )
        case InvalidQuestionError():
            text = "Deze vraag kan niet worden verwerkt."
        case UploadError():
            text = f"Bestand geweigerd: {exc.reason}."
        case ConfigurationError():
            text = "De instellingen kloppen niet; de assistent kan zo niet starten."
        case _:
            text = "Er ging iets mis."
    return ErrorMessage(text, detail)


def stop_with_error(exc: ImvoError, settings: Settings | None = None) -> NoReturn:
    """Show the error as the page's message (never a traceback) and end this run of the page."""
    import streamlit as st

    message = error_message(exc, settings)
    st.error(message.text)
    st.caption(f"Details: {message.detail}")
    st.stop()
    raise AssertionError("st.stop() returned")  # pragma: no cover - st.stop raises


def stop_with_unexpected(exc: Exception) -> NoReturn:
    """A bug or a failing disk: one Dutch line and the error's own one-line text; the traceback goes to the
    server log only."""
    import logging
    import sqlite3

    import streamlit as st

    logging.getLogger(__name__).error("page failed", exc_info=exc)
    if isinstance(exc, sqlite3.Error) or (isinstance(exc, OSError) and exc.errno == 28):
        st.error("De kennisbank kon niet worden gelezen of geschreven (schijf vol of bestand beschadigd). "
                 "Controleer met `imvo check`; herstel met `imvo ingest` of `imvo ingest --rebuild`.")
    else:
        st.error("Er ging iets mis op deze pagina. Probeer het opnieuw; blijft het misgaan, meld het dan.")
    st.caption(f"Details: {type(exc).__name__}: {exc}")
    st.stop()
    raise AssertionError("st.stop() returned")  # pragma: no cover - st.stop raises
