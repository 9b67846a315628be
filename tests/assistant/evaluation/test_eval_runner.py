import json

import pytest

from assistant.evaluation import runner
from assistant.evaluation.report import format_report
from assistant.evaluation.runner import run_eval
from assistant.core.model import Answer, Citation, Passage
from tests.assistant.evaluation.eval_factories import FILLER, question, unanswerable


def _passage(chunk_id: str, text: str) -> Passage:
    return Passage(
        chunk_id=chunk_id, doc_id="d", text=text, title="t", doc_type="brief", date=None, source="d.txt", page=1
    )


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_run_eval_with_fake_search_and_ask(monkeypatch):
    clock = FakeClock()
    monkeypatch.setattr(runner.time, "perf_counter", clock)
    questions = [
        question("q1", evidence=["de SRA is op 19 november"], key_terms=["19 november 2014"]),
        question("q2", evidence=["met de Koninklijke BAM Groep"], key_terms=["BAM", "werkmigranten"], type="who"),
        unanswerable("q3"),
    ]
    corpus = {
        "Vraag q1?": [_passage("c1", "De SRA is op 19 november 2014 gesloten."), _passage("c9", FILLER)],
        "Vraag q2?": [_passage("c9", FILLER)] * 3 + [_passage("c2", "We spreken met de Koninklijke BAM Groep.")],
        "Vraag q3?": [_passage("c9", FILLER)],
    }

    def search(text: str) -> list[Passage]:
        clock.now += 0.010
        return corpus[text]

    def ask(text: str) -> Answer:
        clock.now += 0.100
        passages = corpus[text]
        if text == "Vraag q3?":
            refusal = "Dat staat niet in de documenten."
            return Answer(question=text, text=refusal, answered=False, mode="extractive", language="nl")
        return Answer(
            question=text,
            text="Op 19 november 2014 [1]; BAM [2].",
            answered=True,
            mode="extractive",
            language="nl",
            citations=[Citation(n=1, passage=passages[0], supported=True)],
        )

    report = run_eval(questions, search, ask)

    assert report.retrieval.recall_at_5 == pytest.approx(1.0)
    assert report.retrieval.mrr_at_10 == pytest.approx((1 + 1 / 4) / 2)
    assert report.answers.key_term_coverage == pytest.approx((1 + 0.5) / 2)
    assert report.answers.citation_precision == pytest.approx(1 / 2)  # q2 cites a filler passage
    assert report.answers.refused_unanswerable == 1
    assert report.latency["search"].calls == 3
    assert report.latency["search"].p50 == pytest.approx(10.0)
    assert report.latency["answer"].p95 == pytest.approx(100.0)

    by_id = {q.question.id: q for q in report.questions}
    assert by_id["q1"].failures == []
    assert by_id["q2"].retrieval.first_hit_rank == 4
    assert by_id["q2"].answer.key_terms_missing == ["werkmigranten"]
    assert any("cited passages hold no evidence" in reason for reason in by_id["q2"].failures)
    assert by_id["q2"].retrieved_ids == ["c9", "c9", "c9", "c2"]

    data = json.loads(json.dumps(report.to_dict()))
    assert set(data) == {"retrieval", "answers", "latency_ms", "questions"}
    assert data["retrieval"]["recall@5"] == 1.0
    assert data["answers"]["refused_unanswerable"] == "1/1"
    assert data["latency_ms"]["answer"]["p50"] == 100.0
    assert [q["id"] for q in data["questions"]] == ["q1", "q2", "q3"]
    assert data["questions"][1]["first_hit_rank"] == 4

    text = format_report(report)
    assert "recall@5" in text and "MRR@10" in text
    assert "q2 [who, first hit at rank 4]" in text
    assert "key terms missing: werkmigranten" in text
    assert "q1 [" not in text  # passing questions are not listed


def test_run_eval_names_the_question_when_a_call_fails():
    def search(text: str) -> list[Passage]:
        raise RuntimeError("store offline")

    with pytest.raises(RuntimeError, match="store offline") as caught:
        run_eval([question("q7")], search, lambda text: None)
    assert any("q7" in note for note in caught.value.__notes__)
