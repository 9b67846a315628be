"""The sentences of the retrieved passages that an extractive answer may quote, with their structure.

A list's lead-in ("... zijn dat:") and its items are marked so an answer can quote them together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.text import features
from assistant.answer.support import MARK_RE
from assistant.core.model import Passage
from assistant.text.sentences import split_sentences

_MIN_WORDS = 4  # shorter fragments (headings, page furniture) are not quoted, list items excepted
_HEADING_MAX_WORDS = 8  # a short line without closing punctuation is a heading, not a sentence
# a section number ("2.2", "3.") opening a line without closing punctuation: a heading
_NUMBERED_HEADING_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.(?:\d{1,2})?\s+[^\W\d_]")


@dataclass
class Candidate:
    rank: int  # 0-based position of its passage in the retrieved list
    position: int  # order within the passage
    text: str  # cleaned, one line
    raw: str  # as in the passage, line breaks kept
    tokens: frozenset[str]
    context_tokens: frozenset[str]  # with the sentence before it and the passage heading
    is_list_item: bool  # a bulleted line, or a paragraph opening after a lead-in
    in_list: bool = False  # after a lead-in (items and their further sentences)

    @property
    def is_lead_in(self) -> bool:
        return self.text.rstrip().endswith(":") and not self.is_list_item


def sentence_candidates(passages: Sequence[Passage], tokenize: Callable[[str], list[str]]) -> list[Candidate]:
    candidates: list[Candidate] = []
    seen: set[str] = set()
    for rank, passage in enumerate(passages):
        heading = frozenset(tokenize(passage.heading or ""))
        previous = heading
        in_list = False
        last_end = 0
        for position, (start, end) in enumerate(split_sentences(passage.text)):
            raw = passage.text[start:end]
            opens_paragraph = position == 0 or "\n\n" in passage.text[last_end:start].replace("\r", "")
            last_end = end
            text = clean_sentence(raw)
            tokens = frozenset(tokenize(text))
            context = tokens | previous
            previous = tokens | heading
            bulleted = features.is_list_item(raw)
            is_item = bulleted or (in_list and opens_paragraph)
            member = in_list
            if text.rstrip().endswith(":") and not bulleted:
                in_list = True
            key = features.squash(text)
            if not key or key in seen or (not is_item and is_fragment(text, passage.heading)):
                continue  # chunks overlap by a sentence: quote it once, from the higher-ranked passage
            seen.add(key)
            candidates.append(Candidate(rank, position, text, raw, tokens, context, is_item, in_list=member))
    return candidates


def list_items_after(anchor: Candidate, candidates: Sequence[Candidate], limit: int) -> list[Candidate]:
    """The items of the list a lead-in opens (or the lead-in right after `anchor` and its items)."""
    following = sorted((c for c in candidates if c.rank == anchor.rank and c.position > anchor.position), key=lambda c: c.position)
    result: list[Candidate] = []
    if not anchor.is_lead_in:
        if len(following) < 2 or not following[0].is_lead_in or not following[1].is_list_item:
            return []
        if following[0].position != anchor.position + 1:
            return []
        result.append(following[0])
        following = following[1:]
    for c in following:
        if not c.is_list_item:
            if c.in_list:
                continue  # a further sentence of an item paragraph: the item's first sentence names it
            break
        if len(result) >= limit:
            break
        result.append(c)
    return result


def is_fragment(text: str, heading: str | None = None) -> bool:
    """A heading or piece of page furniture rather than a sentence."""
    n_words = len(text.split())
    if n_words < _MIN_WORDS:
        return True
    if heading and features.squash(text) == features.squash(heading):
        return True
    closed = re.search(r"[.!?:;]['’”\")]*$", text)
    if not closed and _NUMBERED_HEADING_RE.match(text):
        return True
    return n_words < _HEADING_MAX_WORDS and not closed


def clean_sentence(text: str) -> str:
    text = re.sub(r"(\w)-[ \t]*\n\s*([a-z])", r"\1\2", text)
    text = MARK_RE.sub(lambda m: f"({m.group(1)})", text)  # "[3]" in a document is not one of our citations
    return " ".join(text.split())
