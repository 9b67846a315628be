"""Domain lexicon: abbreviations, glossary, English→Dutch terms; query expansion and language detection.

All words live in YAML/TXT files under assistant/data/; this module only reads and applies them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import Stemmer
from pydantic import AfterValidator, BeforeValidator, RootModel, model_validator

from assistant.core.datafiles import RESTORE_PACKAGE_FILE, DataModel, M, Text, as_list, load_yaml, validate
from assistant.core.model import Language
from assistant.text.analysis import DATA_DIR, STOPWORDS_EN, STOPWORDS_NL, read_word_list
from assistant.text.english import english_stem, same_word_entries
from assistant.text.fold import fold

ABBREVIATIONS = DATA_DIR / "abbreviations.yaml"
GLOSSARY = DATA_DIR / "glossary.yaml"
LEXICON_EN_NL = DATA_DIR / "lexicon_en_nl.yaml"
LANGUAGE_MARKERS = DATA_DIR / "language_markers.yaml"

DEFAULT_EXPANSION_WEIGHT = 0.5

ExpansionKind = Literal["expansion", "abbreviation", "translation", "synonym"]

_POSSESSIVE_S = re.compile(r"['’`]s\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Abbreviation:
    abbr: str
    forms: tuple[str, ...]  # the abbreviation and its other spellings, abbr first
    nl: tuple[str, ...]
    en: tuple[str, ...]
    definition: str
    case_sensitive: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.nl, *self.en)))


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    expansion: str | None = None  # the written-out name when the term is an abbreviation


TRANSLATION_WEIGHT_EN = 1.0


@dataclass(frozen=True)
class QueryExpansion:
    """One added string, what in the question caused it, and its share of the expansion weight."""

    trigger: str
    text: str
    kind: ExpansionKind
    weight: float


@dataclass(frozen=True)
class ExpandedQuery:
    original: str
    language: Language
    expansions: list[str]  # strings to search for besides the question, most specific first
    weight: float  # relative weight of the expansions against the user's own words (1.0)
    details: tuple[QueryExpansion, ...] = ()

    @property
    def expansion_text(self) -> str:
        return " ".join(self.expansions)

    def weighted_expansions(self) -> list[tuple[str, float]]:
        """(text, weight) per expansion; the alternatives for one trigger share `weight` between them."""
        return [(d.text, d.weight) for d in self.details]


def words(text: str) -> list[str]:
    """Folded words without possessive/plural "'s": "Sociaal-Economische Raad's" → sociaal, economische, raad."""
    return _WORD.findall(fold(_POSSESSIVE_S.sub("", text)))


class _PhraseIndex:
    """Finds known phrases in a word sequence, longest first, on stems (so plurals and inflections match).

    With `inflections_only`, of the phrases that share a sequence of stems only the inflections of the
    text's words count (English stems also join derived words: "governance", "government")."""

    def __init__(self, stem: Callable[[str], str], *, inflections_only: bool = False) -> None:
        self._stem = stem
        self._inflections_only = inflections_only
        self._phrases: dict[tuple[str, ...], list[tuple[tuple[str, ...], Any]]] = {}
        self.max_words = 0

    def add(self, phrase: str, payload: Any) -> None:
        phrase_words = tuple(words(phrase))
        key = tuple(self._stem(w) for w in phrase_words)
        if not key:
            return
        self._phrases.setdefault(key, []).append((phrase_words, payload))
        self.max_words = max(self.max_words, len(key))

    def _payloads(self, text_words: list[str], entries: list[tuple[tuple[str, ...], Any]]) -> list[Any]:
        if self._inflections_only:
            return same_word_entries(text_words, entries)
        return [payload for _, payload in entries]

    def find(self, text_words: list[str], *, min_words: int = 1) -> list[tuple[str, list[Any]]]:
        """(matched text, payloads) for each non-overlapping match, scanning left to right."""
        stems = [self._stem(w) for w in text_words]
        found = []
        i = 0
        while i < len(stems):
            for n in range(min(self.max_words, len(stems) - i), min_words - 1, -1):
                entries = self._phrases.get(tuple(stems[i : i + n]))
                payloads = self._payloads(text_words[i : i + n], entries) if entries else []
                if payloads:
                    found.append((" ".join(text_words[i : i + n]), payloads))
                    i += n
                    break
            else:
                i += 1
        return found


class Lexicon:
    def __init__(
        self,
        *,
        abbreviations: Iterable[Abbreviation],
        glossary: Iterable[GlossaryTerm],
        en_nl: Mapping[str, Iterable[str]],
        general_en_nl: Mapping[str, Iterable[str]] | None = None,
        synonyms_nl: Iterable[Iterable[str]] = (),
        markers_nl: Iterable[str] = (),
        markers_en: Iterable[str] = (),
        expansion_weight: float = DEFAULT_EXPANSION_WEIGHT,
    ) -> None:
        self.abbreviations = tuple(abbreviations)
        self._glossary_terms = tuple(glossary)
        self.en_nl = {key: tuple(values) for key, values in en_nl.items()}
        self.synonyms_nl = tuple(tuple(group) for group in synonyms_nl)
        self.expansion_weight = expansion_weight

        nl_markers, en_markers = {fold(w) for w in markers_nl}, {fold(w) for w in markers_en}
        self._nl_only = frozenset(nl_markers - en_markers)
        self._en_only = frozenset(en_markers - nl_markers)

        dutch_stem = self._dutch_stem = lru_cache(maxsize=65536)(Stemmer.Stemmer("dutch").stemWord)
        self._names = _PhraseIndex(dutch_stem)  # written-out names of abbreviations
        self._synonyms = _PhraseIndex(dutch_stem)
        self._translations = _PhraseIndex(english_stem, inflections_only=True)
        self._form_patterns: list[tuple[re.Pattern[str], Abbreviation]] = []
        for abbreviation in self.abbreviations:
            self._form_patterns.append((_form_pattern(abbreviation), abbreviation))
            for name in abbreviation.names:
                self._names.add(name, abbreviation)
        for group in self.synonyms_nl:
            for member in group:
                self._synonyms.add(member, group)
        for english_term, dutch_terms in self.en_nl.items():
            self._translations.add(english_term, dutch_terms)
        # Everyday words come after the domain terms and only where the lexicon has no entry; single
        # words are only translated in English questions (see expand_query).
        self.general_en_nl = {k: tuple(v) for k, v in (general_en_nl or {}).items() if k not in self.en_nl}
        for english_word, dutch_words in self.general_en_nl.items():
            self._translations.add(english_word, dutch_words)
        self._glossary = tuple(
            sorted((*self._glossary_terms, *map(_abbreviation_term, self.abbreviations)), key=lambda t: fold(t.term))
        )
        self._glossary_index = _PhraseIndex(dutch_stem)
        for term in self._glossary_terms:
            for phrase in (term.term, *term.aliases):
                self._glossary_index.add(phrase, term.term)
        # Single English words for the language detector's tie-break; words also used in Dutch do not count.
        dutch_words = {w for terms in self.en_nl.values() for t in terms for w in words(t)}
        self._english_words = frozenset(
            w for key in self.en_nl for w in words(key) if len(w) > 3 and w not in dutch_words
        )
        self._dutch_words = frozenset(w for w in dutch_words if len(w) > 3) - {
            w for key in self.en_nl for w in words(key)
        }

    # --- language -----------------------------------------------------------------------
    def detect_language(self, text: str) -> Language:
        """'en' when English function words (then English domain words) outnumber Dutch ones; else 'nl'."""
        tokens = words(text)
        nl = sum(t in self._nl_only for t in tokens)
        en = sum(t in self._en_only for t in tokens)
        if nl == en:
            nl = sum(t in self._dutch_words for t in tokens)
            en = sum(t in self._english_words for t in tokens)
        return "en" if en > nl else "nl"

    # --- query expansion ------------------------------------------------------------------
    def expand_query(self, text: str, language: Language | None = None) -> ExpandedQuery:
        """The question plus what else to search for: abbreviations ↔ names, English → Dutch, Dutch synonyms.

        Every trigger (an abbreviation, a phrase) shares `expansion_weight` among its alternatives, so a
        word with five translations does not outweigh the rest of the question.
        """
        language = language or self.detect_language(text)
        text_words = words(text)
        present_stems = {self._dutch_stem(w) for w in text_words}
        found: dict[str, tuple[str, list[tuple[str, ExpansionKind]]]] = {}  # trigger → alternatives

        def add(trigger: str, candidates: Iterable[str], kind: ExpansionKind) -> None:
            _, alternatives = found.setdefault(fold(trigger), (trigger, []))
            alternatives.extend((c, kind) for c in candidates)

        for pattern, abbreviation in self._form_patterns:
            match = pattern.search(text)
            if match:
                add(match.group(0), self._abbreviation_alternatives(abbreviation, language), "expansion")
        for matched, abbreviations in self._names.find(text_words):
            for abbreviation in abbreviations:
                add(matched, self._abbreviation_alternatives(abbreviation, language), "abbreviation")
        # Single English words may be Dutch words too ("bank", "minister"); in Dutch text only phrases count.
        translated: list[str] = []
        for matched, targets in self._translations.find(text_words, min_words=1 if language == "en" else 2):
            for dutch_terms in targets:
                add(matched, dutch_terms, "translation")
                translated.extend(dutch_terms)
        for source in (text_words, *(words(t) for t in translated)):
            for matched, groups in self._synonyms.find(source):
                for group in groups:
                    add(matched, group, "synonym")

        details: dict[str, QueryExpansion] = {}
        for trigger, alternatives in found.values():
            fresh = {}
            for candidate, kind in alternatives:
                candidate_words = words(candidate)
                key = " ".join(candidate_words)
                # Skip what the question already says, in any inflection ("ministers" for "minister").
                if all(self._dutch_stem(w) in present_stems for w in candidate_words):
                    continue
                if key not in details and key not in fresh:
                    fresh[key] = (candidate, kind)
            for key, (candidate, kind) in fresh.items():
                # In an English question the Dutch translation stands in for the user's own word, which
                # the Dutch documents do not contain: it carries the word's full weight.
                share = TRANSLATION_WEIGHT_EN if kind == "translation" and language == "en" else self.expansion_weight
                details[key] = QueryExpansion(trigger, candidate, kind, share / len(fresh))
        return ExpandedQuery(
            original=text,
            language=language,
            expansions=[d.text for d in details.values()],
            weight=self.expansion_weight,
            details=tuple(details.values()),
        )

    @staticmethod
    def _abbreviation_alternatives(abbreviation: Abbreviation, language: Language) -> tuple[str, ...]:
        # The corpus is Dutch: Dutch names always, English names only for English questions.
        names = abbreviation.names if language == "en" else abbreviation.nl
        return (*abbreviation.forms, *names)

    # --- glossary ---------------------------------------------------------------------------
    def glossary(self) -> list[GlossaryTerm]:
        """Glossary terms and abbreviations (from abbreviations.yaml), alphabetically."""
        return list(self._glossary)

    def glossary_terms_in(self, text: str) -> list[GlossaryTerm]:
        """The glossary entries whose term or one of its aliases occurs in `text`, alphabetically."""
        text_words = words(text)
        found = {term for _, payloads in self._glossary_index.find(text_words) for term in payloads}
        found.update(a.abbr for pattern, a in self._form_patterns if pattern.search(text))
        found.update(a.abbr for _, abbreviations in self._names.find(text_words) for a in abbreviations)
        return [t for t in self._glossary if t.term in found]


def _abbreviation_term(abbreviation: Abbreviation) -> GlossaryTerm:
    return GlossaryTerm(
        term=abbreviation.abbr,
        definition=abbreviation.definition,
        aliases=tuple(dict.fromkeys((*abbreviation.forms[1:], *abbreviation.names))),
        expansion=(abbreviation.nl or abbreviation.en)[0],
    )


def _form_pattern(abbreviation: Abbreviation) -> re.Pattern[str]:
    # Longest form first so "VNO-NCW" wins over a shorter form; "SDG's"/"SDGs" match "SDG".
    forms = sorted(abbreviation.forms, key=len, reverse=True)
    body = "|".join(re.escape(f) for f in forms)
    flags = 0 if abbreviation.case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![\w])(?:{body})(?:['’`]?s)?(?![\w])", flags)


# --- loading ------------------------------------------------------------------------------------
def _at_least_one(terms: tuple[str, ...]) -> tuple[str, ...]:
    if not terms:
        raise ValueError("give at least one Dutch term")
    return terms


Terms = Annotated[tuple[Text, ...], BeforeValidator(as_list)]


class AbbreviationEntry(DataModel):
    abbr: Text
    forms: Terms = ()
    nl: Terms = ()
    en: Terms = ()
    definition: Text
    case_sensitive: bool = False

    @model_validator(mode="after")
    def _named(self) -> AbbreviationEntry:
        if not self.nl and not self.en:
            raise ValueError("give the written-out name in 'nl' and/or 'en'")
        return self


class GlossaryEntry(DataModel):
    term: Text
    definition: Text
    aliases: Terms = ()


class LexiconFile(DataModel):
    """lexicon_en_nl.yaml: domain terms English → Dutch, Dutch synonym groups, everyday English words."""

    en_nl: dict[Text, Annotated[Terms, AfterValidator(_at_least_one)]]
    synonyms_nl: Annotated[list[Terms], BeforeValidator(as_list)] = []
    general_en_nl: Annotated[dict[Text, Terms], BeforeValidator(lambda v: {} if v is None else v)] = {}


class LanguageMarkersFile(DataModel):
    nl: Terms = ()
    en: Terms = ()


AbbreviationsFile = RootModel[list[AbbreviationEntry]]
GlossaryFile = RootModel[list[GlossaryEntry]]


def _load(path: Path, model: type[M]) -> M:
    return load_yaml(path, model, restore=RESTORE_PACKAGE_FILE)


def _abbreviations(entries: AbbreviationsFile) -> list[Abbreviation]:
    return [
        Abbreviation(
            abbr=e.abbr,
            forms=tuple(dict.fromkeys((e.abbr, *e.forms))),
            nl=e.nl,
            en=e.en,
            definition=e.definition,
            case_sensitive=e.case_sensitive,
        )
        for e in entries.root
    ]


def _glossary(entries: GlossaryFile) -> list[GlossaryTerm]:
    return [GlossaryTerm(term=e.term, definition=e.definition, aliases=e.aliases) for e in entries.root]


def parse_abbreviations(data: Any, path: Path = ABBREVIATIONS) -> list[Abbreviation]:
    return _abbreviations(validate(data, AbbreviationsFile, path))


def parse_glossary(data: Any, path: Path = GLOSSARY) -> list[GlossaryTerm]:
    return _glossary(validate(data, GlossaryFile, path))


def parse_en_nl(data: Any, path: Path = LEXICON_EN_NL) -> tuple[dict[str, tuple[str, ...]], list[tuple[str, ...]]]:
    lexicon = validate(data, LexiconFile, path)
    return dict(lexicon.en_nl), list(lexicon.synonyms_nl)


def parse_general(data: Any, path: Path = LEXICON_EN_NL) -> dict[str, tuple[str, ...]]:
    return _general(validate(data, LexiconFile, path))


def _general(lexicon: LexiconFile) -> dict[str, tuple[str, ...]]:
    return {k.lower(): v for k, v in lexicon.general_en_nl.items()}


def parse_markers(data: Any, path: Path = LANGUAGE_MARKERS) -> tuple[tuple[str, ...], tuple[str, ...]]:
    markers = validate(data, LanguageMarkersFile, path)
    return markers.nl, markers.en


def read_lexicon(
    *,
    abbreviations: Path = ABBREVIATIONS,
    glossary: Path = GLOSSARY,
    lexicon_en_nl: Path = LEXICON_EN_NL,
    language_markers: Path = LANGUAGE_MARKERS,
    stopwords_nl: Path = STOPWORDS_NL,
    stopwords_en: Path = STOPWORDS_EN,
    expansion_weight: float = DEFAULT_EXPANSION_WEIGHT,
) -> Lexicon:
    lexicon_file = _load(lexicon_en_nl, LexiconFile)
    markers = _load(language_markers, LanguageMarkersFile)
    return Lexicon(
        abbreviations=_abbreviations(_load(abbreviations, AbbreviationsFile)),
        glossary=_glossary(_load(glossary, GlossaryFile)),
        en_nl=lexicon_file.en_nl,
        general_en_nl=_general(lexicon_file),
        synonyms_nl=lexicon_file.synonyms_nl,
        markers_nl=(*markers.nl, *read_word_list(stopwords_nl)),
        markers_en=(*markers.en, *read_word_list(stopwords_en)),
        expansion_weight=expansion_weight,
    )


@cache
def load_lexicon() -> Lexicon:
    """The lexicon from the packaged data files, read once per process."""
    return read_lexicon()


def detect_language(text: str) -> Language:
    return load_lexicon().detect_language(text)


def expand_query(text: str) -> ExpandedQuery:
    return load_lexicon().expand_query(text)
