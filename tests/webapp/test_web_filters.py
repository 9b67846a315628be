"""Sidebar filters → SearchFilters; chat state and its Markdown export."""

from __future__ import annotations

from datetime import date, datetime

from assistant.core.model import Answer, AnswerSentence, Citation, Passage
from assistant.core.model import StoredDocument
from assistant.webapp.chat_state import chat_session
from assistant.webapp.export import chat_to_markdown
from assistant.webapp.filters import describe_filters, filter_options, make_filters
from assistant.webapp.formatting import dutch_date, escape_markdown, last_day
from assistant.core.model import DocumentMetadata


def doc(doc_id: str, date_: str | None, doc_type: str) -> StoredDocument:
    meta = DocumentMetadata(doc_id=doc_id, title=f"Titel {doc_id}", doc_type=doc_type, date=date_)
    return StoredDocument(doc_id, f"/c/{doc_id}.txt", f"{doc_id}.txt", "f", "h", meta, 1, "now")


OPTIONS = filter_options([doc("a", "2015-07-10", "Kamerbrief"), doc("b", "2020", "brief"), doc("c", None, "brief")])


def test_options_span_the_documents() -> None:
    assert OPTIONS.doc_types == ["Kamerbrief", "brief"]
    assert OPTIONS.first == date(2015, 7, 10) and OPTIONS.last == date(2020, 12, 31)
    assert list(OPTIONS.documents) == ["a", "b", "c"]


def test_full_period_is_no_filter_and_a_narrower_one_is() -> None:
    assert not make_filters(OPTIONS, period=(OPTIONS.first, OPTIONS.last)).active
    narrowed = make_filters(OPTIONS, ["brief"], ["b", "zz"], (date(2016, 1, 1), OPTIONS.last))
    assert narrowed.doc_types == frozenset({"brief"}) and narrowed.doc_ids == frozenset({"b"})
    assert narrowed.date_from == "2016-01-01" and narrowed.date_to is None
    assert describe_filters(narrowed, OPTIONS) == "brief; Titel b; vanaf 1 januari 2016"
    only_start = make_filters(OPTIONS, period=(date(2016, 1, 1),))  # the date picker while choosing
    assert only_start.date_from == "2016-01-01" and only_start.date_to is None


def test_dates_in_dutch() -> None:
    assert dutch_date("2016-06-17") == "17 juni 2016"
    assert dutch_date("2020-12") == "december 2020"
    assert dutch_date("2017") == "2017" and dutch_date(None) == ""
    assert last_day("2020-02") == date(2020, 2, 29)
    assert escape_markdown("a $5 *b* <i>") == r"a \$5 \*b\* \<i\>"


def test_chat_state_lives_in_the_session_and_exports_as_markdown() -> None:
    state: dict = {}
    session = chat_session(state)
    assert chat_session(state) is session and session.empty
    p = Passage(chunk_id="d:1", doc_id="d", text="Het convenant is getekend.", title="Brief", doc_type="Kamerbrief",
                date="2016", source="b.txt", page=2,
                kamerstuk_refs=["26485-219"])
    answered = Answer("Wanneer?", "Het convenant is getekend. [1] Misschien gisteren. [1]", True, "extractive", "nl",
                      sentences=[AnswerSentence("Het convenant is getekend.", [1], 1.0, True),
                                 AnswerSentence("Misschien gisteren.", [1], 0.1, False)],
                      citations=[Citation(1, p, True)])
    session.add_answer("Wanneer?", answered)
    session.add_error("Waarom?", "Het taalmodel is niet bereikbaar.")
    assert session.history() == [("Wanneer?", answered.text)]
    assert [t.id for t in session.turns] == [1, 2]

    md = chat_to_markdown(session, exported_at=datetime(2024, 3, 5, 14, 7))
    assert md.startswith("# Gesprek met de IMVO-assistent\n\nGeëxporteerd op 5 maart 2024, 14:07.")
    assert "### Wanneer?" in md and "> Het convenant is getekend." in md
    assert "[26485-219](https://zoek.officielebekendmakingen.nl/kst-26485-219.html)" in md
    assert "**Niet door de bronnen gestaafd:**\n- Misschien gisteren." in md
    assert "### Waarom?" in md and "Het taalmodel is niet bereikbaar." in md

    session.clear()
    assert session.empty
    assert session.add_answer("Nog een", answered).id == 3  # anchors of a new chat do not repeat
