"""The words of a letter's close and of the names under it (assistant/data/letters.yaml), read once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from assistant.text.data_files import read_mapping, word_list

LETTERS_FILE = "letters.yaml"


@dataclass(frozen=True)
class LetterWords:
    closing_formulas: tuple[str, ...]  # lower case, in file order
    name_titles: tuple[str, ...]
    name_particles: tuple[str, ...]


@cache
def letter_words() -> LetterWords:
    data = read_mapping(LETTERS_FILE)
    keys = ("closing_formulas", "name_titles", "name_particles")
    return LetterWords(*(word_list(data, key, LETTERS_FILE) for key in keys))
