"""Data the assistant hands to its callers: passages, answers and citations as plain values.

The CLI, the web app and the audit log only render these.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

# The languages a question, an answer or a document text is read in.
Language = Literal["nl", "en"]


@dataclass
class Passage:
    """A stored chunk with its document's metadata; `score` is set by whoever ranked it."""

    chunk_id: str
    doc_id: str
    text: str
    title: str
    doc_type: str
    date: str | None
    source: str  # path of the document relative to its corpus folder
    page: int
    page_label: str | None = None
    heading: str | None = None
    kind: str = "paragraph"
    start: int = 0
    end: int = 0
    kamerstuk_refs: list[str] = field(default_factory=list)
    content_hash: str = ""
    ordinal: int = 0
    footnote_of: str | None = None  # for footnote passages: the chunk id of the passage citing it
    score: float = 0.0
    # what each retrieval leg said about it: "dense" (cosine similarity), "bm25" (score relative to the
    # best hit), "dense_rank"/"bm25_rank" (1-based; absent when the leg did not return it)
    signals: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Citation:
    """Passage number `n` as the answer's [n] marks refer to it."""

    n: int
    passage: Passage
    supported: bool  # at least one sentence citing it is supported by it
    sentences: list[str] = field(default_factory=list)  # sentences of the passage the answer used / that matched


@dataclass
class AnswerSentence:
    text: str  # without the [n] marks
    citations: list[int]  # the n's it cites, after removal of citations to passages that do not exist
    support: float  # best lexical support score against its cited passages, 0..1
    supported: bool


@dataclass
class Answer:
    question: str
    text: str  # rendered answer with [n] marks (or the refusal text)
    answered: bool
    mode: Literal["extractive", "llm", "register"]
    language: Literal["nl", "en"]
    sentences: list[AnswerSentence] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)  # what retrieval returned, in rank order
    rewritten_query: str | None = None
    model: str | None = None
    prompt_version: str | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)
    evidence_strength: float | None = None  # extractive mode: how well the best passage sentence covers the question, 0..1
