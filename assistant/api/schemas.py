"""Request and response bodies of the HTTP API.

Responses are the presenters' dicts (the `imvo … --json` contract) described as pydantic models for the
OpenAPI page. They allow extra fields, so a field a presenter gains reaches API clients unchanged.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

# The service refuses questions over IMVO_MAX_QUESTION_CHARS with a clear message; this bound only keeps
# absurd bodies from being parsed at all.
BODY_TEXT_LIMIT = 100_000


class Filters(BaseModel):
    """Search filters, named as the CLI's options (`--type`, `--from`, `--to`, `--doc`, `--kamerstuk`)."""

    model_config = ConfigDict(extra="forbid")

    type: list[str] = Field(default_factory=list, description="Only these document types (e.g. 'Kamerbrief').")
    from_: str | None = Field(None, alias="from", description="Only documents dated on/after: YYYY[-MM[-DD]].")
    to: str | None = Field(None, description="Only documents dated on/before: YYYY[-MM[-DD]].")
    doc: list[str] = Field(default_factory=list, description="Only these document ids (see GET /documents).")
    kamerstuk: str | None = Field(None, description="Only passages citing this Kamerstuk, e.g. '26485-341'.")


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(..., max_length=BODY_TEXT_LIMIT)
    answer: str = Field(..., max_length=BODY_TEXT_LIMIT)


class AskRequest(Filters):
    question: str = Field(..., max_length=BODY_TEXT_LIMIT, description="The question, in Dutch or English.")
    history: list[Turn] = Field(
        default_factory=list, max_length=20, description="Earlier turns of the conversation, oldest first, for follow-ups."
    )


class SearchRequest(Filters):
    query: str = Field(..., max_length=BODY_TEXT_LIMIT, description="What to search for.")
    k: int = Field(5, ge=1, le=100, description="How many passages.")


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class KamerstukLink(_Open):
    id: str
    url: str


class PassageOut(_Open):
    """Where a passage stands and what it says: the part search hits and citations share."""

    chunk_id: str
    doc_id: str
    title: str
    source: str
    page: int
    text: str


class SearchHit(PassageOut):
    rank: int
    score: float
    kamerstuk_refs: list[KamerstukLink]


class SearchResponse(_Open):
    query: str
    results: list[SearchHit]


class CitationOut(PassageOut):
    n: int
    supported: bool


class SentenceOut(_Open):
    text: str
    citations: list[int]
    support: float
    supported: bool


class AnswerResponse(_Open):
    question: str
    answer: str
    answered: bool
    mode: str
    language: str
    rewritten_query: str | None
    citations: list[CitationOut]
    sentences: list[SentenceOut]
    timings_ms: dict[str, float]


class DocumentOut(_Open):
    doc_id: str
    title: str
    doc_type: str
    date: str | None
    senders: list[str]
    addressee: str | None
    kamerstuk: str | None
    kamerstuk_url: str | None
    kamerstuk_refs: list[str]
    summary: str | None
    source: str
    pages: int
    passages: int
    ingested_at: str


class DocumentsResponse(_Open):
    documents: list[DocumentOut]


class PageStart(_Open):
    offset: int
    page: int


class DocumentDetail(DocumentOut):
    text: str | None = Field(description="The document's clean text; null when the store has none.")
    page_starts: list[PageStart]


class RegisterItemOut(_Open):
    kind: str
    kamerstuk: str | None
    url: str | None
    members: list[str]
    date: str | None
    debate: str | None
    subject: str | None
    status: str
    execution: str
    open: bool | None
    evidence: list[dict[str, Any]]


class MotionsResponse(_Open):
    items: list[RegisterItemOut]


class TimelineEventOut(_Open):
    date: str
    precision: str
    label: str
    kind: str
    planned: bool
    doc_id: str
    title: str
    source: str
    page: int
    chunk_id: str
    text: str
    quote: str


class TimelineResponse(_Open):
    events: list[TimelineEventOut]


class FileOutcomeOut(_Open):
    source: str
    status: str
    detail: str
    pages: int
    passages: int


class IngestResponse(_Open):
    files: list[FileOutcomeOut]
    counts: dict[str, int]
    embedded_passages: int
    seconds: float


class UploadResponse(_Open):
    file: str = Field(description="The name the client sent.")
    stored_as: str | None = Field(description="The file's name in the uploads folder; null when it was deleted again.")
    source: str | None = Field(description="Its path as the store records it (relative to the ingested folder).")
    doc_id: str | None = Field(description="The stored document's id (GET /documents/{doc_id}); null if not stored.")
    status: str = Field(description="ingested, unchanged or duplicate (failed uploads get a 422 error).")
    detail: str
    ingest: IngestResponse


class HealthResponse(_Open):
    status: str
    documents: int
    passages: int
    embedding_model: str | None
    last_ingest: str | None
    answer_mode: str


class FieldError(BaseModel):
    field: str | None
    message: str


class ErrorResponse(BaseModel):
    error: str = Field(description="What went wrong and what to do.")
    field: str | None = Field(description="The request field (body, query or header) at fault, if one is.")
    errors: list[FieldError] = Field(default_factory=list, description="Every invalid field, for validation errors.")
