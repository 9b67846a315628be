"""An item's state from its signals, read in the date order of the documents; every verdict keeps its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.models import Passage
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


def resolve_state(kind: str, mentions: list[Mention]) -> StateVerdict:
    signals = sorted((sig for m in mentions for sig in m.signals), key=signal_order)
    verdict = StateVerdict()
    statuses = [s for s in signals if s.aspect == "status" and s.value in _STATUS_RANK]
    if statuses:
        top = max(_STATUS_RANK[s.value] for s in statuses)
        chosen = [s for s in statuses if _STATUS_RANK[s.value] == top][-1]
        verdict.status = chosen.value
        verdict.evidence += [_entry(s) for s in statuses if s.value == chosen.value]

    if kind in _EXECUTABLE and verdict.status not in _CLOSED:
        executions = [s for s in signals if s.aspect == "execution"]
        if executions:
            verdict.execution = executions[-1].value
            verdict.evidence += [_entry(s) for s in executions if s.value == verdict.execution]
            if verdict.status == "onbekend" and verdict.execution == "uitgevoerd":
                # the government reports carrying out only adopted motions and made commitments
                verdict.status = "aangenomen" if kind == "motie" else "gedaan"
                verdict.status_inferred = True
                last = executions[-1]
                verdict.evidence.append(
                    _entry(last, f"{verdict.status} (afgeleid): uitvoering gemeld, “{last.phrase}”") | {"aspect": "status", "value": verdict.status}
                )

    verdict.open = _open(kind, verdict.status, verdict.execution)
    verdict.evidence = _dedupe(verdict.evidence)
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
