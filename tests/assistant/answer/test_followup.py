from __future__ import annotations

import pytest

from assistant.answer.followup import is_followup, resolve_followup

SMALING = "Wanneer werd de motie Smaling aangenomen?"


def test_short_question_pointing_back_takes_the_previous_subject():
    rewritten = resolve_followup("en wanneer was dat?", [("Wat vroeg de motie Smaling over de convenanten?", "...")])
    assert rewritten.lower().startswith("wanneer ")
    assert "motie" in rewritten and "Smaling" in rewritten and "convenanten" in rewritten
    assert "dat" not in rewritten.split()


def test_followup_keeps_its_own_question_word_and_content():
    rewritten = resolve_followup("En wie heeft die ingediend?", [(SMALING, "Op 29 april 2015 [1].")])
    words = rewritten.rstrip("?").split()
    assert words[0] == "wie" and "ingediend" in words
    assert {"motie", "Smaling"} <= set(words)


@pytest.mark.parametrize(
    "question",
    ["and when was that?", "En de banken?", "Waarom?", "What about the textile covenant?", "Wat staat daarover in de brief?"],
)
def test_followups_are_recognised(question):
    assert is_followup(question)


@pytest.mark.parametrize(
    "question",
    [
        "Wanneer is het textielconvenant gepresenteerd?",
        "Welke vier sectoren zouden volgens het kabinet in 2016 nog een convenant sluiten?",
        "Who signed the unions' letter to MPs ahead of the IMVO debate?",
        "Wat is de rol van de SER bij het bankenconvenant?",
    ],
)
def test_standalone_questions_pass_through_unchanged(question):
    assert not is_followup(question)
    assert resolve_followup(question, [(SMALING, "Op 29 april 2015 [1].")]) == question


def test_without_history_the_question_is_unchanged():
    assert resolve_followup("en wanneer was dat?", []) == "en wanneer was dat?"


def test_chained_followups_keep_the_original_subject():
    history = [(SMALING, "Op 29 april 2015 [1]."), ("En wie diende die in?", "Smaling en Voordewind [1].")]
    rewritten = resolve_followup("and when was that?", history)
    assert "Smaling" in rewritten and "motie" in rewritten
    assert rewritten.startswith("when")
