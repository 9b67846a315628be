"""The assistant as a whole: follow-ups, the register route, LLM mode through the composition root, audit log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from assistant.service.container import build_assistant
from assistant.core.settings import Settings

pytestmark = pytest.mark.integration


def test_followup_carries_the_previous_subject(corpus_store_dir: Path, tmp_path: Path) -> None:
    assistant = build_assistant(Settings(store_dir=corpus_store_dir, audit_log=False))
    first = assistant.ask("Welke rol bood de SER aan bij de totstandkoming van het textielconvenant?")
    follow = assistant.ask("En wanneer was dat?", history=[(first.question, first.text)])
    assert follow.rewritten_query and "SER" in follow.rewritten_query
    assert follow.question == "En wanneer was dat?"


def test_a_followup_answers_in_the_language_of_the_new_question(corpus_store_dir: Path) -> None:
    assistant = build_assistant(Settings(store_dir=corpus_store_dir, audit_log=False))
    first = assistant.ask("Welke rol bood de SER aan bij de totstandkoming van het textielconvenant?")
    follow = assistant.ask("And when was that?", history=[(first.question, first.text)])
    assert follow.language == "en"
    assert follow.text.startswith(("According to the documents", "The documents"))


def test_citations_beside_the_answer_carry_the_numbers_the_answer_uses(corpus_store_dir: Path) -> None:
    assistant = build_assistant(Settings(store_dir=corpus_store_dir, audit_log=False))
    answer = assistant.ask("Welke punten willen de vakbonden dat Kamerleden inbrengen in het IMVO-debat?")
    assert answer.answered and [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    for c in answer.citations:
        assert f"[{c.n}]" in answer.text and answer.passages[c.n - 1].chunk_id == c.passage.chunk_id


def test_register_questions_are_answered_from_the_register(corpus_store_dir: Path) -> None:
    assistant = build_assistant(Settings(store_dir=corpus_store_dir, audit_log=False))
    answer = assistant.ask("Welke moties staan nog open?")
    assert answer.mode == "register" and answer.answered
    assert "26485-341" in answer.text and answer.citations
    assert all(f"[{c.n}]" in answer.text for c in answer.citations)


def test_llm_mode_streams_checks_citations_and_audits(corpus_store_dir: Path, tmp_path: Path) -> None:
    import shutil

    store_dir = tmp_path / "store"
    shutil.copytree(corpus_store_dir, store_dir)
    question = "Welke rol bood de SER aan bij de totstandkoming van het textielconvenant?"
    passages = build_assistant(Settings(store_dir=store_dir)).search(question).passages
    n = next(i for i, p in enumerate(passages, start=1) if "penvoerder" in p.text)
    reply = (f"Volgens de tussenrapportage wilde de SER de rol van convenor, mediator en penvoerder spelen [{n}]. "
             "Ook regelde de SER de catering [9].")
    model = GenericFakeChatModel(messages=iter([AIMessage(content=reply)]))
    settings = Settings(store_dir=store_dir, answer_mode="llm", llm="fake:model")
    assistant = build_assistant(settings, chat_model=model)
    in_progress = assistant.ask_streaming(question)
    assert in_progress.passages
    tokens = list(in_progress.tokens())
    assert len(tokens) > 1, "the fake model streams word by word"
    answer = in_progress.result()
    assert answer.mode == "llm" and answer.answered
    assert "[9]" not in answer.text, "a citation to a passage that does not exist is removed"
    cited = {c.n for c in answer.citations}
    assert cited and all(1 <= n <= len(answer.passages) for n in cited)
    log = [json.loads(line) for line in (store_dir / "audit.jsonl").read_text(encoding="utf-8").splitlines()]
    assert log[-1]["question"].startswith("Welke rol") and log[-1]["mode"] == "llm"
    assert log[-1]["passages"] and all(p["content_hash"] for p in log[-1]["passages"])
    assert log[-1]["prompt_version"] and log[-1]["sentences"] and log[-1]["timings_ms"]["total"] > 0


# --- what the web pages and the CLI read and change through the service ------------------------------
def test_the_pages_read_passages_and_documents_through_the_assistant(corpus_store_dir: Path) -> None:
    from assistant.core.errors import UnknownDocumentError

    assistant = build_assistant(Settings(store_dir=corpus_store_dir, audit_log=False))
    assert not assistant.is_empty()
    every = assistant.passages()
    assert {p.doc_id for p in every} == {d.doc_id for d in assistant.documents()}
    wanted = [every[3].chunk_id, "no-such-passage", every[0].chunk_id]
    assert [p.chunk_id for p in assistant.passages(wanted)] == [wanted[0], wanted[2]], "in order, unknown left out"
    with pytest.raises(UnknownDocumentError):
        assistant.document_text("no-such-document")


def test_the_text_analyzer_stems_as_retrieval_does(corpus_store_dir: Path) -> None:
    assistant = build_assistant(Settings(store_dir=corpus_store_dir, audit_log=False))
    analyzer = assistant.text_analyzer()
    assert analyzer.analyze("convenanten") == analyzer.analyze("convenant")
    assistant.warm_up()  # indexes opened; the bundled model weights no dense leg, so none is loaded


def test_an_empty_store_has_no_timeline_or_motions_yet(tmp_path: Path) -> None:
    from assistant.core.errors import EmptyStoreError

    assistant = build_assistant(Settings(store_dir=tmp_path / "empty", audit_log=False))
    assert assistant.is_empty() and assistant.passages() == []
    for read in (assistant.timeline, assistant.motions):
        with pytest.raises(EmptyStoreError):
            read()


def test_the_knowledge_base_reads_what_the_assistant_reads(corpus_store_dir: Path) -> None:
    from assistant.service.container import open_knowledge_base

    settings = Settings(store_dir=corpus_store_dir, audit_log=False)
    assistant = build_assistant(settings)
    with open_knowledge_base(settings) as knowledge_base:
        assert knowledge_base.motions() == assistant.motions()
        assert knowledge_base.motions(only_open=True) == assistant.motions(only_open=True)
        assert knowledge_base.timeline() == assistant.timeline()
        assert knowledge_base.check().ok and knowledge_base.collection_name()


def test_the_knowledge_base_needs_no_answering_settings(corpus_store_dir: Path) -> None:
    """An LLM that is not configured stops questions, not `imvo motions` or `imvo check`."""
    from assistant.core.errors import ConfigurationError
    from assistant.service.container import open_knowledge_base

    settings = Settings(store_dir=corpus_store_dir, audit_log=False, answer_mode="llm", llm=None)
    with pytest.raises(ConfigurationError):
        build_assistant(settings)
    with open_knowledge_base(settings) as knowledge_base:
        assert knowledge_base.motions() and knowledge_base.check().ok


def test_the_knowledge_base_opens_the_store_only_when_an_operation_needs_it(tmp_path: Path) -> None:
    """A rebuild must not open the old store: its SQLite file may be unreadable."""
    from assistant.core.errors import StoreDamagedError
    from assistant.service.container import open_knowledge_base

    store_dir = tmp_path / "store"
    store_dir.mkdir()
    (store_dir / "passages.sqlite").write_bytes(b"not a database" * 300)
    with open_knowledge_base(Settings(store_dir=store_dir)) as knowledge_base:
        with pytest.raises(StoreDamagedError):
            knowledge_base.check()
