"""Plain renderings of results for the CLI contract and exports (JSON dicts, text, Markdown)."""

from __future__ import annotations

from typing import Any

from assistant.text.kamerstuk import kamerstuk_url
from assistant.core.model import Answer, Passage
from assistant.retrieval.hybrid import SearchResult


def kamerstuk_links(p: Passage) -> list[dict[str, str]]:
    return [{"id": ref, "url": kamerstuk_url(ref)} for ref in p.kamerstuk_refs]


def search_to_dict(result: SearchResult) -> dict[str, Any]:
    return {
        "query": result.query,
        "results": [
            {"rank": i, **p.reference(), "score": round(p.score, 6), "kamerstuk_refs": kamerstuk_links(p)}
            for i, p in enumerate(result.passages, start=1)
        ],
    }


def answer_to_dict(answer: Answer) -> dict[str, Any]:
    return {
        "question": answer.question,
        "answer": answer.text,
        "answered": answer.answered,
        "mode": answer.mode,
        "language": answer.language,
        "rewritten_query": answer.rewritten_query,
        "citations": [
            {"n": c.n, **c.passage.reference(), "supported": c.supported} for c in answer.citations
        ],
        "sentences": [
            {"text": s.text, "citations": s.citations, "support": round(s.support, 3), "supported": s.supported}
            for s in answer.sentences
        ],
        "timings_ms": {k: round(v, 1) for k, v in answer.timings_ms.items()},
    }


def _where(p: Passage) -> str:
    page = f"p. {p.page_label or p.page}"
    date = f", {p.date}" if p.date else ""
    return f"{p.title} ({p.doc_type}{date}), {page} — {p.source}"


def answer_to_text(answer: Answer) -> str:
    lines = [answer.text, ""]
    unsupported = [s.text for s in answer.sentences if not s.supported]
    if unsupported:
        lines.append("Niet door de bronnen gestaafd: " + " | ".join(unsupported))
        lines.append("")
    if answer.citations:
        lines.append("Bronnen:")
        for c in answer.citations:
            lines.append(f"[{c.n}] {_where(c.passage)}")
            lines.append("    " + " ".join(c.passage.text.split())[:500])
    elif not answer.answered and answer.passages:
        lines.append("Dichtstbijzijnde passages:")
        for i, p in enumerate(answer.passages[:3], start=1):
            lines.append(f"({i}) {_where(p)}")
            lines.append("    " + " ".join(p.text.split())[:300])
    return "\n".join(lines)


def answer_to_markdown(answer: Answer) -> str:
    """One question and answer with its cited passages, ready to paste into a note."""
    lines = [f"### {answer.question}", "", answer.text, ""]
    for c in answer.citations:
        p = c.passage
        refs = ", ".join(f"[{r}]({kamerstuk_url(r)})" for r in p.kamerstuk_refs)
        lines.append(f"[{c.n}] *{_where(p)}*" + (f" — Kamerstukken: {refs}" if refs else ""))
        lines.append("")
        lines += ["> " + line for line in p.text.strip().splitlines()]
        lines.append("")
    return "\n".join(lines)


def register_item_to_dict(item, official=None) -> dict[str, Any]:
    """The `imvo motions --json` contract for one RegisterItem. `official` (an OfficialJoin) adds the
    Kamer's own record (`official`, null until `imvo sync motions`) and where the two disagree."""
    return {
        "kind": item.kind,
        "kamerstuk": item.kamerstuk,
        "url": item.url,
        "members": item.members,
        "date": item.date,
        "debate": item.debate,
        "subject": item.subject,
        "status": item.status,
        "execution": item.execution,
        "open": item.open,
        "contradicted": item.contradicted,
        "evidence": [
            {k: e.get(k) for k in ("doc_id", "title", "source", "page", "text", "chunk_id", "reason")}
            | {"conflict": bool(e.get("conflict"))}
            for e in item.evidence
        ],
        "official": official.as_dict(item) if official else None,
        "disagreement": official.disagreements(item) if official else [],
    }


REGISTER_CSV_FIELDS = ["kind", "kamerstuk", "url", "members", "date", "debate", "subject", "status", "execution",
                       "open", "contradicted", "evidence", "official_state", "official_votes", "official_afgedaan",
                       "official_appreciation", "official_open", "official_url", "disagreement"]


def _yes_no(value: bool | None) -> str:
    return {True: "ja", False: "nee", None: "onbekend"}[value]


def register_csv_row(item, official=None) -> dict[str, Any]:
    data = register_item_to_dict(item, official)
    data["members"] = "; ".join(item.members)
    data["open"] = _yes_no(item.open)
    data["contradicted"] = "tegenstrijdig" if item.contradicted else ""
    data["evidence"] = " | ".join(f"{e.get('source')} p. {e.get('page')}" for e in item.evidence)
    record = data.pop("official") or {}
    totals = record.get("totals") or {}
    data["official_state"] = record.get("outcome") or record.get("status") or ""
    data["official_votes"] = f"{totals['voor']} voor, {totals['tegen']} tegen" if totals else ""
    data["official_afgedaan"] = _yes_no(record["afgedaan"]) if record.get("kind") == "motie" else ""
    data["official_appreciation"] = record.get("kabinetsappreciatie") or ""
    data["official_open"] = _yes_no(record.get("open")) if record else ""
    data["official_url"] = record.get("url") or ""
    data["disagreement"] = " | ".join(data["disagreement"])
    return data


def motions_to_dict(items, official=None) -> dict[str, Any]:
    """The `imvo motions --json` contract; `official` (an OfficialJoin) adds the Kamer's record."""
    return {"items": [register_item_to_dict(i, official) for i in items]}


def timeline_to_dict(events) -> dict[str, Any]:
    """The `imvo timeline --json` contract."""
    return {"events": [e.to_dict() for e in events]}


def document_to_dict(document) -> dict[str, Any]:
    """One stored document (StoredDocument) as `imvo documents --json` lists it."""
    meta = document.metadata
    return {
        "doc_id": document.doc_id,
        "title": meta.title,
        "doc_type": meta.doc_type,
        "date": meta.date,
        "senders": meta.senders,
        "addressee": meta.addressee,
        "kamerstuk": meta.kamerstuk,
        "kamerstuk_url": kamerstuk_url(meta.kamerstuk) if meta.kamerstuk else None,
        "kamerstuk_refs": meta.kamerstuk_refs,
        "summary": meta.summary,
        "source": document.source,
        "pages": document.pages,
        "passages": document.chunks,
        "ingested_at": document.ingested_at,
    }


def documents_to_dict(documents) -> dict[str, Any]:
    return {"documents": [document_to_dict(d) for d in documents]}


def document_detail_to_dict(document, text: tuple[str, list[tuple[int, int]]] | None) -> dict[str, Any]:
    """One document with its clean text; `page_starts` gives the offset in `text` where each page begins."""
    clean, starts = text if text else (None, [])
    return {
        **document_to_dict(document),
        "text": clean,
        "page_starts": [{"offset": offset, "page": page} for offset, page in starts],
    }


def ingest_report_to_dict(report) -> dict[str, Any]:
    """An IngestReport: one entry per file with its status and reason, and the counts."""
    return {
        "files": [
            {"source": o.source, "status": o.status, "detail": o.detail, "pages": o.pages, "passages": o.chunks}
            for o in report.outcomes
        ],
        "counts": {s: report.count(s) for s in ("ingested", "unchanged", "removed", "duplicate", "failed")},
        "embedded_passages": report.embedded_chunks,
        "seconds": round(report.seconds, 2),
    }


def upload_to_dict(result, doc_id: str | None = None) -> dict[str, Any]:
    """An UploadResult for one uploaded file: what it was stored as and what the ingest made of it."""
    saved, outcome = result.outcomes[0]
    return {
        "file": saved.original,
        "stored_as": None if saved in result.discarded else saved.path.name,
        "source": outcome.source if outcome else None,
        "doc_id": doc_id,
        "status": outcome.status if outcome else "not found",
        "detail": outcome.detail if outcome else "",
        "ingest": ingest_report_to_dict(result.report),
    }
