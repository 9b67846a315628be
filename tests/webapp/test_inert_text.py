"""Inert text: document text and LLM output never make the browser load an image or follow a link
unless the app built that link itself (Kamerstuk links), while streaming too."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from assistant.core.model import Answer, AnswerSentence, Citation, Passage
from assistant.webapp.answer_view import answer_html, source_card_html
from assistant.webapp.highlight import escape_text
from assistant.webapp.inert import inert_html, inert_markdown
from assistant.webapp.streaming import stream_plain

HOSTILE = (
    "Zie ![pixel](https://tracker.example/p.png) en [klik](javascript:alert(1)) of <https://evil.example/x> "
    "of https://evil.example/y of www.evil.example of mail@evil.example. <img src=x onerror=alert(1)> "
    "[ref]: https://evil.example/ref en \\![esc](https://evil.example/e.png)"
)


def rendered(markup: str) -> str:
    """What the browser would get from Streamlit's Markdown (CommonMark + HTML passed through)."""
    return MarkdownIt("commonmark", {"html": True}).render(markup)


def no_outside_fetch_or_link(markup: str) -> None:
    html_out = rendered(markup)
    assert "<img" not in html_out
    hrefs = re.findall(r'href="([^"]*)"', html_out)
    assert all("zoek.officielebekendmakingen.nl" in h or h.startswith("#") for h in hrefs), hrefs
    text = re.sub(r"<[^>]+>", "", markup)  # what the Markdown parser reads outside the app's own tags
    for autolink_start in ("https://", "www.", "@evil", "javascript:"):
        assert autolink_start not in text  # GFM would turn these into links


def passage(text: str) -> Passage:
    return Passage(chunk_id="c1", doc_id="d", text=text, title="Titel ![x](https://t.example/a.png)",
                   doc_type="Kamerbrief", date="2020", source="d.txt", page=1,
                   kamerstuk_refs=["26485-341"])


def test_document_text_in_a_source_card_loads_nothing_and_links_nowhere() -> None:
    markup = source_card_html("[1]", passage(HOSTILE + " Kamerstuk 26485, nr. 341."), cited_sentences=[])
    no_outside_fetch_or_link(markup)
    assert "pixel" in rendered(markup) and "tracker.example" in rendered(markup)  # the text itself is still readable


def test_an_extractive_or_llm_answer_quoting_a_document_is_inert() -> None:
    answer = Answer(
        question="q", text=f"{HOSTILE} [1]", answered=True, mode="llm", language="nl",
        sentences=[AnswerSentence(HOSTILE, [1], 0.9, True)],
        citations=[Citation(1, passage("tekst"), True)],
    )
    markup = answer_html(answer, 7)
    no_outside_fetch_or_link(markup)
    assert 'href="#bron-7-1"' in markup  # the app's own citation link stays


def test_inert_helpers_for_html_and_markdown() -> None:
    no_outside_fetch_or_link(inert_html(HOSTILE))
    no_outside_fetch_or_link(escape_text(HOSTILE))
    md = inert_markdown(HOSTILE)
    assert "<img" not in rendered(md) and "href" not in rendered(md)
    assert "https:/" not in md and "www." not in md and "mail@evil" not in md


def test_an_image_split_across_streamed_pieces_is_never_markdown() -> None:
    calls: list[str] = []

    class Placeholder:
        def text(self, body: str) -> None:
            calls.append(body)

        def markdown(self, body: str) -> None:  # pragma: no cover - must not be used
            raise AssertionError("streamed output rendered as Markdown")

    pieces = ["Zie !", "[pixel", "](https://tracker", ".example/p.png)"]
    assert stream_plain(Placeholder(), iter(pieces)) == "".join(pieces)
    assert calls[-1] == "".join(pieces)
