"""Dated events the documents report (a report sent, a covenant signed, a motion adopted, a conference
held), with relative dates ("9 maart jl.") resolved against the document's date, one entry per event."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from assistant.core.errors import DataFileError
from assistant.text.kamerstuk import find_kamerstuk_refs
from assistant.text.fold import fold
from assistant.core.model import Passage, TimelineEvent
from assistant.text.dates import DateMention, find_dates, is_month_name, reference_period
from assistant.register.rules import timeline_rules
from assistant.register.textnorm import Sentence, date_sort_key, document_text, group_by_document

FORMAT_VERSION = 1
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_CAPITALISED_RUN = re.compile(r"\b(?:[A-ZÀ-Ý][a-zà-ÿ]+\s+){1,5}[A-ZÀ-Ý][a-zà-ÿ]+\b")


def timeline_to_dict(events: list[TimelineEvent]) -> dict[str, Any]:
    return {"version": FORMAT_VERSION, "events": [e.to_dict() for e in events]}


def timeline_from_dict(data: Any) -> list[TimelineEvent]:
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise ValueError("expected an object with an `events` list")
    if data.get("version") != FORMAT_VERSION:
        raise ValueError(f"format version {data.get('version')!r}, this code reads {FORMAT_VERSION}")
    return [TimelineEvent.from_dict(e) for e in data["events"]]


def save_timeline(events: list[TimelineEvent], path: Path | str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(timeline_to_dict(events), ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)


def load_timeline(path: Path | str) -> list[TimelineEvent]:
    path = Path(path)
    try:
        return timeline_from_dict(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError as exc:
        raise DataFileError(path, "no timeline saved yet: run `imvo ingest` to build it") from exc
    except (OSError, ValueError, TypeError) as exc:
        raise DataFileError(path, f"is not a readable timeline ({exc}); `imvo ingest` rebuilds it from the passages") from exc


# --- finding events ----------------------------------------------------------------------------------


def event_kind(text: str, date: DateMention) -> tuple[str, bool]:
    """The kind whose cue stands nearest to the date (ties: the earlier kind in the rules), and whether
    that kind is an event by nature (a conference needs no verb)."""
    best: tuple[int, int, str, bool] | None = None
    for order, kind in enumerate(timeline_rules().kinds):
        for m in kind.cues.finditer(text):
            if m.start() < date.end and m.end() > date.start:
                distance = 0
            else:
                distance = min(abs(m.start() - date.end), abs(date.start - m.end()))
            if best is None or (distance, order) < best[:2]:
                best = (distance, order, kind.kind, kind.eventful)
    if best:
        return best[2], best[3]
    if find_kamerstuk_refs(text):
        return timeline_rules().kamerstuk_kind, False
    return "overig", False


def _is_event(text: str, d: DateMention, eventful: bool) -> bool:
    rules = timeline_rules()
    before = text[: d.start]
    if rules.deadline_prefixes.search(before):
        return False
    if rules.ambition_cues.search(before):
        return False  # "de ambitie dat in 2017 ...": a goal, not an event
    if d.value.precision == "day" or d.relative:
        return True
    return eventful or bool(rules.event_verbs.search(text))


def _planned(text: str, d: DateMention, doc_date: str | None) -> bool:
    if d.relative == "future" or d.after_document:
        return True
    if d.relative == "past" or not timeline_rules().planned_cues.search(text):
        return False
    ref = reference_period(doc_date)
    if ref is None:
        return False
    # compare at the date's own precision: "in de tweede helft van 2015" in a letter of July 2015 is ahead
    first = d.value.first_day
    if d.value.precision == "year":
        return first.year >= ref[0].year
    return (first.year, first.month) >= (ref[0].year, ref[0].month)


def _label(s: Sentence, previous: Sentence | None) -> str:
    rules = timeline_rules()
    label = s.text.lstrip("–-—•*»∂· ")
    if rules.label_context_openers.search(label):
        context = previous.text if previous is not None else (s.passage.heading or "")
        if context:
            context = _shorten(context, rules.label_max_chars // 2)
            # the context must survive shortening: it is what makes "Dit convenant ..." readable
            return f"{_shorten(label, rules.label_max_chars - len(context) - 3)} ({context})"
    return _shorten(label, rules.label_max_chars)


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 2].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _document_events(passages: list[Passage]) -> list[TimelineEvent]:
    doc = document_text(passages)
    events: list[TimelineEvent] = []
    previous: Sentence | None = None
    for s in doc.sentences:
        same_passage_before = previous if previous is not None and previous.passage is s.passage else None
        # One event per sentence: of the dates that mark an event, the most precise (then the first).
        candidates = []
        for d in find_dates(s.text, doc.date):
            kind, eventful = event_kind(s.text, d)
            if _is_event(s.text, d, eventful):
                candidates.append((_PRECISION_RANK.get(d.value.precision, 3), len(candidates), d, kind))
        if candidates:
            _, _, d, kind = min(candidates, key=lambda c: c[:2])
            p = s.passage
            events.append(
                TimelineEvent(
                    date=d.value.iso,
                    precision=d.value.precision,
                    label=_label(s, same_passage_before),
                    kind=kind,
                    planned=_planned(s.text, d, doc.date),
                    doc_id=p.doc_id,
                    title=p.title,
                    source=p.source,
                    page=p.page,
                    chunk_id=p.chunk_id,
                    text=p.text,
                    quote=s.text,
                    doc_date=doc.date,
                )
            )
        previous = s
    return events


# --- one entry per event -----------------------------------------------------------------------------


def signature(text: str) -> set[str]:
    """Telling words of a label, plus acronyms of capitalised runs ("Sector Risico Analyse" → "sra")."""
    generic = timeline_rules().generic_words
    words = {
        w
        for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", fold(text))
        if len(w) >= 3 and not w.isdigit() and w not in generic and not is_month_name(w)
    }
    for run in _CAPITALISED_RUN.finditer(text):
        words.add("".join(w[0] for w in run.group(0).split()).lower())
    return words - generic


def _same_event(a: TimelineEvent, b: TimelineEvent) -> bool:
    if a.date != b.date or a.kind != b.kind:
        return False
    return a.quote == b.quote or bool(signature(a.quote) & signature(b.quote))


def _event_order(e: TimelineEvent) -> tuple:
    return (date_sort_key(e.date), date_sort_key(e.doc_date), e.doc_id, e.chunk_id)


def _merge(events: list[TimelineEvent]) -> list[TimelineEvent]:
    merged: list[TimelineEvent] = []
    for e in sorted(events, key=lambda x: (date_sort_key(x.doc_date), x.doc_id)):  # earliest report first
        same = next((m for m in merged if _same_event(m, e)), None)
        if same is None:
            merged.append(e)
            continue
        if e.chunk_id != same.chunk_id and all(e.chunk_id != x["chunk_id"] for x in same.also_in):
            same.also_in.append(
                {"doc_id": e.doc_id, "title": e.title, "source": e.source, "page": e.page, "chunk_id": e.chunk_id,
                 "quote": e.quote, "label": e.label}
            )
    return sorted(merged, key=_event_order)


def build_timeline(passages: list[Passage]) -> list[TimelineEvent]:
    events: list[TimelineEvent] = []
    for group in group_by_document(passages):
        events += _document_events(group)
    return _merge(events)
