"""English → Dutch translation for the answerers, from the domain lexicon (assistant/text/lexicon.py).

The answerers match an English question or answer word by word against Dutch passages; this turns the
lexicon's query expansion into the `translate(words) -> Dutch terms` callable they take. The same
expansion also gives a Dutch word its synonyms and an abbreviation its written-out name.
"""

from __future__ import annotations

import re

from assistant.answer.support import Translate
from assistant.text.lexicon import Lexicon


def lexicon_translator(lexicon: Lexicon) -> Translate:
    """`translate(["signed"]) → ["ondertekend", "getekend"]`: the Dutch terms the lexicon gives for each
    English word or word group (translations, Dutch synonyms, written-out abbreviations: "BHOS" →
    "Buitenlandse Handel en Ontwikkelingssamenwerking"); a term may be several words; [] for unknown
    words. When the lexicon only knows part of a word, the term keeps the rest: "IMVO-convenanten" →
    "RBC-convenanten"; a word group gets only what the lexicon has for the group as a whole
    ("action plans" → "plannen van aanpak", "companies signed" → []). Callers tokenize each term."""
    known: dict[str, tuple[str, ...]] = {}

    def translate(words: list[str]) -> list[str]:
        dutch: list[str] = []
        for word in words:
            key = word.lower()
            if key not in known:
                expanded = lexicon.expand_query(key, "en")
                known[key] = tuple(
                    _in_context(key, d.trigger, d.text) for d in expanded.details if _covers(key, d.trigger)
                )
            dutch.extend(known[key])
        return dutch

    return translate


def _covers(key: str, trigger: str) -> bool:
    """The expansion is for all of `key`, or for part of a single (hyphenated) word."""
    return " " not in key.strip() or _squash(trigger) == _squash(key)


def _squash(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def _in_context(word: str, trigger: str, term: str) -> str:
    """`term` standing in for `trigger` inside `word` ("imvo-convenanten", "IMVO", "RBC" → "RBC -convenanten")."""
    m = re.search(re.escape(trigger), word, flags=re.IGNORECASE)
    if m is None or (m.start() == 0 and m.end() == len(word)):
        return term
    return f"{word[: m.start()]} {term} {word[m.end() :]}".strip()
