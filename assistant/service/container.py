"""Composition root: the only place that turns settings into collaborators.

It builds every model and component (the embedding model included) and hands each the part of the
settings it needs; everything else receives its collaborators as arguments.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from assistant.components.embeddings import EmbeddingModel, LazyEmbeddings, build_embeddings, lazy_embeddings
from assistant.core.settings import Settings
from assistant.derived.data import DerivedData
from assistant.service.knowledge_base import KnowledgeBase
from assistant.store.store import Store

if TYPE_CHECKING:  # built lazily below: a command that answers nothing imports none of them
    from langchain_core.language_models import BaseChatModel

    from assistant.retrieval.hybrid import HybridRetriever, Reranker
    from assistant.service.assistant import Assistant
    from assistant.text.question import QuestionAnalyzer


def build_embedding_model(settings: Settings) -> EmbeddingModel:
    """The configured embedding model, loaded now (ConfigurationError when it cannot load)."""
    return build_embeddings(settings.embedding)


def build_store(settings: Settings, *, embeddings: EmbeddingModel | None = None) -> Store:
    """The store with the configured embedding model (loaded on first use), or with `embeddings` (tests,
    benchmarks, a rebuild that loaded the model first)."""
    model = lazy_embeddings(settings.embedding) if embeddings is None else LazyEmbeddings(
        embeddings.model_id, lambda: embeddings
    )
    return Store(settings.store, model)


def build_derived(settings: Settings, store: Store) -> DerivedData:
    from assistant.text.lexicon import load_lexicon

    return DerivedData(store, settings.upload_dir, load_lexicon())


@contextmanager
def open_knowledge_base(settings: Settings) -> Iterator[KnowledgeBase]:
    """The stored documents without the answering models, for commands that answer nothing (ingest,
    check, motions, timeline, Kamer updates); its store is opened when first needed and closed after."""
    with KnowledgeBase(settings, lambda: build_store(settings), lambda store: build_derived(settings, store)) as kb:
        yield kb


def build_reranker(settings: Settings) -> Reranker | None:
    match settings.reranker:
        case "none":
            return None
        case "cross-encoder":
            from assistant.components.rerank import CrossEncoderReranker

            return CrossEncoderReranker(settings.reranker_model, settings.embedding_device)
    raise AssertionError(settings.reranker)  # Literal: no other value passes validation


def build_question_analyzer(store: Store, store_lock: threading.RLock | None = None) -> QuestionAnalyzer:
    """The one analysis every question gets (language, words, stems, type, expansions)."""
    from assistant.answer.translation import lexicon_translator
    from assistant.text.lexicon import load_lexicon
    from assistant.text.question import QuestionAnalyzer

    lexicon = load_lexicon()
    store_lock = store_lock or threading.RLock()

    def tokenize(text: str) -> list[str]:
        # Under the lock: an LLM answer's citation check runs after the stream, outside the caller's lock.
        with store_lock:
            return store.lexical().analyzer.analyze(text)

    return QuestionAnalyzer(tokenize, lexicon, lexicon_translator(lexicon))


def build_retriever(settings: Settings, store: Store) -> HybridRetriever:
    from assistant.retrieval.hybrid import HybridRetriever
    from assistant.text.lexicon import load_lexicon

    return HybridRetriever(store, load_lexicon(), settings.retrieval, reranker=build_reranker(settings))


def build_assistant(
    settings: Settings, *, store: Store | None = None, chat_model: BaseChatModel | None = None
) -> Assistant:
    """The assistant for these settings. `chat_model` overrides the configured LLM (tests, notebooks)."""
    from assistant.answer.audit import AuditLog
    from assistant.answer.followup import resolve_followup
    from assistant.register import answer_from_register
    from assistant.register.official import OfficialSource
    from assistant.service.assistant import Assistant

    store = store or build_store(settings)
    store.check_model()
    derived = build_derived(settings, store)
    store_lock = threading.RLock()
    analyse = build_question_analyzer(store, store_lock)
    tokenize, translate = analyse.tokenize, analyse.translate

    official = OfficialSource(store.dir)

    def from_register(question):
        return answer_from_register(question.text, derived.register(), question.language, official.current())

    retriever = build_retriever(settings, store)
    model_name: str | None = None
    followup = resolve_followup
    match settings.answer_mode:
        case "extractive":
            from assistant.answer.answer_model import answer_model_for
            from assistant.answer.extractive import ExtractiveAnswerer

            model = answer_model_for(settings.embedding_model, settings.effective_dense_weight > 0)
            if settings.answer_threshold is not None:
                selection = model.selection.model_copy(update={"answer_threshold": settings.answer_threshold})
                model = model.model_copy(update={"selection": selection})
            answerer = ExtractiveAnswerer(tokenize, model, support_threshold=settings.support_threshold, translate=translate)
        case "llm":
            from assistant.answer.llm import LLMAnswerer, build_chat_model, rewrite_followup

            chat_model = chat_model or build_chat_model(settings.llm_server)
            model_name = settings.llm or type(chat_model).__name__
            answerer = LLMAnswerer(
                chat_model, tokenize, support_threshold=settings.support_threshold, model_name=model_name,
                translate=translate,
            )

            def followup(question: str, history: list[tuple[str, str]]) -> str:
                return rewrite_followup(chat_model, history, question) if history else question

    audit = AuditLog(
        store.dir / "audit.jsonl", questions=settings.audit_questions,
        max_bytes=int(settings.audit_max_mb * 1024 * 1024), backups=settings.audit_backups,
    ) if settings.audit_log else None
    return Assistant(
        settings=settings,
        store=store,
        knowledge=KnowledgeBase(settings, lambda: store, lambda _store: derived),
        retriever=retriever,
        answerer=answerer,
        analyse=analyse,
        resolve_followup=followup,
        audit=audit,
        register_answerer=from_register,
        model_name=model_name,
        store_lock=store_lock,
    )
