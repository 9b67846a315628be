"""Plain renderings of results for the CLI contract and exports (JSON dicts, text, Markdown)."""

from __future__ import annotations

from typing import Any

from assistant.kamerstuk import kamerstuk_url
from assistant.models import Answer, Passage
from assistant.retrieval.hybrid import SearchResult


def passage_brief(p: Passage) -> dict[str, Any]:
    return {
        "chunk_id": p.chunk_id,
        "doc_id": p.doc_id,
        "title": p.title,
        "source": p.source,
        "page": p.page,
        "text": p.text,
    }


def kamerstuk_links(p: Passage) -> list[dict[str, str]]:
    return [{"id": ref, "url": kamerstuk_url(ref)} for ref in p.kamerstuk_refs]


def search_to_dict(result: SearchResult) -> dict[str, Any]:
    return {
        "query": result.query,
        "results": [
            {"rank": i, **passage_brief(p), "score": round(p.score, 6), "kamerstuk_refs": kamerstuk_links(p)}
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
            {"n": c.n, **passage_brief(c.passage), "supported": c.supported} for c in answer.citations
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


def register_item_to_dict(item) -> dict[str, Any]:
    """The `imvo motions --json` contract for one RegisterItem."""
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
    }


REGISTER_CSV_FIELDS = ["kind", "kamerstuk", "url", "members", "date", "debate", "subject", "status", "execution",
                       "open", "contradicted", "evidence"]


def register_csv_row(item) -> dict[str, Any]:
    data = register_item_to_dict(item)
    data["members"] = "; ".join(item.members)
    data["open"] = {True: "ja", False: "nee", None: "onbekend"}[item.open]
    data["contradicted"] = "tegenstrijdig" if item.contradicted else ""
    data["evidence"] = " | ".join(f"{e.get('source')} p. {e.get('page')}" for e in item.evidence)
    return data
