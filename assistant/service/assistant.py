"""The assistant as its callers (CLI, web app, HTTP API, scripts) use it: search, ask, documents, register.

It receives every collaborator from the composition root (assistant/service/container.py).
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from assistant.answer.audit import AuditLog

from assistant.answer.citations import renumber_citations
from assistant.core.errors import InvalidQuestionError, UnknownDocumentError
from assistant.service.filter_input import FilterChoices
from assistant.core.model import Answer, Passage, ProgressFn, StoredDocument
from assistant.text.question import Question, QuestionAnalyzer
from assistant.retrieval.filters import SearchFilters
from assistant.retrieval.hybrid import PassageRetriever, SearchResult
from assistant.core.settings import Settings
from assistant.derived.glossary import GlossaryEntry
from assistant.service.knowledge_base import KnowledgeBase
from assistant.register.official import OfficialJoin
from assistant.core.model import RegisterItem
from assistant.core.model import TimelineEvent
from assistant.service.uploads import (
    SavedUpload, UploadLimits, UploadProgressFn, UploadResult, ingest_uploads, save_upload,
)
from assistant.text.analysis import DutchAnalyzer
from ingest.pipeline import IngestReport
from assistant.store.store import Store, StoreInfo

if TYPE_CHECKING:  # imported when used: the Kamer's HTTP clients cost every process that answers (0.1 s)
    from assistant.service.kamer_update import UpdateSummary


def refuse_if_unsupported(answer: Answer) -> Answer:
    """The last check before any answer leaves the assistant, whatever wrote it: an answer none of whose
    sentences the cited passages support is a refusal (the check results are kept for the audit log)."""
    if not answer.answered or answer.mode == "register" or not answer.sentences:
        return answer
    if any(s.supported for s in answer.sentences):
        return answer
    from assistant.text.vocabulary import phrases

    return replace(answer, text=phrases(answer.language).refusal, answered=False, citations=[])


class Answerer(Protocol):
    def answer(self, question: Question, passages: list[Passage]) -> Answer: ...


@runtime_checkable
class StreamingAnswerer(Answerer, Protocol):
    def stream(
        self, question: Question, passages: list[Passage], history: Sequence[tuple[str, str]]
    ) -> AnswerStream: ...


class AnswerStream(Protocol):
    """An answer being streamed by an LLM: its tokens as they arrive, then the checked answer."""

    def tokens(self) -> Iterator[str]: ...

    def result(self) -> Answer: ...


class AnswerFromRegister(Protocol):
    def __call__(self, question: Question) -> Answer | None: ...


History = Sequence[tuple[str, str]]  # previous (question, answer text) pairs, oldest first


class AnswerInProgress:
    """An answer being written: iterate `tokens()` to show text as it arrives, then `result()`.

    In LLM mode the tokens stream from the model; in extractive mode the whole answer is one token.
    `passages` (what retrieval found) are known before the first token.
    """

    def __init__(self, passages: list[Passage], tokens: Iterator[str], finish: Callable[[], Answer]) -> None:
        self.passages = passages
        self._tokens = tokens
        self._finish = finish
        self._answer: Answer | None = None

    def tokens(self) -> Iterator[str]:
        yield from self._tokens

    def result(self) -> Answer:
        if self._answer is None:
            for _ in self._tokens:
                pass
            self._answer = self._finish()
        return self._answer


class Assistant:
    def __init__(
        self,
        *,
        settings: Settings,
        store: Store,
        knowledge: KnowledgeBase,
        retriever: PassageRetriever,
        answerer: Answerer,
        analyse: QuestionAnalyzer,
        resolve_followup: Callable[[str, list[tuple[str, str]]], str],
        audit: AuditLog | None = None,
        register_answerer: AnswerFromRegister | None = None,
        model_name: str | None = None,
        store_lock: threading.RLock | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.knowledge = knowledge  # the register, timeline and ingest, shared with the CLI's commands
        self.retriever = retriever
        self.answerer = answerer
        self.analyse = analyse
        self._resolve_followup = resolve_followup
        self._audit = audit
        self._register_answerer = register_answerer
        self.model_name = model_name
        # Callers that serve several threads (the HTTP API) hold it around every operation: an ingest replaces
        # rows a question reads, and the store's text analysis (PyStemmer) is not thread-safe.
        self.store_lock = store_lock or threading.RLock()

    # --- guards -------------------------------------------------------------------------
    def _check_question(self, question: str) -> str:
        text = (question or "").strip()
        if not text:
            raise InvalidQuestionError("the question is empty: type a question")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate (e.g. "\ud800" in JSON): nothing can store or show it
            raise InvalidQuestionError(
                f"the question holds a character that is not valid Unicode text (position {exc.start}): "
                "remove it or retype the question"
            ) from exc
        if len(text) > self.settings.max_question_chars:
            raise InvalidQuestionError(
                f"the question is {len(text)} characters long; the limit is {self.settings.max_question_chars} "
                "(IMVO_MAX_QUESTION_CHARS): ask a shorter question"
            )
        return text

    # --- operations -------------------------------------------------------------------
    def info(self) -> StoreInfo:
        return self.store.info()

    def search(self, query: str, k: int | None = None, filters: SearchFilters | None = None) -> SearchResult:
        query = self._check_question(query)
        self.store.require_ready()
        return self.retriever.search(self.analyse(query), k=k, filters=filters)

    def _analysed(self, question: str, history: History) -> Question:
        """The question made standalone from the chat so far, in the language of the new question: a
        follow-up borrows the earlier turn's subject, never its language."""
        query = self._resolve_followup(question, list(history))
        language = self.analyse.lexicon.detect_language(question)
        return self.analyse(query, language=language)

    def ask(self, question: str, history: History = (), filters: SearchFilters | None = None) -> Answer:
        question = self._check_question(question)
        self.store.require_ready()
        started = time.perf_counter()
        analysed = self._analysed(question, history)
        query = analysed.text
        answer = None
        if self._register_answerer is not None:
            answer = self._register_answerer(analysed)
        t0 = time.perf_counter()
        if answer is None:
            result = self.retriever.search(analysed, filters=filters)
            t1 = time.perf_counter()
            answer = self.answerer.answer(analysed, result.passages)
            answer.timings_ms.update({f"search_{k}": v for k, v in result.timings_ms.items()})
            answer.timings_ms["search"] = (t1 - t0) * 1000
            answer.timings_ms["answer"] = (time.perf_counter() - t1) * 1000
        return self._finish(answer, question, query, started)

    def ask_streaming(
        self, question: str, history: History = (), filters: SearchFilters | None = None
    ) -> AnswerInProgress:
        """Like `ask`, but the LLM's tokens can be shown while they arrive."""
        question = self._check_question(question)
        self.store.require_ready()
        analysed = self._analysed(question, history)
        query = analysed.text
        register_answer = self._register_answerer(analysed) if self._register_answerer else None
        if not isinstance(self.answerer, StreamingAnswerer) or register_answer is not None:
            answer = self.ask(question, history, filters) if register_answer is None else self._finish(
                register_answer, question, query, time.perf_counter()
            )
            return AnswerInProgress(answer.passages, iter([answer.text]), lambda: answer)
        started = time.perf_counter()
        result = self.retriever.search(analysed, filters=filters)
        search_ms = (time.perf_counter() - started) * 1000
        stream = self.answerer.stream(analysed, result.passages, list(history))

        def finish() -> Answer:
            answer = stream.result()
            answer.timings_ms["search"] = search_ms
            return self._finish(answer, question, query, started)

        return AnswerInProgress(result.passages, stream.tokens(), finish)

    def _finish(self, answer: Answer, question: str, query: str, started: float) -> Answer:
        answer = refuse_if_unsupported(answer)
        renumber_citations(answer)
        answer.question = question
        answer.rewritten_query = query if query != question else None
        answer.timings_ms["total"] = (time.perf_counter() - started) * 1000
        if self._audit is not None:
            self._audit.append(answer, settings_summary=self.settings_summary())
        return answer

    # --- documents, register, ingest (the HTTP API's reading and writing routes) -------------
    def documents(self) -> list[StoredDocument]:
        """The stored documents, oldest first (undated last)."""
        return sorted(self.store.db.documents(), key=lambda d: (d.metadata.date or "9999", d.metadata.title))

    def document(self, doc_id: str) -> StoredDocument:
        document = self.store.db.document(doc_id)
        if document is None:
            raise UnknownDocumentError(doc_id)
        return document

    def document_text(self, doc_id: str) -> tuple[str, list[tuple[int, int]]] | None:
        """The document's clean text and (offset, page) starts; None when the store has no text for it."""
        self.document(doc_id)
        return self.store.db.clean_text(doc_id)

    def filter_choices(self) -> FilterChoices:
        documents = self.store.db.documents()
        return FilterChoices(frozenset(d.metadata.doc_type for d in documents), frozenset(d.doc_id for d in documents))

    def motions(self, only_open: bool = False) -> list[RegisterItem]:
        return self.knowledge.motions(only_open)

    def official_record(self) -> OfficialJoin:
        """The Kamer's own record of the motions (empty until `imvo sync motions`)."""
        return self.knowledge.official_record()

    def timeline(self) -> list[TimelineEvent]:
        return self.knowledge.timeline()

    def glossary(self) -> list[GlossaryEntry]:
        return self.knowledge.glossary()

    def upload_limits(self) -> UploadLimits:
        return UploadLimits.from_settings(self.settings)

    def add_document(self, name: str, data: bytes) -> UploadResult:
        """Save an uploaded file under a safe name in the uploads folder and ingest it (UploadError if
        refused); a file that fails or duplicates a stored document is deleted again."""
        saved = save_upload(self.settings.upload_dir, name, data, self.upload_limits())
        return ingest_uploads(self.store, [saved], self.settings)

    def ingest(self, paths: Sequence[Path] | None = None) -> IngestReport:
        """Incremental ingest of `paths` (default: the corpus folder), as `imvo ingest`."""
        return self.knowledge.ingest(list(paths or [self.settings.corpus_dir]))

    def settings_summary(self) -> dict[str, Any]:
        s = self.settings
        return {
            "answer_mode": s.answer_mode,
            "llm": s.llm,
            "embedding_model": s.embedding_model,
            "dense_weight": s.effective_dense_weight,
            "bm25_weight": s.bm25_weight,
            "top_k": s.top_k,
        }

    # --- what the web pages read and change through the service instead of the store ---------------
    # Short bodies on purpose: each delegates to what the store or another service module does today.
    def is_empty(self) -> bool:
        """No passages stored yet: the chat shows how to add documents instead of a question box."""
        return self.store.is_empty()

    def passages(self, chunk_ids: Sequence[str] | None = None) -> list[Passage]:
        """The stored passages with these ids, in that order (ids no longer stored are left out); all of
        them without ids."""
        return self.store.passages(chunk_ids)

    def text_analyzer(self) -> DutchAnalyzer:
        """The index's own word analysis (stems, compound parts), so that a page marks in a passage the
        words retrieval matched. Not thread-safe: hold `store_lock` when other threads may use it too."""
        return self.store.lexical().analyzer

    def warm_up(self) -> None:
        """Open the indexes now, and load the embedding model when questions use the dense leg (not with the
        bundled English model), so that the first question does not wait for them."""
        self.store.lexical()
        if self.settings.effective_dense_weight > 0:
            self.store.dense_search("warm-up", 1)

    def ingest_uploads(self, saved: Sequence[SavedUpload], progress: UploadProgressFn | None = None) -> UploadResult:
        """Ingest files saved with `save_upload` (in a worker process) and report on each of them."""
        return ingest_uploads(self.store, list(saved), self.settings, progress=progress)

    def update_dossier(self, dossier: str, progress: ProgressFn | None = None) -> UpdateSummary:
        """Fetch the dossier's new Kamerstukken, ingest them and sync its motions (service/kamer_update.py)."""
        from assistant.service.kamer_update import update_dossier

        return update_dossier(self.store, self.settings, dossier, progress=progress)
