import assistant.evaluation as evaluation


def test_package_re_exports_every_public_name():
    assert len(evaluation.__all__) == len(set(evaluation.__all__))
    for name in evaluation.__all__:
        assert getattr(evaluation, name) is not None, name
    # the names assistant/cli/main.py and bench/*.py import
    for name in ("format_report", "load_questions", "run_eval", "score_retrieval", "score_answers"):
        assert name in evaluation.__all__
    assert evaluation.RECALL_K == 5 and evaluation.WIDE_K == 10
