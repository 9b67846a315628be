"""An item's state from its signals, read in the date order of the documents; every verdict keeps its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from assistant.core.model import Passage
from assistant.register.authority import Authority
from assistant.register.extract import Mention, Signal
from assistant.register.textnorm import date_sort_key

# A later document rarely undoes a step: the furthest step reached wins, ties go to the later document.
_STATUS_RANK = {
    "aangekondigd": 0,
    "in voorbereiding": 1,
    "ingediend": 2,
    "aangehouden": 3,
    "gedaan": 4,
    "aangenomen": 5,
    "verworpen": 5,
    "ingetrokken": 5,
}
_CLOSED = ("verworpen", "ingetrokken")
_BINDING = ("aangenomen", "gedaan")  # an adopted motion or a made commitment waits for execution
_EXECUTABLE = ("motie", "toezegging")


@dataclass
class StateVerdict:
    status: str = "onbekend"
    execution: str = "onbekend"
    open: bool | None = None
    status_inferred: bool = False
    contradicted: bool = False  # a source of lower authority says otherwise; its evidence is kept, marked
    evidence: list[dict[str, Any]] = field(default_factory=list)


def signal_order(sig: Signal) -> tuple:
    p = sig.sentence.passage
    index = sig.sentence.index if sig.sentence.index >= 0 else 10**6
    return (date_sort_key(p.date), p.doc_id, index, sig.sentence.offset)


def evidence_entry(passage: Passage, aspect: str, value: str, reason: str, quote: str) -> dict[str, Any]:
    return {
        "aspect": aspect,
        "value": value,
        "reason": reason,
        "quote": quote,
        "doc_id": passage.doc_id,
        "title": passage.title,
        "doc_type": passage.doc_type,
        "doc_date": passage.date,
        "source": passage.source,
        "page": passage.page,
        "chunk_id": passage.chunk_id,
        "text": passage.text,
    }


def _entry(sig: Signal, reason: str | None = None) -> dict[str, Any]:
    return evidence_entry(
        sig.sentence.passage, sig.aspect, sig.value, reason or f"{sig.value}: “{sig.phrase}”", sig.sentence.text
    )


def resolve_state(kind: str, mentions: list[Mention], authority: Authority | None = None) -> StateVerdict:
    """Status and execution each come from the signals of the highest authority that has any (see
    authority.py); within it the furthest step / the latest report wins. Signals of lower authority
    that disagree stay in the evidence, marked as contradicting, and the verdict says so."""
    authority = authority or Authority()
    signals = sorted((sig for m in mentions for sig in m.signals), key=signal_order)
    verdict = StateVerdict()

    def rank(sig: Signal) -> tuple:
        return authority.rank(sig.sentence.passage)

    def contradiction(sig: Signal) -> dict[str, Any]:
        verdict.contradicted = True
        source = authority.label(sig.sentence.passage)
        return _entry(sig, f"tegenstrijdig ({source}): {sig.value}: “{sig.phrase}”") | {"conflict": True}

    statuses = [s for s in signals if s.aspect == "status" and s.value in _STATUS_RANK]
    if statuses:
        best = max(rank(s) for s in statuses)
        deciding = [s for s in statuses if rank(s) == best]
        top = max(_STATUS_RANK[s.value] for s in deciding)
        chosen = [s for s in deciding if _STATUS_RANK[s.value] == top][-1]
        verdict.status = chosen.value
        verdict.evidence += [_entry(s) for s in statuses if s.value == chosen.value]
        # a weaker source claiming a step as far or further, but a different one, contradicts
        verdict.evidence += [
            contradiction(s) for s in statuses
            if rank(s) < best and s.value != chosen.value and _STATUS_RANK[s.value] >= top
        ]

    if kind in _EXECUTABLE and verdict.status not in _CLOSED:
        executions = [s for s in signals if s.aspect == "execution"]
        if executions:
            best = max(rank(s) for s in executions)
            last = [s for s in executions if rank(s) == best][-1]
            verdict.execution = last.value
            verdict.evidence += [_entry(s) for s in executions if s.value == verdict.execution]
            verdict.evidence += [
                contradiction(s) for s in executions
                if rank(s) < best and s.value != last.value and not _superseded(s, last)
            ]
            if verdict.status == "onbekend" and verdict.execution == "uitgevoerd":
                # the government reports carrying out only adopted motions and made commitments
                verdict.status = "aangenomen" if kind == "motie" else "gedaan"
                verdict.status_inferred = True
                verdict.evidence.append(
                    _entry(last, f"{verdict.status} (afgeleid): uitvoering gemeld, “{last.phrase}”") | {"aspect": "status", "value": verdict.status}
                )

    verdict.open = _open(kind, verdict.status, verdict.execution)
    verdict.evidence = _dedupe(verdict.evidence)
    return verdict


def _superseded(sig: Signal, chosen: Signal) -> bool:
    """An older dated report that a later one replaces is history, not a contradiction."""
    a, b = sig.sentence.passage.date, chosen.sentence.passage.date
    return bool(a and b) and date_sort_key(a) < date_sort_key(b)


class Judged(Protocol):
    """A StateVerdict or a RegisterItem: what the documents say about one item's state."""

    status: str
    status_inferred: bool
    execution: str
    open: bool | None
    contradicted: bool
    evidence: list[dict[str, Any]]


J = TypeVar("J", bound=Judged)


def join_official(verdict: J, kind: str, status: str, entry: dict[str, Any]) -> J:
    """Let the Kamer's official record decide the status (it outranks every document): document evidence
    for another status as far or further stays visible, marked as contradicting. `entry` is the official
    record's evidence entry (aspect, value, reason, quote, source, ...)."""
    kept = []
    for e in verdict.evidence:
        if e["aspect"] == "status" and e["value"] != status and not e.get("conflict"):
            if _STATUS_RANK.get(e["value"], -1) >= _STATUS_RANK.get(status, -1):
                e = e | {"conflict": True, "reason": f"tegenstrijdig met de officiële registratie: {e['reason']}"}
                verdict.contradicted = True
            else:
                continue  # an earlier step the record goes beyond
        kept.append(e)
    verdict.status = status
    verdict.status_inferred = False
    verdict.evidence = [entry | {"aspect": "status", "value": status}] + kept
    verdict.open = _open(kind, verdict.status, verdict.execution)
    return verdict


def _open(kind: str, status: str, execution: str) -> bool | None:
    if status in _CLOSED:
        return False
    if kind not in _EXECUTABLE:
        return False if status == "aangenomen" else None
    if execution == "uitgevoerd":
        return False
    if status in _BINDING:
        return True  # made/adopted and not reported carried out; doubt counts as open
    return None


def _dedupe(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple] = set()
    out = []
    for e in entries:
        key = (e["aspect"], e["value"], e["chunk_id"], e["quote"])
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
