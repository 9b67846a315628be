"""The words of a letter's close and of the names under it (assistant/data/letters.yaml), read once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from assistant.core.datafiles import DataModel, Text, load_data_file

LETTERS_FILE = "letters.yaml"


class LettersFile(DataModel):
    """assistant/data/letters.yaml; the comments there say who reads each list."""

    closing_formulas: list[Text]
    name_titles: list[Text]
    name_particles: list[Text]


@dataclass(frozen=True)
class LetterWords:
    closing_formulas: tuple[str, ...]  # lower case, in file order
    name_titles: tuple[str, ...]
    name_particles: tuple[str, ...]


@cache
def letter_words() -> LetterWords:
    data = load_data_file(LETTERS_FILE, LettersFile)
    lower = lambda words: tuple(w.lower() for w in words)  # noqa: E731
    return LetterWords(lower(data.closing_formulas), lower(data.name_titles), lower(data.name_particles))
