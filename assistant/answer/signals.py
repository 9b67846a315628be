"""General signals of how well a sentence answers a question, for the fitted answer model.

Per sentence: how much of the question's content it and its passage cover (IDF-weighted over the
candidate sentences; English words through their Dutch translations), whether it holds what the
question type asks for (a date for "when", a number for "how many", a name for "who", an item for
a list), and what retrieval said about its passage (dense similarity, BM25 score, rank). Per
question: the best of these and how far the best passage stands out. No signal knows any corpus
sentence; the weights come from bench/fit_answer_model.py.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.text import features
from assistant.answer.candidates import Candidate
from assistant.core.model import Passage
from assistant.text.fold import fold
from assistant.text.question import Question, QuestionWord

LIGHT_WEIGHT = 0.3  # a verb or filler the question wraps around its subject counts for less
PARTS_CREDIT = 0.8  # a compound found only as its parts

SENTENCE_FEATURES = (
    "cover",
    "context_cover",
    "passage_cover",
    "names_missing",
    "cue_met",
    "cue_missing",
    "list_fit",
    "dense",
    "dense_gap",
    "bm25",
    "rank_prior",
    "log_words",
)
QUESTION_FEATURES = (
    "best_sentence",
    "best_context_cover",
    "best_cue_met",
    "best_cue_missing",
    "best_names_missing",
    "best_dense",
    "best_passage_cover",
    "top_bm25_raw",
    "words_missing",
    "english",
)


@dataclass
class ScoredCandidate:
    candidate: Candidate
    features: dict[str, float]
    probability: float = 0.0


def word_credit(word: QuestionWord, tokens: frozenset[str], weight_of: dict[str, float]) -> float:
    """0..1: how much of the word `tokens` express. A compound counts when there whole, else by the
    (IDF-weighted) share of its parts found."""
    best = 0.0
    for form in word.forms:
        found = form & tokens
        if not found:
            continue
        if len(form) == 1 or found == form:
            return 1.0
        whole = max(form, key=len)
        if whole in found:
            return 1.0
        share = sum(weight_of.get(t, 1.0) for t in found) / sum(weight_of.get(t, 1.0) for t in form)
        best = max(best, share * PARTS_CREDIT)
    return best


def sentence_signals(
    question: Question, candidates: Sequence[Candidate], passages: Sequence[Passage], tokenize
) -> list[ScoredCandidate]:
    words = question.words
    if not candidates or not words:
        return [ScoredCandidate(c, dict.fromkeys(SENTENCE_FEATURES, 0.0)) for c in candidates]
    n = len(candidates)

    def inverse_frequency(df: float) -> float:
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    all_tokens = {t for w in words for t in w.tokens}
    weight_of = {t: inverse_frequency(sum(1 for c in candidates if t in c.tokens)) for t in all_tokens}
    idf = [inverse_frequency(sum(word_credit(w, c.tokens, weight_of) ** 2 for c in candidates)) for w in words]
    weights = [i * (LIGHT_WEIGHT if w.light else 1.0) for i, w in zip(idf, words)]
    total = sum(weights) or 1.0

    def cover(tokens: frozenset[str]) -> float:
        return sum(wt * word_credit(w, tokens, weight_of) for wt, w in zip(weights, words)) / total

    passage_tokens = [frozenset(tokenize(" ".join(filter(None, (p.title, p.heading or "", p.text))))) for p in passages]
    passage_cover = [cover(t) for t in passage_tokens]
    # the question's weight carried by words that no passage has at all ("lunch" in a corpus without one)
    anywhere = frozenset().union(*passage_tokens) if passage_tokens else frozenset()
    words_missing = sum(wt for wt, w in zip(weights, words) if word_credit(w, anywhere, weight_of) == 0) / total
    names = [w for w in words if w.is_name]
    names_missing = [
        sum(1 for w in names if word_credit(w, t, weight_of) < 0.5) / len(names) if names else 0.0 for t in passage_tokens
    ]
    dense = [p.signals.get("dense", 0.0) for p in passages]
    best_dense = max(dense) if dense else 0.0
    types = question.types
    scored = []
    covers = {id(c): (cover(c.tokens), cover(c.context_tokens)) for c in candidates}
    for c in candidates:
        met = cues_met(c, question)
        passage = passages[c.rank]
        f = {
            "cover": covers[id(c)][0],
            "context_cover": covers[id(c)][1],
            "passage_cover": passage_cover[c.rank],
            "names_missing": names_missing[c.rank],
            "cue_met": len(met) / len(types) if types else 0.0,
            "cue_missing": 1.0 if types and not met else 0.0,
            "list_fit": 1.0 if "list" in types and (c.is_list_item or c.is_lead_in) else 0.0,
            "dense": dense[c.rank],
            "dense_gap": best_dense - dense[c.rank],
            "bm25": passage.signals.get("bm25", 0.0),
            "rank_prior": 1.0 / (1 + c.rank),
            "log_words": math.log1p(len(c.text.split())),
            "words_missing": words_missing,
        }
        scored.append(ScoredCandidate(c, f))
    return scored


def question_signals(question: Question, scored: Sequence[ScoredCandidate], passages: Sequence[Passage]) -> dict[str, float]:
    """What the best sentence (by the sentence model) offers, and what the passages offer at all."""
    if not scored:
        return dict.fromkeys(QUESTION_FEATURES, 0.0) | {"words_missing": 1.0}
    best = max(scored, key=lambda s: s.probability)
    f = best.features
    return {
        "best_sentence": best.probability,
        "best_context_cover": f["context_cover"],
        "best_cue_met": f["cue_met"],
        "best_cue_missing": f["cue_missing"],
        "best_names_missing": f["names_missing"],
        "best_dense": f["dense"],
        "best_passage_cover": max(s.features["passage_cover"] for s in scored),
        "top_bm25_raw": math.log1p(max((p.signals.get("bm25_raw", 0.0) for p in passages), default=0.0)),
        "words_missing": f.get("words_missing", 1.0),
        "english": 1.0 if question.language == "en" else 0.0,
    }


def cues_met(candidate: Candidate, question: Question) -> frozenset[str]:
    """The question types whose cue the sentence holds."""
    text = candidate.text
    met = set()
    for kind in question.types:
        if kind == "who":
            hit = features.has_person_or_organisation(text)
            if question.profile.asks_signatories:
                hit = any(is_name_block(line) for line in candidate.raw.splitlines())
        elif kind == "when":
            hit = features.has_date(text)
        elif kind == "how_many":
            hit = features.has_quantity(text)
        else:
            hit = candidate.is_list_item or candidate.is_lead_in or features.is_enumeration(text)
        if hit:
            met.add(kind)
    return frozenset(met)


def is_name_block(text: str) -> bool:
    """Mostly names and roles, like a letter's signatures; a line that ends a sentence is not one."""
    import re

    from assistant.text.vocabulary import vocabulary

    if re.search(r"[^\W\d_]{2,}[)\]\"'’”]*[.!?][)\]\"'’”]*\s*$", text):
        return False
    words = features.words(text)
    names = features.name_words(text)
    roles = [w for w in words if fold(w) in vocabulary().role_words and fold(w) not in names]
    return len(names) >= 2 and len(names) + len(roles) >= 0.5 * len(words)
