"""Lexical analysis for BM25: Dutch text → stemmed tokens, with compounds split into their parts.

The same analyzer (with the vocabulary it was fitted on) must tokenise the passages at index time and
the questions at query time, so it is saved with the index (`to_dict`/`save`) and restored from there.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache
from itertools import chain
from pathlib import Path
from typing import Any

import Stemmer

from assistant.core.errors import DataFileError
from assistant.text.fold import fold

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
STOPWORDS_NL = DATA_DIR / "stopwords_nl.txt"
STOPWORDS_EN = DATA_DIR / "stopwords_en.txt"
COMPOUND_PARTS_NL = DATA_DIR / "compound_parts_nl.txt"
COMPOUND_BLOCKLIST_NL = DATA_DIR / "compound_blocklist_nl.txt"

FORMAT_VERSION = 1

# Grouped numbers first ("26 485" is how Kamerstuk dossiers are printed, "5.000" a Dutch thousand),
# then words/numbers with inner hyphens or apostrophes ("vno-ncw", "sdg's").
# Analysis cost grows with the square of a word's length (compound splitting), so a pathological token
# (a 1 MB run of letters) is cut: longer than any real word, so nothing real is lost.
MAX_WORD_CHARS = 64
MAX_TOKEN_CHARS = 512  # a hyphenated run of words ("noord-zuid-...") is cut before it is split into words

_TOKEN = re.compile(r"\d{1,3}(?:[ .]\d{3})+(?![\w])|[^\W_]+(?:['’`\-‐‑][^\W_]+)*")
# A hyphen at a line end followed by a lower-case letter is a word broken over two lines.
_LINE_BREAK_HYPHEN = re.compile(r"(?<=[^\W\d_])[-‐‑][ \t]*\r?\n[ \t]*(?=[a-zà-ÿ])")
_APOSTROPHE = re.compile(r"['’`]")
_HYPHEN = re.compile(r"[-‐‑]")
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")  # SDGs, UNGPs, NGOs


KEPT_MARK = "!"  # in a stop-word file: a function word that BM25 keeps (it matters in a phrase)


def read_word_list(path: Path, *, kept: bool = False) -> frozenset[str]:
    """One word per line; '#' starts a comment. Words are folded so they compare with folded text.

    Lines marked with '!' in a stop-word file are words BM25 keeps but that carry no content when a
    question is matched to a sentence: `kept=True` reads those, the default reads the others."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(path, f"cannot read word list ({exc.strerror}); restore it from the repository") from exc
    words = set()
    for number, line in enumerate(lines, start=1):
        word = line.split("#", 1)[0].strip()
        if not word or word.startswith(KEPT_MARK) != kept:
            continue
        word = word.removeprefix(KEPT_MARK).strip()
        if " " in word:
            raise DataFileError(path, f"line {number}: {word!r} holds more than one word; put one word per line")
        words.add(fold(word))
    return frozenset(words)


@cache
def default_stopwords() -> frozenset[str]:
    # English function words too: questions may be English and such words never carry Dutch content.
    return read_word_list(STOPWORDS_NL) | read_word_list(STOPWORDS_EN)


@cache
def function_words() -> frozenset[str]:
    """Words that carry no content for matching: the stop words, and those BM25 keeps for their phrases
    (niet, geen, tegen ...). The one list of function words, for retrieval and answers alike."""
    kept = read_word_list(STOPWORDS_NL, kept=True) | read_word_list(STOPWORDS_EN, kept=True)
    return default_stopwords() | kept


@cache
def default_domain_words() -> frozenset[str]:
    return read_word_list(COMPOUND_PARTS_NL)


@cache
def default_blocked_parts() -> frozenset[str]:
    return read_word_list(COMPOUND_BLOCKLIST_NL)


class Decompounder:
    """Splits a compound into known words: 'ketenverantwoordelijkheid' → ('keten', 'verantwoordelijkheid').

    A split needs a known head (the right part, at least `min_head` letters) and a known modifier (at
    least `min_modifier` letters), possibly followed by a linking morpheme (-s-, -e-, -en-, -er-). The
    longest known head wins; the parts are split again, so three-part compounds yield every part.
    """

    LINKERS = ("s", "e", "en", "er")

    def __init__(
        self,
        vocabulary: Iterable[str],
        blocked: Iterable[str] = (),
        *,
        min_modifier: int = 3,
        min_head: int = 4,
    ) -> None:
        self.blocked = frozenset(blocked)
        self.vocabulary = frozenset(w for w in vocabulary if w.isalpha() and w not in self.blocked)
        self.min_modifier = min_modifier
        self.min_head = min_head
        self._cache: dict[str, tuple[str, ...]] = {}

    def split(self, word: str) -> tuple[str, ...]:
        """All parts of `word` (not `word` itself), outer split first; () when it is no compound."""
        parts = self._cache.get(word)
        if parts is None:
            parts = self._split(word)
            self._cache[word] = parts
        return parts

    def clear_cache(self) -> None:
        self._cache.clear()

    def _split(self, word: str) -> tuple[str, ...]:
        if len(word) < self.min_modifier + self.min_head or not word.isalpha():
            return ()
        vocabulary = self.vocabulary
        # Ascending positions give the longest head first. Most words end in no known word: cheap exit.
        heads = [i for i in range(self.min_modifier, len(word) - self.min_head + 1) if word[i:] in vocabulary]
        if not heads:
            return ()
        for i in heads:
            modifier = self._modifier_word(word[:i])
            if modifier is not None:
                return self._with_subparts(modifier, word[i:])
        # The head may itself be a compound ("textiel|sector|convenant" when "sectorconvenant" is unknown).
        for i in range(self.min_modifier, heads[-1] - self.min_modifier + 1):
            head_parts = self.split(word[i:])
            if not head_parts:
                continue
            modifier = self._modifier_word(word[:i])
            if modifier is not None:
                return self._unique((modifier, word[i:], *self.split(modifier), *head_parts))
        return ()

    def _modifier_word(self, modifier: str) -> str | None:
        """The known word a modifier stands for (linker removed), or None."""
        if modifier in self.vocabulary:
            return modifier
        for linker in self.LINKERS:
            stem = modifier[: -len(linker)]
            if modifier.endswith(linker) and len(stem) >= self.min_modifier and stem in self.vocabulary:
                return stem
        if modifier not in self.blocked and self.split(modifier):
            return modifier
        return None

    def _with_subparts(self, modifier: str, head: str) -> tuple[str, ...]:
        return self._unique((modifier, head, *self.split(modifier), *self.split(head)))

    @staticmethod
    def _unique(parts: Iterable[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(parts))


class DutchAnalyzer:
    """Text → BM25 tokens: fold, tokenise, drop stopwords, split compounds, stem. Caches per distinct word."""

    def __init__(
        self,
        *,
        vocabulary: Iterable[str] | None = None,
        stopwords: Iterable[str] | None = None,
        blocked_parts: Iterable[str] | None = None,
        decompound: bool = True,
        stemmer: str = "dutch",
    ) -> None:
        self.stopwords = frozenset(default_stopwords() if stopwords is None else (fold(w) for w in stopwords))
        blocked = frozenset(default_blocked_parts() if blocked_parts is None else blocked_parts)
        # Without a fitted vocabulary only the curated domain words are known compound parts.
        self.vocabulary = frozenset(default_domain_words() if vocabulary is None else vocabulary) - self.stopwords
        self.decompound = decompound
        self.stemmer_name = stemmer
        try:
            self._stemmer = Stemmer.Stemmer(stemmer)
        except KeyError as exc:
            raise DataFileError("analyzer settings", f"unknown stemmer {stemmer!r}; use one of Stemmer.algorithms()") from exc
        # Stopwords never count as compound parts: they are particles ("over", "onder", "door"), not nouns.
        self._decompounder = Decompounder(self.vocabulary, blocked | self.stopwords)
        self._token_cache: dict[str, tuple[str, ...]] = {}
        self._word_cache: dict[str, tuple[str, ...]] = {}
        self._stem_cache: dict[str, str] = {}

    # --- building ----------------------------------------------------------------------
    @classmethod
    def fit(
        cls,
        texts: Iterable[str],
        *,
        min_count: int = 2,
        decompound: bool = True,
        domain_words: Iterable[str] | None = None,
    ) -> DutchAnalyzer:
        """An analyzer whose compound vocabulary is the corpus words seen `min_count` times plus the domain list."""
        stopwords = default_stopwords()
        raw_counts: Counter[str] = Counter()
        for text in texts:
            raw_counts.update(_TOKEN.findall(_join_broken_words(text)))
        word_counts: Counter[str] = Counter()
        for raw, count in raw_counts.items():
            for word in _surface_words(raw):
                if len(word) >= 3 and word.isalpha() and word not in stopwords:
                    word_counts[word] += count
        vocabulary = {w for w, c in word_counts.items() if c >= min_count}
        vocabulary |= default_domain_words() if domain_words is None else {fold(w) for w in domain_words}
        return cls(vocabulary=vocabulary, decompound=decompound)

    # --- analysing -----------------------------------------------------------------------
    def analyze(self, text: str) -> list[str]:
        cache = self._token_cache
        raws = _TOKEN.findall(_join_broken_words(text))
        try:
            return list(chain.from_iterable(map(cache.__getitem__, raws)))
        except KeyError:  # new words: analyse them once, then take the fast path again
            for raw in raws:
                if raw not in cache:
                    cache[raw] = self._analyze_token(raw)
            return list(chain.from_iterable(map(cache.__getitem__, raws)))

    def analyze_many(self, texts: Iterable[str]) -> list[list[str]]:
        return [self.analyze(text) for text in texts]

    def analyze_query(self, text: str, known: Callable[[str], bool] | None = None) -> tuple[list[str], list[str]]:
        """(word tokens, part tokens) of a question, so a retriever can weight compound parts lower.

        `analyze` gives the same tokens in one list. A compound in a question otherwise counts three times
        (whole word and two parts) against once for a simple word. The joined form of a hyphenated word
        ("imvoconvenant") counts as a part too. With `known` (is this token in the index?), the parts of a
        compound the index does not contain count as words: they are the only way it can match.
        """
        words: list[str] = []
        parts: list[str] = []
        for raw in _TOKEN.findall(_join_broken_words(text)):
            surface = _surface_words(raw)
            joined = surface[-1] if len(surface) > 2 and surface[-1] == "".join(surface[:-1]) else None
            for word in surface:
                analysed = self._analyze_word(word)
                if not analysed:
                    continue
                if word == joined:
                    parts.extend(analysed)
                elif known is not None and len(analysed) > 1 and not known(analysed[0]):
                    words.extend(analysed)
                else:
                    words.append(analysed[0])
                    parts.extend(analysed[1:])
        words = list(dict.fromkeys(words))
        seen = set(words)
        return words, [t for t in dict.fromkeys(parts) if t not in seen]

    def clear_cache(self) -> None:
        """Forget the per-word results (they are rebuilt on demand); frees memory after indexing a corpus."""
        self._token_cache.clear()
        self._word_cache.clear()
        self._stem_cache.clear()
        self._decompounder.clear_cache()

    def compound_parts(self, word: str) -> tuple[str, ...]:
        """The (unstemmed) parts the analyzer finds in one word; () when it does not split it."""
        return self._decompounder.split(fold(word)) if self.decompound else ()

    def _analyze_token(self, raw: str) -> tuple[str, ...]:
        words = _surface_words(raw[:MAX_TOKEN_CHARS])
        if len(words) == 1:
            return self._analyze_word(words[0])
        out: list[str] = []
        for word in words:
            out.extend(self._analyze_word(word))
        return tuple(dict.fromkeys(out))

    def _analyze_word(self, word: str) -> tuple[str, ...]:
        word = word[:MAX_WORD_CHARS]  # splitting compounds costs the square of a word's length
        analysed = self._word_cache.get(word)
        if analysed is not None:
            return analysed
        if word in self.stopwords or (len(word) < 2 and not word.isdigit()):
            analysed = ()
        else:
            parts = self._decompounder.split(word) if self.decompound else ()
            if parts:
                analysed = tuple(dict.fromkeys([self.stem(word), *map(self.stem, parts)]))
            else:
                analysed = (self.stem(word),)
        self._word_cache[word] = analysed
        return analysed

    def stem(self, word: str) -> str:
        """Snowball stem with long vowels shortened, so 'sectoren'/'sector' and 'sociaal'/'sociale' meet."""
        stem = self._stem_cache.get(word)
        if stem is None:
            stem = self._stemmer.stemWord(word)
            # The Snowball Dutch stemmer is not idempotent ('ketens' → 'keten' → 'keet'); iterate once more.
            stem = self._stemmer.stemWord(stem)
            if not word.isdigit():
                stem = stem.replace("aa", "a").replace("ee", "e").replace("oo", "o").replace("uu", "u")
                if len(stem) > 4 and stem.endswith("e"):
                    stem = stem[:-1]
            self._stem_cache[word] = stem
        return stem

    # --- persistence ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "stemmer": self.stemmer_name,
            "decompound": self.decompound,
            "stopwords": sorted(self.stopwords),
            "blocked_parts": sorted(self._decompounder.blocked - self.stopwords),
            "vocabulary": sorted(self.vocabulary),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: object = "analyzer state") -> DutchAnalyzer:
        if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
            found = data.get("format") if isinstance(data, dict) else type(data).__name__
            raise DataFileError(
                source, f"field 'format' is {found!r}, expected {FORMAT_VERSION}: rebuild the index with `imvo ingest --rebuild`"
            )
        for field in ("stopwords", "blocked_parts", "vocabulary"):
            value = data.get(field)
            if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
                raise DataFileError(source, f"field {field!r} must be a list of words: rebuild the index with `imvo ingest --rebuild`")
        return cls(
            vocabulary=data["vocabulary"],
            stopwords=data["stopwords"],
            blocked_parts=data["blocked_parts"],
            decompound=bool(data.get("decompound", True)),
            stemmer=str(data.get("stemmer", "dutch")),
        )

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_dict(), ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> DutchAnalyzer:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise DataFileError(path, f"cannot read the saved analyzer ({exc}): rebuild the index with `imvo ingest --rebuild`") from exc
        return cls.from_dict(data, source=path)


def _join_broken_words(text: str) -> str:
    if "\n" not in text or ("-" not in text and "‐" not in text and "‑" not in text):
        return text
    return _LINE_BREAK_HYPHEN.sub("", text)


def _surface_words(raw: str) -> list[str]:
    """The folded words one raw token stands for: 'VNO-NCW' → vno, ncw, vnoncw; "SDG's" → sdg."""
    if raw.isalnum():
        if raw.isalpha() and _ACRONYM_PLURAL.fullmatch(raw):
            raw = raw[:-1]
        return [fold(raw)]
    if raw[0].isdigit() and (" " in raw or "." in raw):
        return [raw.replace(" ", "").replace(".", "")]
    words: list[str] = []
    # An apostrophe ends the word: what follows is a plural/genitive ending ('s) or an elision ('n, 't).
    for piece in _APOSTROPHE.split(fold(raw)):
        if len(piece) < 2:
            continue
        pieces = [p for p in _HYPHEN.split(piece) if p]
        words.extend(pieces)
        if len(pieces) > 1:
            words.append("".join(pieces))
    return words
