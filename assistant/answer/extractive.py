"""Default answer mode without an LLM: quote the passage sentences that answer the question.

Sentences are scored on the question's content words (IDF-weighted over the sentences of the given
passages), the coverage of their passage, the passage's rank and whether they hold what the question
type asks for (a name for "who", a date for "when", a number for "how many", an enumeration for a
list). The answer quotes them in passage order with [n] marks; when the best evidence is weak the
answerer refuses instead.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answer import features
from assistant.answer.question import QuestionProfile, profile_question
from assistant.answer.support import MARK_RE, Tokenize, Translate, check_answer, cognate_in, stop_tokens
from assistant.answer.vocabulary import Language, phrases, vocabulary
from assistant.models import Answer, Passage
from assistant.text.sentences import split_sentences

# Weights of a sentence's selection score.
_W_SENTENCE = 0.45  # question words in the sentence itself
_W_CONTEXT = 0.15  # ... in the sentence, the one before it and the passage heading
_W_PASSAGE = 0.20  # ... anywhere in its passage (title and heading included)
_W_RANK = 0.10  # retrieval rank prior
_W_CUE = 0.20  # holds what the question type asks for
# Evidence strength: sentence and passage coverage, scaled down when the type cue is missing.
_STRENGTH_SENTENCE = 0.6
_STRENGTH_PASSAGE = 0.4
# A sentence without what the question type asks for is weak evidence: no date cannot answer "when".
_MISSING_CUE_FACTOR = {"when": 0.3, "how_many": 0.3, "who": 0.5, "list": 0.8}
_KEEP_FROM_BEST = 0.75  # further sentences need this share of the best sentence's score ...
_KEEP_COVER_FROM_BEST = 0.5  # ... and this share of its own question-word coverage
_CONCISE_SENTENCES = 2
_LIST_EXTRA = 2  # a list answer may add a lead-in and a context sentence to max_sentences
_MIN_WORDS = 4  # shorter fragments (headings, page furniture) are not quoted, list items excepted
_HEADING_MAX_WORDS = 8  # a short line without closing punctuation is a heading, not a sentence
_LIGHT_WEIGHT = 0.3  # weight of a light word ("vond ... plaats") relative to a content word
_FOCUS_WEIGHT = 2.0  # the noun after "welke"/"which" names what the answer is about
_UNTRANSLATED_WEIGHT = 0.5  # an English word the lexicon does not know says little about Dutch passages
_COGNATE_CREDIT = 0.75
_SAME_DOCUMENT = 0.7  # a passage borrows this share of the coverage of another passage of its document


@dataclass
class _Candidate:
    rank: int  # 0-based position of its passage in the given list
    position: int  # order within the passage
    text: str
    tokens: frozenset[str]
    context_tokens: frozenset[str]  # with the sentence before it and the passage heading
    is_list_item: bool
    raw: str = ""  # as in the passage, line breaks kept
    score: float = 0.0
    strength: float = 0.0
    cover: float = 0.0  # IDF-weighted share of the question's words in the sentence itself


@dataclass(frozen=True)
class _QuestionUnit:
    tokens: frozenset[str]
    translations: frozenset[str]
    weight: float
    cognates: bool = False  # an English word the lexicon does not know: Dutch cognates count in part

    def credit(self, tokens: frozenset[str]) -> float:
        if self.translations & tokens:
            return 1.0
        share = len(self.tokens & tokens) / len(self.tokens) if self.tokens else 0.0
        if share == 0 and self.cognates and any(cognate_in(t, tokens) for t in self.tokens):
            return _COGNATE_CREDIT
        return share


class ExtractiveAnswerer:
    def __init__(
        self,
        tokenize: Tokenize,
        *,
        refusal_threshold: float,
        support_threshold: float,
        max_sentences: int = 4,
        translate: Translate | None = None,
        retrieval_weight: float = 0.0,
    ) -> None:
        """`translate` maps English words to Dutch ones so English questions match Dutch passages;
        `retrieval_weight` mixes the top passage's retrieval score (clipped to 0..1) into the evidence
        strength — leave 0 unless the retriever's scores are calibrated to 0..1."""
        if max_sentences < 1:
            raise ValueError("max_sentences must be at least 1")
        self.tokenize = tokenize
        self.refusal_threshold = refusal_threshold
        self.support_threshold = support_threshold
        self.max_sentences = max_sentences
        self.translate = translate
        self.retrieval_weight = retrieval_weight

    def answer(self, question: str, passages: list[Passage], language: Language) -> Answer:
        started = time.perf_counter()
        language = "en" if language == "en" else "nl"
        profile = profile_question(question, language)
        units = self._question_units(profile, language)
        candidates = self._candidates(passages)
        strength = self._score(candidates, units, profile, passages)
        if not candidates or strength < self.refusal_threshold:
            return self._refusal(question, passages, language, strength, started)

        chosen = self._choose(candidates, profile)
        text = self._render(chosen, profile, language)
        sentences, citations = check_answer(text, passages, self.tokenize, self.support_threshold)
        used: dict[int, list[str]] = {}
        for c in chosen:
            used.setdefault(c.rank + 1, []).append(c.text)
        for citation in citations:
            citation.sentences = used.get(citation.n, citation.sentences)
        return Answer(
            question=question,
            text=text,
            answered=True,
            mode="extractive",
            language=language,
            sentences=sentences,
            citations=citations,
            passages=list(passages),
            evidence_strength=round(strength, 3),
            timings_ms={"extract": (time.perf_counter() - started) * 1000},
        )

    # --- question and candidates ---------------------------------------------------------
    def _question_units(self, profile: QuestionProfile, language: Language) -> list[_QuestionUnit]:
        vocab = vocabulary()
        stop = stop_tokens(self.tokenize)
        units: list[_QuestionUnit] = []
        seen: set[frozenset[str]] = set()
        for word in profile.content_words:
            folded = features.fold(word)
            if profile.asks_signatories and folded in vocab.signature_words:
                continue  # "ondertekend" is answered by a signature block, which never says it
            weight = _LIGHT_WEIGHT if folded in vocab.light_words else 1.0
            if folded in profile.focus:
                weight = _FOCUS_WEIGHT
            tokens = frozenset(t for t in self.tokenize(word) if t not in stop)
            translations: frozenset[str] = frozenset()
            untranslated = False
            if language == "en" and self.translate is not None:
                translations = frozenset(
                    t for d in self.translate([word.lower()]) for t in self.tokenize(d) if t not in stop
                )
                untranslated = not translations
                if untranslated and not word[0].isupper():
                    weight *= _UNTRANSLATED_WEIGHT
            key = tokens | translations
            if key and key not in seen:
                seen.add(key)
                units.append(_QuestionUnit(tokens, translations, weight, cognates=untranslated))
        return units

    def _candidates(self, passages: Sequence[Passage]) -> list[_Candidate]:
        candidates: list[_Candidate] = []
        seen: set[str] = set()
        for rank, passage in enumerate(passages):
            previous = frozenset(self.tokenize(passage.heading or ""))
            for position, (start, end) in enumerate(split_sentences(passage.text)):
                text = _clean_sentence(passage.text[start:end])
                tokens = frozenset(self.tokenize(text))
                context = tokens | previous
                previous = tokens | frozenset(self.tokenize(passage.heading or ""))
                key = features.squash(text)
                is_item = features.is_list_item(passage.text[start:end])
                if not key or key in seen or (not is_item and _is_fragment(text)):
                    continue  # chunks overlap by a sentence: quote it once, from the higher-ranked passage
                seen.add(key)
                candidates.append(
                    _Candidate(rank, position, text, tokens, context, is_item, raw=passage.text[start:end])
                )
        return candidates

    # --- scoring -----------------------------------------------------------------------------
    def _score(
        self,
        candidates: list[_Candidate],
        units: list[_QuestionUnit],
        profile: QuestionProfile,
        passages: Sequence[Passage],
    ) -> float:
        """Score every candidate in place; return the evidence strength (0..1) of the best one."""
        if not candidates or not units:
            return 0.0
        n = len(candidates)
        idf = []
        for unit in units:
            df = sum(1 for c in candidates if unit.credit(c.tokens) > 0)
            idf.append(unit.weight * math.log(1 + (n - df + 0.5) / (df + 0.5)))
        total = sum(idf)
        passage_tokens = [
            frozenset(self.tokenize(" ".join(filter(None, (p.title, p.heading or "", p.text))))) for p in passages
        ]
        own_cover = [sum(w * u.credit(tokens) for w, u in zip(idf, units)) / total for tokens in passage_tokens]
        # a passage is part of a document about something: a signature or a list continues its letter
        passage_cover = [
            max([cover] + [_SAME_DOCUMENT * c for j, c in enumerate(own_cover) if passages[j].doc_id == p.doc_id])
            for p, cover in zip(passages, own_cover)
        ]

        best_strength = 0.0
        for c in candidates:
            sentence_cover = sum(w * u.credit(c.tokens) for w, u in zip(idf, units)) / total
            context_cover = sum(w * u.credit(c.context_tokens) for w, u in zip(idf, units)) / total
            met = _cues_met(c, profile, passages[c.rank])
            cue = len(met) / len(profile.types) if profile.types else 0.0
            if profile.asks_signatories and "who" in met:
                # signatures never repeat the question: they count as covering what their letter covers
                sentence_cover = max(sentence_cover, passage_cover[c.rank])
                context_cover = max(context_cover, passage_cover[c.rank])
            c.score = (
                _W_SENTENCE * sentence_cover
                + _W_CONTEXT * context_cover
                + _W_PASSAGE * passage_cover[c.rank]
                + _W_RANK / (1 + c.rank)
                # the cue counts for as much as the sentence (with its lead-in) is on the question's subject
                + _W_CUE * cue * (0.4 + 0.6 * context_cover)
            )
            lexical = _STRENGTH_SENTENCE * context_cover + _STRENGTH_PASSAGE * passage_cover[c.rank]
            for kind in profile.types - met:
                lexical *= _MISSING_CUE_FACTOR.get(kind, 1.0)
            c.strength = lexical
            c.cover = sentence_cover
            best_strength = max(best_strength, lexical)

        if self.retrieval_weight > 0:
            top = min(1.0, max(0.0, passages[0].score))
            best_strength = (1 - self.retrieval_weight) * best_strength + self.retrieval_weight * top
        return best_strength

    # --- selection and rendering ----------------------------------------------------------
    def _choose(self, candidates: list[_Candidate], profile: QuestionProfile) -> list[_Candidate]:
        limit = min(_CONCISE_SENTENCES, self.max_sentences) if profile.concise else self.max_sentences
        ranked = sorted(candidates, key=lambda c: (-c.score, c.rank, c.position))
        best = ranked[0]
        chosen = [best]
        for c in ranked[1:]:
            if len(chosen) >= limit:
                break
            if (
                c.score >= _KEEP_FROM_BEST * best.score
                and c.cover > 0
                and c.cover >= _KEEP_COVER_FROM_BEST * best.cover
            ):
                chosen.append(c)
        if "list" in profile.types:
            chosen = _with_list_neighbours(chosen, candidates)
            chosen = _with_list_items(chosen, candidates, self.max_sentences)
            chosen = chosen[: self.max_sentences + _LIST_EXTRA]
        return sorted(chosen, key=lambda c: (c.rank, c.position))

    def _render(self, chosen: list[_Candidate], profile: QuestionProfile, language: Language) -> str:
        words = phrases(language)
        if "list" in profile.types and len(chosen) > 1:
            items = "\n".join(f"- {_strip_bullet(c.text)} [{c.rank + 1}]" for c in chosen)
            return f"{words.list_intro}\n\n{items}"
        body = " ".join(f"{_strip_bullet(c.text)} [{c.rank + 1}]" for c in chosen)
        return f"{words.intro}\n\n{body}"

    def _refusal(
        self, question: str, passages: Sequence[Passage], language: Language, strength: float, started: float
    ) -> Answer:
        return Answer(
            question=question,
            text=phrases(language).refusal,
            answered=False,
            mode="extractive",
            language=language,
            passages=list(passages),
            evidence_strength=round(strength, 3),
            timings_ms={"extract": (time.perf_counter() - started) * 1000},
        )


def _cues_met(candidate: _Candidate, profile: QuestionProfile, passage: Passage) -> frozenset[str]:
    """The question types whose cue the sentence holds."""
    text = candidate.text
    met = set()
    for kind in profile.types:
        if kind == "who":
            hit = features.has_person_or_organisation(text)
            if profile.asks_signatories:
                hit = passage.kind == "signature" or any(_is_name_block(line) for line in candidate.raw.splitlines())
        elif kind == "when":
            hit = features.has_date(text)
        elif kind == "how_many":
            hit = features.has_quantity(text)
        else:
            hit = candidate.is_list_item or features.is_enumeration(text)
        if hit:
            met.add(kind)
    return frozenset(met)


def _is_fragment(text: str) -> bool:
    n_words = len(text.split())
    if n_words < _MIN_WORDS:
        return True
    return n_words < _HEADING_MAX_WORDS and not re.search(r"[.!?:;]['’”\")]*$", text)


def _is_name_block(text: str) -> bool:
    """Mostly names and roles, like a letter's signatures ("Tuur Elzinga, voorzitter FNV ...")."""
    words = features.words(text)
    names = features.name_words(text)
    roles = [w for w in words if features.fold(w) in vocabulary().role_words and features.fold(w) not in names]
    return len(names) >= 2 and len(names) + len(roles) >= 0.5 * len(words)


def _with_list_neighbours(chosen: list[_Candidate], candidates: list[_Candidate]) -> list[_Candidate]:
    """For a list question, an enumeration needs the sentence that says what it enumerates, and a
    sentence announcing the subject needs the enumeration right after it."""
    by_place = {(c.rank, c.position): c for c in candidates}
    result = list(chosen)
    for anchor in chosen:
        before = by_place.get((anchor.rank, anchor.position - 1))
        after = by_place.get((anchor.rank, anchor.position + 1))
        anchor_lists = anchor.is_list_item or features.is_enumeration(anchor.text)
        if anchor_lists and before is not None and before.cover > anchor.cover and before not in result:
            result.append(before)
        if (
            not anchor_lists
            and after is not None
            and features.is_enumeration(after.text)
            and not _is_lead_in(after)  # a lead-in comes with its items or not at all (_with_list_items)
            and after not in result
        ):
            result.append(after)
    return result


def _with_list_items(chosen: list[_Candidate], candidates: list[_Candidate], limit: int) -> list[_Candidate]:
    """A chosen sentence followed by a list ("... Op dit moment zijn dat:" and bullets) brings the
    lead-in and the items, up to `limit` items."""
    result = list(chosen)
    for anchor in chosen:
        following = sorted(
            (c for c in candidates if c.rank == anchor.rank and c.position > anchor.position), key=lambda c: c.position
        )
        if not _is_lead_in(anchor):
            if len(following) < 2 or not _is_lead_in(following[0]) or not following[1].is_list_item:
                continue
            if following[0] not in result:
                result.append(following[0])
            following = following[1:]
        items = 0
        for c in following:
            if not c.is_list_item or items >= limit:
                break
            items += 1
            if c not in result:
                result.append(c)
    return result


def _is_lead_in(candidate: _Candidate) -> bool:
    return candidate.text.rstrip().endswith(":") and not candidate.is_list_item


def _clean_sentence(text: str) -> str:
    text = re.sub(r"(\w)-[ \t]*\n\s*([a-z])", r"\1\2", text)
    text = MARK_RE.sub(lambda m: f"({m.group(1)})", text)  # "[3]" in a document is not one of our citations
    return " ".join(text.split())


def _strip_bullet(text: str) -> str:
    return features.strip_bullet(text)
