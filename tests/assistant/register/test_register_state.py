"""State logic: status from the furthest step, execution from the latest report, `open` from both, and
every verdict backed by evidence."""

from __future__ import annotations

from assistant.register import build_register
from assistant.testing.passages import passages_from_texts


def one_item(*docs):
    passages = []
    for doc_id, date, texts in docs:
        passages += passages_from_texts(doc_id, date, texts)
    [item] = build_register(passages).items
    return item


def evidence(item) -> list[tuple[str, str, str]]:
    return [(e["aspect"], e["value"], e["chunk_id"]) for e in item.evidence]


def test_adopted_and_nothing_reported_is_open() -> None:
    item = one_item(("a", "2017-02", ["De motie van de leden Pietersen en Klaver over leefbaar loon is aangenomen."]))
    assert (item.status, item.execution, item.open) == ("aangenomen", "onbekend", True)
    assert evidence(item) == [("status", "aangenomen", "a-0")]


def test_reported_carried_out_in_a_later_document_closes_it() -> None:
    item = one_item(
        ("a", "2017-02", ["De motie van de leden Pietersen en Klaver (Kamerstuk 26 485, nr. 260) is aangenomen."]),
        ("b", "2018-05", ["Met deze brief wordt voldaan aan de motie Pietersen/Klaver."]),
    )
    assert (item.kamerstuk, item.status, item.execution, item.open) == ("26485-260", "aangenomen", "uitgevoerd", False)
    assert evidence(item) == [("status", "aangenomen", "a-0"), ("execution", "uitgevoerd", "b-0")]
    assert [m["chunk_id"] for m in item.mentions] == ["a-0", "b-0"]


def test_documents_are_read_in_date_order_not_input_order() -> None:
    item = one_item(
        ("later", "2019-01", ["Ondanks de motie Pietersen en Klaver is het onderzoek nog niet uitgevoerd."]),
        ("earlier", "2018-05", ["De motie Pietersen/Klaver is aangenomen. Met deze brief wordt voldaan aan de motie "
                                "Pietersen/Klaver."]),
    )
    assert (item.execution, item.open) == ("twijfel", True)  # the later doubt outweighs the earlier report
    assert [e["chunk_id"] for e in item.evidence if e["aspect"] == "execution"] == ["later-0"]


def test_doubt_without_stated_adoption_leaves_open_unknown() -> None:
    item = one_item(("d", "2019-01", ["Ondanks de motie Pietersen en Klaver is het onderzoek nog niet uitgevoerd."]))
    assert (item.status, item.execution, item.open) == ("onbekend", "twijfel", None)


def test_carried_out_without_stated_adoption_is_inferred_and_says_so() -> None:
    # seed 003 reports executing the motion Smaling/Voordewind but never says it was adopted
    item = one_item(("d", "2016-06", ["Mede ter uitvoering van de motie van de leden Smaling en Voordewind om "
                                      "een evaluatiemoment in te stellen, biedt het kabinet u deze brief aan."]))
    assert (item.status, item.status_inferred, item.execution, item.open) == ("aangenomen", True, "uitgevoerd", False)
    status = [e for e in item.evidence if e["aspect"] == "status"]
    assert status and "afgeleid" in status[0]["reason"]


def test_mentioned_without_any_state_is_unknown_and_has_no_evidence() -> None:
    item = one_item(("d", "2016-06", ["De motie Smaling gaat over de evaluatie van convenanten."]))
    assert (item.status, item.execution, item.open, item.evidence) == ("onbekend", "onbekend", None, [])
    assert [m["chunk_id"] for m in item.mentions] == ["d-0"]


def test_rejected_withdrawn_and_held_over() -> None:
    assert one_item(("d", "2018", ["De motie van het lid De Roon over subsidie is verworpen."])).open is False
    assert one_item(("d", "2018", ["De motie van het lid Voordewind is ingetrokken."])).open is False
    held = one_item(("d", "2018", ["De motie-Jansen (Kamerstuk 26 485, nr. 250) is aangehouden."]))
    assert (held.status, held.open) == ("aangehouden", None)


def test_not_adopted_is_rejected() -> None:
    item = one_item(("d", "2018", ["De motie van het lid Jansen over leefbaar loon is niet aangenomen."]))
    assert (item.status, item.open) == ("verworpen", False)


def test_a_later_adoption_beats_an_earlier_submission() -> None:
    item = one_item(
        ("a", "2018-01", ["De motie van het lid Jansen over leefbaar loon is ingediend."]),
        ("b", "2018-03", ["De motie van het lid Jansen is op 6 maart 2018 aangenomen."]),
    )
    assert (item.status, item.date) == ("aangenomen", "2018-03-06")


def test_a_commitment_is_made_when_recorded_and_closed_by_afgedaan() -> None:
    item = one_item(("t", "2019-05", [
        "Tijdens het commissiedebat van 3 april 2019 heeft de Minister voor Buitenlandse Handel en "
        "Ontwikkelingssamenwerking toegezegd om de Kamer te informeren over de evaluatie.",
        "Hiermee is de toezegging afgedaan.",
    ]))
    assert (item.kind, item.status, item.execution, item.open) == ("toezegging", "gedaan", "uitgevoerd", False)
    assert ("execution", "uitgevoerd", "t-1") in evidence(item)


def test_an_announced_bill_is_neither_open_nor_closed() -> None:
    item = one_item(("d", "2016-06", ["Denk aan het initiatiefwetsvoorstel van uw Kamerlid Van Laar op het gebied "
                                      "van kinderarbeid, dat binnenkort wordt ingediend."]))
    assert (item.status, item.execution, item.open) == ("aangekondigd", "onbekend", None)


def test_every_verdict_has_evidence() -> None:
    item = one_item(("d", "2021", ["Ondanks een in december 2020 breed aangenomen motie (motie Van den Hul en Van "
                                   "den Nieuwenhuijzen - Kamerstuk 26485, nr. 341), is de betrokkenheid onzeker."]))
    assert (item.status, item.execution, item.open) == ("aangenomen", "twijfel", True)
    aspects = {e["aspect"] for e in item.evidence}
    assert aspects == {"status", "execution"}
    for e in item.evidence:
        assert e["quote"] in e["text"].replace("\n", " ") or e["quote"]
        assert {"doc_id", "title", "source", "page", "text", "chunk_id", "reason"} <= set(e)
