"""`imvo check`, the store's part: are SQLite (the commit point), Chroma and the BM25 snapshot in step?
Reads only; `imvo ingest` repairs what this finds. (The register and timeline are checked by the
derived step, assistant/derived/data.py.)"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.store.lexical import LexicalIndex
from assistant.store.store import Store


@dataclass
class CheckReport:
    passages: int = 0
    vectors: int = 0
    bm25: int | None = None  # None: no readable snapshot
    missing_vectors: list[str] = field(default_factory=list)  # committed passages without a vector
    extra_vectors: list[str] = field(default_factory=list)  # vectors no committed passage refers to
    bm25_missing: list[str] = field(default_factory=list)
    bm25_extra: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line each, saying what fixes it

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def bm25_broken(self) -> bool:
        return any(p.startswith("bm25") for p in self.problems)

    def to_dict(self) -> dict:
        return {
            "ok": self.ok, "passages": self.passages, "vectors": self.vectors, "bm25": self.bm25,
            "missing_vectors": len(self.missing_vectors), "extra_vectors": len(self.extra_vectors),
            "bm25_missing": len(self.bm25_missing), "bm25_extra": len(self.bm25_extra), "problems": self.problems,
        }


def check_store(store: Store, *, vectors: bool = True) -> CheckReport:
    committed = set(store.db.all_chunk_ids())
    report = CheckReport(passages=len(committed))
    fix = "run `imvo ingest` to repair"
    if vectors:
        have = store.vector_ids()
        report.vectors = len(have)
        report.missing_vectors = sorted(committed - have)
        report.extra_vectors = sorted(have - committed)
        if report.missing_vectors:
            report.problems.append(f"vectors: {len(report.missing_vectors)} passages have no vector in Chroma "
                                   f"(collection {store.collection_name}): {fix}")
        if report.extra_vectors:
            report.problems.append(f"vectors: {len(report.extra_vectors)} vectors belong to no passage: {fix}")
    index = LexicalIndex.load(store.dir / "bm25")
    if index is None:
        if committed:
            report.problems.append(f"bm25: no readable BM25 snapshot in {store.dir / 'bm25'}: {fix}")
    else:
        ids = set(index.chunk_ids)
        report.bm25 = len(ids)
        report.bm25_missing = sorted(committed - ids)
        report.bm25_extra = sorted(ids - committed)
        if report.bm25_missing or report.bm25_extra:
            report.problems.append(f"bm25: {len(report.bm25_missing)} passages missing, {len(report.bm25_extra)} "
                                   f"unknown in the BM25 snapshot: {fix}")
    if committed and index is not None and store.lexical_stale():
        report.problems.append(f"bm25: the BM25 snapshot is older than the passages: {fix}")
    return report
