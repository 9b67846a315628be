"""Citation check shared by both answer modes: does the passage an answer sentence cites support it?

Support is lexical: the weighted share of the sentence's content words found in the passage, where
numbers, months and names count double and must match exactly (a wrong number or month scales the
score down sharply), plus a fuzzy-containment bonus for near-verbatim quotes. `translate` lets an
English sentence be checked against Dutch passages: it maps a list of English words to Dutch words
(the lexicon), and a word counts as found when it or one of its translations is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from assistant.text import features
from assistant.text.vocabulary import is_refusal, vocabulary
from assistant.core.model import AnswerSentence, Citation, Passage
from assistant.text.sentences import split_sentences
from assistant.text.dates import month_in_word
from assistant.text.fold import fold

Tokenize = Callable[[str], list[str]]
Translate = Callable[[list[str]], list[str]]

# [1]  [1,2]  [1, 2]  [1;2]  [1-3]; adjacent marks "[1][3]" are simply two matches.
MARK_RE = re.compile(r"\[\s*(\d{1,3}(?:\s*(?:[,;]|[-–])\s*\d{1,3})*)\s*\]")
_MARK_WITH_SPACE_RE = re.compile(r"[ \t]*" + MARK_RE.pattern)
_LEADING_MARKS_RE = re.compile(r"^(?:\s*" + MARK_RE.pattern + r")+")
_BULLET_RE = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+")
_HEADING_RE = re.compile(r"^\s*(?:#{1,6}\s+.*|\*\*[^*]+\*\*:?|__[^_]+__:?)\s*$")
_QUOTE_PREFIX_RE = re.compile(r"^\s*>\s?")

_FUZZY_MIN_CHARS = 20  # shorter sentences match anything by partial ratio
_FUZZY_BONUS_FROM = 0.9  # partial ratio from which a sentence counts as quoted
_CRITICAL_WEIGHT = 2.0
# An English word the lexicon does not know may still be a cognate of a Dutch one ("coalition" /
# "coalitie", "presented" / "gepresenteerd"): a shared prefix earns part of the credit.
_COGNATE_PREFIX = 5
_COGNATE_SHARE = 0.7
_COGNATE_CREDIT = 0.75
_MAX_RANGE = 20

UnitKind = Literal["token", "name", "number", "month"]


@dataclass(frozen=True)
class PassageEvidence:
    """What a passage offers to match against, computed once per passage."""

    tokens: frozenset[str]
    words: frozenset[str]  # folded surface words (and the parts of hyphenated ones)
    numbers: frozenset[str]
    months: frozenset[int]
    squashed: str


@dataclass(frozen=True)
class _Unit:
    """One word of the sentence. A "token" word may analyse into several tokens (compound parts) and
    earns the share of them the passage has, or full credit when one of its translations is there."""

    alternatives: frozenset[str]
    kind: UnitKind
    translations: frozenset[str] = frozenset()
    cognates: bool = False  # an English word without translation: compare by shared prefix

    @property
    def weight(self) -> float:
        return 1.0 if self.kind == "token" else _CRITICAL_WEIGHT


@dataclass(frozen=True)
class ParsedSentence:
    text: str  # without its [n] marks
    marks: list[int]  # as written, in order, duplicates removed


def passage_evidence(text: str, tokenize: Tokenize) -> PassageEvidence:
    raw_words = features.words(text)
    folded = [fold(w) for w in raw_words]
    surface = set(folded) | {features.name_key(w) for w in raw_words}
    for w in folded:
        surface.update(p for p in re.split(r"[-'’]", w) if p)
    return PassageEvidence(
        tokens=frozenset(tokenize(text)),
        words=frozenset(surface),
        numbers=frozenset(features.numbers(text)),
        months=frozenset(features.months(text)),
        squashed=features.squash(text),
    )


def score_support(
    sentence: str, passage_text: str, tokenize: Tokenize, translate: Translate | None = None
) -> float:
    """How well `passage_text` supports `sentence`, 0..1."""
    return _score(sentence, _units(sentence, tokenize, translate), passage_evidence(passage_text, tokenize))


def check_answer(
    raw_answer: str,
    passages: Sequence[Passage],
    tokenize: Tokenize,
    threshold: float,
    translate: Translate | None = None,
) -> tuple[list[AnswerSentence], list[Citation]]:
    """Parse the answer's sentences and [n] marks and score each sentence against what it cites.

    Marks to passages that do not exist are dropped; a sentence without a valid mark is unsupported.
    Connective lines (headings, lines ending in ':', the fixed no-answer sentence) are not claims
    and are left out of the result.
    """
    evidence: dict[int, PassageEvidence] = {}

    def evidence_of(n: int) -> PassageEvidence:
        if n not in evidence:
            evidence[n] = passage_evidence(passages[n - 1].text, tokenize)
        return evidence[n]

    result: list[AnswerSentence] = []
    scores_by_n: dict[int, list[tuple[str, list[_Unit], float]]] = {}
    for parsed in parse_answer(raw_answer):
        valid = [n for n in parsed.marks if 1 <= n <= len(passages)]
        units = _units(parsed.text, tokenize, translate)
        best = 0.0
        for n in valid:
            score = _score(parsed.text, units, evidence_of(n))
            scores_by_n.setdefault(n, []).append((parsed.text, units, score))
            best = max(best, score)
        best = round(best, 3)
        supported = bool(valid) and best >= threshold
        result.append(AnswerSentence(text=parsed.text, citations=valid, support=best, supported=supported))

    citations = []
    for n in sorted(scores_by_n):
        uses = scores_by_n[n]
        citations.append(
            Citation(
                n=n,
                passage=passages[n - 1],
                supported=any(score >= threshold for _, _, score in uses),
                sentences=_matching_passage_sentences(passages[n - 1].text, uses, tokenize),
            )
        )
    return result, citations


def remove_invalid_citations(raw_answer: str, n_passages: int) -> str:
    """The answer with marks to passages outside 1..n_passages removed ("[1, 7]" → "[1]", "[7]" → "")."""

    def keep_valid(m: re.Match[str]) -> str:
        valid = [n for n in expand_mark(m.group(1)) if 1 <= n <= n_passages]
        if not valid:
            return ""
        return m.group(0)[: m.group(0).index("[")] + "[" + ", ".join(str(n) for n in valid) + "]"

    return _MARK_WITH_SPACE_RE.sub(keep_valid, raw_answer)


def strip_marks(text: str) -> str:
    text = MARK_RE.sub("", text)
    text = re.sub(r"[ \t]+([.,;:!?])", r"\1", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def parse_answer(raw_answer: str) -> list[ParsedSentence]:
    """Claims of an answer with their marks; a mark opening a sentence belongs to the sentence before
    ("... aangenomen. [2] De ..."). Connective lines are left out."""
    parsed: list[ParsedSentence] = []
    for block in _blocks(raw_answer):
        block_sentences: list[tuple[str, list[int]]] = []
        for start, end in split_sentences(block):
            piece = block[start:end]
            leading = _LEADING_MARKS_RE.match(piece)
            if leading and block_sentences:
                block_sentences[-1][1].extend(_marks_in(leading.group(0)))
                piece = piece[leading.end() :]
            text = strip_marks(piece)
            marks = _marks_in(piece)
            if not re.search(r"\w", text):
                if marks and block_sentences:
                    block_sentences[-1][1].extend(marks)
                continue
            block_sentences.append((text, marks))
        for text, marks in block_sentences:
            if not marks and _is_connective(text):
                continue
            parsed.append(ParsedSentence(text=text, marks=list(dict.fromkeys(marks))))
    return parsed


def _blocks(raw_answer: str) -> list[str]:
    """Paragraphs and list items of a Markdown answer, bullets and headings removed."""
    blocks: list[list[str]] = []
    current: list[str] | None = None
    for line in raw_answer.replace("\r\n", "\n").split("\n"):
        line = _QUOTE_PREFIX_RE.sub("", line)
        if not line.strip() or _HEADING_RE.match(line):
            current = None
            continue
        bullet = _BULLET_RE.match(line)
        if bullet or current is None:
            current = [line[bullet.end() :] if bullet else line.strip()]
            blocks.append(current)
        else:
            current.append(line.strip())
    return [" ".join(b).strip() for b in blocks if " ".join(b).strip()]


def _is_connective(text: str) -> bool:
    return text.rstrip().endswith(":") or is_refusal(text)


def expand_mark(inner: str) -> list[int]:
    numbers: list[int] = []
    for part in re.split(r"\s*[,;]\s*", inner.strip()):
        bounds = re.split(r"\s*[-–]\s*", part)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            lo, hi = int(bounds[0]), int(bounds[1])
            if lo <= hi and hi - lo < _MAX_RANGE:
                numbers.extend(range(lo, hi + 1))
                continue
        numbers.extend(int(b) for b in bounds if b.isdigit())
    return numbers


def _marks_in(text: str) -> list[int]:
    return [n for m in MARK_RE.finditer(text) for n in expand_mark(m.group(1))]


def stop_tokens(tokenize: Tokenize) -> frozenset[str]:
    """The function words (assistant/data/answer_words.yaml) as `tokenize` renders them."""
    try:
        return _cached_stop_tokens(tokenize)
    except TypeError:  # an unhashable tokenizer
        return _compute_stop_tokens(tokenize)


@functools.lru_cache(maxsize=8)
def _cached_stop_tokens(tokenize: Tokenize) -> frozenset[str]:
    return _compute_stop_tokens(tokenize)


def _compute_stop_tokens(tokenize: Tokenize) -> frozenset[str]:
    # through the caller's tokenizer, so stemmed stop words compare equal to stemmed sentence tokens
    return frozenset(t for w in vocabulary().function_words for t in tokenize(w))


def _units(sentence: str, tokenize: Tokenize, translate: Translate | None) -> list[_Unit]:
    stop = stop_tokens(tokenize)
    vocab = vocabulary()
    known = None
    if translate is not None:

        def known(word: str) -> bool:
            low = word.lower()
            return any(t.lower() != low for t in translate([low]))

    names = set(features.name_words(sentence, known_word=known))
    units = [_Unit(frozenset({n}), "number") for n in sorted(features.numbers(sentence, join_split=False))]
    for word in features.words(sentence):
        folded = fold(word)
        if word[0].isdigit():
            continue  # counted as a number above
        month = month_in_word(word)
        if month is not None:
            units.append(_Unit(frozenset({f"month:{month}"}), "month"))
            continue
        translated: frozenset[str] = frozenset()
        if translate is not None:
            translated = frozenset(t for d in translate([word.lower()]) for t in tokenize(d) if t not in stop)
        key = features.name_key(word)
        if key in names:
            units.append(_Unit(frozenset({key}), "name", translated))
            continue
        tokens = frozenset(t for t in tokenize(word) if t not in stop)
        if tokens or translated:
            units.append(_Unit(tokens, "token", translated, cognates=translate is not None and not translated))
    return units


def cognate_in(token: str, tokens: frozenset[str]) -> bool:
    """Some token shares a long prefix with `token` (an untranslated English word and its Dutch cognate)."""
    if len(token) < _COGNATE_PREFIX:
        return False
    for other in tokens:
        shorter = min(len(token), len(other))
        if shorter < _COGNATE_PREFIX:
            continue
        n = 0
        while n < shorter and token[n] == other[n]:
            n += 1
        if n >= _COGNATE_PREFIX and n >= _COGNATE_SHARE * shorter:
            return True
    return False


def _found(unit: _Unit, evidence: PassageEvidence) -> float:
    """Share of the unit the passage has, 0..1."""
    if unit.kind == "number":
        return float(bool(unit.alternatives & evidence.numbers))
    if unit.kind == "month":
        return float(any(int(a.split(":")[1]) in evidence.months for a in unit.alternatives))
    if unit.kind == "name":
        return float(bool(unit.alternatives & evidence.words or unit.translations & evidence.tokens))
    if unit.translations & evidence.tokens:
        return 1.0
    if not unit.alternatives:
        return 0.0
    share = len(unit.alternatives & evidence.tokens) / len(unit.alternatives)
    if share == 0 and unit.cognates and any(cognate_in(t, evidence.tokens) for t in unit.alternatives):
        return _COGNATE_CREDIT
    return share


def _score(sentence: str, units: list[_Unit], evidence: PassageEvidence) -> float:
    if not units:
        return 0.0
    found = [_found(u, evidence) for u in units]
    total = sum(u.weight for u in units)
    score = sum(u.weight * share for u, share in zip(units, found)) / total

    squashed = features.squash(strip_marks(sentence))
    if len(squashed) >= _FUZZY_MIN_CHARS:
        ratio = fuzz.partial_ratio(squashed, evidence.squashed) / 100
        if ratio >= _FUZZY_BONUS_FROM:
            score = max(score, ratio)

    critical = [ok for u, ok in zip(units, found) if u.kind in ("number", "month")]
    if critical:
        score *= (sum(critical) / len(critical)) ** 2  # a wrong number or date is a wrong claim
    names = [ok for u, ok in zip(units, found) if u.kind == "name"]
    if names:
        score *= sum(names) / len(names)  # a name the passage does not have is an invented source
    return max(0.0, min(1.0, score))


def _matching_passage_sentences(
    passage_text: str, uses: list[tuple[str, list[_Unit], float]], tokenize: Tokenize
) -> list[str]:
    """For each answer sentence citing the passage, the passage sentence that supports it best."""
    spans = split_sentences(passage_text)
    if not spans:
        return []
    candidates = [
        (" ".join(passage_text[a:b].split()), passage_evidence(passage_text[a:b], tokenize)) for a, b in spans
    ]
    chosen: dict[int, None] = {}
    for text, units, _ in uses:
        scored = [(_score(text, units, ev), i) for i, (_, ev) in enumerate(candidates)]
        best_score, best_i = max(scored)
        if best_score > 0:
            chosen[best_i] = None
    return [candidates[i][0] for i in sorted(chosen)]
