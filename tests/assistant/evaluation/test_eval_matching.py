from assistant.evaluation.matching import evidence_supported, key_term_present, normalise


def test_normalise_joins_a_hyphen_at_a_line_break():
    assert normalise("organisa-\ntie") == "organisatie"
    assert normalise("De organisa- \r\n  tie werkt") == "de organisatie werkt"


def test_normalise_folds_punctuation_runs_to_one_space():
    assert normalise("Kamerstuk 26 485, nr. 212!!") == "kamerstuk 26 485 nr 212"
    assert normalise("IMVO-convenanten (SER) — ‘duty_to_protect’") == "imvo convenanten ser duty to protect"
    assert normalise("  ...  ") == ""


def test_normalise_keeps_diacritics_composed_or_not():
    assert normalise("Financiële borging") == "financiële borging"
    assert normalise("Financie\u0308le borging") == "financiële borging"  # decomposed ë


# --- evidence matching ----------------------------------------------------------------------------


def test_exact_match_ignores_case_punctuation_and_line_break_hyphens():
    passage = "Op 8 December a.s. voert de commissie BHOS een nota-\noverleg over IMVO."
    assert evidence_supported("op 8 december a.s. voert de commissie BHOS een notaoverleg", passage)
    assert evidence_supported("BHOS", passage)
    assert not evidence_supported("commissie EZK", passage)


def test_ocr_repaired_evidence_matches_fuzzily_when_long_enough():
    repaired = "Wij zullen voor de zomer van 2016 evalueren."
    assert evidence_supported("voo6r de zomer", repaired)  # 14 characters, partial_ratio ~93
    assert not evidence_supported("voo6r zomer", "Wij gaan voor zomer naar huis.")  # 11 characters: exact only
    assert not evidence_supported("voo6r", "voor de zomer")


def test_fuzzy_match_rejects_different_text_and_stub_passages():
    evidence = "de commissie BHOS een notaoverleg"
    assert not evidence_supported(evidence, "de commissie BZK een wetgevingsoverleg over iets")
    # partial_ratio alone would give 100: the stub is a perfect substring of the evidence
    assert not evidence_supported(evidence, "notaoverleg")


def test_key_term_alternatives_and_normalised_comparison():
    assert key_term_present("uncertain|onzeker", "De toekomst is onzeker.")
    assert not key_term_present("eight|acht", "Er komen er zes bij.")
    assert key_term_present("VNO-NCW", "namens vno ncw en MKB")
    assert key_term_present("7 December 2015|7 december 2015", "Op 7 december 2015 [2].")
    assert not key_term_present("2", "Zie de brief [2].")  # a citation mark is not answer content
