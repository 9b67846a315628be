"""SQLite table of documents and passages: the store's source of truth and its commit point.

A document is "in" the store exactly when its rows are here. Chroma and the BM25 index are derived
from these rows; the `generation` counter, bumped in the same transaction as every change, lets the
BM25 index tell whether it is current.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from assistant.core.errors import StoreDamagedError
from assistant.core.model import DocumentMetadata, DocumentUpdate, Passage, StoredDocument

SCHEMA_VERSION = 1


def store_error(path: Path, exc: sqlite3.Error) -> StoreDamagedError:
    """One actionable line for a failing SQLite file: a full disk, or a damaged file."""
    text = str(exc)
    if any(s in text.lower() for s in ("disk is full", "disk i/o", "no space")):
        return StoreDamagedError(path, f"the disk refused a write ({text})", "free disk space, then run `imvo check`")
    if "locked" in text.lower():
        return StoreDamagedError(path, f"is locked by another process ({text})", "try again in a moment")
    return StoreDamagedError(
        path, f"is not a readable database ({text})",
        "run `imvo ingest --rebuild` (it moves the damaged file aside and builds the store again)",
    )

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    source TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    metadata TEXT NOT NULL,
    pages INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    page INTEGER NOT NULL,
    page_label TEXT,
    heading TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kamerstuk_refs TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    footnote_of TEXT
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id, ordinal);
CREATE TABLE IF NOT EXISTS clean_texts (
    doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    pages TEXT NOT NULL
);
"""


class PassageDB:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        try:
            self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._conn.executescript(_SCHEMA)
            self._conn.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        except sqlite3.Error as exc:
            raise store_error(path, exc) from exc

    def close(self) -> None:
        self._conn.close()

    # --- metadata of the store ----------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    @property
    def generation(self) -> int:
        return int(self.get_meta("generation") or 0)

    # --- writes ---------------------------------------------------------------------------
    def commit_changes(self, updates: Sequence[DocumentUpdate], removed: Iterable[str]) -> int:
        """Replace/insert `updates` and delete `removed` in one transaction; returns the new generation."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        cur = self._conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            for doc_id in removed:
                cur.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,))
            for update in updates:
                meta = update.metadata
                cur.execute("DELETE FROM documents WHERE doc_id=?", (meta.doc_id,))
                cur.execute(
                    "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?)",
                    (
                        meta.doc_id,
                        update.path,
                        meta.source,
                        update.fingerprint,
                        update.content_hash,
                        json.dumps(asdict(meta), ensure_ascii=False),
                        update.pages,
                        now,
                    ),
                )
                cur.executemany(
                    'INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)',
                    [
                        (
                            c.chunk_id, c.doc_id, c.ordinal, c.text, c.kind, c.page, c.page_label, c.heading,
                            c.start, c.end, json.dumps(c.kamerstuk_refs), c.content_hash, c.footnote_of,
                        )
                        for c in update.chunks
                    ],
                )
                cur.execute(
                    "INSERT INTO clean_texts VALUES (?,?,?)",
                    (meta.doc_id, update.clean_text, json.dumps(update.page_starts)),
                )
            generation = self.generation + 1
            cur.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', ?)", (str(generation),))
            cur.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('last_ingest', ?)", (now,))
            cur.execute("COMMIT")
        except BaseException as exc:
            try:
                cur.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the transaction is gone already (e.g. the disk failed)
            if isinstance(exc, sqlite3.Error):
                raise store_error(self.path, exc) from exc
            raise
        return generation

    # --- reads ----------------------------------------------------------------------------
    def documents(self) -> list[StoredDocument]:
        rows = self._conn.execute(
            "SELECT d.doc_id, d.path, d.source, d.fingerprint, d.content_hash, d.metadata, d.pages, d.ingested_at,"
            " (SELECT COUNT(*) FROM chunks c WHERE c.doc_id = d.doc_id) FROM documents d ORDER BY d.source"
        ).fetchall()
        return [
            StoredDocument(r[0], r[1], r[2], r[3], r[4], DocumentMetadata(**json.loads(r[5])), r[6], r[7], r[8])
            for r in rows
        ]

    def document(self, doc_id: str) -> StoredDocument | None:
        return next((d for d in self.documents() if d.doc_id == doc_id), None)

    def has_chunks(self) -> bool:
        return self._conn.execute("SELECT 1 FROM chunks LIMIT 1").fetchone() is not None

    def chunk_count(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]

    def all_chunk_ids(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT chunk_id FROM chunks ORDER BY doc_id, ordinal")]

    def catalog(self) -> list[Passage]:
        """Every passage without its text: enough to apply search filters."""
        rows = self._conn.execute(
            "SELECT c.chunk_id, c.doc_id, '', d.metadata, d.source, c.page, c.page_label, c.heading, c.kind,"
            ' c.start, c."end", c.kamerstuk_refs, c.content_hash, c.ordinal, c.footnote_of'
            " FROM chunks c JOIN documents d USING (doc_id)"
        )
        return [_to_passage(r) for r in rows]

    def clean_text(self, doc_id: str) -> tuple[str, list[tuple[int, int]]] | None:
        row = self._conn.execute("SELECT text, pages FROM clean_texts WHERE doc_id=?", (doc_id,)).fetchone()
        return (row[0], [tuple(p) for p in json.loads(row[1])]) if row else None

    def passages(self, chunk_ids: Sequence[str] | None = None, *, doc_id: str | None = None) -> list[Passage]:
        """Passages for the ids given (in that order, unknown ids dropped), for one document, or all."""
        sql = (
            "SELECT c.chunk_id, c.doc_id, c.text, d.metadata, d.source, c.page, c.page_label, c.heading, c.kind,"
            ' c.start, c."end", c.kamerstuk_refs, c.content_hash, c.ordinal, c.footnote_of'
            " FROM chunks c JOIN documents d USING (doc_id)"
        )
        if chunk_ids is not None:
            found: dict[str, Passage] = {}
            ids = list(chunk_ids)
            for i in range(0, len(ids), 900):  # SQLite's bound-parameter limit
                part = ids[i : i + 900]
                marks = ",".join("?" * len(part))
                for row in self._conn.execute(f"{sql} WHERE c.chunk_id IN ({marks})", part):
                    found[row[0]] = _to_passage(row)
            return [found[i] for i in ids if i in found]
        if doc_id is not None:
            rows = self._conn.execute(f"{sql} WHERE c.doc_id=? ORDER BY c.ordinal", (doc_id,))
        else:
            rows = self._conn.execute(f"{sql} ORDER BY c.doc_id, c.ordinal")
        return [_to_passage(r) for r in rows]


def _to_passage(row: tuple) -> Passage:
    meta = json.loads(row[3])
    return Passage(
        chunk_id=row[0],
        doc_id=row[1],
        text=row[2],
        title=meta.get("title") or row[1],
        doc_type=meta.get("doc_type") or "onbekend",
        date=meta.get("date"),
        source=row[4],
        page=row[5],
        page_label=row[6],
        heading=row[7],
        kind=row[8],
        start=row[9],
        end=row[10],
        kamerstuk_refs=json.loads(row[11]),
        content_hash=row[12],
        ordinal=row[13],
        footnote_of=row[14],
    )
