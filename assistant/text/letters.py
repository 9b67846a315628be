"""The words of a letter's close and of the names under it (assistant/data/letters.yaml), read once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from assistant.core.errors import DataFileError

LETTERS_FILE = "letters.yaml"


@dataclass(frozen=True)
class LetterWords:
    closing_formulas: tuple[str, ...]  # lower case, in file order
    name_titles: tuple[str, ...]
    name_particles: tuple[str, ...]


@cache
def letter_words() -> LetterWords:
    path = resources.files("assistant") / "data" / LETTERS_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(path, f"cannot be read ({exc}); reinstall the package (`make install`)") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(path, f"is not valid YAML ({exc}); fix the file") from exc
    if not isinstance(data, dict):
        raise DataFileError(path, "must hold a mapping at the top level; fix the file")
    return LetterWords(*(_words(data, key, path) for key in ("closing_formulas", "name_titles", "name_particles")))


def _words(data: dict[str, Any], key: str, path: Any) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
        raise DataFileError(path, f"key `{key}` must be a non-empty list of words; fix the file")
    return tuple(w.strip().lower() for w in value)
