"""English words matched to dictionary entries by their Snowball stems: "companies" meets "company",
"expected" meets "expect", "asking" meets "ask".

Snowball also joins derived words ("governance" and "government" are both "govern", "responsible"
and "response" both "respons"), and Dutch words look like English inflections to it ("debat" and
"debate", "studie" and "study"). So words with one stem count as the same word only when one is the
other with an inflectional ending: -s, -es, -d, -ed, -ing, after a final "e" dropped ("arguing"), a
final "y" turned into "i" ("companies") or a doubled consonant ("planned").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
from os.path import commonprefix
from typing import Generic, TypeVar

import Stemmer
from rapidfuzz.distance import Levenshtein

T = TypeVar("T")
_ENDINGS = frozenset({"s", "es", "d", "ed", "ing"})


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def english_stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


def inflections_of_each_other(words: Sequence[str], other: Sequence[str]) -> bool:
    """Word by word the same stem and an inflection apart at most: ("action", "plans") ~ ("action", "plan")."""
    return len(words) == len(other) and all(
        english_stem(a) == english_stem(b) and _inflection_apart(a, b) for a, b in zip(words, other)
    )


def _inflection_apart(a: str, b: str) -> bool:
    if a == b:
        return True
    base, inflected = sorted((a, b), key=len)
    shared = len(commonprefix([base, inflected]))
    lost, ending = base[shared:], inflected[shared:]
    if lost == "":
        # "sign" → "signed"; "plan" → "planned" (the consonant doubled)
        return ending in _ENDINGS or (ending[:1] == base[-1:] and ending[1:] in ("ed", "ing"))
    if lost == "e":
        return ending in ("ed", "ing")  # "argue" → "arguing"
    if lost == "y":
        return ending in ("ies", "ied")  # "company" → "companies"
    return False


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
