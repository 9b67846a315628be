from __future__ import annotations

import hashlib

import pytest

from assistant.core.errors import ConfigurationError, IngestFileError
from assistant.text.sentences import split_sentences
from ingest.chunk import chunk_document
from assistant.core.model import Chunk
from ingest.parsed import Block, CleanDocument
from tests.ingest.clean_factory import footnote, heading, item, make_clean, meta, para, sentence, signature


def n_words(text: str) -> int:
    return len(text.split())


def long_paragraph(n_sentences: int, words_each: int = 20) -> str:
    return " ".join(sentence(words_each, stem=f"s{i}x") for i in range(n_sentences))


def flow(chunks: list[Chunk]) -> list[Chunk]:
    return [c for c in chunks if c.kind != "footnote"]


def assert_offsets_exact(clean: CleanDocument, chunks: list[Chunk]) -> None:
    for chunk in chunks:
        assert clean.text[chunk.start : chunk.end] == chunk.text


def test_offsets_are_exact_and_ordinals_follow_the_text() -> None:
    clean = make_clean(
        heading("1. Inleiding"),
        para(long_paragraph(4)),
        para(long_paragraph(5)),
        heading("2. Voortgang"),
        para(long_paragraph(16)),
        footnote("1", "Kamerstuk 26 485, nr. 197."),
    )
    chunks = chunk_document(clean, meta())
    assert_offsets_exact(clean, chunks)
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    assert [c.start for c in chunks] == sorted(c.start for c in chunks)
    assert all(c.doc_id == "doc" for c in chunks)


def test_a_long_paragraph_is_cut_between_sentences_only() -> None:
    text = long_paragraph(30, words_each=17)  # 510 words
    clean = make_clean(para(text))
    chunks = chunk_document(clean, meta())
    assert len(chunks) >= 3
    starts = {a for a, _ in split_sentences(text)}
    ends = {b for _, b in split_sentences(text)}
    for chunk in chunks:
        assert chunk.start in starts and chunk.end in ends
        assert n_words(chunk.text) <= 250


def test_overlap_repeats_exactly_the_last_sentence_of_the_previous_chunk() -> None:
    text = long_paragraph(30, words_each=17)
    clean = make_clean(para(text))
    chunks = chunk_document(clean, meta(), overlap_sentences=1)
    sentence_spans = split_sentences(text)
    for previous, current in zip(chunks, chunks[1:]):
        last_sentence = next(span for span in sentence_spans if span[1] == previous.end)
        assert current.start == last_sentence[0]
        assert current.text.startswith(clean.text[last_sentence[0] : last_sentence[1]])
        assert previous.text.endswith(clean.text[current.start : last_sentence[1]])


def test_two_sentences_of_overlap_and_none() -> None:
    text = long_paragraph(30, words_each=17)
    clean = make_clean(para(text))
    spans = split_sentences(text)
    two = chunk_document(clean, meta(), overlap_sentences=2)
    for previous, current in zip(two, two[1:]):
        end_index = next(i for i, span in enumerate(spans) if span[1] == previous.end)
        assert current.start == spans[end_index - 1][0]
    none = chunk_document(clean, meta(), overlap_sentences=0)
    for previous, current in zip(none, none[1:]):
        assert current.start > previous.end


def test_overlap_is_dropped_when_it_would_push_a_chunk_past_max_words() -> None:
    text = " ".join([sentence(50, "a"), sentence(50, "b"), sentence(50, "c"), sentence(220, "d")])
    clean = make_clean(para(text))
    chunks = chunk_document(clean, meta())
    assert [c.text.split()[0] for c in chunks] == ["Zina", "Zinb", "Zind"]
    assert [n_words(c.text) for c in chunks] == [100, 100, 220]


def test_word_counts_stay_within_bounds() -> None:
    specs = [heading("1. Inleiding")]
    for i in range(12):
        specs.append(para(long_paragraph(1 + i % 5, words_each=15 + i)))
    specs.append(para(long_paragraph(25, words_each=14)))
    clean = make_clean(*specs)
    chunks = chunk_document(clean, meta(), target_words=140, max_words=250, min_words=60)
    sizes = [n_words(c.text) for c in chunks]
    assert max(sizes) <= 250
    assert min(sizes) >= 60
    assert sum(sizes) / len(sizes) >= 100


def test_a_single_overlong_sentence_is_kept_whole() -> None:
    monster = sentence(300, "m")
    clean = make_clean(para(sentence(30, "a") + " " + monster + " " + sentence(30, "b")))
    chunks = chunk_document(clean, meta())
    assert any(c.text.startswith(monster) or monster in c.text for c in chunks)
    assert all(n_words(c.text) <= 250 or monster in c.text for c in chunks)


def test_text_without_any_full_stop_is_cut_at_words_when_far_beyond_max_words() -> None:
    clean = make_clean(para(" ".join(f"cel{i}" for i in range(700))))  # a table flattened by OCR
    chunks = chunk_document(clean, meta())
    assert len(chunks) >= 3 and all(n_words(c.text) <= 250 for c in chunks)
    assert_offsets_exact(clean, chunks)


def test_sections_follow_the_cleaners_heading_annotation_when_there_are_no_heading_blocks() -> None:
    clean = make_clean(
        para(long_paragraph(4), heading="Textiel"),
        para(long_paragraph(4), heading="Banken"),
    )
    chunks = chunk_document(clean, meta())
    assert [c.heading for c in chunks] == ["Textiel", "Banken"]


def test_a_breadcrumb_heading_on_the_blocks_stays_in_the_section_of_its_heading_block() -> None:
    clean = make_clean(
        heading("2.1 Rol overheid"),
        para(long_paragraph(2), heading="2. Aandachtspunten › 2.1 Rol overheid"),
        para(long_paragraph(2), heading="2. Aandachtspunten › 2.1 Rol overheid"),
    )
    chunks = chunk_document(clean, meta())
    assert len(chunks) == 1
    assert chunks[0].text.startswith("2.1 Rol overheid")
    assert chunks[0].heading == "2. Aandachtspunten › 2.1 Rol overheid"


def test_a_new_section_starts_a_new_chunk_and_carries_its_heading() -> None:
    clean = make_clean(
        heading("1. Inleiding"),
        para(long_paragraph(4)),  # 80 words
        heading("2. Voortgang"),
        para(long_paragraph(4, words_each=21)),
    )
    chunks = chunk_document(clean, meta())
    assert len(chunks) == 2
    assert chunks[0].heading == "1. Inleiding" and chunks[0].text.startswith("1. Inleiding\n\n")
    assert chunks[1].heading == "2. Voortgang" and chunks[1].text.startswith("2. Voortgang\n\n")
    assert "Voortgang" not in chunks[0].text
    assert chunks[0].kind == "paragraph"


def test_a_small_section_joins_the_next_one_under_the_same_top_level_heading() -> None:
    clean = make_clean(
        heading("2. Aandachtspunten"),
        heading("2.1 Rol overheid"),
        para(long_paragraph(2)),  # 40 words: small
        heading("2.2 Mededinging"),
        para(long_paragraph(4)),
        heading("3. Stand van zaken"),
        para(long_paragraph(2)),  # small, but the last section: kept
    )
    chunks = chunk_document(clean, meta())
    assert len(chunks) == 2
    first, second = chunks
    assert first.text.startswith("2. Aandachtspunten\n\n2.1 Rol overheid")
    assert "2.2 Mededinging" in first.text
    assert first.heading == "2.1 Rol overheid"
    assert second.text.startswith("3. Stand van zaken") and second.heading == "3. Stand van zaken"


def test_a_small_section_does_not_cross_a_top_level_heading() -> None:
    clean = make_clean(
        heading("1. Inleiding"),
        para(long_paragraph(2)),  # small
        heading("2. Voortgang"),
        para(long_paragraph(4)),
    )
    chunks = chunk_document(clean, meta())
    assert [c.heading for c in chunks] == ["1. Inleiding", "2. Voortgang"]


def test_a_small_section_is_kept_when_the_next_does_not_fit() -> None:
    clean = make_clean(
        heading("Textiel"),
        para(long_paragraph(2)),  # 40 words
        heading("Banken"),
        para(long_paragraph(11)),  # 220 words, one paragraph: 40 + 220 > 250
    )
    chunks = chunk_document(clean, meta())
    assert [c.heading for c in chunks] == ["Textiel", "Banken"]


def test_a_list_stays_together_with_its_lead_in() -> None:
    items = [item(f"– {sentence(12, f'i{i}')}") for i in range(6)]
    clean = make_clean(
        heading("Werkgroepen"),
        para(long_paragraph(5)),  # 100 words
        para("Op dit moment zijn dat:"),
        *items,
        para(long_paragraph(3)),
    )
    chunks = chunk_document(clean, meta())
    holder = [c for c in chunks if "Op dit moment zijn dat:" in c.text]
    assert len(holder) == 1
    assert all(block.text in holder[0].text for block in clean.blocks if block.kind == "list_item")
    assert holder[0].text.startswith("Op dit moment zijn dat:")
    assert holder[0].kind == "paragraph"


def test_a_list_too_long_for_one_chunk_is_cut_between_items_with_the_lead_in_kept_on_the_first() -> None:
    items = [item(f"• {sentence(40, f'i{i}')}") for i in range(8)]  # 320 words
    clean = make_clean(para("Drie sectoren hebben nog geen initiatief genomen:"), *items)
    chunks = chunk_document(clean, meta())
    assert len(chunks) >= 2
    assert chunks[0].text.startswith("Drie sectoren") and "• Zini0" in chunks[0].text
    item_starts = {b.start for b in clean.blocks if b.kind == "list_item"}
    assert all(c.start in item_starts for c in chunks[1:])
    assert all(n_words(c.text) <= 250 for c in chunks)


def test_footnotes_become_their_own_chunks_linked_to_the_citing_chunk() -> None:
    clean = make_clean(
        heading("1. Inleiding"),
        para(long_paragraph(5) + " Zie het SER-advies1 hierover.", refs=("1",)),
        footnote("1", "1 Kamerstuk 26 485, nr. 197"),
        heading("2. Voortgang"),
        para(long_paragraph(5) + " Ook de tussenbalans2 telt.", refs=("2",)),
        footnote("2", "2 Kamerstuk 33 043, nr. 42"),
        footnote("3", "3 Raadpleegbaar via www.tweedekamer.nl"),
    )
    chunks = chunk_document(clean, meta())
    notes = [c for c in chunks if c.kind == "footnote"]
    assert [c.text for c in notes] == [b.text for b in clean.blocks if b.kind == "footnote"]
    by_id = {c.chunk_id: c for c in chunks}
    assert "SER-advies1" in by_id[notes[0].footnote_of].text
    assert "tussenbalans2" in by_id[notes[1].footnote_of].text
    assert notes[2].footnote_of is None
    assert notes[0].heading == "1. Inleiding"
    assert all(c.footnote_of is None for c in flow(chunks))
    assert all(b.text not in c.text for c in flow(chunks) for b in clean.blocks if b.kind == "footnote")


def test_footnote_numbering_that_restarts_links_to_the_nearest_citation_before_it() -> None:
    clean = make_clean(
        heading("1. Eerste"),
        para(long_paragraph(4) + " Eerste noot1 hier.", refs=("1",), page=1),
        footnote("1", "1 Noot op pagina een."),
        heading("2. Tweede"),
        para(long_paragraph(4) + " Tweede noot1 hier.", refs=("1",), page=2),
        footnote("1", "1 Noot op pagina twee."),
    )
    chunks = chunk_document(clean, meta())
    by_id = {c.chunk_id: c for c in chunks}
    notes = [c for c in chunks if c.kind == "footnote"]
    assert "Eerste noot1" in by_id[notes[0].footnote_of].text
    assert "Tweede noot1" in by_id[notes[1].footnote_of].text


def test_a_citing_paragraph_cut_in_sentences_links_the_part_with_the_marker() -> None:
    text = long_paragraph(20) + " Hier staat de verwijzing7 naar de motie. " + long_paragraph(5)
    clean = make_clean(para(text, refs=("7",)), footnote("7", "7 Motie Van den Hul, Kamerstuk 26485, nr. 341"))
    chunks = chunk_document(clean, meta())
    note = next(c for c in chunks if c.kind == "footnote")
    citing = next(c for c in chunks if c.chunk_id == note.footnote_of)
    assert "verwijzing7" in citing.text
    assert note.kamerstuk_refs == ["26485-341"]


def test_a_footnote_left_between_paragraphs_is_a_place_to_end_a_chunk() -> None:
    clean = make_clean(
        para(sentence(70)),  # ≥ min_words: end the chunk at the footnote rather than swallow it
        footnote("1", "1 Kamerstuk 26 485, nr. 197"),
        para(sentence(30, "b")),
        para(sentence(40, "c")),
    )
    chunks = flow(chunk_document(clean, meta()))
    assert [n_words(c.text) for c in chunks] == [70, 70]
    assert all("Kamerstuk" not in c.text for c in chunks)


def test_a_heading_is_never_left_alone_before_a_footnote() -> None:
    clean = make_clean(
        para(long_paragraph(5)),
        heading("2.1 Rol overheid", page=1),
        footnote("1", "1 SER (2014) advies IMVO-convenanten, publ.nr. 14/04", page=1),
        para(long_paragraph(5), page=2),
    )
    chunks = flow(chunk_document(clean, meta()))
    second = chunks[-1]
    assert second.text.startswith("2.1 Rol overheid") and second.text.endswith(clean.blocks[-1].text)
    assert second.page == 1 and second.heading == "2.1 Rol overheid"


def test_signature_joins_the_preceding_chunk_when_it_fits() -> None:
    sig = "De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,\nE.M.J. Ploumen"
    clean = make_clean(heading("Tot slot"), para(long_paragraph(5)), signature(sig))
    chunks = chunk_document(clean, meta())
    assert len(chunks) == 1
    # the passage holding a signature is labelled so "who signed" questions can find it
    assert chunks[0].text.endswith("E.M.J. Ploumen") and chunks[0].kind == "signature"


def test_signature_is_its_own_chunk_when_it_does_not_fit() -> None:
    sig = "Met vriendelijke groeten,\n\nTuur Elzinga   Guusje Dolsma    Anneke Westerlaken"
    clean = make_clean(para(long_paragraph(7, words_each=35)), signature(sig))  # 245 words + 9 > 250
    chunks = chunk_document(clean, meta())
    assert [c.kind for c in chunks] == ["paragraph", "signature"]
    assert chunks[1].text == sig


def test_two_signature_blocks_both_follow_the_last_passage() -> None:
    clean = make_clean(
        para(long_paragraph(5)),
        signature("De Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking,\nE.M.J. Ploumen"),
        signature("De Minister van Economische Zaken,\nH.G.J. Kamp"),
        footnote("8", "8 Toezegging Kamerstuk 32 637, nr. 231"),
    )
    chunks = chunk_document(clean, meta())
    assert [c.kind for c in chunks] == ["signature", "footnote"]
    assert "Ploumen" in chunks[0].text and chunks[0].text.endswith("H.G.J. Kamp")


def test_ids_are_deterministic_and_follow_the_text() -> None:
    def build(word: str) -> CleanDocument:
        return make_clean(
            heading("1. Inleiding"),
            para(long_paragraph(5)),
            heading("2. Voortgang"),
            para(long_paragraph(4) + f" Het tempo moet {word}."),
        )

    first = chunk_document(build("omhoog"), meta(doc_id="brief-2016"))
    again = chunk_document(build("omhoog"), meta(doc_id="brief-2016"))
    changed = chunk_document(build("omlaag"), meta(doc_id="brief-2016"))
    assert [c.chunk_id for c in first] == [c.chunk_id for c in again]
    assert first[0].chunk_id == changed[0].chunk_id
    assert first[1].chunk_id != changed[1].chunk_id
    for chunk in first:
        digest = hashlib.sha256(chunk.text.encode("utf-8")).hexdigest()
        assert chunk.content_hash == digest
        assert chunk.chunk_id == f"brief-2016:{chunk.ordinal:04d}:{digest[:10]}"


def test_kamerstuk_references_are_found_and_deduplicated() -> None:
    text = (
        "De motie (Kamerstuk 26 485, nr. 341) en de brief Kamerstuk 26485, nr. 341 gaan samen met "
        "Kamerstuk 32 852 nr. 24 op. " + long_paragraph(3)
    )
    chunks = chunk_document(make_clean(para(text)), meta())
    assert chunks[0].kamerstuk_refs == ["26485-341", "32852-24"]


def test_page_and_label_come_from_the_first_block() -> None:
    clean = make_clean(
        para(long_paragraph(2), page=3, page_label="iii"),
        para(long_paragraph(2), page=4, page_label="iv"),
    )
    chunks = chunk_document(clean, meta())
    assert len(chunks) == 1 and (chunks[0].page, chunks[0].page_label) == (3, "iii")


def test_blocks_before_any_heading_have_no_heading() -> None:
    chunks = chunk_document(make_clean(para("Geachte Kamerleden,"), para(long_paragraph(4))), meta())
    assert chunks[0].heading is None and chunks[0].text.startswith("Geachte Kamerleden,")


def test_embedding_text_puts_title_and_heading_before_the_text() -> None:
    chunks = chunk_document(make_clean(heading("2. Voortgang"), para(long_paragraph(4))), meta())
    assert chunks[0].indexed_text("Tussenrapportage IMVO-convenanten") == (
        f"Tussenrapportage IMVO-convenanten — 2. Voortgang\n{chunks[0].text}"
    )
    headless = chunk_document(make_clean(para(long_paragraph(4))), meta())[0]
    assert headless.indexed_text("Brief") == f"Brief\n{headless.text}"


def test_empty_document_has_no_chunks() -> None:
    assert chunk_document(CleanDocument(text="", blocks=[]), meta()) == []


def test_inconsistent_sizes_are_a_configuration_error() -> None:
    clean = make_clean(para("Tekst."))
    with pytest.raises(ConfigurationError, match="IMVO_CHUNK_MIN_WORDS"):
        chunk_document(clean, meta(), target_words=50, min_words=80)
    with pytest.raises(ConfigurationError, match="OVERLAP"):
        chunk_document(clean, meta(), overlap_sentences=-1)


def test_block_offsets_that_do_not_match_the_text_are_reported_with_the_file() -> None:
    clean = make_clean(para("Eerste alinea."), para("Tweede alinea."))
    broken = CleanDocument(clean.text, [clean.blocks[0], Block("paragraph", "Tweede alinea.", 1, 3, 17)])
    with pytest.raises(IngestFileError, match=r"testbrief\.txt.*block 1"):
        chunk_document(broken, meta())
