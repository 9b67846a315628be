"""English → Dutch word translation for the answerers, from the domain lexicon (assistant/text/lexicon.py).

The answerers match an English question or answer word by word against Dutch passages; this turns the
lexicon's query expansion into the `translate(words) -> Dutch words` callable they take.
"""

from __future__ import annotations

from assistant.answer.support import Translate
from assistant.text.lexicon import Lexicon


def lexicon_translator(lexicon: Lexicon) -> Translate:
    """`translate(["signed"]) → ["ondertekend", "getekend"]`: the Dutch words the lexicon gives for each
    English word (translations, Dutch synonyms, written-out abbreviations); [] for unknown words."""
    known: dict[str, tuple[str, ...]] = {}

    def translate(words: list[str]) -> list[str]:
        dutch: list[str] = []
        for word in words:
            key = word.lower()
            if key not in known:
                expanded = lexicon.expand_query(key, "en")
                known[key] = tuple(w for detail in expanded.details for w in detail.text.split())
            dutch.extend(known[key])
        return dutch

    return translate
