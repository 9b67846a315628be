import json
from pathlib import Path

import pytest
import yaml

from assistant.core.errors import DataFileError
from assistant.text.lexicon import (
    ABBREVIATIONS,
    DEFAULT_EXPANSION_WEIGHT,
    detect_language,
    load_lexicon,
    parse_abbreviations,
    parse_en_nl,
    read_lexicon,
)

from tests.paths import DEV_SET as DEV_QUESTIONS  # noqa: E402


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def lowered(expansions: list[str]) -> set[str]:
    return {e.lower() for e in expansions}


def test_english_question_gets_dutch_terms(lexicon):
    expanded = lexicon.expand_query("Which motions on child labour in the garment industry were adopted?")
    assert expanded.language == "en"
    assert {"kinderarbeid", "kleding", "moties", "aangenomen"} <= lowered(expanded.expansions)


def test_multi_word_phrases_win_over_their_words(lexicon):
    expansions = lowered(lexicon.expand_query("What is a living wage under the child labour rules?").expansions)
    assert {"leefbaar loon", "kinderarbeid"} <= expansions
    assert "loon" not in expansions  # "wage" alone
    assert "arbeid" not in expansions  # "labour" alone


def test_plural_english_terms_match(lexicon):
    assert "convenant" in lowered(lexicon.expand_query("Which covenants did the banks sign?").expansions)


def test_dutch_question_uses_only_english_phrases(lexicon):
    # "term" is also a Dutch word; as English it would add "termijn".
    expanded = lexicon.expand_query("Wat betekent de term due diligence voor een bedrijf?")
    assert expanded.language == "nl"
    expansions = lowered(expanded.expansions)
    assert "gepaste zorgvuldigheid" in expansions
    assert "termijn" not in expansions and "looptijd" not in expansions


def test_dutch_synonyms_are_added(lexicon):
    assert "bancaire sector" in lowered(lexicon.expand_query("Wat spraken de banken af?").expansions)


def test_abbreviation_gets_its_expansion(lexicon):
    expansions = lowered(lexicon.expand_query("Wat adviseerde de SER over convenanten?").expansions)
    assert "sociaal-economische raad" in expansions
    oecd = lowered(lexicon.expand_query("What do the OECD Guidelines say about due diligence?").expansions)
    assert {"oeso", "oeso-richtlijnen"} <= oecd


def test_expansion_gets_its_abbreviation(lexicon):
    expanded = lexicon.expand_query("Wat doet de Sociaal Economische Raad?")
    assert "SER" in expanded.expansions
    assert any(d.kind == "abbreviation" and d.text == "SER" for d in expanded.details)
    assert "NCP" in lexicon.expand_query("Klacht bij het Nationaal Contactpunt").expansions


def test_plural_and_possessive_abbreviations_are_found(lexicon):
    assert "Sustainable Development Goals" in lexicon.expand_query("What are the SDGs?").expansions
    assert "duurzame ontwikkelingsdoelen" in lexicon.expand_query("Welke SDG's noemt de SER?").expansions


def test_case_sensitive_abbreviations_ignore_ordinary_words(lexicon):
    assert "Koninklijk Instituut voor de Tropen" in lexicon.expand_query("Wat zei het KIT?").expansions
    assert lexicon.expand_query("een kit voor de badkamer").expansions == []


def test_dutch_question_gets_no_english_names(lexicon):
    expansions = lexicon.expand_query("Wat adviseerde de SER?").expansions
    assert "Social and Economic Council" not in expansions


def test_expansions_do_not_repeat_the_question(lexicon):
    expanded = lexicon.expand_query("SER en de Sociaal-Economische Raad")
    assert "SER" not in expanded.expansions
    assert "Sociaal-Economische Raad" not in expanded.expansions


def test_expansions_weigh_less_and_alternatives_share_the_weight(lexicon):
    expanded = lexicon.expand_query("Welke bedrijven hebben het IMVO-convenant getekend?")
    assert expanded.weight == DEFAULT_EXPANSION_WEIGHT < 1
    by_trigger: dict[str, float] = {}
    for detail in expanded.details:
        by_trigger[detail.trigger] = by_trigger.get(detail.trigger, 0) + detail.weight
    assert by_trigger and all(total == pytest.approx(expanded.weight) for total in by_trigger.values())


def test_translations_of_an_english_question_carry_the_words_full_weight(lexicon):
    # the Dutch documents do not contain the English word, so its translation stands in for it
    expanded = lexicon.expand_query("Which companies signed the covenant?")
    by_trigger: dict[str, float] = {}
    for detail in expanded.details:
        if detail.kind == "translation":
            by_trigger[detail.trigger] = by_trigger.get(detail.trigger, 0) + detail.weight
    assert by_trigger and all(total == pytest.approx(1.0) for total in by_trigger.values())
    assert [t for t, _ in expanded.weighted_expansions()] == expanded.expansions
    assert expanded.expansion_text == " ".join(expanded.expansions)


def test_question_without_domain_terms_has_no_expansions(lexicon):
    expanded = lexicon.expand_query("Wanneer vond het overleg plaats?")
    assert expanded.expansions == [] and expanded.original == "Wanneer vond het overleg plaats?"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Welke afspraken staan er in het convenant?", "nl"),
        ("What does the covenant say about wages?", "en"),
        ("motie Smaling Voordewind", "nl"),
        ("gold covenant signatories", "en"),
        ("kinderarbeid textielsector", "nl"),
        ("Is het kabinet van plan de convenanten te steunen?", "nl"),
        ("Is the cabinet planning to support the covenants?", "en"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


@pytest.mark.skipif(not DEV_QUESTIONS.exists(), reason="dev questions not available")
def test_language_detection_on_dev_questions(lexicon):
    questions = [json.loads(line) for line in DEV_QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    correct = sum(lexicon.detect_language(q["question"]) == q["lang"] for q in questions)
    assert correct / len(questions) >= 0.9


def test_english_terms_are_found_in_any_inflection(lexicon):
    def translations(question: str) -> set[str]:
        return {d.text for d in lexicon.expand_query(question, "en").details if d.kind == "translation"}

    assert {"bedrijven", "bedrijf"} <= translations("Which companies?")
    assert {"bedrijven", "bedrijf"} <= translations("Which company?")
    assert {"ondertekend", "ondertekenen"} <= translations("Who signed it?")  # "signed" and "sign"
    assert "plannen van aanpak" in translations("the action plan of the sector")


def test_derived_english_words_do_not_share_translations(lexicon):
    # "governance" and "government" have one stem; a lexicon entry for one is no translation of the other
    expanded = {(d.trigger, d.text) for d in lexicon.expand_query("land governance in Africa", "en").details}
    assert not any(trigger == "governance" for trigger, _ in expanded)


def test_glossary_has_terms_and_abbreviations_from_one_source(lexicon):
    glossary = lexicon.glossary()
    terms = {t.term: t for t in glossary}
    assert {"gepaste zorgvuldigheid", "motie", "toezegging", "notaoverleg", "Kamerstuk"} <= set(terms)
    assert terms["SER"].expansion == "Sociaal-Economische Raad"
    assert terms["motie"].expansion is None and "moties" in terms["motie"].aliases
    abbreviations = yaml.safe_load(ABBREVIATIONS.read_text(encoding="utf-8"))
    assert {a["abbr"] for a in abbreviations} <= set(terms)
    assert len(terms) == len(glossary)  # no term twice
    assert all(t.definition.strip() for t in glossary)


def test_glossary_terms_in_text(lexicon):
    found = [t.term for t in lexicon.glossary_terms_in("De SER begeleidt due diligence en klachtenmechanismen.")]
    assert {"SER", "gepaste zorgvuldigheid", "klachtenmechanisme"} <= set(found)


def test_bad_abbreviation_entry_names_the_entry():
    with pytest.raises(DataFileError, match=r"field '\[1\]' \(abbr: XYZ\): give the written-out name in 'nl' and/or 'en'"):
        parse_abbreviations(
            [{"abbr": "SER", "nl": ["Sociaal-Economische Raad"], "definition": "x"}, {"abbr": "XYZ", "definition": "x"}],
            Path("abbreviations.yaml"),
        )


def test_bad_lexicon_entry_names_the_key():
    with pytest.raises(DataFileError, match=r"lexicon_en_nl.yaml: field 'en_nl.covenant': expected a list, got 3"):
        parse_en_nl({"en_nl": {"covenant": 3}}, Path("lexicon_en_nl.yaml"))


def test_invalid_yaml_file_is_reported_with_its_path(tmp_path):
    broken = tmp_path / "abbreviations.yaml"
    broken.write_text("- abbr: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="abbreviations.yaml: is not valid YAML"):
        read_lexicon(abbreviations=broken)


def test_an_unknown_field_in_an_abbreviation_is_named():
    with pytest.raises(DataFileError, match=r"field '\[0\].defintion' \(abbr: SER\): is not a known field"):
        parse_abbreviations([{"abbr": "SER", "nl": ["Sociaal-Economische Raad"], "defintion": "x"}], Path("abbreviations.yaml"))


def test_an_english_term_needs_a_dutch_term():
    with pytest.raises(DataFileError, match=r"field 'en_nl.covenant': give at least one Dutch term"):
        parse_en_nl({"en_nl": {"covenant": []}}, Path("lexicon_en_nl.yaml"))
