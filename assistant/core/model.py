"""The domain model: documents, passages, answers and citations as plain values.

Ingest makes `DocumentMetadata` and `Chunk`s, the store keeps them and returns `Passage`s (a chunk with
its document's fields), retrieval ranks passages, the answerers write `Answer`s that cite them, and the
CLI, the web app, the HTTP API and the audit log only render these. The register (assistant/register/)
builds register items and timeline events from passages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, TypeVar

Language = Literal["nl", "en"]
PassageKind = Literal["heading", "paragraph", "list_item", "footnote", "signature"]
# (stage, done, total): how a long operation (ingest, fetch, sync, upload) reports where it is.
ProgressFn = Callable[[str, int, int], None]


@dataclass
class DocumentMetadata:
    doc_id: str
    title: str
    doc_type: str  # Kamerbrief, brief aan Kamerleden, brief aan minister, SER-notitie, ... or "onbekend"
    date: str | None = None  # ISO date, or YYYY-MM / YYYY when that is all the text tells
    date_basis: str | None = None  # how the date was determined
    senders: list[str] = field(default_factory=list)
    addressee: str | None = None
    kamerstuk: str | None = None  # this document's own number, normalised "26485-212"
    kamerstuk_refs: list[str] = field(default_factory=list)  # every reference in the text, normalised
    source: str = ""  # path relative to the corpus folder
    source_url: str | None = None  # where the document was published (an official publication's page)
    summary: str | None = None
    original_name: str | None = None  # the file's earlier name (e.g. the seed name the eval set uses)
    notes: str | None = None
    extracted: bool = True  # False when the curated metadata file supplied the fields


@dataclass(kw_only=True)
class Chunk:
    """A passage of one document as ingest cuts it and the store keeps it."""

    chunk_id: str
    doc_id: str
    text: str
    page: int
    kind: PassageKind = "paragraph"  # kind of its first block; "footnote" for footnote passages
    page_label: str | None = None
    heading: str | None = None  # the section heading it falls under
    start: int = 0  # offsets into the document's clean text
    end: int = 0
    kamerstuk_refs: list[str] = field(default_factory=list)
    content_hash: str = ""
    ordinal: int = 0  # position in the document
    footnote_of: str | None = None  # for footnote passages: the chunk id of the passage citing it

    def indexed_text(self, title: str) -> str:
        """What the embedder and BM25 see: title, section heading and structure label give context."""
        label = _KIND_LABELS.get(self.kind, "")
        header = " — ".join(part for part in (title.strip(), self.heading or "", label) if part)
        return f"{header}\n{self.text}" if header else self.text


# Names for structure that the text itself does not say: a question about who signed a letter must
# find the passage with its signature, which rarely contains the word.
_KIND_LABELS = {"signature": "Ondertekening (ondertekend door)", "footnote": "Voetnoot"}


@dataclass(kw_only=True)
class Passage(Chunk):
    """A stored chunk with its document's metadata; `score` is set by whoever ranked it."""

    title: str
    doc_type: str
    date: str | None
    source: str  # path of the document relative to its corpus folder
    score: float = 0.0
    # what each retrieval leg said about it: "dense" (cosine similarity), "bm25" (score relative to the
    # best hit), "dense_rank"/"bm25_rank" (1-based; absent when the leg did not return it)
    signals: dict[str, float] = field(default_factory=dict)

    def indexed(self) -> str:
        return self.indexed_text(self.title)

    def reference(self) -> dict[str, Any]:
        """Where the passage stands and what it says, as every JSON output cites it (CLI, API, register)."""
        return {"chunk_id": self.chunk_id, "doc_id": self.doc_id, "title": self.title, "source": self.source,
                "page": self.page, "text": self.text}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class StoredDocument:
    doc_id: str
    path: str
    source: str
    fingerprint: str
    content_hash: str
    metadata: DocumentMetadata
    pages: int
    ingested_at: str
    chunks: int = 0


@dataclass
class DocumentUpdate:
    """Everything that replaces one document's rows."""

    metadata: DocumentMetadata
    path: str
    fingerprint: str
    content_hash: str
    pages: int
    chunks: list[Chunk]
    clean_text: str
    page_starts: list[tuple[int, int]]  # (offset in clean_text, page number)
    warnings: list[str] = field(default_factory=list)


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
    language: Language
    sentences: list[AnswerSentence] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)  # what retrieval returned, in rank order
    rewritten_query: str | None = None
    model: str | None = None
    prompt_version: str | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)
    evidence_strength: float | None = None  # extractive mode: how well the best passage sentence covers the question, 0..1

    @classmethod
    def cited(cls, question: str, text: str, mode: Literal["extractive", "llm", "register"], language: Language,
              sentences: list[AnswerSentence], citations: list[Citation], passages: list[Passage] | None = None,
              **trace: Any) -> Answer:
        """An answer given, as its citation check left it: every mode builds it alike. `passages` defaults to
        the cited ones; `trace` holds the mode's own fields (model, prompt_version, timings_ms, ...)."""
        shown = list(passages) if passages is not None else [c.passage for c in citations]
        return cls(question=question, text=text, answered=True, mode=mode, language=language, sentences=sentences,
                   citations=citations, passages=shown, **trace)


# --- the register and the timeline (built from passages by assistant/register/) ------------------------
KAMERSTUK_URL = "https://zoek.officielebekendmakingen.nl/kst-{id}.html"  # id: "26485-212", "34550-XVII-5"
T = TypeVar("T")


def _from_dict(cls: type[T], data: dict[str, Any], required: set[str], what: str) -> T:
    """A saved item read back: fields it does not know (from a newer version) are ignored."""
    missing = required - set(data)
    if missing:
        raise ValueError(f"{what} lacks {sorted(missing)}")
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class RegisterItem:
    """A motion, commitment or bill of the register, with the passages behind its state."""

    id: str
    kind: str  # motie | toezegging | initiatiefwetsvoorstel
    kamerstuk: str | None  # "26485-341"
    members: list[str]  # submitters, or the member of government who made the commitment
    date: str | None  # when made/adopted, ISO as precise as the text ("2020-12")
    debate: str | None
    subject: str | None
    status: str = "onbekend"  # aangenomen, verworpen, aangehouden, ingetrokken, ingediend, gedaan, aangekondigd, ...
    execution: str = "onbekend"  # uitgevoerd | twijfel | onbekend
    open: bool | None = None
    status_inferred: bool = False  # status follows from a report of execution, not from an explicit statement
    contradicted: bool = False  # "tegenstrijdig": a source of lower authority says otherwise (marked in evidence)
    evidence: list[dict[str, Any]] = field(default_factory=list)  # passages behind status and execution
    mentions: list[dict[str, Any]] = field(default_factory=list)  # every passage that mentions the item
    part: int | None = None  # n-th of several items named together ("twee moties van de leden ...")

    @property
    def url(self) -> str | None:
        return KAMERSTUK_URL.format(id=self.kamerstuk) if self.kamerstuk else None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RegisterItem:
        return _from_dict(cls, data, {"id", "kind", "kamerstuk", "members", "date", "debate", "subject"}, "item")


@dataclass
class TimelineEvent:
    """A dated event a passage reports or announces (a report, a covenant, a motion, a conference)."""

    date: str  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day | month | year
    label: str  # one line
    kind: str  # rapport, convenant, motie, conferentie, bijeenkomst, wetgeving, overig
    planned: bool  # lies after the document's date or is announced as coming
    doc_id: str
    title: str
    source: str
    page: int
    chunk_id: str
    text: str  # the passage
    quote: str  # the sentence that dates the event
    doc_date: str | None = None
    also_in: list[dict[str, Any]] = field(default_factory=list)  # the same event in other passages

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimelineEvent:
        return _from_dict(cls, data, {"date", "precision", "label", "kind", "doc_id", "chunk_id"}, "event")
