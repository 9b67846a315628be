"""Pages for a document whose text has none (an XML Kamerstuk): the PDF of the same publication is its
citable page view. Each block gets the first page, at or after the previous block's, whose text holds
the block's opening words; a block not found keeps the page before it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.parsed import PageText

_OPENING_WORDS = 6


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def assign_pages(block_texts: Sequence[str], pages: Sequence[PageText]) -> list[int]:
    page_text = [" " + " ".join(_words(p.text)) + " " for p in pages]
    current = 0
    found: list[int] = []
    for text in block_texts:
        words = _words(text)[:_OPENING_WORDS]
        if words:
            needle = " " + " ".join(words) + " "
            for index in range(current, len(page_text)):
                if needle in page_text[index]:
                    current = index
                    break
        found.append(pages[current].number if pages else 1)
    return found
