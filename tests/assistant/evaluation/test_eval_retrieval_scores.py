import pytest

from assistant.evaluation.retrieval_scores import score_retrieval
from tests.assistant.evaluation.eval_factories import FILLER, question, unanswerable


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
