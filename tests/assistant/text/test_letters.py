"""One list of closing formulas, name titles and name particles, read by the cleaner, the metadata reader
and the register alike."""

import pytest

from assistant.register.extract import name_key
from assistant.text.letters import letter_words
from ingest.metadata import load_metadata_rules
from ingest.signature import _is_closing_formula, _is_name_line


def test_lists_are_lower_case_and_without_repeats():
    words = letter_words()
    for values in (words.closing_formulas, words.name_titles, words.name_particles):
        assert values and all(v == v.lower().strip() for v in values)
        assert len(set(values)) == len(values)


@pytest.mark.parametrize("line", ["Met vriendelijke groet,", "Hoogachtend,", "Namens het bestuur,", "Sincerely,"])
def test_the_cleaner_knows_every_closing_formula(line):
    assert _is_closing_formula(line)


@pytest.mark.parametrize("name", ["ds. A. op den Berg", "drs. B. Visser", "E. van der Berg", "C. von Martels"])
def test_cleaner_and_metadata_read_the_same_names(name):
    assert _is_name_line(name)
    m = load_metadata_rules().person_name.match(name)
    assert m and m.group(0) == name


def test_the_register_compares_surnames_without_particles():
    assert name_key("Van den Hul") == "hul"
    assert name_key("Von Martels") == "martels"
    assert name_key("Van 't Wout") == "wout"
