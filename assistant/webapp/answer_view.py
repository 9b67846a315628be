"""An answer and its sources as HTML for the chat: [n] marks as links to the cited passage beside
the answer, unsupported sentences marked, passages as cards with their metadata."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from assistant.text.kamerstuk import kamerstuk_url
from assistant.core.model import Answer, Passage
from assistant.text.lexicon import Lexicon
from assistant.webapp.formatting import dutch_date, page_text, seconds
from assistant.webapp.highlight import (
    NO_TERMS,
    QueryAnalyzer,
    QueryTerms,
    escape_text,
    passage_html,
    query_terms,
    sentence_spans,
)
from assistant.webapp.inert import inert_html

_MARKS = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
UNSUPPORTED_TIP = "Niet gestaafd: deze zin komt niet (genoeg) overeen met de aangehaalde passage. Controleer de bron."
UNSUPPORTED_LEGEND = (
    "⚠ Grijs gedrukte zinnen worden niet gestaafd door de passage die ze aanhalen: controleer ze in de bron."
)


def source_anchor(turn_id: int, n: int) -> str:
    return f"bron-{turn_id}-{n}"


def _escape_inline(text: str) -> str:
    # Lists and emphasis stay Markdown (an LLM may write a list); HTML, '$' (LaTeX in Streamlit), images and
    # links are neutralised: answers quote documents, and neither may make the browser fetch anything.
    return inert_html(text)


def answer_html(answer: Answer, turn_id: int) -> str:
    """The answer text as Markdown with inline HTML: known [n] marks link to `#bron-<turn>-<n>`,
    sentences the citation check did not support are muted and carry a ⚠ with a tooltip."""
    text = answer.text
    known = {c.n for c in answer.citations}
    unsupported = _spans_ignoring_marks(text, [s.text for s in answer.sentences if not s.supported])
    marks = [(m.start(), m.end(), [int(x) for x in re.findall(r"\d+", m.group(1))]) for m in _MARKS.finditer(text)]
    events = sorted(
        [(a, 0, "open") for a, _ in unsupported]
        + [(b, 1, "close") for _, b in unsupported]
        + [(a, 2, ("mark", b, ns)) for a, b, ns in marks]
    )
    out: list[str] = []
    position = 0
    for offset, _order, event in events:
        if offset < position:
            continue  # a mark inside a mark cannot happen; a span edge inside a mark is dropped
        out.append(_escape_inline(text[position:offset]))
        position = offset
        if event == "open":
            out.append(f'<span class="imvo-unsupported" title="{html.escape(UNSUPPORTED_TIP)}">⚠ ')
        elif event == "close":
            out.append("</span>")
        else:
            _, end, numbers = event
            out.append("".join(_mark_link(turn_id, n, known) for n in numbers))
            position = end
    out.append(_escape_inline(text[position:]))
    return "".join(out)


def _spans_ignoring_marks(text: str, sentences: list[str]) -> list[tuple[int, int]]:
    """Where the sentences (given without their [n] marks) stand in the text, which has the marks
    anywhere, e.g. before the full stop: "… hebben [1]." for "… hebben."."""
    kept: list[int] = []  # original offset of each character that is not part of a mark
    position = 0
    for m in re.finditer(r"\s*" + _MARKS.pattern, text):
        kept.extend(range(position, m.start()))
        position = m.end()
    kept.extend(range(position, len(text)))
    stripped = "".join(text[i] for i in kept)
    return [(kept[a], kept[b - 1] + 1) for a, b in sentence_spans(stripped, sentences) if b > a]


def _mark_link(turn_id: int, n: int, known: set[int]) -> str:
    if n not in known:
        return f"[{n}]"
    return f'<a class="imvo-ref" href="#{source_anchor(turn_id, n)}" title="Naar bron {n}">[{n}]</a>'


def turn_marker(turn_id: int) -> str:
    """An empty element that says a turn is rendered in full (browser tests and the bench wait for it)."""
    return f'<div class="imvo-turn" data-turn="{turn_id}"></div>'


def has_unsupported(answer: Answer) -> bool:
    return any(not s.supported for s in answer.sentences)


def passage_meta(p: Passage) -> str:
    parts = [p.doc_type, dutch_date(p.date), page_text(p.page, p.page_label)]
    if p.heading:
        parts.append(f"§ {p.heading}")
    return " · ".join(x for x in parts if x)


def source_card_html(
    label: str,
    passage: Passage,
    *,
    anchor: str | None = None,
    cited_sentences: Iterable[str] = (),
    terms: QueryTerms = NO_TERMS,
    supported: bool = True,
    phrases: Iterable[str] = (),
) -> str:
    """One passage as a card: label and title, type · date · page, the text with marks, Kamerstuk links."""
    ident = f' id="{html.escape(anchor)}"' if anchor else ""
    refs = "".join(
        f' <a href="{html.escape(kamerstuk_url(r))}" target="_blank" rel="noopener">{html.escape(r)}</a>'
        for r in passage.kamerstuk_refs
        if _is_linkable(r)
    )
    warning = (
        ""
        if supported
        else '<div class="imvo-warn">⚠ Geen zin van het antwoord die deze bron aanhaalt, wordt erdoor gestaafd.</div>'
    )
    text = passage_html(passage.text, cited_sentences=cited_sentences, terms=terms, phrases=phrases)
    return (
        f'<div class="imvo-source"{ident}>'
        f'<div class="imvo-source-title"><span class="imvo-n">{escape_text(label)}</span> {escape_text(passage.title)}</div>'
        f'<div class="imvo-meta">{escape_text(passage_meta(passage))}</div>'
        f"{warning}"
        f'<div class="imvo-passage">{text}</div>'
        + (f'<div class="imvo-refs">Kamerstukken:{refs}</div>' if refs else "")
        + f'<div class="imvo-file">{escape_text(passage.source)}</div>'
        "</div>"
    )


def _is_linkable(kamerstuk_id: str) -> bool:
    try:
        kamerstuk_url(kamerstuk_id)
    except ValueError:
        return False
    return True


def question_terms(analyzer: QueryAnalyzer, lexicon: Lexicon, answer: Answer) -> QueryTerms:
    """The words to mark in the passages: the question's (and its rewrite's) words plus what query
    expansion adds (Dutch renderings of English words, abbreviations written out)."""
    texts = [answer.question, answer.rewritten_query or ""]
    texts += lexicon.expand_query(answer.rewritten_query or answer.question).expansions
    return query_terms(analyzer, [t for t in texts if t])


def answer_caption(answer: Answer) -> str:
    mode = {"extractive": "extractief antwoord", "llm": f"antwoord van {answer.model or 'het taalmodel'}",
            "register": "uit het register van moties en toezeggingen"}.get(answer.mode, answer.mode)
    parts = [mode]
    if answer.rewritten_query:
        parts.append(f"gezocht als: “{answer.rewritten_query}”")
    if "total" in answer.timings_ms:
        parts.append(seconds(answer.timings_ms["total"]))
    return " · ".join(parts)
