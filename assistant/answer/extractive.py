"""Default answer mode without an LLM: quote the passage sentences that answer the question.

Sentences are scored on the question's content words (IDF-weighted over the sentences of the given
passages; English words through the lexicon, abbreviations with their written-out names), the
coverage of their passage, the passage's rank and whether they hold what the question type asks for
(a name for "who", a date for "when", a number for "how many", an enumeration for a list). The answer
quotes the best sentence and what it needs from the same passage (a list's lead-in and items, a
sentence answering another part of the question); a sentence from another passage is added only when
it is about as much on topic as the best one, and never to a who/when/how-many answer.

The evidence strength of the answer is what its quoted sentences cover of the question, scaled down
when the type cue is missing, when a "how many X" number does not count X, and when the passage never
mentions a name the question asks about. Below `refusal_threshold` the answerer refuses instead
(bench/answer_calibration.py measures the threshold).
"""

from __future__ import annotations

import functools
import math
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

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
# Evidence strength: mostly what the quoted sentence (with its lead-in and heading) covers of the
# question; the passage around it counts for less, so a passage on the subject cannot make up for a
# sentence that is not.
_STRENGTH_CONTEXT = 0.75
_STRENGTH_PASSAGE = 0.25
# A sentence without what the question type asks for is weak evidence: no date cannot answer "when".
_MISSING_CUE_FACTOR = {"when": 0.3, "how_many": 0.3, "who": 0.5, "list": 0.8}
# A number next to another noun does not answer "how many X": "14 banken" for "how many companies".
_MISSING_COUNTED_FACTOR = 0.5
_MISSING_NAME_PENALTY = 0.5  # strength lost when the passage has none of the names the question mentions
_NAME_FOUND = 0.5  # a name counts as mentioned from this credit ("nationale" is not "Nationaal Contactpunt")
_KEEP_FROM_BEST = 0.75  # further sentences of the best sentence's passage need this share of its score ...
_KEEP_COVER_FROM_BEST = 0.5  # ... and this share of its question-word coverage
_COMPLEMENT_COVER_FROM_BEST = 0.25  # ... or this share of its coverage when it has question words it lacks
_COMPLEMENT_MIN_SHARE = 0.15  # ... that weigh this much of the question (not a common word like "convenant")
_OTHER_PASSAGE_FROM_BEST = 0.9  # a sentence from another passage needs this share of both
_CONCISE_SENTENCES = 2
_LIST_EXTRA = 2  # a list answer may add a lead-in and a context sentence to max_sentences
_MIN_WORDS = 4  # shorter fragments (headings, page furniture) are not quoted, list items excepted
_HEADING_MAX_WORDS = 8  # a short line without closing punctuation is a heading, not a sentence
_LIGHT_WEIGHT = 0.3  # weight of a light word ("vond ... plaats") relative to a content word
_FOCUS_WEIGHT = 2.0  # the noun after "welke"/"which" names what the answer is about (selection only)
_UNTRANSLATED_WEIGHT = 0.5  # an English word the lexicon does not know says little about Dutch passages
_NEAR_CREDIT = 0.6  # a word sharing a long prefix ("toezichthouder" / "toezichthoudende", "coalition" / "coalitie")
_PARTS_CREDIT = 0.8  # a compound's parts found apart, not the compound itself
_SAME_DOCUMENT = 0.7  # a passage borrows this share of the coverage of another passage of its document
# a section number ("2.2", "3.") opening a line without closing punctuation: a heading
_NUMBERED_HEADING_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.(?:\d{1,2})?\s+[^\W\d_]")
_MAX_PHRASE_WORDS = 3  # word groups looked up as one lexicon entry ("action plans", "Sector Risico Analyse")


@dataclass
class _Candidate:
    rank: int  # 0-based position of its passage in the given list
    position: int  # order within the passage
    text: str
    tokens: frozenset[str]
    context_tokens: frozenset[str]  # with the sentence before it and the passage heading
    is_list_item: bool  # a bulleted line, or a paragraph opening after a lead-in ("... zijn dat:")
    in_list: bool = False  # part of the list after a lead-in (items and their further sentences)
    opens_list: bool = False  # a lead-in followed by items, or the sentence right before such a lead-in
    raw: str = ""  # as in the passage, line breaks kept
    score: float = 0.0
    strength: float = 0.0
    cover: float = 0.0  # IDF-weighted share of the question's words in the sentence itself
    cues: frozenset[str] = frozenset()  # the question types whose cue the sentence holds
    shares: dict[int, float] = field(default_factory=dict)  # unit index → its share of the question the sentence has


@dataclass(frozen=True)
class _QuestionUnit:
    """One content word (or lexicon phrase) of the question and the token sets that express it: the
    word itself (a compound with its parts) and each of its translations or written-out forms."""

    forms: tuple[frozenset[str], ...]
    weight: float  # for choosing sentences (the focus noun counts double)
    evidence_weight: float  # for the evidence strength
    folded: str = ""  # the word(s) as written, folded
    is_name: bool = False  # names something (a person, an organisation, a programme)

    def credit(self, tokens: frozenset[str], token_weight: dict[str, float] | None = None) -> float:
        """0..1: how much of the unit `tokens` express. A form found in part earns the (IDF-weighted)
        share of its parts found, so "nationale" alone says little about "Nationaal Contactpunt"; a
        compound counts as found when it is there whole, else by its parts ("mededingingsbeleid" goes
        some way to "mededingingsrecht")."""
        best = 0.0
        for form in self.forms:
            found = form & tokens
            if not found:
                continue
            wholes, parts = _compound_split(form)
            if found & wholes:
                return 1.0
            found &= parts
            if token_weight is None:
                share = len(found) / len(parts)
            else:
                share = sum(token_weight.get(t, 1.0) for t in found) / sum(token_weight.get(t, 1.0) for t in parts)
            if wholes:
                share *= _PARTS_CREDIT  # "olie en gas ... sector" is less than "gassector"
            best = max(best, share)
        if best == 0 and any(cognate_in(t, tokens) for form in self.forms for t in form if not t.isdigit()):
            return _NEAR_CREDIT
        return best


@functools.lru_cache(maxsize=4096)
def _compound_split(form: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(compounds, the other tokens) of a token set the analyzer made of a word and its parts:
    {"bank", "convenant", "bankenconvenant"} → ({"bankenconvenant"}, {"bank", "convenant"})."""
    wholes = frozenset(t for t in form if any(u != t and (t.startswith(u) or t.endswith(u)) for u in form))
    parts = form - wholes
    return (wholes, parts) if parts else (frozenset(), form)


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
        """`translate` maps English words to Dutch ones so English questions match Dutch passages (and
        abbreviations to their written-out names); `retrieval_weight` mixes the top passage's retrieval
        score (clipped to 0..1) into the evidence strength — leave 0 unless the retriever's scores are
        calibrated to 0..1."""
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
        units = self._question_units(profile, language, self._names_in(question, language))
        candidates = self._candidates(passages)
        self._score(candidates, units, profile, passages)
        chosen = self._choose(candidates, profile) if candidates and units else []
        strength = self._strength(chosen, passages)
        if not chosen or strength < self.refusal_threshold:
            return self._refusal(question, passages, language, strength, started)

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
    def _names_in(self, question: str, language: Language) -> frozenset[str]:
        """Folded names the question mentions (people, organisations, programmes, acronyms)."""
        known = None
        if language == "en":

            def known(word: str) -> bool:  # "Dutch", "Parliament": English words, not names
                return bool(vocabulary().dutch_for(word) or (self.translate and self.translate([word.lower()])))

        return frozenset(features.name_words(question, known_word=known))

    def _question_units(
        self, profile: QuestionProfile, language: Language, names: frozenset[str] = frozenset()
    ) -> list[_QuestionUnit]:
        vocab = vocabulary()
        stop = stop_tokens(self.tokenize)
        units: list[_QuestionUnit] = []
        seen: set[frozenset[str]] = set()
        for group, translated in self._word_groups(profile):
            if len(group) == 1:
                word = group[0]
                if profile.asks_signatories and features.fold(word) in vocab.signature_words:
                    continue  # "ondertekend" is answered by a signature block, which never says it
                translated = self._translations(word, language)
            weights = [self._base_weight(w, profile, vocab, language, translated=bool(translated)) for w in group]
            own = frozenset(t for w in group for t in self.tokenize(w) if t not in stop)
            # a longer name that includes the word ("Nationaal Contactpunt OESO-richtlijnen" for
            # "Nationaal Contactpunt") would give credit for words the question does not ask about
            translated = tuple(f for f in translated if not (own and own < f))
            forms = tuple(f for f in dict.fromkeys((own, *translated)) if f)
            key = frozenset().union(*forms) if forms else frozenset()
            if key and key not in seen:
                seen.add(key)
                # a lexicon phrase stands for its words: it weighs as much as they do together
                units.append(
                    _QuestionUnit(
                        forms,
                        sum(w[0] for w in weights),
                        sum(w[1] for w in weights),
                        " ".join(features.fold(w) for w in group),
                        is_name=any(features.name_key(w) in names for w in group),
                    )
                )
        return units

    def _word_groups(self, profile: QuestionProfile) -> list[tuple[list[str], tuple[frozenset[str], ...]]]:
        """The question's content words, with runs of words the lexicon knows as one entry ("action
        plans" → "plannen van aanpak", "Sector Risico Analyse" → "SRA") taken together with the token
        sets of their translations; single words come with none (looked up later)."""
        words, content = profile.words, profile.is_content
        stop = stop_tokens(self.tokenize)
        longest = _MAX_PHRASE_WORDS if self.translate is not None else 1
        groups: list[tuple[list[str], tuple[frozenset[str], ...]]] = []
        i = 0
        while i < len(words):
            if not content[i]:
                i += 1
                continue
            for n in range(min(longest, len(words) - i), 1, -1):
                if not content[i + n - 1]:
                    continue  # a group starts and ends with a content word ("plan of action")
                terms = self.translate([" ".join(words[i : i + n]).lower()])  # type: ignore[misc]
                forms = tuple(f for f in (frozenset(t for t in self.tokenize(d) if t not in stop) for d in terms) if f)
                if forms:
                    groups.append(([w for w, c in zip(words[i : i + n], content[i : i + n]) if c], forms))
                    i += n
                    break
            else:
                groups.append(([words[i]], ()))
                i += 1
        return groups

    def _base_weight(
        self, word: str, profile: QuestionProfile, vocab, language: Language, *, translated: bool
    ) -> tuple[float, float]:
        """(selection weight, evidence weight) of a question word."""
        folded = features.fold(word)
        weight = _LIGHT_WEIGHT if folded in vocab.light_words else 1.0
        if language == "en" and self.translate is not None and not translated and word[0].islower():
            weight *= _UNTRANSLATED_WEIGHT  # names and numbers match as they are
        selection = _FOCUS_WEIGHT if folded in profile.focus else weight
        return selection, weight

    def _translations(self, word: str, language: Language) -> tuple[frozenset[str], ...]:
        """Token sets of what the lexicon gives for the word: Dutch translations of an English word,
        synonyms of a Dutch one, an abbreviation's written-out names ("BHOS" → "Buitenlandse Handel en
        Ontwikkelingssamenwerking"); for a general English word the lexicon does not know ("expect"),
        the Dutch words of assistant/data/answer_words.yaml."""
        if self.translate is None:
            return ()
        stop = stop_tokens(self.tokenize)
        terms = self.translate([word.lower()])
        if not terms and language == "en":
            terms = list(vocabulary().dutch_for(word))
        forms = []
        for dutch in terms:
            tokens = frozenset(t for t in self.tokenize(dutch) if t not in stop)
            if tokens:
                forms.append(tokens)
        return tuple(forms)

    def _candidates(self, passages: Sequence[Passage]) -> list[_Candidate]:
        candidates: list[_Candidate] = []
        seen: set[str] = set()
        for rank, passage in enumerate(passages):
            heading = frozenset(self.tokenize(passage.heading or ""))
            previous = heading
            in_list = False  # after a lead-in ("Op dit moment zijn dat:"), until the passage ends
            last_end = 0
            for position, (start, end) in enumerate(split_sentences(passage.text)):
                raw = passage.text[start:end]
                opens_paragraph = position == 0 or "\n\n" in passage.text[last_end:start].replace("\r", "")
                last_end = end
                text = _clean_sentence(raw)
                tokens = frozenset(self.tokenize(text))
                context = tokens | previous
                previous = tokens | heading
                bulleted = features.is_list_item(raw)
                is_item = bulleted or (in_list and opens_paragraph)
                member = in_list
                if text.rstrip().endswith(":") and not bulleted:
                    in_list = True
                key = features.squash(text)
                if not key or key in seen or (not is_item and _is_fragment(text, passage.heading)):
                    continue  # chunks overlap by a sentence: quote it once, from the higher-ranked passage
                seen.add(key)
                candidates.append(
                    _Candidate(rank, position, text, tokens, context, is_item, in_list=member, raw=raw)
                )
        for before, lead_in, item in zip([None, *candidates], candidates, candidates[1:]):
            if _is_lead_in(lead_in) and item.is_list_item and item.rank == lead_in.rank:
                lead_in.opens_list = True
                if before is not None and before.rank == lead_in.rank and before.position == lead_in.position - 1:
                    before.opens_list = True
        return candidates

    # --- scoring -----------------------------------------------------------------------------
    def _score(
        self,
        candidates: list[_Candidate],
        units: list[_QuestionUnit],
        profile: QuestionProfile,
        passages: Sequence[Passage],
    ) -> None:
        """Give every candidate its selection score and evidence strength (0..1), in place."""
        if not candidates or not units:
            return
        n = len(candidates)

        def inverse_frequency(df: float) -> float:
            return math.log(1 + (n - df + 0.5) / (df + 0.5))

        question_tokens = {t for u in units for form in u.forms for t in form}
        token_weight = {t: inverse_frequency(sum(1 for c in candidates if t in c.tokens)) for t in question_tokens}

        def credit(unit: _QuestionUnit, tokens: frozenset[str]) -> float:
            return unit.credit(tokens, token_weight)

        idf = []
        for unit in units:
            # a partial match counts for little: "convenant" everywhere does not make "goudconvenant" common
            df = sum(credit(unit, c.tokens) ** 2 for c in candidates)
            idf.append(inverse_frequency(df))
        select = [w * u.weight for w, u in zip(idf, units)]
        evidence = [w * u.evidence_weight for w, u in zip(idf, units)]
        counted = [i for i, u in enumerate(units) if u.folded in profile.counted]

        def cover(weights: list[float], credits: list[float]) -> float:
            total = sum(weights)
            return sum(w * c for w, c in zip(weights, credits)) / total if total else 0.0

        passage_tokens = [
            frozenset(self.tokenize(" ".join(filter(None, (p.title, p.heading or "", p.text))))) for p in passages
        ]
        passage_credits = [[credit(u, tokens) for u in units] for tokens in passage_tokens]

        def document_cover(weights: list[float]) -> list[float]:
            # a passage is part of a document about something: a signature or a list continues its letter
            own = [cover(weights, credits) for credits in passage_credits]
            return [
                max([c] + [_SAME_DOCUMENT * o for j, o in enumerate(own) if passages[j].doc_id == p.doc_id])
                for p, c in zip(passages, own)
            ]

        passage_select = document_cover(select)
        passage_evidence = document_cover(evidence)
        # a passage that never mentions a name the question asks about is about something else
        named = [i for i, u in enumerate(units) if u.is_name]
        missing_names = [
            1 - _MISSING_NAME_PENALTY * sum(1 for i in named if credits[i] < _NAME_FOUND) / len(named) if named else 1.0
            for credits in passage_credits
        ]

        for c in candidates:
            credits = [credit(u, c.tokens) for u in units]
            context_credits = [credit(u, c.context_tokens) for u in units]
            sentence_cover = cover(select, credits)
            context_cover = cover(select, context_credits)
            evidence_cover = cover(evidence, context_credits)
            met = c.cues = _cues_met(c, profile, passages[c.rank])
            cue = len(met) / len(profile.types) if profile.types else 0.0
            if profile.asks_signatories and "who" in met:
                # signatures never repeat the question: they count as covering what their letter covers
                sentence_cover = max(sentence_cover, passage_select[c.rank])
                context_cover = max(context_cover, passage_select[c.rank])
                evidence_cover = max(evidence_cover, passage_evidence[c.rank])
            c.score = (
                _W_SENTENCE * sentence_cover
                + _W_CONTEXT * context_cover
                + _W_PASSAGE * passage_select[c.rank]
                + _W_RANK / (1 + c.rank)
                # the cue counts for as much as the sentence (with its lead-in) is on the question's subject
                + _W_CUE * cue * (0.4 + 0.6 * context_cover)
            )
            strength = _STRENGTH_CONTEXT * evidence_cover + _STRENGTH_PASSAGE * passage_evidence[c.rank]
            for kind in profile.types - met:
                strength *= _MISSING_CUE_FACTOR.get(kind, 1.0)
            if counted and all(context_credits[i] == 0 for i in counted):
                strength *= _MISSING_COUNTED_FACTOR
            strength *= missing_names[c.rank]
            c.strength = strength
            c.cover = sentence_cover
            # by selection weight: the noun after "welk(e)" names what a part of the question asks for
            total_select = sum(select)
            c.shares = {i: select[i] * x / total_select for i, x in enumerate(credits) if x > 0 and total_select}

    def _strength(self, chosen: list[_Candidate], passages: Sequence[Passage]) -> float:
        """Evidence strength of the answer: its best-supported quoted sentence."""
        if not chosen:
            return 0.0
        strength = max(c.strength for c in chosen)
        if self.retrieval_weight > 0:
            top = min(1.0, max(0.0, passages[0].score))
            strength = (1 - self.retrieval_weight) * strength + self.retrieval_weight * top
        return strength

    # --- selection and rendering ----------------------------------------------------------
    def _choose(self, candidates: list[_Candidate], profile: QuestionProfile) -> list[_Candidate]:
        limit = min(_CONCISE_SENTENCES, self.max_sentences) if profile.concise else self.max_sentences
        ranked = sorted(candidates, key=lambda c: (-c.score, c.rank, c.position))
        best = ranked[0]
        if "list" in profile.types:
            # a best sentence that opens a list is answered by the list: its lead-in and items
            listed = _with_list_items([best], candidates, self.max_sentences)
            if len(listed) > 2:
                return sorted(listed[: self.max_sentences + _LIST_EXTRA], key=lambda c: (c.rank, c.position))
        chosen = [best]
        for c in ranked[1:]:
            if len(chosen) >= limit:
                break
            if profile.concise and c.rank != best.rank:
                continue  # one fact (a name, a date, a number) is quoted from one place
            if profile.asks_signatories and "who" in best.cues and "who" not in c.cues:
                continue  # the names answer "who signed"; the letter's closing words do not
            if c.cover <= 0:
                continue
            if c.rank == best.rank:
                # a sentence of the same passage that has question words the chosen ones lack answers
                # another part of the question ("When ... and what was signed there?")
                covered = {i for x in chosen for i in x.shares}
                adds = sum(share for i, share in c.shares.items() if i not in covered)
                keep = (adds >= _COMPLEMENT_MIN_SHARE and c.cover >= _COMPLEMENT_COVER_FROM_BEST * best.cover) or (
                    c.score >= _KEEP_FROM_BEST * best.score and c.cover >= _KEEP_COVER_FROM_BEST * best.cover
                )
            else:
                keep = (
                    c.score >= _OTHER_PASSAGE_FROM_BEST * best.score
                    and c.cover >= _OTHER_PASSAGE_FROM_BEST * best.cover
                )
            if keep:
                chosen.append(c)
        if "list" in profile.types:
            chosen = _with_list_neighbours(chosen, candidates)
        if "list" in profile.types or any(c.opens_list and _is_lead_in(c) for c in chosen):
            # a quoted lead-in ("... kan de overheid bijdragen door:") says nothing without its items
            chosen = _with_list_items(chosen, candidates, self.max_sentences)
            chosen = chosen[: self.max_sentences + _LIST_EXTRA]
        return sorted(chosen, key=lambda c: (c.rank, c.position))

    def _render(self, chosen: list[_Candidate], profile: QuestionProfile, language: Language) -> str:
        words = phrases(language)
        listed = "list" in profile.types or any(_is_lead_in(c) for c in chosen)
        if listed and len(chosen) > 1:
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
                # the lines of names themselves: a chunk labelled "signature" also holds the letter's closing
                hit = any(_is_name_block(line) for line in candidate.raw.splitlines())
        elif kind == "when":
            hit = features.has_date(text)
        elif kind == "how_many":
            hit = features.has_quantity(text)
        else:
            hit = candidate.is_list_item or candidate.opens_list or features.is_enumeration(text)
        if hit:
            met.add(kind)
    return frozenset(met)


def _is_fragment(text: str, heading: str | None = None) -> bool:
    """A heading or piece of page furniture rather than a sentence."""
    n_words = len(text.split())
    if n_words < _MIN_WORDS:
        return True
    if heading and features.squash(text) == features.squash(heading):
        return True
    closed = re.search(r"[.!?:;]['’”\")]*$", text)
    if not closed and _NUMBERED_HEADING_RE.match(text):
        return True  # "2.2 Mededinging en het samen werken aan duurzaamheid"
    return n_words < _HEADING_MAX_WORDS and not closed


def _is_name_block(text: str) -> bool:
    """Mostly names and roles, like a letter's signatures ("Tuur Elzinga, voorzitter FNV ..."); a line that
    ends a sentence ("Stand van zaken Sector Risico Analyse (SRA).") is not one, an initial ("E.M.J.") aside."""
    if re.search(r"[^\W\d_]{2,}[)\]\"'’”]*[.!?][)\]\"'’”]*\s*$", text):
        return False
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
    """A chosen sentence followed by a list ("... Op dit moment zijn dat:" and bullets or short
    paragraphs) brings the lead-in and the items, up to `limit` items."""
    result = list(chosen)
    for anchor in list(chosen):
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
            if not c.is_list_item:
                if c.in_list:
                    continue  # a further sentence of an item paragraph: the item's first sentence names it
                break
            if items >= limit:
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
