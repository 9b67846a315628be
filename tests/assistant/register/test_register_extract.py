"""Mention patterns on the corpus's own sentences (copied from the seeds, OCR damage included) and on
sentences written for the purpose."""

from __future__ import annotations

from assistant.register.extract import extract_mentions, find_debate, name_key, named_in_text, split_names
from assistant.testing.passages import make_passage, passages_from_texts

# seed 003, first paragraph (page 1), verbatim
SEED3_SMALING = (
    "en haar stakeholders'. Mede ter uitvoering van de motie van de leden\n"
    "Smaling en Voordewind om voo6r de zomer van 2016 een evaluatie-\n"
    "moment in te stellen voor de convenanten van de dertien risicosectoren?,\n"
    "biedt het u in deze brief inzicht in de voortgang van het traject om tot\n"
    "IMVO-convenanten te komen."
)
SEED3_SMALING_NOTE = "Motie van de leden Smaling en Voordewind d.d. 29 april 2015 (Kamerstuk 32 852 nr. 24)."
# seed 001, first paragraph
SEED1_MOTIE = (
    "De looptijd van het IMVO-convenant kleding & textiel is verstreken, andere IMVO-\n"
    "convenanten gaan een laatste fase in. Ondanks een in december 2020 breed aangenomen\n"
    "motie in de Tweede Kamer met een oproep aan het kabinet om de IMVO-convenanten\n"
    "te blijven ondersteunen en betrokkenheid te continueren (motie Van den Hul en Van\n"
    "den Nieuwenhuijzen - Kamerstuk 26485, nr. 341), is de (inhoudelijke en financiéle)\n"
    "betrokkenheid van de overheid bij de toekomst van de IMVO-convenanten momenteel\n"
    "onzeker. Tijdens de gesprekken over een mogelijke doorstart van het IMVVO-convenant\n"
    "kleding en textiel trokken uw vertegenwoordigers zich terug met het argument dat het\n"
    "huidige en toekomstige beleid van overheidswege op dit moment onduidelijk is."
)
# seed 003, closing paragraph and its footnotes 8 and 9
SEED3_AO = (
    "Tijdens het AO Ondernemen in Bedrijfsfinanciering op 21 januari 2016\n"
    "heeft uw Kamer gevraagd om nadere informatie over het concurrentie-\n"
    "voordeel dat MVO in de praktijk kan bieden®. Verder zijn tijdens het\n"
    "notaoverleg over de initiatiefnota Eerlijk Werk Wereldwijd van de leden\n"
    "Van Laar en Kerstens op 7 maart 2016 twee moties van de leden Vermue\n"
    "en Servaes aangenomen®. In de bijlagen 3 en 4'° wordt uitvoering\n"
    "gegeven aan deze toezegging en moties."
)
SEED3_NOTE_8 = (
    "8 Toezegging Kamerstuk 32 637, nr. 231, gedaan door de Minister van Economische Zaken tijdens\n"
    "het AO Ondernemen en Bedrijfsfinanciering, d.d. 21 januari 2016."
)
SEED3_NOTE_9 = (
    "° Notaoverleg over de initiatiefnota Eerlijk Werk Wereldwijd, Kamerstuk 34 331, nr. 7 en\n"
    "Kamerstuk 34 311, nr. 5."
)
SEED3_VAN_LAAR = (
    "* Ookin Nederland is er een roep om wettelijke initiatieven die een\n"
    "bijdrage leveren aan verduurzaming van waardeketens. Denk aan het\n"
    "initiatiefwetsvoorstel van uw Kamerlid Van Laar op het gebied van\n"
    "kinderarbeid, dat binnenkort wordt ingediend."
)


def mentions(texts, date="2016-06", doc_id="d"):
    return extract_mentions(passages_from_texts(doc_id, date, texts))


def signals(m) -> set[tuple[str, str]]:
    return {(s.aspect, s.value) for s in m.signals}


def test_names_are_split_and_compared_without_tussenvoegsel() -> None:
    assert split_names("Van den Hul en Van den Nieuwenhuijzen") == ["Van den Hul", "Van den Nieuwenhuijzen"]
    assert split_names("Van den Hul/Van den Nieuwenhuijzen") == ["Van den Hul", "Van den Nieuwenhuijzen"]
    assert split_names("Smaling, Voordewind en Van Laar") == ["Smaling", "Voordewind", "Van Laar"]
    assert split_names("Smaling en Tweede") == ["Smaling"]  # "Tweede (Kamer)" is no member
    assert name_key("Van den Hul") == "hul"
    assert name_key("Vermué") == "vermue"


def test_smaling_motion_in_running_text_with_ocr_damage() -> None:
    [m] = mentions([SEED3_SMALING])
    assert (m.kind, m.members, m.kamerstuk) == ("motie", ["Smaling", "Voordewind"], None)
    # "voo6r" repaired, "evaluatie-/moment" joined, the "?" footnote marker dropped
    assert m.subject == "vóór de zomer van 2016 een evaluatiemoment in te stellen voor de convenanten van de dertien risicosectoren"
    assert m.date is None  # "de zomer van 2016" belongs to the subject, not to the motion
    assert signals(m) == {("execution", "uitgevoerd")}


def test_smaling_footnote_gives_number_and_date() -> None:
    [m] = mentions([("footnote", SEED3_SMALING_NOTE)])
    assert (m.kind, m.members, m.kamerstuk, m.date.iso, m.subject) == (
        "motie", ["Smaling", "Voordewind"], "32852-24", "2015-04-29", None
    )


def test_adopted_motion_with_doubt_in_seed_001() -> None:
    [m] = mentions([SEED1_MOTIE], date="2021")
    assert m.members == ["Van den Hul", "Van den Nieuwenhuijzen"]  # name broken over a line
    assert m.kamerstuk == "26485-341"
    assert m.date.iso == "2020-12"
    assert m.subject == "de IMVO-convenanten te blijven ondersteunen en betrokkenheid te continueren"
    assert signals(m) == {("status", "aangenomen"), ("execution", "twijfel")}
    # the reason follows in the next sentence and is kept as evidence too
    assert any("trokken uw vertegenwoordigers zich terug" in s.sentence.text for s in m.signals)


def test_two_motions_get_the_numbers_of_the_debate_footnote_and_the_back_reference_executes_them() -> None:
    found = mentions([SEED3_AO, ("footnote", SEED3_NOTE_8), ("footnote", SEED3_NOTE_9)])
    moties = [m for m in found if m.kind == "motie" and m.origin == "explicit"]
    assert sorted(m.kamerstuk for m in moties) == ["34311-5", "34331-7"]
    assert all(m.members == ["Vermue", "Servaes"] and m.date.iso == "2016-03-07" for m in moties)
    assert all(m.debate == "notaoverleg over de initiatiefnota Eerlijk Werk Wereldwijd" for m in moties)
    assert all(("status", "aangenomen") in signals(m) for m in moties)
    refs = [m for m in found if m.origin == "reference"]
    assert sorted((m.kind, m.kamerstuk) for m in refs) == [
        ("motie", "34311-5"), ("motie", "34331-7"), ("toezegging", "32637-231")
    ]
    assert all(("execution", "uitgevoerd") in signals(m) for m in refs)


def test_commitment_footnote_is_completed_by_the_body_sentence_about_its_debate() -> None:
    found = mentions([SEED3_AO, ("footnote", SEED3_NOTE_8)])
    [m] = [m for m in found if m.kind == "toezegging" and m.origin == "explicit"]
    assert m.members == ["Minister van Economische Zaken"]
    assert (m.kamerstuk, m.date.iso, m.debate) == ("32637-231", "2016-01-21", "AO Ondernemen en Bedrijfsfinanciering")
    assert m.subject == "nadere informatie over het concurrentievoordeel dat MVO in de praktijk kan bieden"
    assert ("status", "gedaan") in signals(m)


def test_initiative_bill_announced() -> None:
    [m] = mentions([SEED3_VAN_LAAR])
    assert (m.kind, m.members, m.subject) == ("initiatiefwetsvoorstel", ["Van Laar"], "kinderarbeid")
    assert signals(m) == {("status", "aangekondigd")}  # "binnenkort wordt ingediend" is no submission yet


def test_the_initiative_memorandum_is_not_a_bill() -> None:
    # seed 003: "de initiatiefnota Eerlijk Werk Wereldwijd van de leden Van Laar en Kerstens"
    assert named_in_text("de initiatiefnota Eerlijk Werk Wereldwijd van de leden Van Laar en Kerstens") == []


def test_generic_mentions_are_no_items() -> None:
    assert mentions([
        "Tot slot gaat het kabinet in op een aantal nog openstaande moties en toezeggingen.",  # seed 003
        "Een breed aangenomen motie in de Tweede Kamer vroeg om meer steun.",
        # seed 003: a commitment by a European Commissioner is none the Kamer can hold the government to
        "Eurocommissaris Bienkowska heeft hierop toegezegd het plan nog dit jaar te zullen opleveren.",
    ]) == []


def test_written_forms_of_motions() -> None:
    assert named_in_text("de motie-Smaling over evaluatie") == [("motie", ["Smaling"], None)]
    assert named_in_text("de motie Van den Hul/Van den Nieuwenhuijzen") == [
        ("motie", ["Van den Hul", "Van den Nieuwenhuijzen"], None)
    ]
    assert named_in_text("de motie van het lid De Roon is verworpen") == [("motie", ["De Roon"], None)]
    assert named_in_text("Wat is de status van motie 26485-341?") == [("motie", [], "26485-341")]
    assert named_in_text("de motie (Kamerstuk 35 925, nr. 12) is aangenomen") == [("motie", [], "35925-12")]


def test_commitment_by_a_minister_in_running_text() -> None:
    [m] = mentions([
        "Tijdens het commissiedebat van 3 april 2019 heeft de Minister voor Buitenlandse Handel en "
        "Ontwikkelingssamenwerking toegezegd om de Kamer voor de zomer te informeren over de evaluatie."
    ], date="2019-05")
    assert m.members == ["Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"]
    assert (m.date.iso, m.debate) == ("2019-04-03", "commissiedebat")
    assert m.subject == "de Kamer voor de zomer te informeren over de evaluatie"


def test_ocr_damaged_variants() -> None:
    # no Kamerstuk numbers: two items told apart by their part number
    found = mentions(["Verder zijn twee moties van de leden Vermue\nen Servaes aangenomen®."])
    assert [(x.members, x.part, x.count) for x in found] == [(["Vermue", "Servaes"], 1, 2), (["Vermue", "Servaes"], 2, 2)]
    [t] = mentions([("footnote", "8 Toezegging8 Kamerstuk 32 637, nr. 231, gedaan door de Minister van "
                                 "Economische Za-\nken tijdens het AO Ondernemen, d.d. 21 januari 2016.")])
    assert (t.kamerstuk, t.members) == ("32637-231", ["Minister van Economische Zaken"])


def test_signals_go_to_the_nearest_mention() -> None:
    found = mentions(["De motie Jansen is aangenomen, terwijl de motie Pietersen is verworpen."])
    assert [(m.members, signals(m)) for m in found] == [
        (["Jansen"], {("status", "aangenomen")}),
        (["Pietersen"], {("status", "verworpen")}),
    ]


def test_a_weak_back_reference_needs_a_signal() -> None:
    found = mentions([
        "De Minister heeft toegezegd om de Kamer te informeren over leefbaar loon.",
        "Daarmee komt de toezegging aan de orde.",  # no state: no reference recorded
        "Hiermee is de toezegging afgedaan.",
    ], date="2019-05")
    refs = [m for m in found if m.origin == "reference"]
    assert [(r.sentence.passage.chunk_id, signals(r)) for r in refs] == [
        ("d-2", {("status", "gedaan"), ("execution", "uitgevoerd")})
    ]


def test_debate_names() -> None:
    assert find_debate("Tijdens het AO Ondernemen in Bedrijfsfinanciering op 21 januari 2016 heeft")[0] == (
        "AO Ondernemen in Bedrijfsfinanciering"
    )
    assert find_debate("Notaoverleg over de initiatiefnota Eerlijk Werk Wereldwijd, Kamerstuk 34 331")[0] == (
        "Notaoverleg over de initiatiefnota Eerlijk Werk Wereldwijd"
    )
    assert find_debate("Tijdens de gesprekken over een doorstart") is None


def test_passages_of_other_documents_are_kept_apart() -> None:
    ps = [make_passage(SEED3_SMALING, doc_id="a"), make_passage("In deze brief staat niets.", doc_id="b")]
    assert {m.sentence.passage.doc_id for m in extract_mentions(ps)} == {"a"}
