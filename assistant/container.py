"""Composition root: the only place that turns settings into collaborators."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from assistant.settings import Settings
from assistant.store.store import Store


@contextmanager
def open_store(settings: Settings) -> Iterator[Store]:
    store = Store(settings)
    try:
        yield store
    finally:
        store.close()
