"""Every page, opened directly in headless Chromium at 1400 px: Dutch only, no cut-off table column, and
no request to any host but the app (the app must work offline), nor one that fails.

Known English strings are Streamlit's own (its table toolbar, uploader, multiselect, menus); a page
must not show one as text, tooltip, placeholder or accessible name of a visible element.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest


pytestmark = [pytest.mark.browser, pytest.mark.server, pytest.mark.integration]

STREAMLIT_ENGLISH = [
    "Download as CSV", "Search", "Fullscreen", "Close fullscreen", "Clear selection", "Show/hide columns",
    "Select all", "Select", "Upload", "Upload directories", "Browse files", "Drag and drop", "per file",
    "Choose an option", "Choose options", "No results", "Clear all", "Clear value", "Add row", "Delete rows",
    "Copy to clipboard", "Sort ascending", "Sort descending", "Show more", "Show less", "Running",
    "Deploy", "Rerun", "Settings", "Print", "Record a screencast", "Record screen", "Made with Streamlit",
    "Clear cache", "Something went wrong",
    "Page not found", "does not seem to exist", "Please wait", "Connecting",
]
_ENGLISH = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in STREAMLIT_ENGLISH) + r")(?![\w-])")

PAGES = ["", "documenten", "register", "tijdlijn", "begrippen"]
TITLES = {"": "IMVO-assistent", "documenten": "Documenten", "register": "Moties & toezeggingen",
          "tijdlijn": "Tijdlijn", "begrippen": "Begrippen"}

# Visible texts, tooltips, placeholders and accessible names (only of visible elements; CSS-hidden
# English that Streamlit renders regardless does not count, the Dutch drawn instead does).
VISIBLE_LABELS_JS = """
() => {
  const visible = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const n = walker.currentNode; const t = n.textContent.trim();
    if (t && n.parentElement && visible(n.parentElement) && !n.parentElement.closest('style,script')) found.push(t);
  }
  document.querySelectorAll('[title],[placeholder],[aria-label]').forEach(el => {
    if (!visible(el)) return;
    for (const a of ['title', 'placeholder', 'aria-label']) { const v = el.getAttribute(a); if (v) found.push(v); }
  });
  return found;
}
"""
# A table whose columns are wider than the table itself scrolls sideways: its last columns are cut off.
CUT_OFF_TABLES_JS = """
() => [...document.querySelectorAll('[data-testid="stDataFrame"]')].map(df => {
  const sc = df.querySelector('.dvn-scroller');
  return sc ? {scroll: sc.scrollWidth, visible: sc.clientWidth} : null;
}).filter(x => x && x.scroll > x.visible + 1)
"""


def english_in(labels: list[str]) -> list[str]:
    return sorted({label for label in labels if _ENGLISH.search(label)})


def test_the_english_list_catches_streamlit_labels_and_spares_dutch() -> None:
    assert english_in(["Download as CSV", "Upload", "20MB per file • PDF", "Select all", "Search"]) == [
        "20MB per file • PDF", "Download as CSV", "Search", "Select all", "Upload"]
    assert english_in(["Uploaden en inlezen", "Selecteer een rij", "Zoeken", "Bestanden kiezen", "open"]) == []


@pytest.mark.parametrize("path", PAGES)
def test_page_opened_directly_is_dutch_fits_1400px_and_stays_on_this_host(browser, app_url, path, tmp_path) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(30_000)
    own = urlsplit(app_url).netloc
    foreign: list[str] = []
    failed: list[str] = []
    page.on("request", lambda r: foreign.append(r.url)
            if urlsplit(r.url).scheme in ("http", "https", "ws", "wss") and urlsplit(r.url).netloc != own else None)
    page.on("requestfailed", lambda r: failed.append(f"failed {r.url}"))
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    try:
        page.goto(f"{app_url}/{path}")
        expect(page.get_by_role("heading", name=TITLES[path], level=1)).to_be_visible()
        tables = page.get_by_test_id("stDataFrame")
        if path in ("documenten", "register", "tijdlijn", "begrippen"):
            expect(tables.first).to_be_visible()
            tables.first.hover()  # shows Streamlit's table toolbar, if it is there
            expect(page.get_by_test_id("stElementToolbar").first).to_be_hidden()
        if path == "":
            expect(page.get_by_test_id("stChatInputTextArea")).to_be_visible()
        selects = page.get_by_test_id("stMultiSelect")
        if selects.count():
            selects.first.click()  # opens the dropdown: "Select all" would show now
            page.wait_for_timeout(300)
        page.wait_for_load_state("networkidle")
        labels = page.evaluate(VISIBLE_LABELS_JS)
        if selects.count():
            page.keyboard.press("Escape")
        menu = page.get_by_test_id("stMainMenu")
        if menu.count():  # Streamlit's own menu: its items count too
            menu.click()
            page.wait_for_timeout(300)
            labels += page.evaluate(VISIBLE_LABELS_JS)
            page.keyboard.press("Escape")
        page.screenshot(path=str(tmp_path / f"{path or 'chat'}.png"), full_page=True)
        assert english_in(labels) == []
        assert page.evaluate(CUT_OFF_TABLES_JS) == []
        if path == "documenten":
            drawn = page.locator('[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]'
                                 ).evaluate("el => getComputedStyle(el, '::after').content")
            assert "Bestanden kiezen" in drawn
    finally:
        context.close()
    assert foreign == [], foreign
    assert failed == [], failed
