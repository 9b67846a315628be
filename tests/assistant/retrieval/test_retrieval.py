"""Hybrid retrieval over the real corpus: Dutch query handling, filters, fusion, the LangChain adapter."""

from __future__ import annotations

from pathlib import Path

import pytest
from langchain_core.retrievers import BaseRetriever

from assistant.service.container import build_assistant
from assistant.core.model import Passage
from assistant.retrieval.filters import SearchFilters
from assistant.retrieval.fusion import merge_overlapping, reciprocal_rank_fusion
from assistant.retrieval.langchain_retriever import ImvoRetriever
from assistant.core.settings import Settings


def passage(chunk_id: str, doc_id: str, start: int, end: int, text: str = "t", **kw) -> Passage:
    return Passage(chunk_id=chunk_id, doc_id=doc_id, text=text, title="T", doc_type=kw.get("doc_type", "Kamerbrief"),
                   date=kw.get("date"), source="s", page=1, start=start, end=end,
                   kamerstuk_refs=kw.get("refs", []))


def test_rrf_weights_and_ties() -> None:
    fused = reciprocal_rank_fusion([(["a", "b", "c"], 1.0), (["b", "c"], 1.0)], k=60)
    assert [i for i, _ in fused] == ["b", "c", "a"]
    assert fused[0][1] == pytest.approx(1 / 62 + 1 / 61)
    only_first = reciprocal_rank_fusion([(["a", "b"], 1.0), (["b", "a"], 0.0)], k=60)
    assert [i for i, _ in only_first] == ["a", "b"]


def test_overlapping_and_duplicate_passages_are_merged() -> None:
    a = passage("a", "d1", 0, 100, "tekst een")
    b = passage("b", "d1", 60, 160, "tekst twee")  # 40 of 100 chars overlap: kept
    c = passage("c", "d1", 10, 90, "tekst drie")  # inside a: dropped
    d = passage("d", "d2", 0, 100, "tekst een")  # same text elsewhere: dropped
    assert [p.chunk_id for p in merge_overlapping([a, b, c, d])] == ["a", "b"]


def test_filters() -> None:
    p = passage("a", "d1", 0, 1, date="2016-06", refs=["26485-341"])
    assert SearchFilters(date_from="2016-06-01", date_to="2016-12-31").allows(p)
    assert not SearchFilters(date_from="2017").allows(p)
    assert SearchFilters(doc_types=frozenset({"Kamerbrief"})).allows(p)
    assert not SearchFilters(doc_types=frozenset({"SER-notitie"})).allows(p)
    assert SearchFilters(kamerstuk="Kamerstuk 26 485, nr. 341").allows(p)
    assert not SearchFilters(kamerstuk="26485-212").allows(p)
    assert not SearchFilters(date_from="2015").allows(passage("b", "d", 0, 1))  # undated


@pytest.fixture(scope="module")
def assistant(corpus_store_dir: Path):
    return build_assistant(Settings(store_dir=corpus_store_dir))


@pytest.mark.integration
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # compound in the query, parts in the text ("mededingingsbeleid", "Mededinging")
        ("mededingingsrecht en convenanten", "mededinging"),
        # English question reaches Dutch text through the bilingual lexicon
        ("child labour covenant textile", "kinderarbeid"),
        # abbreviation ↔ expansion
        ("Koninklijk Instituut voor de Tropen", "KIT"),
        ("Wat is de SRA?", "Sector Risico Analyse"),
        # who signed → the signature passage
        ("Door wie is de brief aan de minister ondertekend?", "Thijssen"),
    ],
)
def test_dutch_query_handling(assistant, query: str, expected: str) -> None:
    texts = [p.text for p in assistant.search(query, k=5).passages]
    assert any(expected.lower() in t.lower() for t in texts), texts


@pytest.mark.integration
def test_filters_restrict_results(assistant) -> None:
    ser = assistant.search("convenanten overheid", k=5, filters=SearchFilters(doc_types=frozenset({"SER-notitie"})))
    assert ser.passages and {p.doc_type for p in ser.passages} == {"SER-notitie"}
    period = assistant.search("convenanten", k=5, filters=SearchFilters(date_from="2020", date_to="2021-12-31"))
    assert period.passages and all(p.date and p.date[:4] in {"2020", "2021"} for p in period.passages)
    doc_id = ser.passages[0].doc_id
    one = assistant.search("convenanten", k=5, filters=SearchFilters(doc_ids=frozenset({doc_id})))
    assert {p.doc_id for p in one.passages} == {doc_id}
    ks = assistant.search("motie", k=5, filters=SearchFilters(kamerstuk="26485-341"))
    assert ks.passages and all("26485-341" in p.kamerstuk_refs for p in ks.passages)
    none = assistant.search("convenanten", k=5, filters=SearchFilters(date_from="2030"))
    assert none.passages == []


@pytest.mark.integration
def test_dense_leg_runs_when_weighted(corpus_store_dir: Path, embeddings) -> None:
    from assistant.service.container import build_store

    settings = Settings(store_dir=corpus_store_dir, dense_weight=1.0, bm25_weight=0.0)
    store = build_store(settings, embeddings=embeddings)
    dense_only = build_assistant(settings, store=store)
    result = dense_only.search("textile covenant companies signed", k=5)
    assert len(result.passages) == 5 and result.timings_ms["dense"] > 0


@pytest.mark.integration
def test_langchain_retriever(assistant) -> None:
    retriever = ImvoRetriever(searcher=assistant.retriever, k=3)
    assert isinstance(retriever, BaseRetriever)
    docs = retriever.invoke("Welke werkgroepen zijn er onder het bankenconvenant?")
    assert len(docs) == 3
    assert {"chunk_id", "doc_id", "title", "page", "source"} <= set(docs[0].metadata)
    assert any("werkgroepen" in d.page_content for d in docs)
