"""Questions the official record answers: "Met hoeveel stemmen is motie X aangenomen?" and "Is motie X
afgedaan?". The answer states the Kamer's record and cites it as its own source [1]; the documents'
passages about the motion follow as further sources, and a contradiction between the two is named.

A document (also an uploaded one) can only add evidence here: the vote and Afgedaan always come from
the official record, which only `imvo sync motions` writes.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Literal

from assistant.core.datafiles import DataModel, Regex, load_data_file
from assistant.kamer.record import OfficialMotion
from assistant.core.model import Answer, AnswerSentence, Citation, Passage
from assistant.text.dates import format_date
from assistant.register.official import OfficialJoin, disagreements
from assistant.register.register import Register, _query_kamerstukken
from assistant.core.model import RegisterItem


class OfficialCues(DataModel):
    votes: list[Regex]
    afgedaan: list[Regex]


class OfficialTexts(DataModel):
    """The answer's sentences in one language (str.format templates)."""

    source_title: str
    doc_type: str
    motion: str
    outcome: str
    outcome_no_votes: str
    undecided: str
    date_phrase: str
    fractions: str
    not_voted: str
    afgedaan_true: str
    afgedaan_false: str
    afgedaan_none: str
    appreciation: str
    documents: str
    conflict: str
    record_text: str
    word_yes: str
    word_no: str
    unknown: str


class OfficialTextsByLanguage(DataModel):
    nl: OfficialTexts
    en: OfficialTexts
    outcomes: dict[Literal["nl", "en"], dict[str, str]]  # the record's outcome → its word


class OfficialChatFile(DataModel):
    """assistant/data/official_chat.yaml."""

    cues: OfficialCues
    texts: OfficialTextsByLanguage


@cache
def _rules() -> dict[str, Any]:
    raw = load_data_file("official_chat.yaml", OfficialChatFile).model_dump()
    raw["compiled"] = {k: [re.compile(p) for p in v] for k, v in raw["cues"].items()}
    return raw


def asked_aspect(question: str) -> str | None:
    """'votes', 'afgedaan' or None: what of the official record the question asks about."""
    compiled = _rules()["compiled"]
    for aspect in ("votes", "afgedaan"):
        if any(p.search(question) for p in compiled[aspect]):
            return aspect
    return None


def _target(question: str, register: Register, official: OfficialJoin) -> tuple[RegisterItem | None, OfficialMotion | None]:
    """The motion asked about: by Kamerstuk number, else the register's best match that the record holds."""
    for number in _query_kamerstukken(question):
        motion = official.record.motion(number)
        if motion is not None:
            item = next((i for i in register.items if i.kind == "motie" and i.kamerstuk == number), None)
            return item, motion
    scored = [(s, i) for s, i in register.scored(question) if i.kind == "motie"]
    if not scored:
        return None, None
    top = scored[0][0]
    if top < _strong_score() or (len(scored) > 1 and scored[1][0] == top):
        return None, None  # no single motion named (a listing question, or two equal matches): not ours
    item = scored[0][1]
    return item, official.record.motion(item.kamerstuk)


def official_passage(motion: OfficialMotion, language: str) -> Passage:
    texts = _rules()["texts"][language]
    yes_no = {True: texts["word_yes"], False: texts["word_no"], None: texts["unknown"]}
    fractions = ", ".join(f"{v['fractie']} {v['stem'].lower()} ({v['zetels']})" for v in motion.votes) or texts["unknown"]
    text = texts["record_text"].format(
        besluit=motion.besluit_tekst or texts["unknown"], date=motion.date or texts["unknown"],
        voor=motion.totals.get("voor", 0), tegen=motion.totals.get("tegen", 0),
        niet=motion.totals.get("niet_deelgenomen", 0), fractions=fractions, afgedaan=yes_no[motion.afgedaan],
        appreciation=motion.kabinetsappreciatie or texts["unknown"],
    )
    return Passage(
        chunk_id=f"official:{motion.kamerstuk}",
        doc_id=f"official-{motion.kamerstuk}",
        text=f"{motion.onderwerp or ''}\n\n{text}".strip(),
        title=texts["source_title"].format(kamerstuk=motion.kamerstuk, zaak=motion.zaak_nummer or motion.zaak_id),
        doc_type=texts["doc_type"],
        date=(motion.synced_at or "")[:10] or None,
        source=motion.url or motion.api_url or "",
        page=1,
        kamerstuk_refs=[motion.kamerstuk],
    )


def answer_from_official(question: str, register: Register, official: OfficialJoin, language: str) -> Answer | None:
    aspect = asked_aspect(question)
    if aspect is None or not official.record.motions:
        return None
    item, motion = _target(question, register, official)
    if motion is None:
        return None
    language = language if language in ("nl", "en") else "nl"
    texts = _rules()["texts"][language]
    joiner = {"nl": " en ", "en": " and "}[language]
    who = f"{joiner.join(item.members) if len(item.members) < 3 else ', '.join(item.members)} " if item and item.members else ""
    motion_text = texts["motion"].format(who=who, kamerstuk=motion.kamerstuk)
    lines: list[str] = []
    if aspect == "votes":
        lines += _vote_lines(motion, motion_text, texts, language)
    else:
        lc = motion_text[0].lower() + motion_text[1:]
        lines.append(texts[{True: "afgedaan_true", False: "afgedaan_false", None: "afgedaan_none"}[motion.afgedaan]]
                     .format(motion_lc=lc))
        if motion.kabinetsappreciatie:
            lines.append(texts["appreciation"].format(value=motion.kabinetsappreciatie))
    sentences = [AnswerSentence(text=line, citations=[1], support=1.0, supported=True) for line in lines]
    citations = [Citation(n=1, passage=official_passage(motion, language), supported=True)]
    text_lines = [" ".join(f"{line} [1]" for line in lines)]
    if item is not None:
        from assistant.register.chat import _passage, _sources, describe

        numbers = []
        for entry in _sources(item):
            cit = Citation(n=len(citations) + 1, passage=_passage(entry), supported=True)
            if entry.get("quote"):
                cit.sentences.append(entry["quote"])
            citations.append(cit)
            numbers.append(cit.n)
        if numbers:
            line = texts["documents"].format(line=describe(item, language))
            sentences.append(AnswerSentence(text=line, citations=numbers, support=1.0, supported=True))
            text_lines.append(line + " " + "".join(f"[{n}]" for n in numbers))
        conflict = disagreements(item, motion)
        if conflict:
            line = texts["conflict"].format(what="; ".join(conflict))
            sentences.append(AnswerSentence(text=line, citations=[1, *numbers], support=1.0, supported=True))
            text_lines.append(line)
    from assistant.register.chat import register_answer  # chat imports this module: import late

    return register_answer(question, language, "\n\n".join(text_lines), sentences, citations)


def _vote_lines(motion: OfficialMotion, motion_text: str, texts: dict, language: str) -> list[str]:
    if motion.outcome is None:
        return [texts["undecided"].format(motion=motion_text)]
    outcome = _rules()["texts"]["outcomes"][language].get(motion.outcome, motion.outcome)
    date_phrase = texts["date_phrase"].format(date=format_date(motion.date, language)) if motion.date else ""
    totals = motion.totals
    if not motion.votes:
        return [texts["outcome_no_votes"].format(motion=motion_text, date_phrase=date_phrase, outcome=outcome)]
    lines = [texts["outcome"].format(motion=motion_text, date_phrase=date_phrase, outcome=outcome,
                                     voor=totals.get("voor", 0), tegen=totals.get("tegen", 0))]

    def names(stem: str) -> str:
        return ", ".join(f"{v['fractie']} ({v['zetels']})" for v in motion.votes if (v["stem"] or "").lower() == stem)

    lines.append(texts["fractions"].format(voor=names("voor") or "—", tegen=names("tegen") or "—"))
    others = ", ".join(f"{v['fractie']} ({v['zetels']})" for v in motion.votes
                       if (v["stem"] or "").lower() not in ("voor", "tegen"))
    if others:
        lines.append(texts["not_voted"].format(names=others))
    return lines


def _strong_score() -> float:
    from assistant.register.rules import register_rules

    return float(register_rules().chat["min_strong_score"])
