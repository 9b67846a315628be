"""English words matched to dictionary entries by their Snowball stems: "companies" meets "company",
"expected" meets "expect", "asking" meets "ask".

Snowball also strips derivational endings ("governance" and "government" are both "govern",
"responsible" and "response" both "respons"). An inflection adds an ending of at most three letters
to its base and changes at most the base's last letter ("company" → "companies", "argue" → "arguing"),
so words with one stem count as the same word only when they differ that little.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
from os.path import commonprefix
from typing import Generic, TypeVar

import Stemmer
from rapidfuzz.distance import Levenshtein

T = TypeVar("T")
MAX_ENDING = 3  # "-ing", "-ies"


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def english_stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


def inflections_of_each_other(words: Sequence[str], other: Sequence[str]) -> bool:
    """Word by word the same stem and at most an inflection apart: ("action", "plans") ~ ("action", "plan")."""
    return len(words) == len(other) and all(
        english_stem(a) == english_stem(b) and _inflection_apart(a, b) for a, b in zip(words, other)
    )


def _inflection_apart(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    shared = len(commonprefix([short, long]))
    return len(short) - shared <= 1 and len(long) - shared <= MAX_ENDING


def same_word_entries(words: Sequence[str], entries: Iterable[tuple[Sequence[str], T]]) -> list[T]:
    """What the entries (their words, a value) that are inflections of `words` stand for."""
    return [value for entry_words, value in entries if inflections_of_each_other(words, entry_words)]


class EnglishWords(Generic[T]):
    """A mapping from English words to values, also found from another inflection: get("rounds") finds "round"."""

    def __init__(self, mapping: Mapping[str, T]) -> None:
        self._exact = {key.lower(): value for key, value in mapping.items()}
        self._by_stem: dict[str, list[str]] = {}
        for key in self._exact:
            self._by_stem.setdefault(english_stem(key), []).append(key)

    def get(self, word: str) -> T | None:
        low = word.lower()
        if low in self._exact:
            return self._exact[low]
        candidates = [k for k in self._by_stem.get(english_stem(low), ()) if inflections_of_each_other([low], [k])]
        if not candidates:
            return None
        # the nearest spelling: "rounds" finds "round" before "rounding"
        return self._exact[min(candidates, key=lambda k: Levenshtein.distance(low, k))]
