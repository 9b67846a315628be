"""The register and timeline built from the five seed documents, cut crudely into blank-line paragraphs
(see conftest.seed_passages), checked against what the documents say when read by hand. Fast: no model."""

from __future__ import annotations

import pytest

from assistant.register import Register, answer_from_register, build_register, build_timeline
from assistant.register.textnorm import date_sort_key

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def register(seed_corpus) -> Register:
    return build_register(seed_corpus)


def item(register: Register, kamerstuk: str):
    [found] = [i for i in register.items if i.kamerstuk == kamerstuk]
    return found


def evidence_docs(it, aspect: str) -> set[str]:
    return {e["doc_id"] for e in it.evidence if e["aspect"] == aspect}


def test_motion_smaling_voordewind(register: Register) -> None:
    # 003, footnote 2: "Motie van de leden Smaling en Voordewind d.d. 29 april 2015 (Kamerstuk 32 852 nr. 24)".
    # 003, page 1: the letter is sent "Mede ter uitvoering van de motie van de leden Smaling en Voordewind om
    # vóór de zomer van 2016 een evaluatiemoment in te stellen": the motion asked for an evaluation before the
    # summer of 2016 and this June 2016 letter is it, so carried out (the text says "mede": this letter is
    # one of the things done for it). Its adoption is never stated; it follows from the execution and the
    # register says so (status_inferred).
    it = item(register, "32852-24")
    assert (it.kind, it.members, it.date) == ("motie", ["Smaling", "Voordewind"], "2015-04-29")
    assert "evaluatiemoment" in it.subject and "dertien risicosectoren" in it.subject
    assert (it.status, it.status_inferred, it.execution, it.open) == ("aangenomen", True, "uitgevoerd", False)
    assert evidence_docs(it, "execution") == {"003"}
    assert len(it.mentions) == 2  # the running text and the footnote, merged


def test_motion_van_den_hul_van_den_nieuwenhuijzen(register: Register) -> None:
    # 001: "Ondanks een in december 2020 breed aangenomen motie ... (motie Van den Hul en Van den
    # Nieuwenhuijzen - Kamerstuk 26485, nr. 341), is de ... betrokkenheid van de overheid ... onzeker" and
    # "trokken uw vertegenwoordigers zich terug": adopted, execution in doubt, so still open.
    it = item(register, "26485-341")
    assert it.members == ["Van den Hul", "Van den Nieuwenhuijzen"]
    assert (it.date, it.status, it.execution, it.open) == ("2020-12", "aangenomen", "twijfel", True)
    assert "IMVO-convenanten te blijven ondersteunen" in it.subject
    quotes = " ".join(e["quote"] for e in it.evidence if e["aspect"] == "execution")
    assert "onzeker" in quotes and "zich terug" in quotes


def test_two_motions_vermue_servaes(register: Register) -> None:
    # 003, last page: "tijdens het notaoverleg over de initiatiefnota Eerlijk Werk Wereldwijd ... op 7 maart
    # 2016 twee moties van de leden Vermue en Servaes aangenomen⁹. In de bijlagen 3 en 4 wordt uitvoering
    # gegeven aan deze toezegging en moties." Footnote 9 names that notaoverleg with two numbers, Kamerstuk
    # 34 331, nr. 7 and Kamerstuk 34 311, nr. 5: read as one number per motion, in order (the footnote does
    # not say which is which; "34 311" may be a misprint of 34 331 but is kept as printed).
    moties = [i for i in register.items if i.kind == "motie" and i.members == ["Vermue", "Servaes"]]
    assert sorted(i.kamerstuk for i in moties) == ["34311-5", "34331-7"]
    for it in moties:
        assert it.date == "2016-03-07"
        assert it.debate == "notaoverleg over de initiatiefnota Eerlijk Werk Wereldwijd"
        assert (it.status, it.execution, it.open) == ("aangenomen", "uitgevoerd", False)
        assert it.subject is None  # the documents do not say what they asked


def test_commitment_of_the_minister_of_economic_affairs(register: Register) -> None:
    # 003, footnote 8: "Toezegging Kamerstuk 32 637, nr. 231, gedaan door de Minister van Economische Zaken
    # tijdens het AO Ondernemen en Bedrijfsfinanciering, d.d. 21 januari 2016"; the running text says what was
    # asked at that AO ("nadere informatie over het concurrentievoordeel dat MVO in de praktijk kan bieden") and
    # that annexes 3 and 4 carry out "deze toezegging".
    it = item(register, "32637-231")
    assert (it.kind, it.members, it.date) == ("toezegging", ["Minister van Economische Zaken"], "2016-01-21")
    assert it.debate == "AO Ondernemen en Bedrijfsfinanciering"
    assert it.subject == "nadere informatie over het concurrentievoordeel dat MVO in de praktijk kan bieden"
    assert (it.status, it.execution, it.open) == ("gedaan", "uitgevoerd", False)


def test_initiative_bill_van_laar(register: Register) -> None:
    # 003: "Denk aan het initiatiefwetsvoorstel van uw Kamerlid Van Laar op het gebied van kinderarbeid, dat
    # binnenkort wordt ingediend." Announced, not yet submitted; no later document says more.
    [it] = [i for i in register.items if i.kind == "initiatiefwetsvoorstel"]
    assert (it.members, it.subject, it.status, it.open) == (["Van Laar"], "kinderarbeid", "aangekondigd", None)
    assert evidence_docs(it, "status") == {"003"}


def test_nothing_else_is_taken_for_an_item(register: Register) -> None:
    # the five items above are all the documents name (the Eurocommissaris' promise in 003 and the
    # initiatiefnota Van Laar/Kerstens are no register items)
    assert len(register.items) == 6


def test_every_state_claim_has_evidence(register: Register) -> None:
    for it in register.items:
        if it.status != "onbekend":
            assert any(e["aspect"] == "status" for e in it.evidence), it.id
        if it.execution != "onbekend":
            assert any(e["aspect"] == "execution" for e in it.evidence), it.id
        assert it.mentions


def test_chat_over_the_seed_register(register: Register) -> None:
    answer = answer_from_register("Welke moties staan nog open?", register, "nl")
    assert answer is not None and "26485-341" in answer.text and "32852-24" not in answer.text
    assert {c.passage.doc_id for c in answer.citations} == {"001"}


def test_timeline_of_the_seeds(seed_corpus) -> None:
    events = build_timeline(seed_corpus)
    by_date = {(e.date, e.kind): e for e in events}
    # 002: "De SRA is op 19 november 2014 uw Kamer toegestuurd"; 003 footnote 5 reports the same letter
    sra = by_date[("2014-11-19", "rapport")]
    assert sra.doc_id == "002" and [x["doc_id"] for x in sra.also_in] == ["003"]
    # 003: "Op 7 december 2015 organiseerde Nederland daartoe een high-level conferentie"
    assert ("2015-12-07", "conferentie") in by_date
    # 003 (June 2016): "Het IMVO-sectorconvenant in de kleding- en textielindustrie is op 9 maart jl. gepresenteerd"
    assert ("2016-03-09", "convenant") in by_date
    # 002 (July 2015): "Op 9 juni jl. werd de nationale rondetafel over goud georganiseerd"
    assert ("2015-06-09", "bijeenkomst") in by_date
    # 004: "Dit convenant is in oktober 2016 ondertekend"
    assert ("2016-10", "convenant") in by_date
    # 003: "op 7 maart 2016 twee moties ... aangenomen"; 001: "in december 2020 breed aangenomen motie"
    assert ("2016-03-07", "motie") in by_date and ("2020-12", "motie") in by_date
    # 000 (December 2020): "Op 8 december a.s. voert de commissie BHOS een notaoverleg" — still to come
    assert by_date[("2020-12-08", "bijeenkomst")].planned
    # the AO of 21 January 2016 appears in 003's text and in its footnote 8: one entry
    assert len([e for e in events if e.date == "2016-01-21"]) == 1
    # goals are no events: seed 004 "de ambitie dat in 2017 een 10-tal convenanten ... gesloten zijn"
    assert not any(e.date == "2017" for e in events)
    keys = [date_sort_key(e.date) for e in events]
    assert keys == sorted(keys)  # in date order; a bare year sorts before the months of that year
    assert all(e.label and len(e.label) <= 210 for e in events)
