"""What the web app builds once per process: the assistant (models, store, indexes), shared by all
browser sessions through st.cache_resource, and what is derived per store generation."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

import streamlit as st
from pydantic import ValidationError

from assistant.service.container import build_assistant
from assistant.core.errors import ConfigurationError
from assistant.service.assistant import Assistant
from assistant.core.settings import Settings
from assistant.derived.glossary import GlossaryEntry
from assistant.text.lexicon import Lexicon, load_lexicon

log = logging.getLogger(__name__)
WARM_UP_TIMEOUT_S = 120.0


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        raise ConfigurationError(f"invalid IMVO_* setting: {exc}") from exc


@dataclass
class WebResources:
    assistant: Assistant
    settings: Settings
    # Set once the embedding model and indexes are loaded (in a background thread, so the page shows at once).
    warm: threading.Event = field(default_factory=threading.Event)

    @property
    def store_lock(self) -> threading.RLock:
        """Ingesting replaces rows that questions read: the two never run at the same time. The assistant's
        own lock, so an LLM answer's citation check (after the stream, outside this lock) waits too."""
        return self.assistant.store_lock

    def wait_until_warm(self) -> None:
        self.warm.wait(WARM_UP_TIMEOUT_S)


def _warm_up(resources: WebResources) -> None:
    assistant = resources.assistant
    try:
        if not assistant.is_empty():  # an empty store loads the model at the first upload
            with resources.store_lock:
                assistant.warm_up()
    except Exception:  # the same error reaches the user at the first question, with a message
        log.exception("warming up the assistant failed")
    finally:
        resources.warm.set()


@st.cache_resource(show_spinner="De assistent wordt gestart …", max_entries=4)
def _resources(settings_key: str, _settings: Settings) -> WebResources:
    resources = WebResources(build_assistant(_settings), _settings)
    threading.Thread(target=_warm_up, args=(resources,), name="imvo-warm-up", daemon=True).start()
    return resources


def get_resources() -> WebResources:
    """The process-wide assistant for the current settings (a new one when the settings change)."""
    settings = load_settings()
    return _resources(settings.model_dump_json(), settings)


def get_glossary(resources: WebResources) -> list[GlossaryEntry]:
    """Glossary terms with their passages (derived after each ingest; read once per store generation)."""
    return resources.assistant.glossary()


def get_lexicon() -> Lexicon:
    """The lexicon the pages mark glossary terms and question words with (read once per process)."""
    return load_lexicon()
