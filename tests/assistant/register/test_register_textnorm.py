from __future__ import annotations

from assistant.register.textnorm import document_text, normalise
from assistant.testing.passages import make_passage, passages_from_texts


def test_line_break_hyphens_are_joined_but_real_hyphens_kept() -> None:
    assert normalise("een evaluatie-\nmoment voor de OESO-\nrichtlijnen") == "een evaluatiemoment voor de OESO-richtlijnen"


def test_ocr_damage_from_the_corpus_is_repaired() -> None:
    # seed 003: "om voo6r de zomer van 2016", "doelstelling ... vé6r 2017", "véér 2017"
    assert normalise("om voo6r de zomer van 2016") == "om vóór de zomer van 2016"
    assert normalise("om vé6r 2017 tien convenanten") == "om vóór 2017 tien convenanten"
    assert normalise("IMVO-convenanten véér 2017") == "IMVO-convenanten vóór 2017"


def test_glued_footnote_markers_are_removed() -> None:
    # seed 003: "aangenomen®.", "bijlagen 3 en 4'°", "risicosectoren?,"; and a digit glued to a word
    assert normalise("twee moties aangenomen®. In de bijlagen 3 en 4'° wordt") == (
        "twee moties aangenomen. In de bijlagen 3 en 4 wordt"
    )
    assert normalise("de dertien risicosectoren?, biedt") == "de dertien risicosectoren, biedt"
    assert normalise("deze toezegging8 is gedaan") == "deze toezegging is gedaan"
    assert normalise("de G7 en de G20 in 2015") == "de G7 en de G20 in 2015"  # no marker: kept


def test_a_sentence_cut_by_a_passage_boundary_is_read_whole() -> None:
    # seed 003 breaks "concurrentie-/voordeel" over a page
    doc = document_text(passages_from_texts("d", "2016-06", [
        "Tijdens het AO op 21 januari 2016 heeft uw Kamer gevraagd om nadere informatie over het concurrentie-",
        "voordeel dat MVO in de praktijk kan bieden®. Verder is er niets.",
    ]))
    first = doc.sentences[0]
    assert first.text.endswith("over het concurrentievoordeel dat MVO in de praktijk kan bieden.")
    assert [p.chunk_id for p in first.passages] == ["d-0", "d-1"]
    assert doc.sentences[1].text == "Verder is er niets."


def test_a_sentence_repeated_by_chunk_overlap_is_kept_once() -> None:
    doc = document_text(passages_from_texts("d", "2016-06", [
        "Eerste zin hier. De motie is aangenomen.",
        "De motie is aangenomen. Derde zin hier.",
    ]))
    texts = [s.text for s in doc.sentences]
    assert texts == ["Eerste zin hier.", "De motie is aangenomen.", "Derde zin hier."]
    assert [p.chunk_id for p in doc.sentences[1].passages] == ["d-0", "d-1"]


def test_footnote_numbers_are_stripped_and_footnotes_come_last() -> None:
    doc = document_text([
        make_passage("8 Toezegging Kamerstuk 32 637, nr. 231.", ordinal=0, kind="footnote"),
        make_passage("Gewone tekst.", ordinal=1),
    ])
    assert [(s.text, s.footnote, s.index) for s in doc.sentences] == [
        ("Gewone tekst.", False, 0),
        ("Toezegging Kamerstuk 32 637, nr. 231.", True, -1),
    ]
