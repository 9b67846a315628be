from __future__ import annotations

from assistant.answer.citations import renumber_citations
from assistant.core.model import Answer, AnswerSentence, Citation
from tests.assistant.answer.helpers import passage


def test_citations_run_1_2_3_in_the_order_the_answer_uses_them() -> None:
    passages = [passage(n, f"tekst {n}") for n in range(1, 6)]
    answer = Answer(
        question="q",
        text="Eerst dit [3]. Dan dat [5][3]. En [2, 5].",
        answered=True,
        mode="extractive",
        language="nl",
        sentences=[AnswerSentence("Eerst dit.", [3], 1.0, True), AnswerSentence("Dan dat.", [5, 3], 1.0, True)],
        citations=[Citation(2, passages[1], True), Citation(3, passages[2], True), Citation(5, passages[4], True)],
        passages=list(passages),
    )
    renumber_citations(answer)
    assert answer.text == "Eerst dit [1]. Dan dat [2][1]. En [2, 3]."
    assert [c.n for c in answer.citations] == [1, 2, 3]
    assert [c.passage.chunk_id for c in answer.citations] == ["doc3-c3", "doc5-c5", "doc2-c2"]
    # the passage shown as [n] beside the answer is the one the text cites as [n]
    for c in answer.citations:
        assert answer.passages[c.n - 1] is c.passage
    assert answer.sentences[1].citations == [1, 2]
    assert len(answer.passages) == 5
