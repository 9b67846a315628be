"""The motions & commitments register: items merged from their mentions, their state, JSON, lookup."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from assistant.core.errors import DataFileError
from assistant.text.kamerstuk import find_kamerstuk_refs
from assistant.text.fold import fold
from assistant.core.model import Passage, RegisterItem
from assistant.register.authority import Authority
from assistant.text.dates import DateValue
from assistant.register.extract import Mention, extract_mentions, name_key, same_debate
from assistant.register.rules import KINDS, register_rules
from assistant.register.state import resolve_state
from assistant.register.textnorm import date_sort_key

FORMAT_VERSION = 1
_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


def surnames(item: RegisterItem) -> list[str]:
    """The members' surnames as names are matched (folded, particles kept: "van den hul")."""
    return [name_key(m) for m in item.members]


@dataclass
class Register:
    items: list[RegisterItem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"version": FORMAT_VERSION, "items": [i.to_dict() for i in self.items]}

    @classmethod
    def from_dict(cls, data: Any) -> Register:
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            raise ValueError("expected an object with an `items` list")
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"format version {data.get('version')!r}, this code reads {FORMAT_VERSION}")
        return cls([RegisterItem.from_dict(i) for i in data["items"]])

    def save(self, path: Path | str) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path | str) -> Register:
        path = Path(path)
        try:
            return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError as exc:
            raise DataFileError(path, "no register saved yet: run `imvo ingest` to build it") from exc
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
            raise DataFileError(path, f"is not a readable register ({exc}); `imvo ingest` rebuilds it from the passages") from exc

    def open_items(self, kind: str | None = None) -> list[RegisterItem]:
        return [i for i in self.items if i.open is True and (kind is None or i.kind == kind)]

    def find(self, query: str) -> list[RegisterItem]:
        """Items matching a member surname, a Kamerstuk number, debate or subject words, or a year; best first."""
        return [item for _, item in self.scored(query)]

    def scored(self, query: str) -> list[tuple[float, RegisterItem]]:
        scores = [(score_item(item, query), item) for item in self.items]
        return sorted(((s, i) for s, i in scores if s > 0), key=lambda x: -x[0])


# --- lookup ------------------------------------------------------------------------------------------


def _content_words(text: str) -> set[str]:
    stop = set(register_rules().chat["query_stopwords"])
    return {w for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", fold(text)) if w not in stop and len(w) >= 3}


def _query_kamerstukken(query: str) -> set[str]:
    ids = {r.id for r in find_kamerstuk_refs(query)}
    ids |= {f"{a}-{int(b)}" for a, b in re.findall(r"\b(\d{5})\s*[-/]\s*(\d{1,4})\b", query)}
    return ids


def score_item(item: RegisterItem, query: str) -> float:
    chat = register_rules().chat
    words = _content_words(query)
    folded = fold(query)
    score = 0.0
    if item.kamerstuk and item.kamerstuk in _query_kamerstukken(query):
        score += 10
    for surname in surnames(item):
        last = surname.split()[-1] if surname else ""
        if item.kind == "toezegging":
            portfolio = _content_words(surname) - set(chat["actor_generic_words"])
            if portfolio and portfolio <= words:
                score += 3
        elif last and (re.search(rf"\b{re.escape(last)}\b", folded) or any(
            len(last) >= 5 and fuzz.ratio(last, w) >= 90 for w in words
        )):
            score += 5
    if item.debate:
        shared = (_content_words(item.debate) & words) - set(chat["debate_generic_words"])
        if len(shared) >= 2:
            score += 4
    if item.subject:
        subject_words = _content_words(item.subject)
        score += sum(1 for w in words if any(s.startswith(w[:6]) for s in subject_words if len(w) >= 4))
    if item.date and re.search(rf"\b{item.date[:4]}\b", query):
        score += 2
    return score


# --- building ----------------------------------------------------------------------------------------


def _mention_order(m: Mention) -> tuple:
    p = m.sentence.passage
    index = m.sentence.index if m.sentence.index >= 0 else 10**6
    return (date_sort_key(p.date), p.doc_id, index, m.sentence.offset, m.start)


def _names_match(a: list[str], b: list[str]) -> bool:
    ka, kb = [name_key(x) for x in a], [name_key(x) for x in b]
    if not ka or len(ka) != len(kb):
        return False
    return all(any(x == y or (min(len(x), len(y)) >= 5 and fuzz.ratio(x, y) >= 90) for y in kb) for x in ka)


class _Group:
    def __init__(self, first: Mention) -> None:
        self.mentions = [first]
        self.kind = first.kind
        self.kamerstuk = first.kamerstuk
        self.part = first.part

    @property
    def members(self) -> list[str]:
        named = [m.members for m in self.mentions if m.members]
        return max(named, key=len) if named else []

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.kamerstuk = self.kamerstuk or m.kamerstuk
        self.part = self.part or m.part

    def accepts(self, m: Mention) -> bool:
        if m.kind != self.kind:
            return False
        if m.kamerstuk and self.kamerstuk:
            return m.kamerstuk == self.kamerstuk
        if m.part and self.part and m.part != self.part:
            return False
        if not _names_match(m.members, self.members):
            return False
        if self.kind == "toezegging":
            # one minister makes many commitments: also require the same debate or day
            return any(
                same_debate(m.debate, o.debate) or (m.date is not None and m.date == o.date) for o in self.mentions
            )
        return True


def _group(mentions: list[Mention]) -> list[_Group]:
    groups: list[_Group] = []
    for m in sorted(mentions, key=_mention_order):
        exact = [g for g in groups if m.kamerstuk and g.kamerstuk == m.kamerstuk and g.kind == m.kind]
        targets = exact or [g for g in groups if g.accepts(m)]
        if len(targets) > 1 and m.part is not None:
            targets = [g for g in targets if g.part == m.part] or targets[:1]
        if not targets:
            groups.append(_Group(m))
        for g in targets:  # an unnumbered mention of several same-named items belongs to each
            g.add(m)
    return groups


def _best_date(mentions: list[Mention]) -> DateValue | None:
    dated = [m.date for m in mentions if m.date is not None and m.origin != "reference"]
    if not dated:
        return None
    return max(dated, key=lambda d: _PRECISION_RANK[d.precision])  # max keeps the first of equals


def _first(values: list[str | None]) -> str | None:
    return next((v for v in values if v), None)


def _item_id(kind: str, kamerstuk: str | None, members: list[str], part: int | None, date: str | None) -> str:
    if kamerstuk:
        return f"{kind}-{kamerstuk}"
    slug = "-".join(re.sub(r"[^a-z0-9]+", "", name_key(n))[:24] for n in members) or "onbekend"
    if kind == "toezegging":  # one minister, many commitments: the day tells them apart
        slug = f"{date or 'zonder-datum'}-{slug}"
    return f"{kind}-{slug}" + (f"-{part}" if part else "")


def _mention_entries(mentions: list[Mention]) -> list[dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for m in mentions:
        for p in m.sentence.passages:
            out.setdefault(p.chunk_id, _passage_entry(p))
    return list(out.values())


def _passage_entry(p: Passage) -> dict[str, Any]:
    return p.reference() | {"doc_type": p.doc_type, "doc_date": p.date}


def _item(group: _Group, authority: Authority | None) -> RegisterItem:
    ms = group.mentions
    own = [m for m in ms if m.origin != "reference"]
    footnote_first = sorted(own, key=lambda m: not m.sentence.footnote)
    body_first = sorted(own, key=lambda m: m.sentence.footnote)
    date = _best_date(ms)
    verdict = resolve_state(group.kind, ms, authority)
    members = group.members
    return RegisterItem(
        id=_item_id(group.kind, group.kamerstuk, members, None if group.kamerstuk else group.part, date.iso if date else None),
        kind=group.kind,
        kamerstuk=group.kamerstuk,
        members=members,
        date=date.iso if date else None,
        debate=_first([m.debate for m in footnote_first]),  # footnotes name debates formally
        subject=_first([m.subject for m in body_first]),
        status=verdict.status,
        execution=verdict.execution,
        open=verdict.open,
        status_inferred=verdict.status_inferred,
        contradicted=verdict.contradicted,
        evidence=verdict.evidence,
        mentions=_mention_entries(ms),
        part=group.part,
    )


def _item_order(item: RegisterItem) -> tuple:
    return (date_sort_key(item.date), KINDS.index(item.kind), item.id)


def build_register(passages: list[Passage], authority: Authority | None = None) -> Register:
    """`authority` ranks the sources (default: document types from register_rules.yaml, no uploads)."""
    if authority is None:
        from assistant.register.authority import default_authority

        authority = default_authority()
    items = [_item(g, authority) for g in _group(extract_mentions(passages))]
    seen: dict[str, int] = {}
    for item in items:  # ids must be unique even for two unnumbered items with the same members
        n = seen.get(item.id, 0)
        seen[item.id] = n + 1
        if n:
            item.id = f"{item.id}-{n + 1}"
    return Register(sorted(items, key=_item_order))
