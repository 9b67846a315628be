from __future__ import annotations

from assistant.text.question_profile import profile_question
from assistant.text.vocabulary import vocabulary


def test_how_many_question_records_what_it_counts():
    assert profile_question("Hoeveel bedrijven hebben het convenant ondertekend?", "nl").counted == {"bedrijven"}
    # the plural noun among the next words, past "more" and a modifier
    assert profile_question("How many more IMVO covenants did the cabinet expect?", "en").counted == {"covenants"}
    assert profile_question("Wanneer is het convenant ondertekend?", "nl").counted == frozenset()


def test_profile_keeps_every_word_and_marks_the_content_words():
    profile = profile_question("Welke werkgroepen zijn er onder het bankenconvenant?", "nl")
    assert profile.words[0] == "Welke" and len(profile.words) == len(profile.is_content)
    content = [w for w, keep in zip(profile.words, profile.is_content) if keep]
    assert content == list(profile.content_words) == ["werkgroepen", "bankenconvenant"]


def test_general_english_words_have_dutch_words_by_their_base_form():
    vocab = vocabulary()
    assert "specifieke" in vocab.dutch_for("specific")
    assert "andere" in vocab.dutch_for("others")
    assert vocab.dutch_for("zxqv") == ()
