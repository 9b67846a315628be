"""Document text and model output made inert for st.markdown: no image loads and no link runs.

Streamlit's Markdown turns `![](url)` into an <img> the browser fetches, `[x](url)` and `<url>` into
links, and bare `https://…`, `www.…` and `name@host` into links too (GFM autolinks), even inside HTML
given with unsafe_allow_html. The characters that start those constructs become numeric character
references: the reader sees the same text, the Markdown parser sees no syntax. Lists and emphasis an
LLM writes stay. The only links on a page are the ones the app builds itself (Kamerstuk links).
"""

from __future__ import annotations

import re

_ENTITIES = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;",
    "$": "&#36;",  # Streamlit starts LaTeX at '$'
    "[": "&#91;", "]": "&#93;", "(": "&#40;", ")": "&#41;", "!": "&#33;",
    "\\": "&#92;", "`": "&#96;",
    ":": "&#58;",  # breaks scheme autolinks (https://, mailto:, javascript:)
    "@": "&#64;",  # breaks e-mail autolinks
}
_WWW = re.compile(r"(?i)\b(www)\.")


def inert_html(text: str) -> str:
    """Text for HTML that st.markdown(…, unsafe_allow_html=True) renders: escaped, and link/image syntax
    neutralised. Works per character, so streamed pieces can be converted one at a time."""
    out = "".join(_ENTITIES.get(ch, ch) for ch in text)
    return _WWW.sub(r"\1&#46;", out)


_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>~$:@")


def inert_markdown(text: str) -> str:
    """Text for plain st.markdown / st.caption: every Markdown character escaped, autolinks broken."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in text)
