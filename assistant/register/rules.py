"""The register and timeline rules (assistant/data/*.yaml), loaded once and compiled into typed values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BeforeValidator, Field, ValidationInfo, model_validator

from assistant.core.datafiles import (
    RESTORE_PACKAGE_FILE,
    DataModel,
    M,
    Regex,
    Text,
    as_list,
    check_regex,
    data_path,
    load_yaml,
)

REGISTER_RULES_FILE = "register_rules.yaml"
TIMELINE_RULES_FILE = "timeline_rules.yaml"
Kind = Literal["motie", "toezegging", "initiatiefwetsvoorstel"]
KINDS: tuple[str, ...] = get_args(Kind)
_FRAGMENT = re.compile(r"@(\w+)@")


def _path(name: str) -> Path:
    return data_path(name)


def _load(name: str, model: type[M]) -> M:
    return load_yaml(_path(name), model, restore=RESTORE_PACKAGE_FILE)


# --- the files' models --------------------------------------------------------------------------
def _expand_fragments(pattern: str, info: ValidationInfo) -> str:
    """`@name@` replaced by the fragment `name` (recursively), then checked to compile."""
    fragments = (info.context or {}).get("fragments") or {}

    def expand(text: str, depth: int) -> str:
        if depth > 10:
            raise ValueError("has fragments that refer to each other in a loop")

        def sub(m: re.Match[str]) -> str:
            if m.group(1) not in fragments:
                raise ValueError(f"uses the unknown fragment @{m.group(1)}@")
            return expand(str(fragments[m.group(1)]), depth + 1)

        return _FRAGMENT.sub(sub, text)

    return check_regex(expand(pattern, 0))


# A pattern of register_rules.yaml: held with its fragments expanded.
Pattern = Annotated[str, AfterValidator(_expand_fragments)]
Patterns = Annotated[tuple[Pattern, ...], BeforeValidator(as_list)]
Words = tuple[str, ...]


class OcrFix(DataModel):
    pattern: Pattern
    replace: str


class MentionRule(DataModel):
    kind: Kind
    pattern: Pattern


class KindBeforeKamerstuk(DataModel):
    pattern: Pattern
    max_gap: int


class DebateRule(DataModel):
    pattern: Pattern
    same_debate_ratio: float


class StatusRule(DataModel):
    status: Text
    kinds: Annotated[tuple[Kind, ...], BeforeValidator(lambda v: v or KINDS)] = KINDS  # default: every kind
    pattern: Pattern


class ExecutionPhrases(DataModel):
    twijfel: Patterns
    uitgevoerd: Patterns


class BackReference(DataModel):
    pattern: Pattern
    window_passages: int
    weak_determiners: Words


class AuthorityTiers(DataModel):
    """Document types per tier (assistant/register/authority.py); unlisted types are "other documents"."""

    official: Words = ()
    kamerstuk: Words = ()
    letter: Words = ()


class RegisterLabels(DataModel):
    """The words of a register answer in one language."""

    kind: dict[Kind, str]
    status: dict[str, str]
    execution: dict[str, str]
    open: dict[bool | None, str]  # open: true / false / null (unknown)
    inferred: str
    contradicted: str
    members_by: str
    made_by: str
    debate: str
    subject: str
    none_open: str
    none_found: str
    intro_open: str
    intro_list: str
    kinds_plural: dict[str, str]
    and_: str = Field(alias="and")


class ChatRules(DataModel):
    """Recognising register questions and writing the answer (assistant/register/chat.py)."""

    kind_words: dict[Kind, list[str]]
    register_words: list[str]
    open_cues: list[Regex]
    status_cues: list[Regex]
    list_cues: list[Regex]
    status_filters: dict[str, list[Regex]]
    query_stopwords: list[str]
    min_strong_score: float
    debate_generic_words: list[str]
    actor_generic_words: list[str]
    labels: dict[Literal["nl", "en"], RegisterLabels]


class RegisterRulesFile(DataModel):
    """assistant/data/register_rules.yaml; the comments there say what each rule does."""

    version: int = 1
    fragments: dict[str, str]
    ocr_fixes: list[OcrFix]
    footnote_markers: Patterns
    footnote_lead: Pattern
    mention_patterns: list[MentionRule]
    kind_before_kamerstuk: KindBeforeKamerstuk
    not_names: Words
    kamerstuk_after_mention_chars: int
    debate: DebateRule
    subject_patterns: Patterns
    subject_max_chars: int
    subject_trim: Patterns
    status_phrases: list[StatusRule]
    execution_phrases: ExecutionPhrases
    doubt_followup_sentences: int
    back_reference: BackReference
    date_marker: Pattern
    kind_words: dict[Kind, Words]
    number_words: dict[str, int]
    authority: AuthorityTiers
    chat: ChatRules

    @model_validator(mode="before")
    @classmethod
    def _share_fragments(cls, data: Any, info: ValidationInfo) -> Any:
        # The patterns below are checked with the fragments expanded, so they need them first.
        if isinstance(data, dict) and isinstance(info.context, dict) and isinstance(data.get("fragments"), dict):
            info.context["fragments"] = data["fragments"]
        return data


class EventKindRule(DataModel):
    kind: Text
    cues: Regex
    eventful: bool = False


class TimelineRulesFile(DataModel):
    """assistant/data/timeline_rules.yaml; the comments there say what each rule does."""

    version: int = 1
    deadline_prefixes: Regex
    ambition_cues: Regex
    planned_cues: Regex
    event_verbs: Regex
    kinds: list[EventKindRule]
    kamerstuk_kind: str
    label_context_openers: Regex
    label_max_chars: int
    generic_words: Words


@dataclass(frozen=True)
class MentionPattern:
    kind: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class StatusPhrase:
    status: str
    kinds: tuple[str, ...]
    regex: re.Pattern[str]


@dataclass(frozen=True)
class RegisterRules:
    ocr_fixes: tuple[tuple[re.Pattern[str], str], ...]
    footnote_markers: tuple[re.Pattern[str], ...]
    footnote_lead: re.Pattern[str]
    mention_patterns: tuple[MentionPattern, ...]
    kind_before_kamerstuk: re.Pattern[str]
    kind_before_kamerstuk_gap: int
    not_names: frozenset[str]
    kamerstuk_after_mention_chars: int
    debate: re.Pattern[str]
    same_debate_ratio: float
    subject_patterns: tuple[re.Pattern[str], ...]
    subject_max_chars: int
    subject_trim: tuple[re.Pattern[str], ...]
    status_phrases: tuple[StatusPhrase, ...]
    doubt_phrases: tuple[re.Pattern[str], ...]
    done_phrases: tuple[re.Pattern[str], ...]
    doubt_followup_sentences: int
    back_reference: re.Pattern[str]
    back_reference_window: int
    weak_determiners: frozenset[str]
    date_marker: re.Pattern[str]
    kind_words: dict[str, tuple[str, ...]]
    number_words: dict[str, int]
    chat: dict[str, Any]
    authority: dict[str, tuple[str, ...]]


@cache
def register_rules() -> RegisterRules:
    r = _load(REGISTER_RULES_FILE, RegisterRulesFile)
    return RegisterRules(
        ocr_fixes=tuple((re.compile(f.pattern), f.replace) for f in r.ocr_fixes),
        footnote_markers=tuple(map(re.compile, r.footnote_markers)),
        footnote_lead=re.compile(r.footnote_lead),
        mention_patterns=tuple(MentionPattern(m.kind, re.compile(m.pattern)) for m in r.mention_patterns),
        kind_before_kamerstuk=re.compile(r.kind_before_kamerstuk.pattern),
        kind_before_kamerstuk_gap=r.kind_before_kamerstuk.max_gap,
        not_names=frozenset(r.not_names),
        kamerstuk_after_mention_chars=r.kamerstuk_after_mention_chars,
        debate=re.compile(r.debate.pattern),
        same_debate_ratio=r.debate.same_debate_ratio,
        subject_patterns=tuple(map(re.compile, r.subject_patterns)),
        subject_max_chars=r.subject_max_chars,
        subject_trim=tuple(map(re.compile, r.subject_trim)),
        status_phrases=tuple(StatusPhrase(s.status, s.kinds, re.compile(s.pattern)) for s in r.status_phrases),
        doubt_phrases=tuple(map(re.compile, r.execution_phrases.twijfel)),
        done_phrases=tuple(map(re.compile, r.execution_phrases.uitgevoerd)),
        doubt_followup_sentences=r.doubt_followup_sentences,
        back_reference=re.compile(r.back_reference.pattern),
        back_reference_window=r.back_reference.window_passages,
        weak_determiners=frozenset(w.lower() for w in r.back_reference.weak_determiners),
        date_marker=re.compile(r.date_marker),
        kind_words={k: tuple(w.lower() for w in v) for k, v in r.kind_words.items()},
        number_words={k.lower(): v for k, v in r.number_words.items()},
        chat=r.chat.model_dump(by_alias=True),
        authority={k: tuple(v) for k, v in r.authority.model_dump().items()},
    )


@dataclass(frozen=True)
class EventKind:
    kind: str
    cues: re.Pattern[str]
    eventful: bool


@dataclass(frozen=True)
class TimelineRules:
    deadline_prefixes: re.Pattern[str]
    ambition_cues: re.Pattern[str]
    planned_cues: re.Pattern[str]
    event_verbs: re.Pattern[str]
    kinds: tuple[EventKind, ...]
    kamerstuk_kind: str
    label_context_openers: re.Pattern[str]
    label_max_chars: int
    generic_words: frozenset[str]


@cache
def timeline_rules() -> TimelineRules:
    t = _load(TIMELINE_RULES_FILE, TimelineRulesFile)
    return TimelineRules(
        deadline_prefixes=re.compile(t.deadline_prefixes),
        ambition_cues=re.compile(t.ambition_cues),
        planned_cues=re.compile(t.planned_cues),
        event_verbs=re.compile(t.event_verbs),
        kinds=tuple(EventKind(k.kind, re.compile(k.cues), k.eventful) for k in t.kinds),
        kamerstuk_kind=t.kamerstuk_kind,
        label_context_openers=re.compile(t.label_context_openers),
        label_max_chars=t.label_max_chars,
        generic_words=frozenset(w.lower() for w in t.generic_words),
    )
