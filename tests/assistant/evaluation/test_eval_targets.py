import pytest

from assistant.evaluation.retrieval_scores import score_retrieval
from assistant.evaluation.runner import EvalReport
from assistant.evaluation.targets import passes_targets
from tests.assistant.evaluation.eval_factories import refusal_scores


@pytest.mark.parametrize(
    ("refused", "wrong", "refusal_ok", "wrong_ok"),
    [(2, 1, True, True), (1, 1, False, True), (3, 2, True, False)],
)
def test_refusal_targets_at_their_boundaries(refused, wrong, refusal_ok, wrong_ok):
    report = EvalReport(
        retrieval=score_retrieval([], {}),
        answers=refusal_scores(refused, wrong),
        latency={},
        questions=[],
    )
    passed = passes_targets(report)
    assert passed["refused_unanswerable"] is refusal_ok
    assert passed["wrongly_refused"] is wrong_ok
    assert passed["recall@5"] is False  # no answerable retrieval: cannot pass
