"""Streaming an LLM's words into the page as plain text: nothing it writes can load an image or run a
link while it streams (the checked answer, rendered inert, replaces it once the sources are checked)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class TextPlaceholder(Protocol):
    def text(self, body: str) -> object: ...


def stream_plain(placeholder: TextPlaceholder, tokens: Iterable[str]) -> str:
    shown = ""
    for token in tokens:
        shown += token
        placeholder.text(shown)  # st.text: no Markdown, no HTML
    return shown
