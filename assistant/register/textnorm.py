"""Passage text prepared for pattern matching: sentences in document order, OCR damage repaired.

The passages themselves are never changed; the register quotes the normalised sentence and links the
original passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.core.model import Passage
from assistant.register.rules import register_rules
from assistant.text.sentences import split_sentences

# "evaluatie-\nmoment" → "evaluatiemoment"; "OESO-\nrichtlijnen" keeps its hyphen (capital before it).
_BROKEN_WORD = re.compile(r"(?<=[a-zà-ÿ])[-‐‑]\s*\n\s*(?=[a-zà-ÿ])")
_HYPHEN_BREAK = re.compile(r"(?<=\S)([-‐‑])\s*\n\s*")
_SPACE = re.compile(r"\s+")
_TERMINAL = re.compile(r"[.!?:;][\"'”’»)\]]*$")
# A sentence continued across passages is joined at most up to this length: text without sentence
# punctuation would otherwise grow one "sentence" over the whole document and be normalised again at
# every passage (cost: the square of the text's length). Real sentences are far shorter.
MAX_SENTENCE_CHARS = 2000


def normalise(text: str) -> str:
    rules = register_rules()
    text = _BROKEN_WORD.sub("", text)
    text = _HYPHEN_BREAK.sub(r"\1", text)
    for marker in rules.footnote_markers:
        text = marker.sub("", text)
    for pattern, replacement in rules.ocr_fixes:
        text = pattern.sub(replacement, text)
    return _SPACE.sub(" ", text).strip()


@dataclass
class Sentence:
    text: str  # normalised
    passage: Passage
    index: int  # position of its passage among the document's body passages; -1 for footnotes
    offset: int  # character offset in its passage
    footnote: bool
    also: list[Passage] = field(default_factory=list)  # other passages holding it (chunk overlap, continuation)

    @property
    def passages(self) -> list[Passage]:
        return [self.passage, *self.also]


@dataclass
class DocumentText:
    doc_id: str
    date: str | None
    body: list[Passage]
    sentences: list[Sentence]  # body sentences in reading order, then footnote sentences


def order_key(p: Passage) -> tuple[int, int, int]:
    return (p.ordinal, p.page, p.start)


def is_footnote(p: Passage) -> bool:
    return p.kind == "footnote"


def document_text(passages: list[Passage]) -> DocumentText:
    """Sentences of one document. A sentence cut by a passage boundary is joined with its continuation;
    a sentence repeated by chunk overlap is kept once."""
    ordered = sorted(passages, key=order_key)
    body = [p for p in ordered if not is_footnote(p)]
    notes = [p for p in ordered if is_footnote(p)]
    lead = register_rules().footnote_lead
    sentences: list[Sentence] = []
    seen: dict[str, Sentence] = {}

    def add(s: Sentence) -> None:
        if s.text in seen:
            seen[s.text].also.append(s.passage)
            return
        seen[s.text] = s
        sentences.append(s)

    pending: tuple[str, Sentence] | None = None  # raw text of an unfinished last sentence
    for index, p in enumerate(body):
        spans = split_sentences(p.text)
        for n, (a, b) in enumerate(spans):
            raw = p.text[a:b]
            if n == 0 and pending is not None:
                raw_before, first = pending
                pending = None
                if raw[:1].islower() or raw_before.rstrip().endswith(("-", "‐")):
                    joined = raw_before + "\n" + raw
                    if len(joined) <= MAX_SENTENCE_CHARS:
                        first.text = normalise(joined)
                        first.also.append(p)
                        if n == len(spans) - 1 and not _TERMINAL.search(first.text):
                            pending = (joined, first)
                        continue
            s = Sentence(normalise(raw), p, index, a, footnote=False)
            if not s.text:
                continue
            if n == len(spans) - 1 and not _TERMINAL.search(s.text):
                pending = (raw, s)
            add(s)
    for p in notes:
        text = lead.sub("", p.text, count=1)
        for a, b in split_sentences(text):
            s = Sentence(normalise(text[a:b]), p, -1, a, footnote=True)
            if s.text:
                add(s)
    return DocumentText(doc_id=passages[0].doc_id if passages else "", date=_doc_date(passages), body=body, sentences=sentences)


def _doc_date(passages: list[Passage]) -> str | None:
    for p in passages:
        if p.date:
            return p.date
    return None


def group_by_document(passages: list[Passage]) -> list[list[Passage]]:
    groups: dict[str, list[Passage]] = {}
    for p in passages:
        groups.setdefault(p.doc_id, []).append(p)
    return list(groups.values())


def date_sort_key(date: str | None) -> tuple[int, int, int]:
    """Documents without a date sort last."""
    if not date:
        return (9999, 99, 99)
    parts = [int(x) for x in re.findall(r"\d+", date)[:3]]
    while len(parts) < 3:
        parts.append(0)
    return (parts[0], parts[1], parts[2])
