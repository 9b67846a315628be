"""The register and timeline rules (assistant/data/*.yaml), loaded once and compiled into typed values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from assistant.core.errors import DataFileError

REGISTER_RULES_FILE = "register_rules.yaml"
TIMELINE_RULES_FILE = "timeline_rules.yaml"
KINDS = ("motie", "toezegging", "initiatiefwetsvoorstel")
_FRAGMENT = re.compile(r"@(\w+)@")


def _path(name: str) -> Any:
    return resources.files("assistant") / "data" / name


@cache
def load_rules_file(name: str) -> dict[str, Any]:
    path = _path(name)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(path, f"cannot be read ({exc}); reinstall the package (`make install`)") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(path, f"is not valid YAML ({exc}); fix the file") from exc
    if not isinstance(data, dict):
        raise DataFileError(path, "must hold a mapping at the top level; fix the file")
    return data


class _Reader:
    """Typed access to one rules file; every error names the file and the key to fix."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.data = load_rules_file(name)
        self.fragments: dict[str, str] = {}

    def fail(self, key: str, reason: str) -> DataFileError:
        return DataFileError(_path(self.name), f"key `{key}` {reason}; fix the file")

    def get(self, key: str) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise self.fail(key, "is missing")
            node = node[part]
        return node

    def expand(self, key: str, pattern: str, depth: int = 0) -> str:
        if depth > 10:
            raise self.fail(key, "has fragments that refer to each other in a loop")

        def sub(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in self.fragments:
                raise self.fail(key, f"uses the unknown fragment @{name}@")
            return self.expand(key, self.fragments[name], depth + 1)

        return _FRAGMENT.sub(sub, pattern)

    def regex(self, key: str, pattern: Any = None) -> re.Pattern[str]:
        raw = self.get(key) if pattern is None else pattern
        if not isinstance(raw, str):
            raise self.fail(key, "must be a regular expression string")
        try:
            return re.compile(self.expand(key, raw))
        except re.error as exc:
            raise self.fail(key, f"is not a valid regular expression ({exc})") from exc

    def regexes(self, key: str) -> tuple[re.Pattern[str], ...]:
        raw = self.get(key)
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list):
            raise self.fail(key, "must be a list of regular expressions")
        return tuple(self.regex(key, p) for p in raw)

    def words(self, key: str) -> tuple[str, ...]:
        raw = self.get(key)
        if not isinstance(raw, list) or not all(isinstance(w, (str, int)) for w in raw):
            raise self.fail(key, "must be a list of words")
        return tuple(str(w) for w in raw)

    def number(self, key: str) -> float:
        raw = self.get(key)
        if not isinstance(raw, (int, float)):
            raise self.fail(key, "must be a number")
        return raw


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
    r = _Reader(REGISTER_RULES_FILE)
    fragments = r.get("fragments")
    if not isinstance(fragments, dict):
        raise r.fail("fragments", "must be a mapping of name to pattern")
    r.fragments = {str(k): str(v) for k, v in fragments.items()}

    fixes = []
    for i, fix in enumerate(r.get("ocr_fixes")):
        if not isinstance(fix, dict) or "pattern" not in fix or "replace" not in fix:
            raise r.fail(f"ocr_fixes[{i}]", "needs `pattern` and `replace`")
        fixes.append((r.regex(f"ocr_fixes[{i}]", fix["pattern"]), str(fix["replace"])))

    mentions = []
    for i, entry in enumerate(r.get("mention_patterns")):
        if not isinstance(entry, dict) or entry.get("kind") not in KINDS:
            raise r.fail(f"mention_patterns[{i}]", f"needs a `kind` out of {KINDS}")
        mentions.append(MentionPattern(entry["kind"], r.regex(f"mention_patterns[{i}]", entry.get("pattern"))))

    statuses = []
    for i, entry in enumerate(r.get("status_phrases")):
        if not isinstance(entry, dict) or not entry.get("status"):
            raise r.fail(f"status_phrases[{i}]", "needs a `status` and a `pattern`")
        kinds = tuple(entry.get("kinds") or KINDS)
        statuses.append(StatusPhrase(str(entry["status"]), kinds, r.regex(f"status_phrases[{i}]", entry.get("pattern"))))

    kind_words = r.get("kind_words")
    if not isinstance(kind_words, dict) or set(kind_words) - set(KINDS):
        raise r.fail("kind_words", f"must map each of {KINDS} to a list of words")
    numbers = r.get("number_words")
    if not isinstance(numbers, dict):
        raise r.fail("number_words", "must map words to numbers")
    chat = r.get("chat")
    if not isinstance(chat, dict):
        raise r.fail("chat", "must be a mapping")
    for key in ("open_cues", "status_cues", "list_cues"):
        r.regexes(f"chat.{key}")  # fail here, with the file named, rather than at the first question
    for status in r.get("chat.status_filters"):
        r.regexes(f"chat.status_filters.{status}")

    return RegisterRules(
        ocr_fixes=tuple(fixes),
        footnote_markers=r.regexes("footnote_markers"),
        footnote_lead=r.regex("footnote_lead"),
        mention_patterns=tuple(mentions),
        kind_before_kamerstuk=r.regex("kind_before_kamerstuk.pattern"),
        kind_before_kamerstuk_gap=int(r.number("kind_before_kamerstuk.max_gap")),
        not_names=frozenset(r.words("not_names")),
        kamerstuk_after_mention_chars=int(r.number("kamerstuk_after_mention_chars")),
        debate=r.regex("debate.pattern"),
        same_debate_ratio=float(r.number("debate.same_debate_ratio")),
        subject_patterns=r.regexes("subject_patterns"),
        subject_max_chars=int(r.number("subject_max_chars")),
        subject_trim=r.regexes("subject_trim"),
        status_phrases=tuple(statuses),
        doubt_phrases=r.regexes("execution_phrases.twijfel"),
        done_phrases=r.regexes("execution_phrases.uitgevoerd"),
        doubt_followup_sentences=int(r.number("doubt_followup_sentences")),
        back_reference=r.regex("back_reference.pattern"),
        back_reference_window=int(r.number("back_reference.window_passages")),
        weak_determiners=frozenset(w.lower() for w in r.words("back_reference.weak_determiners")),
        date_marker=r.regex("date_marker"),
        kind_words={k: tuple(str(w).lower() for w in v) for k, v in kind_words.items()},
        number_words={str(k).lower(): int(v) for k, v in numbers.items()},
        chat=chat,
        authority=_authority(r),
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
    r = _Reader(TIMELINE_RULES_FILE)
    kinds = []
    for i, entry in enumerate(r.get("kinds")):
        if not isinstance(entry, dict) or not entry.get("kind"):
            raise r.fail(f"kinds[{i}]", "needs a `kind` and `cues`")
        kinds.append(EventKind(str(entry["kind"]), r.regex(f"kinds[{i}].cues", entry.get("cues")), bool(entry.get("eventful"))))
    return TimelineRules(
        deadline_prefixes=r.regex("deadline_prefixes"),
        ambition_cues=r.regex("ambition_cues"),
        planned_cues=r.regex("planned_cues"),
        event_verbs=r.regex("event_verbs"),
        kinds=tuple(kinds),
        kamerstuk_kind=str(r.get("kamerstuk_kind")),
        label_context_openers=r.regex("label_context_openers"),
        label_max_chars=int(r.number("label_max_chars")),
        generic_words=frozenset(w.lower() for w in r.words("generic_words")),
    )


def _authority(r: _Reader) -> dict[str, tuple[str, ...]]:
    raw = r.get("authority")
    if not isinstance(raw, dict) or not all(isinstance(v, list) for v in raw.values()):
        raise r.fail("authority", "must map `official`, `kamerstuk`, `letter` to lists of document types")
    return {str(k): tuple(str(t) for t in v) for k, v in raw.items()}
