from __future__ import annotations

import pytest

from assistant.core.model import Answer, Passage
from assistant.register import Register, answer_from_register, build_register
from assistant.testing.passages import passages_from_texts


@pytest.fixture
def register() -> Register:
    return build_register(
        passages_from_texts("a", "2016-06", [
            "Mede ter uitvoering van de motie van de leden Smaling en Voordewind om vóór de zomer van 2016 een "
            "evaluatiemoment in te stellen voor de convenanten, biedt het kabinet u deze brief aan.",
            ("footnote", "2 Motie van de leden Smaling en Voordewind d.d. 29 april 2015 (Kamerstuk 32 852 nr. 24)."),
            "Tijdens het AO Ondernemen in Bedrijfsfinanciering op 21 januari 2016 heeft uw Kamer gevraagd om nadere "
            "informatie over het concurrentievoordeel dat MVO kan bieden.",
            ("footnote", "8 Toezegging Kamerstuk 32 637, nr. 231, gedaan door de Minister van Economische Zaken "
                         "tijdens het AO Ondernemen en Bedrijfsfinanciering, d.d. 21 januari 2016."),
        ])
        + passages_from_texts("b", "2021", [
            "Ondanks een in december 2020 breed aangenomen motie met een oproep aan het kabinet om de "
            "IMVO-convenanten te blijven ondersteunen (motie Van den Hul en Van den Nieuwenhuijzen - "
            "Kamerstuk 26485, nr. 341), is de betrokkenheid van de overheid onzeker.",
        ])
    )


def cited_chunks(answer: Answer) -> list[str]:
    return [c.passage.chunk_id for c in answer.citations]


def test_open_motions(register: Register) -> None:
    answer = answer_from_register("Welke moties staan nog open?", register, "nl")
    assert answer is not None and answer.mode == "register" and answer.answered
    assert "Van den Hul" in answer.text and "Smaling" not in answer.text
    assert "onzeker" in answer.text  # the words of the evidence are quoted
    assert cited_chunks(answer) == ["b-0"]
    assert "[1]" in answer.text
    [sentence] = answer.sentences
    assert sentence.citations == [1] and sentence.supported


def test_is_a_named_motion_carried_out(register: Register) -> None:
    answer = answer_from_register("Is de motie Smaling uitgevoerd?", register, "nl")
    assert answer is not None
    assert "Smaling en Voordewind" in answer.text and "uitgevoerd" in answer.text
    assert "32852-24" in answer.text and "29 april 2015" in answer.text
    assert cited_chunks(answer) == ["a-0"]
    citation = answer.citations[0]
    assert isinstance(citation.passage, Passage) and citation.passage.doc_id == "a"
    assert citation.passage.text.startswith("Mede ter uitvoering")
    assert citation.sentences and "ter uitvoering" in citation.sentences[0]


def test_status_by_kamerstuk_number(register: Register) -> None:
    answer = answer_from_register("Wat is de status van motie 26485-341?", register, "nl")
    assert answer is not None and "aangenomen" in answer.text and "staat nog open" in answer.text


def test_english_question_english_labels(register: Register) -> None:
    answer = answer_from_register("Which commitments are still open?", register, "en")
    assert answer is not None and answer.language == "en"
    # the commitment was not reported carried out: open
    assert "Commitment by Minister van Economische Zaken" in answer.text and "still open" in answer.text
    assert "21 January 2016" in answer.text


def test_a_year_and_topic_single_out_a_motion_in_a_state_question(register: Register) -> None:
    q = "Is the cabinet following the 2020 motion to keep supporting the IMVO covenants?"
    answer = answer_from_register(q, register, "en")
    assert answer is not None and "26485-341" in answer.text and "execution in doubt" in answer.text


def test_listing_with_a_status_filter(register: Register) -> None:
    answer = answer_from_register("Welke moties zijn uitgevoerd?", register, "nl")
    assert answer is not None and "Smaling" in answer.text and "Van den Hul" not in answer.text


def test_nothing_open_is_said_plainly() -> None:
    reg = build_register(passages_from_texts("d", "2016", ["De motie van het lid Jansen is verworpen."]))
    answer = answer_from_register("Welke moties staan nog open?", reg, "nl")
    assert answer is not None and answer.citations == []
    assert answer.text == "Volgens de documenten staan er geen moties open."


@pytest.mark.parametrize(
    "question",
    [
        "Wat zijn IMVO-convenanten?",  # not about the register
        "Wanneer werd het textielconvenant gepresenteerd?",
        "Is de motie Jansen uitgevoerd?",  # names a motion the register does not hold: let retrieval look
        "Wat is de status van motie 26485-999?",
        "Wat vindt het kabinet van kinderarbeid?",
    ],
)
def test_not_a_register_question(register: Register, question: str) -> None:
    assert answer_from_register(question, register, "nl") is None
