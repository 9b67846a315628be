"""The answer column: [n] marks link to their passage, unsupported sentences are marked; source cards."""

from __future__ import annotations

from assistant.core.model import Answer, AnswerSentence, Citation, Passage
from assistant.webapp.answer_view import (
    answer_caption,
    answer_html,
    has_unsupported,
    source_anchor,
    source_card_html,
)
from assistant.webapp.formatting import seconds


def passage(**kw) -> Passage:
    base = dict(
        chunk_id="d:0001", doc_id="d", text="Het textielconvenant is op 4 juli 2016 ondertekend (Kamerstuk 26 485, nr. 219).",
        title="Voortgangsbrief <2016>", doc_type="Kamerbrief", date="2016-06-17", source="brief.txt", page=2,
        kamerstuk_refs=["26485-219"],
    )
    base.update(kw)
    return Passage(**base)


def answer() -> Answer:
    p = passage()
    return Answer(
        question="Wanneer?",
        text="Volgens de documenten:\n\nHet convenant is in 2016 ondertekend. [1] Het kost $5 <veel>. [1, 2] Onzin. [7]",
        answered=True,
        mode="extractive",
        language="nl",
        sentences=[
            AnswerSentence("Het convenant is in 2016 ondertekend.", [1], 1.0, True),
            AnswerSentence("Het kost $5 <veel>.", [1, 2], 0.2, False),
            AnswerSentence("Onzin.", [], 0.0, False),
        ],
        citations=[Citation(1, p, True, [p.text]), Citation(2, passage(chunk_id="d:0002", page=3), False, [])],
        timings_ms={"total": 1234.0},
    )


def test_marks_link_to_the_sources_of_this_turn() -> None:
    out = answer_html(answer(), turn_id=4)
    assert out.count('href="#bron-4-1"') == 2 and out.count('href="#bron-4-2"') == 1
    assert "[7]" in out and "#bron-4-7" not in out  # no such citation: plain text
    assert source_anchor(4, 2) == "bron-4-2"


def test_unsupported_sentences_are_muted_with_a_warning() -> None:
    out = answer_html(answer(), turn_id=1)
    assert out.count('<span class="imvo-unsupported"') == 2
    span = out[out.index('<span class="imvo-unsupported"'):]
    assert "⚠ Het kost &#36;5 &lt;veel&gt;.</span>" in span
    assert "Het convenant is in 2016 ondertekend." in out.split('<span class="imvo-unsupported"')[0]
    assert has_unsupported(answer())


def test_source_card_shows_metadata_marks_and_links() -> None:
    a = answer()
    c = a.citations[0]
    card = source_card_html("[1]", c.passage, anchor="bron-1-1", cited_sentences=c.sentences)
    assert 'id="bron-1-1"' in card
    assert "Voortgangsbrief &lt;2016&gt;" in card
    assert "Kamerbrief · 17 juni 2016 · p. 2" in card
    assert '<mark class="imvo-cited">' in card
    assert card.count("kst-26485-219.html") == 2  # in the text and in the reference list
    assert "imvo-warn" not in card
    assert "imvo-warn" in source_card_html("[2]", a.citations[1].passage, supported=False)


def test_caption_names_mode_and_time() -> None:
    assert answer_caption(answer()) == "extractief antwoord · 1,2 s"
    assert seconds(42.4) == "42 ms"


def test_unsupported_sentence_with_its_mark_before_the_full_stop() -> None:
    a = answer()
    a.text = "Het convenant is getekend [1]. De maan is van kaas [1, 2]. Slot [2]."
    a.sentences = [AnswerSentence("Het convenant is getekend.", [1], 1.0, True),
                   AnswerSentence("De maan is van kaas.", [1, 2], 0.0, False),
                   AnswerSentence("Slot.", [2], 1.0, True)]
    out = answer_html(a, turn_id=2)
    start = out.index('<span class="imvo-unsupported"')
    span = out[start:out.index("</span>", start)]
    assert span.endswith("⚠ De maan is van kaas <a class=\"imvo-ref\" href=\"#bron-2-1\" title=\"Naar bron 1\">[1]</a>"
                         "<a class=\"imvo-ref\" href=\"#bron-2-2\" title=\"Naar bron 2\">[2]</a>.")
    assert "getekend" not in span and "Slot" not in span
