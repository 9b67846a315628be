from assistant.text.fold import fold


def test_fold_removes_diacritics_and_case():
    assert fold("Financiële Geïdentificeerd") == "financiele geidentificeerd"
    assert fold("ÉÉN") == "een"


def test_fold_straightens_quotes():
    assert fold("zo’n ‘motie’ „zei” “hij”") == "zo'n 'motie' \"zei\" \"hij\""


def test_fold_keeps_letters_without_an_accent_to_drop():
    # Letters that are not a base letter plus an accent stay; dashes and signs are not words to delete.
    assert fold("Søren 2019–2020 €5") == "søren 2019–2020 €5"


def test_fold_splits_ligatures():
    assert fold("ﬁnanciering") == "financiering"


def test_fold_is_idempotent():
    for text in ("Financiële", "zo’n", "ASCII only", "Søren"):
        assert fold(fold(text)) == fold(text)
