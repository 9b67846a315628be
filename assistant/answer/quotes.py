"""Evidence quotes in LLM answers: "... [2] «exact words from document 2»".

The model quotes the words that support each sentence; a quote that does not stand in the passage it
cites (after normalisation, or as a near-verbatim match for OCR'd text) marks its sentence unsupported,
whatever words the sentence shares with the passage. Quotes are taken out of the text shown to users;
the citation view shows the passage itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from assistant.text import features
from assistant.answer.support import MARK_RE, expand_mark
from assistant.core.model import Passage

QUOTE_RE = re.compile(r"(" + MARK_RE.pattern + r")\s*«([^«»]{1,1000})»")
_NEAR_VERBATIM = 90.0
_SENTENCE_END = re.compile(r"(?:[.!?]\s|\n)")


@dataclass(frozen=True)
class QuoteCheck:
    text: str  # the answer without its quotes
    failed: frozenset[str]  # squashed text of the sentences whose quote is not in the cited passage
    quoted: int  # quotes found


def quote_in_passage(quote: str, passage_text: str) -> bool:
    q, p = features.squash(quote), features.squash(passage_text)
    if not q:
        return False
    if q in p:
        return True
    return len(q) >= 12 and len(p) >= len(q) and fuzz.partial_ratio(q, p) >= _NEAR_VERBATIM


def check_quotes(raw: str, passages: Sequence[Passage]) -> QuoteCheck:
    failed: set[str] = set()
    found = 0
    pieces: list[str] = []
    last = 0
    for m in QUOTE_RE.finditer(raw):
        found += 1
        marks = [n for n in expand_mark(m.group(2)) if 1 <= n <= len(passages)]
        ok = any(quote_in_passage(m.group(3), passages[n - 1].text) for n in marks)
        pieces.append(raw[last : m.start()] + m.group(1))
        if not ok:
            before = "".join(pieces)
            starts = [e.end() for e in _SENTENCE_END.finditer(before[: -len(m.group(1))])]
            sentence = MARK_RE.sub(" ", before[(starts[-1] if starts else 0) :])
            failed.add(features.squash(sentence))
        last = m.end()
    pieces.append(raw[last:])
    return QuoteCheck("".join(pieces), frozenset(failed), found)
