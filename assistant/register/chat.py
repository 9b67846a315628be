"""Answering register questions ("Welke moties staan nog open?", "Is de motie Smaling uitgevoerd?") from
the register, each statement citing the passages behind it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from assistant.text.fold import fold
from assistant.core.model import Answer, AnswerSentence, Citation, Language, Passage
from assistant.text.dates import format_date
from assistant.register.extract import name_key, named_in_text
from assistant.register.official import OfficialJoin
from assistant.register.register import Register, _query_kamerstukken, surnames
from assistant.core.model import RegisterItem
from assistant.register.rules import KINDS, register_rules

MAX_ITEMS = 10
QUOTE_CHARS = 400


@dataclass(frozen=True)
class _ChatRules:
    kind_words: dict[str, tuple[str, ...]]
    register_words: tuple[str, ...]
    open_cues: tuple[re.Pattern[str], ...]
    status_cues: tuple[re.Pattern[str], ...]
    list_cues: tuple[re.Pattern[str], ...]
    status_filters: dict[str, tuple[re.Pattern[str], ...]]
    min_strong_score: float
    labels: dict[str, dict[str, Any]]


@cache
def _chat_rules() -> _ChatRules:
    chat = register_rules().chat
    compile_all = lambda items: tuple(re.compile(p) for p in items)  # noqa: E731 (validated by tests)
    return _ChatRules(
        kind_words={k: tuple(fold(w) for w in v) for k, v in chat["kind_words"].items()},
        register_words=tuple(fold(w) for w in chat["register_words"]),
        open_cues=compile_all(chat["open_cues"]),
        status_cues=compile_all(chat["status_cues"]),
        list_cues=compile_all(chat["list_cues"]),
        status_filters={k: compile_all(v) for k, v in chat["status_filters"].items()},
        min_strong_score=float(chat["min_strong_score"]),
        labels=chat["labels"],
    )


@dataclass
class RegisterQuestion:
    kinds: list[str]  # asked about; empty: every kind
    wants_open: bool
    status_filter: str | None
    items: list[RegisterItem] = field(default_factory=list)
    mode: Literal["specific", "open", "list"] = "specific"


def classify(question: str, register: Register) -> RegisterQuestion | None:
    """None when the question is not about motions, commitments or initiative bills."""
    rules = _chat_rules()
    folded = fold(question)
    kinds = [k for k in KINDS if any(re.search(rf"\b{re.escape(w)}\b", folded) for w in rules.kind_words.get(k, ()))]
    about_register = any(w in folded for w in rules.register_words)
    if not kinds and not about_register and not _query_kamerstukken(question):
        return None
    wants_open = any(c.search(question) for c in rules.open_cues)
    status_filter = next((s for s, cues in rules.status_filters.items() if any(c.search(question) for c in cues)), None)

    if _names_unknown_item(question, register):
        return None  # "Is de motie Jansen uitgevoerd?": not in the register; let retrieval look
    asks_state = wants_open or any(c.search(question) for c in rules.status_cues)
    scored = [(s, i) for s, i in register.scored(question) if not kinds or i.kind in kinds]
    if scored:
        top = scored[0][0]
        unique = len(scored) == 1 or scored[1][0] < top
        # a weaker match (a year and a subject word) will do when it singles out one item of a state question
        if top >= rules.min_strong_score or (asks_state and unique and top >= rules.min_strong_score / 2):
            items = [i for s, i in scored if s >= max(top / 2, 1)]
            return RegisterQuestion(kinds, wants_open, status_filter, items, "specific")
    pool = [i for i in register.items if not kinds or i.kind in kinds]
    listing = any(c.search(question) for c in rules.list_cues) or about_register
    if wants_open and (listing or not scored):
        return RegisterQuestion(kinds, True, status_filter, [i for i in pool if i.open is True], "open")
    if listing:
        return RegisterQuestion(kinds, False, status_filter, [i for i in pool if _has_status(i, status_filter)], "list")
    return None


def _names_unknown_item(question: str, register: Register) -> bool:
    """The question names a motion/commitment (by members or number) that the register does not hold."""
    for kind, members, kamerstuk in named_in_text(question):
        if kamerstuk and not any(i.kamerstuk == kamerstuk for i in register.items):
            return True
        if members:
            asked = {name_key(m).split()[-1] for m in members}
            if not any(i.kind == kind and asked <= {s.split()[-1] for s in surnames(i) if s} for i in register.items):
                return True
    return False


def _has_status(item: RegisterItem, status: str | None) -> bool:
    if status is None:
        return True
    if status == "uitgevoerd":
        return item.execution == "uitgevoerd"
    return item.status == status


def answer_from_register(
    question: str, register: Register, language: Language, official: OfficialJoin | None = None
) -> Answer | None:
    if official is not None:  # votes and Afgedaan come from the Kamer's own record, when synced
        from assistant.register.official_chat import answer_from_official

        answer = answer_from_official(question, register, official, language)
        if answer is not None:
            return answer
    asked = classify(question, register)
    if asked is None:
        return None
    labels = _chat_rules().labels[language]
    kinds_key = asked.kinds[0] if len(asked.kinds) == 1 else "all"
    kinds_text = labels["kinds_plural"][kinds_key]
    items = asked.items[:MAX_ITEMS]
    if not items:
        template = labels["none_open"] if asked.mode == "open" else labels["none_found"]
        return Answer(question=question, text=template.format(kinds=kinds_text), answered=asked.mode == "open",
                      mode="register", language=language)

    citations: list[Citation] = []
    by_chunk: dict[str, Citation] = {}
    sentences: list[AnswerSentence] = []
    lines = [(labels["intro_open"] if asked.mode == "open" else labels["intro_list"]).format(kinds=kinds_text)]
    for item in items:
        numbers = []
        for entry in _sources(item):
            cit = by_chunk.get(entry["chunk_id"])
            if cit is None:
                cit = Citation(n=len(citations) + 1, passage=_passage(entry), supported=True)
                by_chunk[entry["chunk_id"]] = cit
                citations.append(cit)
            quote = entry.get("quote")
            if quote and quote not in cit.sentences:
                cit.sentences.append(quote)
            if cit.n not in numbers:
                numbers.append(cit.n)
        line = describe(item, language)
        sentences.append(AnswerSentence(text=line, citations=numbers, support=1.0, supported=True))
        lines.append(f"- {line} " + "".join(f"[{n}]" for n in numbers))
    return register_answer(question, language, "\n".join(lines), sentences, citations)


def register_answer(
    question: str, language: Language, text: str, sentences: list[AnswerSentence], citations: list[Citation]
) -> Answer:
    """An answer from the register (or the official record): the cited passages are all it shows."""
    return Answer.cited(question, text, "register", language, sentences, citations)


def _sources(item: RegisterItem) -> list[dict[str, Any]]:
    """The evidence behind the item's state; an item without any is backed by the passage naming it."""
    if item.evidence:
        return item.evidence
    return item.mentions[:1]


def _passage(entry: dict[str, Any]) -> Passage:
    return Passage(
        chunk_id=entry["chunk_id"],
        doc_id=entry["doc_id"],
        text=entry["text"],
        title=entry.get("title", ""),
        doc_type=entry.get("doc_type", ""),
        date=entry.get("doc_date"),
        source=entry.get("source", ""),
        page=int(entry.get("page") or 1),
    )


def describe(item: RegisterItem, language: Language) -> str:
    """One line: who, which Kamerstuk, when, what state, and the words of the latest evidence."""
    labels = _chat_rules().labels[language]
    head = labels["kind"][item.kind]
    if item.members:
        joined = f" {labels['and']} ".join(item.members) if len(item.members) < 3 else ", ".join(item.members)
        head += f" {labels['made_by'] if item.kind == 'toezegging' else labels['members_by']} {joined}"
    details = []
    if item.kamerstuk:
        details.append(f"Kamerstuk {item.kamerstuk}")
    if item.date:
        details.append(format_date(item.date, language))
    if item.debate:
        details.append(f"{labels['debate']} {item.debate}")
    if details:
        head += f" ({', '.join(details)})"
    state = [labels["status"].get(item.status, item.status)]
    if item.status_inferred:
        state[0] += f" ({labels['inferred']})"
    if item.kind in ("motie", "toezegging"):
        state.append(labels["execution"].get(item.execution, item.execution))
    state.append(labels["open"][item.open])
    if item.contradicted:
        state.append(labels["contradicted"])
    line = f"{head}: {'; '.join(state)}."
    if item.subject:
        line += f" {labels['subject']}: {item.subject}."
    quote = _latest_quote(item)
    if quote:
        line += f" “{quote}”"
    return line


def _latest_quote(item: RegisterItem) -> str | None:
    entries = [e for e in item.evidence if e.get("aspect") == "execution"] or item.evidence
    if not entries:
        return None
    latest_doc = entries[-1]["doc_id"]
    quote = next(e for e in entries if e["doc_id"] == latest_doc).get("quote") or ""  # the main sentence, not its follow-up
    if len(quote) > QUOTE_CHARS:
        quote = quote[:QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
    return quote or None
