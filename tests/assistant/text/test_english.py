import pytest

from assistant.text.english import EnglishWords, english_stem, inflections_of_each_other


@pytest.mark.parametrize(
    ("a", "b"),
    [("companies", "company"), ("expected", "expect"), ("asking", "ask"), ("letters", "letter"), ("meetings", "meeting"),
     ("studies", "study"), ("participating", "participate"), ("signed", "sign"), ("covenants", "covenant"),
     ("planned", "plan"), ("processes", "process"), ("carried", "carry"), ("union", "union")],
)
def test_inflections_meet(a, b):
    assert english_stem(a) == english_stem(b)
    assert inflections_of_each_other([a], [b]) and inflections_of_each_other([b], [a])


@pytest.mark.parametrize(
    ("a", "b"),
    [("governance", "government"), ("responsible", "response"), ("organisations", "organise"), ("employment", "employer"),
     ("debat", "debate"), ("studie", "study"), ("periode", "period"), ("nations", "national")],
)
def test_derived_words_and_dutch_look_alikes_with_one_stem_do_not(a, b):
    assert english_stem(a) == english_stem(b)
    assert not inflections_of_each_other([a], [b])


def test_phrases_meet_word_by_word():
    assert inflections_of_each_other(["action", "plans"], ["action", "plan"])
    assert not inflections_of_each_other(["action", "plans"], ["action"])
    assert not inflections_of_each_other(["action", "plans"], ["actions", "planning"])


def test_english_words_finds_the_nearest_inflection():
    words = EnglishWords({"round": 1, "rounding": 2, "expect": 3, "govern": 4})
    assert words.get("rounds") == 1
    assert words.get("Rounding") == 2
    assert words.get("expected") == 3
    assert words.get("governance") is None
    assert words.get("zxqv") is None
