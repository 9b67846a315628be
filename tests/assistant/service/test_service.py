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
