import json
import random
import time

import pytest

from assistant.core.errors import DataFileError
from assistant.text.analysis import DutchAnalyzer, read_word_list
from assistant.text.fold import fold

CORPUS = [
    "De IMVO-convenanten gaan over ketenverantwoordelijkheid van bedrijven in de keten.",
    "Het textielconvenant en andere sectorconvenanten pakken kinderarbeid en lage lonen aan.",
    "De overheid geeft financiële ondersteuning; het kabinet is niet van plan geen geld te geven.",
    "De zeepbelmarkt en de zeepbel: een markt die nergens anders voorkomt dan hier, zeepbel en markt.",
]


@pytest.fixture(scope="module")
def analyzer() -> DutchAnalyzer:
    return DutchAnalyzer.fit(CORPUS)


def test_stopwords_are_dropped_but_negations_and_quantities_kept(analyzer):
    tokens = analyzer.analyze("Het kabinet is niet van plan om geen steun te geven, zonder meer.")
    assert "niet" in tokens
    assert analyzer.stem("geen") in tokens
    assert "zonder" in tokens
    assert analyzer.stem("meer") in tokens
    for stopword in ("het", "is", "van", "om", "te"):
        assert stopword not in tokens


def test_english_function_words_are_dropped(analyzer):
    assert analyzer.analyze("the covenant of the banks") == analyzer.analyze("covenant banks")


def test_inflections_share_one_stem(analyzer):
    for a, b in [
        ("convenanten", "convenant"),
        ("sectoren", "sector"),
        ("ketens", "keten"),
        ("moties", "motie"),
        ("sociale", "sociaal"),
        ("bedrijven", "bedrijf"),
    ]:
        assert analyzer.analyze(a) == analyzer.analyze(b), (a, b)


def test_diacritics_and_ocr_accents_are_folded(analyzer):
    assert analyzer.analyze("financiële") == analyzer.analyze("financieel") == analyzer.analyze("financiéle")
    assert analyzer.analyze("geïdentificeerd") == analyzer.analyze("geidentificeerd")


@pytest.mark.parametrize(
    ("compound", "parts"),
    [
        ("ketenverantwoordelijkheid", ["keten", "verantwoordelijkheid"]),
        ("textielconvenant", ["textiel", "convenant"]),
        ("sectorconvenanten", ["sector", "convenant"]),
        ("kinderarbeid", ["kind", "arbeid"]),
        ("IMVO-convenanten", ["imvo", "convenant"]),
        ("zorgvuldigheidswetgeving", ["zorgvuldigheid", "wetgeving"]),  # linking -s-
        ("textielsectorconvenant", ["textiel", "sector", "convenant"]),  # three parts
    ],
)
def test_compounds_emit_whole_word_and_stemmed_parts(analyzer, compound, parts):
    tokens = analyzer.analyze(compound)
    for part in parts:
        assert analyzer.stem(part) in tokens, (compound, part, tokens)
    assert analyzer.stem(fold(compound).replace("-", "")) in tokens


def test_compound_matches_its_parts_written_apart(analyzer):
    query = set(analyzer.analyze("convenant voor textiel"))
    assert query <= set(analyzer.analyze("het textielconvenant"))


def test_parts_learned_from_the_corpus(analyzer):
    # "zeepbel" and "markt" are not in the curated list: fit() learns them from the corpus.
    assert analyzer.compound_parts("zeepbelmarkt") == ("zeepbel", "markt")
    assert DutchAnalyzer.fit([]).compound_parts("zeepbelmarkt") == ()


def test_words_that_are_no_compounds_stay_whole(analyzer):
    for word in ("overheid", "ondersteuning", "samenwerking", "bedrijven", "verantwoordelijkheid"):
        assert analyzer.compound_parts(word) == (), word


def test_without_decompounding_only_whole_words():
    plain = DutchAnalyzer.fit(CORPUS, decompound=False)
    assert plain.analyze("textielconvenant") == [plain.stem("textielconvenant")]


def test_hyphens_apostrophes_and_numbers(analyzer):
    assert analyzer.analyze("VNO-NCW") == ["vno", "ncw", "vnoncw"]
    assert analyzer.analyze("SDG's") == analyzer.analyze("SDGs") == analyzer.analyze("sdg") == ["sdg"]
    assert analyzer.analyze("Kamerstuk 26 485, nr. 341")[-3:] == ["26485", "nr", "341"]
    assert analyzer.analyze("26485") == ["26485"]
    assert "8" in analyzer.analyze("op 8 december")


def test_word_broken_at_line_end_is_joined(analyzer):
    assert analyzer.analyze("verantwoor-\ndelijkheid") == analyzer.analyze("verantwoordelijkheid")
    assert analyzer.analyze("OESO-\nrichtlijnen") == analyzer.analyze("OESOrichtlijnen")


def test_analyze_many_equals_analyze(analyzer):
    assert analyzer.analyze_many(CORPUS) == [analyzer.analyze(t) for t in CORPUS]


def test_analyze_query_separates_compound_parts(analyzer):
    words, parts = analyzer.analyze_query("Wat staat er in het textielconvenant over de keten?")
    assert words == [analyzer.stem(w) for w in ("staat", "textielconvenant", "keten")]
    assert parts == [analyzer.stem("textiel"), analyzer.stem("convenant")]
    words, parts = analyzer.analyze_query("IMVO-convenanten")
    assert words == ["imvo", analyzer.stem("convenanten")]
    assert parts == [analyzer.stem("imvoconvenanten")]
    assert set(words + parts) == set(analyzer.analyze("IMVO-convenanten"))


def test_save_and_load_round_trip_gives_identical_tokens(analyzer, tmp_path):
    texts = [*CORPUS, "zeepbelmarkt ketenverantwoordelijkheid IMVO-convenanten 26 485 financiële"]
    restored = DutchAnalyzer.from_dict(json.loads(json.dumps(analyzer.to_dict())))
    assert restored.analyze_many(texts) == analyzer.analyze_many(texts)
    analyzer.save(tmp_path / "analyzer.json")
    assert DutchAnalyzer.load(tmp_path / "analyzer.json").analyze_many(texts) == analyzer.analyze_many(texts)


def test_saved_state_does_not_depend_on_the_data_files(analyzer):
    state = analyzer.to_dict()
    state["stopwords"] = ["textielconvenant"]
    assert DutchAnalyzer.from_dict(state).analyze("het textielconvenant")[0] == analyzer.stem("het")


def test_bad_saved_state_raises_typed_error(analyzer, tmp_path):
    with pytest.raises(DataFileError, match="format"):
        DutchAnalyzer.from_dict({"format": 99})
    state = analyzer.to_dict()
    state["vocabulary"] = "keten"
    with pytest.raises(DataFileError, match="vocabulary"):
        DutchAnalyzer.from_dict(state)
    broken = tmp_path / "analyzer.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataFileError, match="analyzer.json"):
        DutchAnalyzer.load(broken)


def test_word_list_with_two_words_on_a_line_is_refused(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("# comment\nketen\nleefbaar loon\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 3"):
        read_word_list(path)


def test_analysis_is_fast_enough():
    # 2,000 chunks of 150 words; the full-size measurement (100,000 chunks) is in the report.
    rng = random.Random(0)
    vocabulary = " ".join(CORPUS).split()
    chunks = [" ".join(rng.choice(vocabulary) + rng.choice(["", "s", "en"]) for _ in range(150)) for _ in range(2000)]
    start = time.perf_counter()
    analyzer = DutchAnalyzer.fit(chunks)
    tokens = analyzer.analyze_many(chunks)
    assert time.perf_counter() - start < 5.0
    assert len(tokens) == len(chunks) and all(tokens)


def test_unfitted_analyzer_splits_with_the_curated_domain_words():
    default = DutchAnalyzer()
    assert default.stem("textiel") in default.analyze("textielconvenant")
    assert default.compound_parts("zeepbelmarkt") == ()


def test_clearing_the_cache_changes_no_tokens(analyzer):
    before = analyzer.analyze_many(CORPUS)
    analyzer.clear_cache()
    assert analyzer.analyze_many(CORPUS) == before


def test_one_list_of_function_words_for_retrieval_and_answers(tmp_path) -> None:
    from assistant.text.vocabulary import vocabulary
    from assistant.text.analysis import default_stopwords, function_words, read_word_list

    # BM25 keeps negations and words that matter in a phrase; for matching they carry no content
    assert "niet" not in default_stopwords() and "niet" in function_words()
    assert default_stopwords() < function_words() == vocabulary().function_words
    words = tmp_path / "words.txt"
    words.write_text("de\n!niet  # kept\nhet\n", encoding="utf-8")
    assert read_word_list(words) == {"de", "het"} and read_word_list(words, kept=True) == {"niet"}
