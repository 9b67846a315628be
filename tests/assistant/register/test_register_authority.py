"""Authority in the register: the best source decides an item's state, an undated document never
outranks a dated one, an upload adds evidence but never silently overturns, and contradicting
evidence stays visible with the item marked "tegenstrijdig"."""

from __future__ import annotations

from dataclasses import replace

from assistant.register import build_register
from assistant.register.authority import Authority, default_authority
from assistant.register.state import join_official
from assistant.testing.passages import passages_from_texts

DOUBT_2021 = ("Ondanks een in december 2020 breed aangenomen motie (motie Van den Hul en Van den "
              "Nieuwenhuijzen - Kamerstuk 26485, nr. 341), is de betrokkenheid onzeker.")
UPLOAD_DONE = "Met deze brief wordt voldaan aan de motie Van den Hul en Van den Nieuwenhuijzen (Kamerstuk 26485, nr. 341)."


def build(passages, uploaded=()):
    return build_register(passages, default_authority(set(uploaded))).items


def test_an_undated_upload_cannot_close_an_open_motion() -> None:
    corpus = passages_from_texts("brief", "2021", [DOUBT_2021])
    upload = passages_from_texts("upload", None, [UPLOAD_DONE])
    [item] = build(corpus + upload, uploaded={"upload"})
    assert (item.status, item.execution, item.open) == ("aangenomen", "twijfel", True)
    assert item.contradicted
    conflict = [e for e in item.evidence if e.get("conflict")]
    assert [e["chunk_id"] for e in conflict] == ["upload-0"]
    assert "tegenstrijdig" in conflict[0]["reason"]
    # the evidence the upload contradicts is still shown
    assert any(e["chunk_id"] == "brief-0" and e["value"] == "twijfel" for e in item.evidence)


def test_a_dated_upload_still_does_not_overturn_the_corpus() -> None:
    corpus = passages_from_texts("brief", "2021", [DOUBT_2021])
    upload = passages_from_texts("upload", "2024-01-01", [UPLOAD_DONE])
    [item] = build(corpus + upload, uploaded={"upload"})
    assert (item.execution, item.open, item.contradicted) == ("twijfel", True, True)


def test_an_upload_alone_adds_an_item_with_its_evidence() -> None:
    [item] = build(passages_from_texts("upload", None, [UPLOAD_DONE]), uploaded={"upload"})
    assert item.execution == "uitgevoerd" and not item.contradicted
    assert [e["chunk_id"] for e in item.evidence if e["aspect"] == "execution"] == ["upload-0"]


def test_an_undated_document_never_outranks_a_dated_one() -> None:
    dated = passages_from_texts("dated", "2021", [DOUBT_2021])
    undated = passages_from_texts("undated", None, [UPLOAD_DONE])
    [item] = build(dated + undated)
    assert (item.execution, item.open, item.contradicted) == ("twijfel", True, True)


def test_a_later_report_of_equal_standing_is_progress_not_contradiction() -> None:
    [item] = build(passages_from_texts("a", "2021", [DOUBT_2021]) + passages_from_texts("b", "2022", [UPLOAD_DONE]))
    assert (item.execution, item.open, item.contradicted) == ("uitgevoerd", False, False)


def test_a_kamerstuk_outranks_a_later_letter_from_outside() -> None:
    kamerbrief = passages_from_texts("kb", "2021", [DOUBT_2021])
    letter = [replace(p, doc_type="brief aan Kamerleden") for p in passages_from_texts("ngo", "2022", [UPLOAD_DONE])]
    [item] = build(kamerbrief + letter)
    assert (item.execution, item.contradicted) == ("twijfel", True)


def test_authority_ranks_official_over_kamerstuk_over_letter_over_other_over_upload() -> None:
    a = Authority(frozenset({"Kamerbrief"}), frozenset({"brief aan minister"}), frozenset({"Officieel"}), frozenset({"u"}))
    [p] = passages_from_texts("x", "2020", ["tekst"])
    ranks = [
        a.rank(replace(p, doc_type="Officieel")),
        a.rank(p),
        a.rank(replace(p, doc_type="brief aan minister")),
        a.rank(replace(p, doc_type="SER-advies")),
        a.rank(replace(p, doc_id="u")),
    ]
    assert ranks == sorted(ranks, reverse=True) and len(set(ranks)) == 5
    assert a.rank(replace(p, date=None)) < a.rank(replace(p, doc_type="SER-advies"))


def test_the_official_record_decides_and_keeps_contradicting_documents_visible() -> None:
    [item] = build(passages_from_texts("brief", "2021", [DOUBT_2021]))
    from assistant.register.state import StateVerdict

    verdict = StateVerdict(item.status, item.execution, item.open, evidence=list(item.evidence))
    official = {"reason": "verworpen (officiële registratie)", "quote": "", "chunk_id": "", "source": "tweedekamer.nl"}
    joined = join_official(verdict, "motie", "verworpen", official)
    assert (joined.status, joined.open, joined.contradicted) == ("verworpen", False, True)
    assert any(e.get("conflict") and e["value"] == "aangenomen" for e in joined.evidence)


def test_the_register_answer_says_tegenstrijdig() -> None:
    from assistant.register import Register, answer_from_register

    corpus = passages_from_texts("brief", "2021", [DOUBT_2021])
    upload = passages_from_texts("upload", None, [UPLOAD_DONE])
    register = Register(build(corpus + upload, uploaded={"upload"}))
    answer = answer_from_register("Welke moties staan nog open?", register, "nl")
    assert answer is not None and "tegenstrijdig" in answer.text
