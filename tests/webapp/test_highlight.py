"""Passages and document text as HTML: marks in the right places, everything else escaped."""

from __future__ import annotations

from html.parser import HTMLParser

from assistant.text.analysis import DutchAnalyzer
from assistant.webapp.highlight import (
    HERE_CLASS,
    context_bounds,
    context_html,
    locate,
    marked_html,
    page_changes,
    passage_html,
    query_terms,
    text_with_pages_html,
)

VOID = {"br"}


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def balanced(html: str) -> _Balance:
    parser = _Balance()
    parser.feed(html)
    parser.close()
    assert not parser.errors and not parser.stack, (parser.errors, parser.stack, html)
    return parser


def test_text_is_escaped_and_one_line() -> None:
    out = passage_html("Kosten <script>alert(1)</script> van $5 & meer.\n\nNieuwe alinea.")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "&#36;5" in out and "$" not in out  # no LaTeX in Streamlit's Markdown
    assert "\n" not in out and "<br><br>" in out
    assert "&amp;" in out
    balanced(out)


def test_cited_sentence_is_marked_despite_other_line_breaks() -> None:
    text = "Eerste zin. Het textielconvenant is op 4 juli\n2016 ondertekend. Laatste zin."
    out = passage_html(text, cited_sentences=["Het textielconvenant is op 4 juli 2016 ondertekend."])
    parser = balanced(out)
    start = out.index('<mark class="imvo-cited">')
    end = out.index("</mark>")
    assert "textielconvenant" in out[start:end] and "ondertekend." in out[start:end]
    assert "Eerste zin" not in out[start:end] and "Laatste" not in out[start:end]
    assert "".join(parser.text).replace("\n", "") == text.replace("\n", "")


def test_query_terms_are_marked_on_stems_and_compound_parts() -> None:
    terms = query_terms(DutchAnalyzer(), ["Wanneer is het textielconvenant ondertekend?"])
    out = passage_html("De convenanten zijn ondertekend; het bankenconvenant volgde. Het weer was mooi.", terms=terms)
    assert '<span class="imvo-term">convenanten</span>' in out
    assert '<span class="imvo-term">ondertekend</span>' in out
    assert '<span class="imvo-term">weer</span>' not in out and "mooi" in out


def test_kamerstuk_references_become_links() -> None:
    out = passage_html("Zie de motie (Kamerstuk 26 485, nr. 341) en kst-32852-24.")
    assert '<a href="https://zoek.officielebekendmakingen.nl/kst-26485-341.html"' in out
    assert 'href="https://zoek.officielebekendmakingen.nl/kst-32852-24.html"' in out
    balanced(out)


def test_overlapping_marks_nest_properly() -> None:
    text = "Volgens Kamerstuk 26 485, nr. 341 blijft het convenant. Daarna niets."
    terms = query_terms(DutchAnalyzer(), ["convenant kamerstuk"])
    out = passage_html(text, cited_sentences=["Volgens Kamerstuk 26 485, nr. 341 blijft het convenant."], terms=terms)
    parser = balanced(out)
    assert "".join(parser.text) == text
    assert out.startswith('<mark class="imvo-cited">')
    assert '<span class="imvo-term">Kamerstuk</span>' in out


def test_inserts_are_placed_at_their_offsets() -> None:
    out = marked_html("abcdef", inserts=[(3, "<i>|</i>"), (6, "<i>end</i>")], cited=[(2, 4)])
    assert out == 'ab<mark class="imvo-cited">c<i>|</i>d</mark>ef<i>end</i>'


def test_page_changes_follow_the_page_starts() -> None:
    starts = [(0, 1), (100, 2), (250, 3), (260, 2), (300, 3)]
    assert page_changes(starts, 120, 280) == [(120, 2), (250, 3), (260, 2)]
    assert page_changes([], 0, 10) == [(0, 1)]


def test_document_text_has_page_markers_and_links() -> None:
    text = "Pagina een tekst.\n\nPagina twee noemt Kamerstuk 26 485, nr. 212."
    out = text_with_pages_html(text, [(0, 1), (19, 2)])
    assert out.index("pagina 1") < out.index("Pagina een") < out.index("pagina 2") < out.index("Pagina twee")
    assert "kst-26485-212.html" in out
    balanced(out)


def test_context_window_snaps_to_paragraphs_and_marks_the_passage() -> None:
    paragraphs = [f"Alinea {i} " + "woord " * 30 for i in range(10)]
    text = "\n\n".join(p.strip() for p in paragraphs)
    start = text.index("Alinea 5")
    end = text.index("\n\n", start)
    a, b = context_bounds(text, start, end, 900)  # a third before: more than one paragraph
    assert text[a:].startswith("Alinea") and a < start and b - end > start - a
    assert b > end and (b == len(text) or text[b:b + 2] == "\n\n")
    out = context_html(text, [(0, 1), (text.index("Alinea 6"), 2)], (start, end), 900)
    assert out.count(f'<mark class="{HERE_CLASS}">') == 1
    here = out[out.index(f'<mark class="{HERE_CLASS}">'):out.index("</mark>")]
    assert "Alinea 5" in here and "Alinea 6" not in here
    assert "pagina 2" in out and out.startswith('<div class="imvo-doctext">… ')
    balanced(out)


def test_locate_uses_offsets_or_searches_the_text() -> None:
    text = "Inleiding.\n\nHet convenant is\ngetekend op 4 juli.\n\nSlot."
    start = text.index("Het")
    end = text.index("juli.") + 5
    assert locate(text, text[start:end], start, end) == (start, end)
    assert locate(text, "Het convenant is getekend op 4 juli.", 0, 0) == (start, end)
    assert locate(text, "Iets heel anders.", 0, 0) is None
