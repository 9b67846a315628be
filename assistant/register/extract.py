"""Mentions of motions, commitments and initiative bills in passages, with the state signals around them.

Works per document: explicit mentions ("de motie van de leden Smaling en Voordewind om ..."), debate
sentences that complete them (a footnote "Notaoverleg over ..., Kamerstuk 34 331, nr. 7 en ..." gives the
Kamerstuk numbers of the motions adopted at that debate; a body sentence "Tijdens het AO ... heeft uw
Kamer gevraagd om ..." gives the subject of a commitment whose footnote names that AO), and back
references ("uitvoering gegeven aan deze toezegging en moties"). Merging across documents is register.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from rapidfuzz import fuzz

from assistant.text.fold import fold
from assistant.text.kamerstuk import find_kamerstuk_refs
from assistant.text.letters import letter_words
from assistant.core.model import Passage
from assistant.text.dates import DateMention, DateValue, find_dates
from assistant.register.rules import KINDS, REGISTER_RULES_FILE, register_rules
from assistant.register.textnorm import DocumentText, Sentence, document_text, group_by_document

Aspect = Literal["status", "execution"]
Origin = Literal["explicit", "linked", "reference"]
_NAME_SPLIT = re.compile(r"\s*(?:,|\ben\b|/|&)\s*")


@dataclass
class Signal:
    aspect: Aspect
    value: str  # a status (aangenomen, ...) or an execution verdict (uitgevoerd, twijfel)
    sentence: Sentence
    phrase: str  # the words that say so


@dataclass
class Mention:
    kind: str
    members: list[str]
    kamerstuk: str | None
    date: DateValue | None
    debate: str | None
    subject: str | None
    sentence: Sentence
    origin: Origin = "explicit"
    count: int = 1  # "twee moties van de leden ..." names two items
    plural: bool = False
    part: int | None = None  # which of those `count` items (1-based), once split
    refs: list[str] = field(default_factory=list)  # Kamerstuk numbers found for a group of items
    signals: list[Signal] = field(default_factory=list)
    start: int = 0  # span in the sentence text
    end: int = 0


def name_key(name: str) -> str:
    """'Van den Hul' → 'hul'; accents and case folded so OCR variants compare equal."""
    folded = fold(name)
    words = [w for w in re.split(r"[\s]+", folded) if w]
    tussen = letter_words().name_particles
    while len(words) > 1 and words[0] in tussen:
        words = words[1:]
    return " ".join(words)


def split_names(names: str) -> list[str]:
    rules = register_rules()
    result = []
    for raw in _NAME_SPLIT.split(names.strip()):
        name = raw.strip()
        if not name:
            continue
        words = name.split()
        if words[0] in rules.not_names or words[-1] in rules.not_names:
            break  # "motie Smaling en De Tweede Kamer": stop at the first non-name
        result.append(" ".join(words))
    return result


def actor_name(actor: str) -> str:
    actor = re.sub(r"\s+", " ", actor.strip())
    actor = re.sub(r"(?i)^(?:de|het)\s+", "", actor)
    return actor[:1].upper() + actor[1:]


def _count(word: str | None) -> int:
    if not word:
        return 1
    if word.isdigit():
        return max(1, int(word))
    return register_rules().number_words.get(word.lower(), 1)


# --- one sentence ------------------------------------------------------------------------------------


def named_in_text(text: str) -> list[tuple[str, list[str], str | None]]:
    """(kind, members, Kamerstuk) of every explicit mention in a free text, e.g. a question."""
    dummy = Sentence(text, Passage(chunk_id="", doc_id="", text=text, title="", doc_type="", date=None, source="", page=1), -1, 0, footnote=False)
    return [(m.kind, m.members, m.kamerstuk) for m in _explicit_mentions(dummy)]


def _explicit_mentions(s: Sentence) -> list[Mention]:
    rules = register_rules()
    text = s.text
    found: list[Mention] = []
    spans: list[tuple[int, int]] = []
    for mp in rules.mention_patterns:
        for m in mp.regex.finditer(text):
            if any(not (m.end() <= a or m.start() >= b) for a, b in spans):
                continue
            groups = m.groupdict()
            if groups.get("names") is not None:
                members = split_names(groups["names"])
                if not members:
                    continue
                end = m.start("names") + _names_length(groups["names"], members)
            else:
                members = [actor_name(groups["actor"])] if groups.get("actor") else []
                end = m.end()
            spans.append((m.start(), end))
            found.append(
                Mention(
                    kind=mp.kind,
                    members=members,
                    kamerstuk=None,
                    date=None,
                    debate=None,
                    subject=None,
                    sentence=s,
                    count=_count(groups.get("count")),
                    plural=bool(groups.get("plural")),
                    start=m.start(),
                    end=end,
                )
            )
    # "motie (Kamerstuk 26485, nr. 341)": a kind word right before a number, no names
    refs = find_kamerstuk_refs(text)
    for m in rules.kind_before_kamerstuk.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue
        ref = next((r for r in refs if 0 <= r.start - m.end() <= rules.kind_before_kamerstuk_gap), None)
        if ref is None:
            continue
        kind = _kind_of_word(m.group("kind"))
        spans.append((m.start(), ref.end))
        found.append(Mention(kind, [], ref.id, None, None, None, s, start=m.start(), end=m.end()))
    found.sort(key=lambda x: x.start)
    return found


def _names_length(raw: str, kept: list[str]) -> int:
    """Length of the part of the names group that holds the kept names (the rest was no name)."""
    if not kept:
        return 0
    last = kept[-1]
    pos = raw.find(last.split()[-1])
    return pos + len(last.split()[-1]) if pos >= 0 else len(raw)


def _kind_of_word(word: str) -> str:
    w = word.lower()
    for kind, words in register_rules().kind_words.items():
        if w in words or any(w.startswith(x) for x in words):
            return kind
    raise ValueError(f"{word!r} is no kind word of assistant/data/{REGISTER_RULES_FILE} `kind_words`")


def find_debate(text: str) -> tuple[str, int, int] | None:
    m = register_rules().debate.search(text)
    if not m:
        return None
    return m.group("debate").strip(" ,;"), m.start("debate"), m.end("debate")


def same_debate(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    # token_sort, not token_set: a bare "AO" must not equal every "AO ..."
    return fuzz.token_sort_ratio(a.lower(), b.lower()) >= register_rules().same_debate_ratio


def _subject(text: str, start: int, end: int, avoid: list[tuple[int, int]]) -> tuple[str, int, int] | None:
    """The earliest subject clause in text[start:end] that does not fall inside an avoided span."""
    rules = register_rules()
    best: tuple[int, int, str] | None = None
    part = text[start:end]
    for pattern in rules.subject_patterns:
        for m in pattern.finditer(part):
            a, b = start + m.start("subject"), start + m.end("subject")
            if any(x <= a < y for x, y in avoid):
                continue
            if best is None or a < best[0]:
                best = (a, b, m.group("subject"))
            break
    if best is None:
        return None
    subject = best[2]
    for trim in rules.subject_trim:
        subject = trim.sub("", subject)
    subject = subject.strip(" ,;:-–")
    if len(subject) > rules.subject_max_chars:
        subject = subject[: rules.subject_max_chars].rsplit(" ", 1)[0] + " …"
    return (subject, best[0], best[1]) if len(subject) >= 3 else None


def _kind_word_positions(text: str) -> list[int]:
    words = sorted({w for ws in register_rules().kind_words.values() for w in ws}, key=len, reverse=True)
    return [m.start() for m in re.finditer(r"(?i)\b(?:" + "|".join(map(re.escape, words)) + r")\b", text)]


def _complete(mentions: list[Mention], s: Sentence, doc_date: str | None) -> None:
    """Kamerstuk, debate, subject and date of each mention, from its own sentence."""
    rules = register_rules()
    text = s.text
    refs = find_kamerstuk_refs(text)
    debate = find_debate(text)
    dates = find_dates(text, doc_date)
    kind_positions = _kind_word_positions(text)
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        mine = [
            r for r in refs
            if r.start >= m.start and r.start < nxt and r.start - m.end <= rules.kamerstuk_after_mention_chars
        ]
        if m.kamerstuk is None and mine:
            if m.count > 1 or m.plural:
                m.refs = list(dict.fromkeys(r.id for r in mine))
            else:
                m.kamerstuk = mine[0].id
        if debate:
            m.debate = debate[0]
        avoid = [(r.start, r.end) for r in refs] + ([(debate[1], debate[2])] if debate else [])
        found = _subject(text, m.end, nxt, avoid)
        if found is None:
            before = [p for p in kind_positions if p < m.start]
            prev_end = mentions[i - 1].end if i > 0 else 0
            if before and before[-1] >= prev_end:
                found = _subject(text, before[-1], m.start, avoid)
        subject_span = (found[1], found[2]) if found else (0, 0)
        if found:
            m.subject = found[0]
        m.date = _mention_date(dates, m, subject_span, text)


def _mention_date(dates: list[DateMention], m: Mention, subject_span: tuple[int, int], text: str) -> DateValue | None:
    usable = [d for d in dates if not (subject_span[0] <= d.start < subject_span[1])]
    if not usable:
        return None
    after_dd = [d for d in usable if register_rules().date_marker.search(text[: d.start])]
    if after_dd:
        return after_dd[0].value
    return min(usable, key=lambda d: min(abs(d.start - m.end), abs(m.start - d.end))).value


def _signals(s: Sentence, mentions: list[Mention]) -> None:
    """Status and execution phrases of the sentence, each given to the nearest mention that can have it."""
    if not mentions:
        return
    rules = register_rules()
    text = s.text

    def nearest(pos: int, kinds: tuple[str, ...]) -> Mention | None:
        able = [m for m in mentions if m.kind in kinds]
        return min(able, key=lambda m: 0 if m.start <= pos < m.end else min(abs(pos - m.start), abs(pos - m.end))) if able else None

    chosen_status: dict[int, Signal] = {}
    for phrase in rules.status_phrases:
        for match in phrase.regex.finditer(text):
            target = nearest(match.start(), phrase.kinds)
            if target is not None and id(target) not in chosen_status:
                chosen_status[id(target)] = Signal("status", phrase.status, s, match.group(0))
    executable = ("motie", "toezegging")
    chosen_exec: dict[int, Signal] = {}
    for verdict, patterns in (("twijfel", rules.doubt_phrases), ("uitgevoerd", rules.done_phrases)):
        for pattern in patterns:
            for match in pattern.finditer(text):
                target = nearest(match.start(), executable)
                if target is not None and id(target) not in chosen_exec:
                    chosen_exec[id(target)] = Signal("execution", verdict, s, match.group(0))
    for m in mentions:
        if id(m) in chosen_status:
            m.signals.append(chosen_status[id(m)])
        if id(m) in chosen_exec:
            m.signals.append(chosen_exec[id(m)])


def _doubt_in(text: str) -> str | None:
    for pattern in register_rules().doubt_phrases:
        found = pattern.search(text)
        if found:
            return found.group(0)
    return None


# --- one document ------------------------------------------------------------------------------------


@dataclass
class _Context:
    """A sentence that names a debate but no item: it may complete the items of that debate."""

    sentence: Sentence
    debate: str
    debate_span: tuple[int, int]
    refs: list[str]
    date: DateValue | None


def document_mentions(doc: DocumentText) -> list[Mention]:
    rules = register_rules()
    per_sentence: list[list[Mention]] = []
    contexts: list[_Context] = []
    for s in doc.sentences:
        mentions = _explicit_mentions(s)
        _complete(mentions, s, doc.date)
        _signals(s, mentions)
        per_sentence.append(mentions)
        if not mentions:
            debate = find_debate(s.text)
            if debate:
                dates = find_dates(s.text, doc.date)
                refs = list(dict.fromkeys(r.id for r in find_kamerstuk_refs(s.text)))
                contexts.append(_Context(s, debate[0], (debate[1], debate[2]), refs, dates[0].value if dates else None))

    _follow_doubt(doc, per_sentence, rules.doubt_followup_sentences)
    explicit = [m for ms in per_sentence for m in ms]
    links = _link_contexts(explicit, contexts)
    mentions: list[Mention] = []
    for m in explicit:
        parts = _split(m)
        mentions.extend(parts)
        for ctx in links.get(id(m), []):
            for part in parts:
                mentions.append(_linked_copy(part, ctx, doc.date))
    mentions.extend(_back_references(doc, mentions))
    return mentions


def _follow_doubt(doc: DocumentText, per_sentence: list[list[Mention]], window: int) -> None:
    for i, mentions in enumerate(per_sentence):
        for m in mentions:
            if not any(sig.value == "twijfel" for sig in m.signals):
                continue
            for j in range(i + 1, min(i + 1 + window, len(doc.sentences))):
                nxt = doc.sentences[j]
                if per_sentence[j] or nxt.index != m.sentence.index or nxt.footnote != m.sentence.footnote:
                    break
                phrase = _doubt_in(nxt.text)
                if phrase:
                    m.signals.append(Signal("execution", "twijfel", nxt, phrase))


def _link_contexts(mentions: list[Mention], contexts: list[_Context]) -> dict[int, list[_Context]]:
    """Debate sentences that belong to a mention: same debate (or same day and a debate named)."""
    links: dict[int, list[_Context]] = {}
    for m in mentions:
        for ctx in contexts:
            same_day = m.date is not None and ctx.date == m.date and m.date.precision == "day"
            if not (same_debate(m.debate, ctx.debate) or (same_day and m.debate is None)):
                continue
            links.setdefault(id(m), []).append(ctx)
            if m.kamerstuk is None and not m.refs and ctx.refs:
                if m.count > 1 or m.plural:
                    m.refs = list(ctx.refs)
                elif len(ctx.refs) == 1:
                    m.kamerstuk = ctx.refs[0]
            if m.subject is None:
                avoid = [ctx.debate_span]
                found = _subject(ctx.sentence.text, 0, len(ctx.sentence.text), avoid)
                if found:
                    m.subject = found[0]
            if m.date is None and ctx.date is not None:
                m.date = ctx.date
            if m.debate is None:
                m.debate = ctx.debate
    return links


def _split(m: Mention) -> list[Mention]:
    """'twee moties van de leden Vermue en Servaes' → two items; Kamerstuk numbers in order when the
    count matches, otherwise the parts stay without a number."""
    n = m.count
    if m.plural and n == 1 and len(m.refs) > 1:
        n = len(m.refs)
    if n <= 1:
        if m.kamerstuk is None and len(m.refs) == 1:
            m.kamerstuk = m.refs[0]
        return [m]
    numbers = m.refs if len(m.refs) == n else [None] * n
    return [replace(m, kamerstuk=numbers[i], part=i + 1, signals=list(m.signals)) for i in range(n)]


def _linked_copy(m: Mention, ctx: _Context, doc_date: str | None) -> Mention:
    copy = replace(m, sentence=ctx.sentence, origin="linked", signals=[], start=ctx.debate_span[0], end=ctx.debate_span[1])
    _signals(ctx.sentence, [copy])
    return copy


def _back_references(doc: DocumentText, mentions: list[Mention]) -> list[Mention]:
    """'deze toezegging en moties': copies of the items named shortly before, carrying this sentence's signals."""
    rules = register_rules()
    anchored = [m for m in mentions if m.sentence.index >= 0 and m.origin != "reference"]
    result: list[Mention] = []
    for s in doc.sentences:
        if s.index < 0:
            continue
        own_kinds = {m.kind for m in mentions if m.sentence is s and m.origin == "explicit"}
        for match in rules.back_reference.finditer(s.text):
            weak = match.group(0).split()[0].lower() in rules.weak_determiners
            all_words = {w for ws in rules.kind_words.values() for w in ws}
            for word in (w for w in re.findall(r"\w+", match.group("kinds")) if w.lower() in all_words):
                kind = _kind_of_word(word)
                if kind in own_kinds:
                    continue
                plural = word.lower() in rules.kind_words[kind][1:2]
                referents = _referents(anchored, kind, s, plural, rules.back_reference_window)
                copies = []
                for target in referents:
                    copy = replace(target, sentence=s, origin="reference", signals=[], start=match.start(), end=match.end())
                    copies.append(copy)
                if not copies:
                    continue
                _signals(s, copies[:1])
                if weak and not _telling(copies[0].signals):
                    continue  # "de motie" in passing is no reference worth recording
                for copy in copies[1:]:
                    copy.signals = [replace(sig) for sig in copies[0].signals]
                result.extend(copies)
    return result


def _telling(signals: list[Signal]) -> bool:
    """A signal other than the kind word itself ("toezegging" counts as made, but says nothing new)."""
    words = {w for ws in register_rules().kind_words.values() for w in ws}
    return any(s.phrase.lower() not in words for s in signals)


def _referents(anchored: list[Mention], kind: str, s: Sentence, plural: bool, window: int) -> list[Mention]:
    before = [
        m for m in anchored
        if m.kind == kind
        and s.index - window <= m.sentence.index <= s.index
        and (m.sentence.index < s.index or m.sentence.offset < s.offset)
    ]
    if not before:
        return []
    if plural:
        return _unique_items(before)
    last = max(before, key=lambda m: (m.sentence.index, m.sentence.offset))
    group = [m for m in before if m.sentence is last.sentence and m.start == last.start]
    return _unique_items(group)


def _unique_items(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple] = set()
    out = []
    for m in mentions:
        key = (m.kind, m.kamerstuk, tuple(name_key(n) for n in m.members), m.part)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def extract_mentions(passages: list[Passage]) -> list[Mention]:
    """All mentions in all documents; the kinds are those of `KINDS`."""
    out: list[Mention] = []
    for group in group_by_document(passages):
        out.extend(m for m in document_mentions(document_text(group)) if m.kind in KINDS)
    return out
