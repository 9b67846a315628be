"""Error types with messages that tell the user what to do. Translated to exit codes / st.error at the edges."""


class ImvoError(Exception):
    """Base class; `exit_code` is what the CLI returns."""

    exit_code = 2


class _AboutOne:
    """Mixin for an error about one thing (a file, an upload, a filter field): the message is "<it>: <reason>",
    `reason` alone is what a page or a report shows beside the thing, and the thing is kept under the
    attribute that `_about` names."""

    _about = "about"

    def __init__(self, about: object, reason: str, *, where: str | None = None) -> None:
        setattr(self, self._about, about)
        self.reason = reason
        super().__init__(f"{where or about}: {reason}")


class ConfigurationError(ImvoError):
    """A setting is wrong or a needed package/model is missing."""


class EmptyStoreError(ImvoError):
    def __init__(self, store_dir: object) -> None:
        super().__init__(f"no documents ingested yet in {store_dir}: run `imvo ingest` (or `make run`) first")


class ModelMismatchError(ImvoError):
    def __init__(self, store_model: str, configured: str, store_dir: object) -> None:
        super().__init__(
            f"the store in {store_dir} was built with embedding model {store_model!r}, "
            f"but {configured!r} is configured: re-ingest with `imvo ingest --rebuild` "
            f"or set IMVO_EMBEDDING_MODEL={store_model}"
        )


class InvalidQuestionError(ImvoError):
    """Empty or overlong question."""


class LLMUnavailableError(ImvoError):
    """The LLM server could not be reached or answered with an error."""

    exit_code = 3  # EXIT_LLM


class IngestFileError(_AboutOne, ImvoError):
    """One file could not be ingested (`path`); the message is the one-line reason shown to the user."""

    path: object
    _about = "path"


class DataFileError(_AboutOne, ConfigurationError):
    """A data file (word list, lexicon, saved analyzer) is missing or malformed; the message names it (`path`)."""

    path: object
    _about = "path"


class EvalFileError(_AboutOne, ImvoError):
    """An evaluation question file is missing or has a bad line; `line` is 1-based, None for the whole file."""

    path: object
    _about = "path"

    def __init__(self, path: object, reason: str, line: int | None = None) -> None:
        self.line = line
        super().__init__(path, reason, where=f"{path}, line {line}" if line is not None else None)


class UploadError(_AboutOne, ImvoError):
    """An uploaded file (`name`) was refused before ingestion (type, size, name); the message says what to do."""

    name: str
    _about = "name"


# Exit codes of the CLI (`imvo`), in one place. 1 is what Python itself returns for an unhandled crash,
# so "some files failed" has its own code and `make run` can tell the two apart.
EXIT_OK = 0
EXIT_CRASH = 1
EXIT_USAGE = 2
EXIT_LLM = 3
EXIT_SOME_FILES_FAILED = 4
EXIT_STORE_BUSY = 5
EXIT_STORE_DAMAGED = 6
EXIT_NETWORK = 7  # `imvo fetch` / `imvo sync`: a service of the Kamer could not be used; nothing changed


class StoreBusyError(ImvoError):
    """Another process is writing to the store and did not finish within the lock timeout."""

    exit_code = EXIT_STORE_BUSY

    def __init__(self, store_dir: object, holder: str, waited_s: float) -> None:
        self.holder = holder
        super().__init__(
            f"another ingest is writing to {store_dir} ({holder}); waited {waited_s:g} s: try again when it is done, "
            f"or raise IMVO_LOCK_TIMEOUT_S to wait longer"
        )


class StoreDamagedError(ImvoError):
    """A store file is unreadable or the disk refused a write; the message names the file and the fix."""

    exit_code = EXIT_STORE_DAMAGED

    def __init__(self, path: object, reason: str, fix: str = "run `imvo ingest --rebuild`") -> None:
        self.path = path
        super().__init__(f"{path}: {reason}: {fix}")


class StoreInconsistentError(ImvoError):
    """`imvo check` found SQLite, Chroma and BM25 out of step."""

    exit_code = EXIT_STORE_DAMAGED


class NetworkUnavailableError(ImvoError):
    """A service of the Kamer could not be reached (no network, DNS, refused, timed out): nothing was changed."""

    exit_code = EXIT_NETWORK


class RemoteServiceError(ImvoError):
    """A service of the Kamer answered, but not usably (an error status, a cut-off or malformed body)."""

    exit_code = EXIT_NETWORK


class InvalidFilterError(_AboutOne, ImvoError):
    """A search filter is malformed or names something the store does not have; `field` is its name
    (the CLI option without dashes, the API's JSON field)."""

    field: str
    _about = "field"


class UnknownDocumentError(ImvoError):
    """No stored document has this id."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        super().__init__(f"no document with id {doc_id!r}: list the ids with `imvo documents`")
