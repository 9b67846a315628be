import pytest

from assistant.evaluation.answer_scores import AnswerRecord, score_answers
from tests.assistant.evaluation.eval_factories import FILLER, question, refusal_scores, unanswerable


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


def test_refusals_are_counted_per_kind_of_question():
    scores = refusal_scores(refused_unanswerable=2, wrongly_refused=1)
    assert (scores.refused_unanswerable, scores.unanswerable) == (2, 3)
    assert (scores.wrongly_refused, scores.answerable) == (1, 10)
    data = scores.to_dict()
    assert data["refused_unanswerable"] == "2/3"
    assert data["wrongly_refused"] == "1/10"
    assert scores.by_type["unanswerable"].refused == 2
