import json
from pathlib import Path

import pytest

from assistant import evaluation
from assistant.errors import EvalFileError
from assistant.evaluation import (
    AnswerRecord,
    EvalQuestion,
    evidence_supported,
    format_report,
    key_term_present,
    latency_stats,
    load_questions,
    normalise,
    passes_targets,
    percentile,
    run_eval,
    score_answers,
    score_retrieval,
)
from assistant.models import Answer, Citation, Passage

DEV_QUESTIONS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev.jsonl"
FILLER = "Dit is een passage over iets heel anders dan de gevraagde zaak."


def question(qid: str, evidence=("de SRA is op 19 november",), key_terms=("19 november",), type="fact") -> EvalQuestion:
    return EvalQuestion(
        id=qid, question=f"Vraag {qid}?", lang="nl", type=type, evidence=tuple(evidence), key_terms=tuple(key_terms)
    )


def unanswerable(qid: str) -> EvalQuestion:
    return EvalQuestion(id=qid, question=f"Vraag {qid}?", lang="nl", type="unanswerable")


# --- normalisation --------------------------------------------------------------------------------


def test_normalise_joins_a_hyphen_at_a_line_break():
    assert normalise("organisa-\ntie") == "organisatie"
    assert normalise("De organisa- \r\n  tie werkt") == "de organisatie werkt"


def test_normalise_folds_punctuation_runs_to_one_space():
    assert normalise("Kamerstuk 26 485, nr. 212!!") == "kamerstuk 26 485 nr 212"
    assert normalise("IMVO-convenanten (SER) — ‘duty_to_protect’") == "imvo convenanten ser duty to protect"
    assert normalise("  ...  ") == ""


def test_normalise_keeps_diacritics_composed_or_not():
    assert normalise("Financiële borging") == "financiële borging"
    assert normalise("Financie\u0308le borging") == "financiële borging"  # decomposed ë


# --- evidence matching ----------------------------------------------------------------------------


def test_exact_match_ignores_case_punctuation_and_line_break_hyphens():
    passage = "Op 8 December a.s. voert de commissie BHOS een nota-\noverleg over IMVO."
    assert evidence_supported("op 8 december a.s. voert de commissie BHOS een notaoverleg", passage)
    assert evidence_supported("BHOS", passage)
    assert not evidence_supported("commissie EZK", passage)


def test_ocr_repaired_evidence_matches_fuzzily_when_long_enough():
    repaired = "Wij zullen voor de zomer van 2016 evalueren."
    assert evidence_supported("voo6r de zomer", repaired)  # 14 characters, partial_ratio ~93
    assert not evidence_supported("voo6r zomer", "Wij gaan voor zomer naar huis.")  # 11 characters: exact only
    assert not evidence_supported("voo6r", "voor de zomer")


def test_fuzzy_match_rejects_different_text_and_stub_passages():
    evidence = "de commissie BHOS een notaoverleg"
    assert not evidence_supported(evidence, "de commissie BZK een wetgevingsoverleg over iets")
    # partial_ratio alone would give 100: the stub is a perfect substring of the evidence
    assert not evidence_supported(evidence, "notaoverleg")


# --- retrieval ------------------------------------------------------------------------------------


def test_recall_and_mrr_on_a_hand_made_example():
    questions = [
        question("q1", evidence=["eerste bewijs hier", "tweede bewijs daar"], type="fact"),
        question("q2", evidence=["derde bewijs ergens"], type="list"),
        question("q3", evidence=["vierde bewijs vooraan"], type="fact"),
        unanswerable("q4"),  # skipped: needs no results
    ]
    results = {
        "q1": [FILLER, "Het eerste bewijs hier.", FILLER, FILLER, FILLER, FILLER, "En het tweede bewijs daar."],
        "q2": [FILLER] * 5 + ["Het derde bewijs ergens."],
        "q3": ["Het vierde bewijs vooraan."],
    }
    scores = score_retrieval(questions, results)

    assert scores.overall.questions == 3
    assert scores.recall_at_5 == pytest.approx((0.5 + 0 + 1) / 3)
    assert scores.overall.recall_at_10 == pytest.approx(1.0)
    assert scores.mrr_at_10 == pytest.approx((1 / 2 + 1 / 6 + 1) / 3)
    assert scores.overall.hit_at_5 == pytest.approx(2 / 3)
    assert scores.by_type["fact"].recall_at_5 == pytest.approx(0.75)
    assert scores.by_type["list"].mrr_at_10 == pytest.approx(1 / 6)
    assert "unanswerable" not in scores.by_type
    q1, q2, q3 = scores.details
    assert (q1.first_hit_rank, q2.first_hit_rank, q3.first_hit_rank) == (2, 6, 1)
    assert q1.missing_evidence == ["tweede bewijs daar"]
    assert not q2.hit_at_5
    assert scores.mean_passages == pytest.approx((7 + 6 + 1) / 3)


def test_passages_after_rank_ten_do_not_count():
    results = {"q1": [FILLER] * 10 + ["het late bewijs"]}
    scores = score_retrieval([question("q1", evidence=["het late bewijs"])], results)
    detail = scores.details[0]
    assert detail.first_hit_rank is None
    assert detail.reciprocal_rank == 0.0
    assert detail.recall_at_10 == 0.0


def test_missing_retrieval_results_are_an_error():
    with pytest.raises(ValueError, match="q1"):
        score_retrieval([question("q1")], {})


# --- answers --------------------------------------------------------------------------------------


def test_key_term_alternatives_and_normalised_comparison():
    assert key_term_present("uncertain|onzeker", "De toekomst is onzeker.")
    assert not key_term_present("eight|acht", "Er komen er zes bij.")
    assert key_term_present("VNO-NCW", "namens vno ncw en MKB")
    assert key_term_present("7 December 2015|7 december 2015", "Op 7 december 2015 [2].")
    assert not key_term_present("2", "Zie de brief [2].")  # a citation mark is not answer content


def test_key_term_coverage_is_averaged_over_answerable_questions():
    questions = [
        question("q1", key_terms=["IOB", "uncertain|onzeker"]),
        question("q2", key_terms=["mediator", "penvoerder"]),
        unanswerable("q3"),
    ]
    answers = {
        "q1": AnswerRecord("Het IOB noemt de toekomst onzeker.", True),
        "q2": AnswerRecord("De SER wil mediator zijn.", True),
        "q3": AnswerRecord("Dat staat niet in de documenten.", False),
    }
    scores = score_answers(questions, answers)
    assert scores.key_term_coverage == pytest.approx((1.0 + 0.5) / 2)
    assert scores.details[1].key_terms_missing == ["penvoerder"]


def test_citation_precision_micro_and_macro():
    questions = [
        question("q1", evidence=["de SRA is op 19 november"]),
        question("q2", evidence=["convenor, mediator en penvoerder"]),
        question("q3", evidence=["iets wat niemand vindt"]),
    ]
    answers = {
        "q1": AnswerRecord("x", True, ["De SRA is op 19 november gesloten.", FILLER]),
        "q2": AnswerRecord("y", True, ["de rol van convenor, mediator en penvoerder te willen spelen"]),
        "q3": AnswerRecord("Geen antwoord.", False, []),
    }
    scores = score_answers(questions, answers)
    assert (scores.supported_citations, scores.citations) == (2, 3)
    assert scores.citation_precision == pytest.approx(2 / 3)
    assert scores.citation_precision_macro == pytest.approx((1 / 2 + 1) / 2)
    assert scores.details[2].citation_precision is None  # no citations: left out of the macro average


def _refusal_scores(refused_unanswerable: int, wrongly_refused: int, answerable: int = 10):
    questions = [question(f"a{i}") for i in range(answerable)] + [unanswerable(f"u{i}") for i in range(3)]
    answers = {f"a{i}": AnswerRecord("op 19 november", i >= wrongly_refused) for i in range(answerable)}
    answers |= {f"u{i}": AnswerRecord("niet gevonden", i >= refused_unanswerable) for i in range(3)}
    return score_answers(questions, answers)


def test_refusals_are_counted_per_kind_of_question():
    scores = _refusal_scores(refused_unanswerable=2, wrongly_refused=1)
    assert (scores.refused_unanswerable, scores.unanswerable) == (2, 3)
    assert (scores.wrongly_refused, scores.answerable) == (1, 10)
    data = scores.to_dict()
    assert data["refused_unanswerable"] == "2/3"
    assert data["wrongly_refused"] == "1/10"
    assert scores.by_type["unanswerable"].refused == 2


@pytest.mark.parametrize(
    ("refused", "wrong", "refusal_ok", "wrong_ok"),
    [(2, 1, True, True), (1, 1, False, True), (3, 2, True, False)],
)
def test_refusal_targets_at_their_boundaries(refused, wrong, refusal_ok, wrong_ok):
    report = evaluation.EvalReport(
        retrieval=score_retrieval([], {}),
        answers=_refusal_scores(refused, wrong),
        latency={},
        questions=[],
    )
    passed = passes_targets(report)
    assert passed["refused_unanswerable"] is refusal_ok
    assert passed["wrongly_refused"] is wrong_ok
    assert passed["recall@5"] is False  # no answerable retrieval: cannot pass


# --- loading questions ----------------------------------------------------------------------------


def test_load_questions_reads_the_dev_set():
    questions = load_questions(DEV_QUESTIONS)
    assert len(questions) == 30
    assert len({q.id for q in questions}) == 30
    assert sum(not q.answerable for q in questions) == 3
    assert all(q.evidence for q in questions if q.answerable)


def _write_lines(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = json.dumps(
    {"id": "q1", "question": "Wat?", "lang": "nl", "type": "fact", "evidence": ["iets"], "key_terms": ["x"]}
)


def test_load_questions_names_file_and_line_of_bad_json(tmp_path):
    path = _write_lines(tmp_path, GOOD, "", '{"id": "q2", "question": ')
    with pytest.raises(EvalFileError) as caught:
        load_questions(path)
    assert caught.value.line == 3
    assert str(path) in str(caught.value)
    assert "line 3" in str(caught.value)
    assert "not valid JSON" in str(caught.value)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"id": "q2", "question": "Wat?", "type": "fact", "evidence": ["iets"]}, "'lang'"),
        ({"id": "q2", "question": "Wat?", "lang": "nl", "type": "fact", "evidence": []}, "needs at least one evidence"),
        ({"id": "q2", "question": "Wat?", "lang": "nl", "type": "guess", "evidence": ["x"]}, "'type'"),
        ({"id": "q2", "question": "Wat?", "lang": "nl", "type": "unanswerable", "evidence": ["x"]}, "no evidence"),
        ({"id": "q2", "question": "Wat?", "lang": "nl", "type": "fact", "evidence": ["..."]}, "no letters or digits"),
        ({"id": "q1", "question": "Wat?", "lang": "nl", "type": "fact", "evidence": ["x"]}, "duplicate id 'q1'"),
    ],
)
def test_load_questions_rejects_invalid_records(tmp_path, record, expected):
    path = _write_lines(tmp_path, GOOD, json.dumps(record))
    with pytest.raises(EvalFileError, match="line 2") as caught:
        load_questions(path)
    assert expected in str(caught.value)


def test_load_questions_rejects_missing_and_empty_files(tmp_path):
    with pytest.raises(EvalFileError, match="file not found"):
        load_questions(tmp_path / "nope.jsonl")
    with pytest.raises(EvalFileError, match="no questions"):
        load_questions(_write_lines(tmp_path, "", "  "))


# --- latency --------------------------------------------------------------------------------------


def test_percentiles_interpolate_linearly():
    assert percentile([4, 1, 3, 2], 50) == pytest.approx(2.5)
    assert percentile([1, 2, 3, 4], 95) == pytest.approx(3.85)
    assert latency_stats([]).p50 is None


# --- the driver -----------------------------------------------------------------------------------


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
    monkeypatch.setattr(evaluation.time, "perf_counter", clock)
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
