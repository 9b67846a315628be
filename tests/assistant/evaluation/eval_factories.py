"""Questions and refusal scores shared by the evaluation tests."""

from pathlib import Path

from assistant.evaluation import AnswerRecord, EvalQuestion, score_answers

from tests.paths import DEV_SET as DEV_QUESTIONS  # noqa: E402
FILLER = "Dit is een passage over iets heel anders dan de gevraagde zaak."


def question(qid: str, evidence=("de SRA is op 19 november",), key_terms=("19 november",), type="fact") -> EvalQuestion:
    return EvalQuestion(
        id=qid, question=f"Vraag {qid}?", lang="nl", type=type, evidence=tuple(evidence), key_terms=tuple(key_terms)
    )


def unanswerable(qid: str) -> EvalQuestion:
    return EvalQuestion(id=qid, question=f"Vraag {qid}?", lang="nl", type="unanswerable")


def refusal_scores(refused_unanswerable: int, wrongly_refused: int, answerable: int = 10):
    questions = [question(f"a{i}") for i in range(answerable)] + [unanswerable(f"u{i}") for i in range(3)]
    answers = {f"a{i}": AnswerRecord("op 19 november", i >= wrongly_refused) for i in range(answerable)}
    answers |= {f"u{i}": AnswerRecord("niet gevonden", i >= refused_unanswerable) for i in range(3)}
    return score_answers(questions, answers)
