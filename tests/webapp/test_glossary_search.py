"""Glossary search ranks by relevance: the term itself, then its names, then definitions."""

from __future__ import annotations

from assistant.text.lexicon import GlossaryTerm
from assistant.derived.glossary import GlossaryEntry
from assistant.webapp.glossary import search_entries


def entry(term: str, definition: str, expansion: str | None = None, aliases: tuple[str, ...] = ()) -> GlossaryEntry:
    return GlossaryEntry(GlossaryTerm(term=term, definition=definition, expansion=expansion, aliases=aliases))


ENTRIES = [  # alphabetical, as the lexicon gives them
    entry("BAT", "Best available techniques, genoemd in het SER-advies."),
    entry("convenor", "De partij die een convenant begeleidt, zoals de SER."),
    entry("dossier", "Een reserve aan stukken."),
    entry("SER", "Adviesorgaan van werkgevers, werknemers en kroonleden.", expansion="Sociaal-Economische Raad"),
    entry("SER-advies", "Een advies van de raad."),
    entry("sectorovereenkomst", "Afspraak binnen een sector, onder begeleiding van de SER."),
]


def test_the_term_itself_comes_first_then_terms_that_start_with_it_then_definitions() -> None:
    found = [e.term.term for e in search_entries(ENTRIES, "ser")]
    assert found[:2] == ["SER", "SER-advies"]
    assert found[2:] == ["BAT", "convenor", "sectorovereenkomst", "dossier"]  # whole word before part of one


def test_written_out_name_finds_the_term() -> None:
    assert [e.term.term for e in search_entries(ENTRIES, "Sociaal-Economische Raad")] == ["SER"]


def test_no_query_keeps_the_alphabet() -> None:
    assert search_entries(ENTRIES, "  ") == ENTRIES


def test_the_term_column_is_wide_enough_for_the_longest_term() -> None:
    from assistant.webapp.glossary import table_widths

    widths = table_widths(ENTRIES + [entry("gepaste zorgvuldigheid in de keten", "…")])
    assert widths["Begrip"] >= 8 * len("gepaste zorgvuldigheid in de keten")
