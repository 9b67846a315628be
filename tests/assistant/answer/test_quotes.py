from __future__ import annotations

from assistant.answer.quotes import check_quotes, quote_in_passage
from tests.assistant.answer.helpers import SECTORS, TEXTILE, passage


def test_quotes_are_taken_out_and_a_quote_not_in_its_passage_fails_its_sentence() -> None:
    passages = [passage(1, TEXTILE), passage(2, SECTORS)]
    raw = (
        "The textile covenant was presented on 9 March [1] «op 9 maart jl. gepresenteerd». "
        "It has a budget of 20 million euro [2] «een budget van 20 miljoen euro»."
    )
    check = check_quotes(raw, passages)
    assert "«" not in check.text and "[1]" in check.text and "[2]" in check.text
    assert check.quoted == 2
    assert len(check.failed) == 1 and "budget" in next(iter(check.failed))


def test_ocr_near_verbatim_quotes_count_as_found() -> None:
    assert quote_in_passage("gepresenteerd door een brede coalitie van branche-organisaties", TEXTILE)
    assert not quote_in_passage("het convenant is opgezegd", TEXTILE)
