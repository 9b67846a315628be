"""Document text as safe HTML: cited sentences and query terms marked, Kamerstuk references linked,
page markers inserted, and everything else escaped.

The output never contains a newline (line breaks become <br>), so Streamlit's Markdown renderer treats
it as one raw HTML block and leaves OCR text such as "1." or "*" alone.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from assistant.text.kamerstuk import find_kamerstuk_refs, kamerstuk_url
from assistant.webapp.inert import inert_html

_WORD = re.compile(r"[^\W_]+(?:['’\-‐‑][^\W_]+)*")

CITED_CLASS = "imvo-cited"
TERM_CLASS = "imvo-term"
HERE_CLASS = "imvo-here"
PAGE_CLASS = "imvo-page"


class QueryAnalyzer(Protocol):
    def analyze(self, text: str) -> list[str]: ...
    def analyze_query(self, text: str) -> tuple[list[str], list[str]]: ...


@dataclass(frozen=True)
class QueryTerms:
    """Decides whether a word of a passage is one of the query's terms, on the analyzer's stems.

    A passage word matches when its stem is a query word or a compound part of one, when one of its own
    compound parts is a query word ("textielconvenant" for "convenant"), or when it is hyphenated and
    one of its words is ("IMVO-convenanten" for "textielconvenant").
    """

    words: frozenset[str]
    parts: frozenset[str]
    analyze: Callable[[str], list[str]]

    def matches(self, word: str) -> bool:
        tokens = self.analyze(word)
        if not tokens:
            return False
        if tokens[0] in self.words or tokens[0] in self.parts or any(t in self.words for t in tokens[1:]):
            return True
        return _is_hyphenated(word) and any(t in self.parts for t in tokens[1:])

    def __bool__(self) -> bool:
        return bool(self.words or self.parts)


def query_terms(analyzer: QueryAnalyzer, texts: Iterable[str]) -> QueryTerms:
    words: set[str] = set()
    parts: set[str] = set()
    for text in texts:
        w, p = analyzer.analyze_query(text)
        words.update(w)
        parts.update(p)
    return QueryTerms(frozenset(words), frozenset(parts - words), analyzer.analyze)


def _is_hyphenated(word: str) -> bool:
    return any(h in word for h in "-‐‑")


NO_TERMS = QueryTerms(frozenset(), frozenset(), lambda _word: [])


# --- finding spans ---------------------------------------------------------------------------------


def sentence_spans(text: str, sentences: Iterable[str]) -> list[tuple[int, int]]:
    """Where each sentence occurs in `text`, tolerating different whitespace; sentences not found are skipped."""
    spans = []
    for sentence in sentences:
        tokens = sentence.split()
        if not tokens:
            continue
        m = re.search(r"\s+".join(re.escape(t) for t in tokens), text)
        if m:
            spans.append((m.start(), m.end()))
    return spans


def term_spans(text: str, terms: QueryTerms) -> list[tuple[int, int]]:
    if not terms:
        return []
    seen: dict[str, bool] = {}
    spans = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        hit = seen.get(word)
        if hit is None:
            hit = seen[word] = terms.matches(word)
        if hit:
            spans.append((m.start(), m.end()))
    return spans


def phrase_spans(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """Case-insensitive whole-word occurrences of any phrase (glossary terms and their aliases)."""
    alternatives = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    if not alternatives:
        return []
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in alternatives)
    pattern = re.compile(rf"(?<![\w])(?:{body})(?:['’]?s)?(?![\w])", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def kamerstuk_links(text: str) -> list[tuple[int, int, str]]:
    """(start, end, url) for every Kamerstuk reference; a reference to several numbers links the first."""
    links: dict[tuple[int, int], str] = {}
    for ref in find_kamerstuk_refs(text):
        try:
            links.setdefault((ref.start, ref.end), kamerstuk_url(ref.id))
        except ValueError:
            continue
    return [(a, b, url) for (a, b), url in links.items()]


# --- rendering --------------------------------------------------------------------------------------


def escape_text(text: str) -> str:
    """HTML-escape and neutralise Markdown images/links/autolinks (see inert.py); line breaks as <br>."""
    escaped = inert_html(text)
    return escaped.replace("\r\n", "\n").replace("\n", "<br>")


@dataclass
class _Piece:
    start: int
    end: int
    cited: bool
    link: str | None
    term: bool
    prefix: str


def _covered(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)


def marked_html(
    text: str,
    *,
    cited: Sequence[tuple[int, int]] = (),
    terms: Sequence[tuple[int, int]] = (),
    links: Sequence[tuple[int, int, str]] = (),
    inserts: Sequence[tuple[int, str]] = (),
    cited_class: str = CITED_CLASS,
) -> str:
    """`text` escaped, with cited spans in <mark>, links as <a>, terms in a span, and raw `inserts`
    (trusted HTML such as page markers) placed before the given offsets."""
    n = len(text)
    bounds = {0, n}
    for a, b in (*cited, *terms):
        bounds.update((max(0, min(a, n)), max(0, min(b, n))))
    for a, b, _url in links:
        bounds.update((max(0, min(a, n)), max(0, min(b, n))))
    prefixes: dict[int, list[str]] = {}
    for offset, fragment in inserts:
        offset = max(0, min(offset, n))
        bounds.add(offset)
        prefixes.setdefault(offset, []).append(fragment)
    ordered = sorted(bounds)
    pieces = []
    for a, b in itertools.pairwise(ordered):
        link = next((url for la, lb, url in links if la <= a < lb), None)
        pieces.append(_Piece(a, b, _covered(a, cited), link, _covered(a, terms), "".join(prefixes.get(a, []))))
    out: list[str] = []
    for is_cited, by_cited in itertools.groupby(pieces, key=lambda p: p.cited):
        if is_cited:
            out.append(f'<mark class="{cited_class}">')
        for url, by_link in itertools.groupby(by_cited, key=lambda p: p.link):
            if url:
                out.append(f'<a href="{html.escape(url)}" target="_blank" rel="noopener" title="Kamerstuk openen">')
            for piece in by_link:
                out.append(piece.prefix)
                body = escape_text(text[piece.start : piece.end])
                out.append(f'<span class="{TERM_CLASS}">{body}</span>' if piece.term else body)
            if url:
                out.append("</a>")
        if is_cited:
            out.append("</mark>")
    out.extend(prefixes.get(n, []))  # no piece starts at the end of the text
    return "".join(out)


def passage_html(
    text: str, *, cited_sentences: Iterable[str] = (), terms: QueryTerms = NO_TERMS,
    phrases: Iterable[str] = (),
) -> str:
    """A passage with its cited sentences marked, query terms (or glossary phrases) marked and
    Kamerstuk references linked."""
    return marked_html(
        text,
        cited=sentence_spans(text, cited_sentences),
        terms=[*term_spans(text, terms), *phrase_spans(text, phrases)],
        links=kamerstuk_links(text),
    )


# --- document text around a passage ----------------------------------------------------------------


def page_marker(page: int) -> str:
    return f'<span class="{PAGE_CLASS}">pagina {page}</span>'


def page_changes(page_starts: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """(offset, page) where a new page begins inside [start, end), the page at `start` first."""
    ordered = sorted(page_starts)
    current = next((page for offset, page in reversed(ordered) if offset <= start), ordered[0][1] if ordered else 1)
    changes = [(start, current)]
    for offset, page in ordered:
        if start < offset < end and page != current:
            changes.append((offset, page))
            current = page
    return changes


def context_bounds(text: str, start: int, end: int, chars: int) -> tuple[int, int]:
    """About `chars` characters after [start, end) and a third of that before it (so the passage shows
    near the top of a small box), narrowed to paragraph or word edges."""
    a = max(0, start - chars // 3)
    if a > 0:
        paragraph = text.find("\n\n", a, start)
        if paragraph != -1:
            a = paragraph + 2
        else:
            space = text.find(" ", a, start)
            a = space + 1 if space != -1 else a
    b = min(len(text), end + chars)
    if b < len(text):
        paragraph = text.rfind("\n\n", end, b)
        if paragraph != -1:
            b = paragraph
        else:
            space = text.rfind(" ", end, b)
            b = space if space != -1 else b
    return a, b


def locate(text: str, passage_text: str, start: int, end: int) -> tuple[int, int] | None:
    """The passage's offsets in the clean text: the stored ones when they hold its text, else a search."""
    if 0 <= start < end <= len(text) and text[start:end] == passage_text:
        return start, end
    found = sentence_spans(text, [passage_text])
    if found:
        return found[0]
    head = " ".join(passage_text.split()[:12])
    found = sentence_spans(text, [head]) if head else []
    return (found[0][0], found[0][0] + len(passage_text)) if found else None


def text_with_pages_html(
    text: str,
    page_starts: Sequence[tuple[int, int]],
    start: int = 0,
    end: int | None = None,
    *,
    here: tuple[int, int] | None = None,
    terms: QueryTerms = NO_TERMS,
) -> str:
    """Clean text [start, end) as HTML with a marker wherever a page begins, `here` marked, references linked."""
    end = len(text) if end is None else end
    part = text[start:end]
    markers = [(offset - start, page_marker(page)) for offset, page in page_changes(page_starts, start, end)]
    cited = [(max(here[0], start) - start, min(here[1], end) - start)] if here else []
    body = marked_html(
        part, cited=cited, terms=term_spans(part, terms), links=kamerstuk_links(part), inserts=markers,
        cited_class=HERE_CLASS,
    )
    lead = "… " if start > 0 else ""
    tail = " …" if end < len(text) else ""
    return f'<div class="imvo-doctext">{lead}{body}{tail}</div>'


def context_html(
    text: str,
    page_starts: Sequence[tuple[int, int]],
    span: tuple[int, int],
    chars: int,
    terms: QueryTerms = NO_TERMS,
) -> str:
    a, b = context_bounds(text, span[0], span[1], chars)
    return text_with_pages_html(text, page_starts, a, b, here=span, terms=terms)
