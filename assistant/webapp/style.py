"""The few styles the pages add to Streamlit's: marks in passages, source cards, unsupported sentences,
and Dutch in place of the English that Streamlit hard-codes (its table toolbar, the file uploader)."""

from importlib import resources
from pathlib import Path

PAGE_ICON = Path(str(resources.files("assistant") / "webapp" / "icon.png"))  # served by the app, not a CDN

CSS = """
<style>
mark.imvo-cited { background: #fde68a; color: inherit; padding: 0 .1em; border-radius: 2px; }
mark.imvo-here { background: #e0f2fe; color: inherit; padding: 0 .1em; }
span.imvo-term { font-weight: 600; text-decoration: underline; text-decoration-color: #f59e0b;
  text-decoration-thickness: 2px; }
span.imvo-page { display: inline-block; margin: .2em .3em; padding: 0 .45em; font-size: .75em;
  color: #475569; border: 1px solid #cbd5e1; border-radius: 8px; background: #f8fafc; }
span.imvo-unsupported { color: #6b7280; background: #f3f4f6; border-bottom: 1px dotted #9ca3af; cursor: help; }
a.imvo-ref { text-decoration: none; font-weight: 600; }
div.imvo-source { scroll-margin-top: 4.5rem; padding: .1rem .2rem; border-radius: 6px; }
div.imvo-source:target { outline: 3px solid #f59e0b; outline-offset: 4px; }
div.imvo-source-title { font-weight: 600; line-height: 1.3; }
span.imvo-n { color: #b45309; }
div.imvo-meta, div.imvo-file, div.imvo-refs { font-size: .8em; color: #64748b; margin: .1rem 0 .3rem; }
div.imvo-passage, div.imvo-doctext { font-size: .9em; line-height: 1.5; }
div.imvo-warn { font-size: .8em; color: #92400e; }
/* Streamlit's table toolbar (Search, Download as CSV, Fullscreen, Clear selection) is English only and
   covers the caption above a table; the pages offer Dutch search and download widgets instead. */
div[data-testid="stElementToolbar"] { display: none !important; }
img.imvo-pdfpage { width: 100%; border: 1px solid #cbd5e1; }
</style>
"""


def uploader_css(max_mb: int, types: list[str]) -> str:
    """Dutch labels for st.file_uploader, whose button ("Upload") and instructions ("20MB per file • PDF")
    Streamlit writes in English only: the English is hidden and the Dutch drawn in its place."""
    kinds = ", ".join(t.upper() for t in types)
    hint = f"Sleep bestanden hierheen · hoogstens {max_mb} MB per bestand · {kinds}"
    return f"""
<style>
section[data-testid="stFileUploaderDropzone"] button div[data-testid="stMarkdownContainer"] > p {{ display: none; }}
section[data-testid="stFileUploaderDropzone"] button div[data-testid="stMarkdownContainer"]::after {{
  content: "Bestanden kiezen"; }}
div[data-testid="stFileUploaderDropzoneInstructions"] > div > span {{ display: none; }}
div[data-testid="stFileUploaderDropzoneInstructions"] > div::after {{
  content: "{hint}"; font-size: .875rem; color: rgba(49, 51, 63, .6); }}
</style>
"""
