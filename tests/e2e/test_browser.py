"""End to end in headless Chromium: the real app on a copy of the corpus store (fixtures in conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.testing.pdf_factory import make_text_pdf

pytestmark = [pytest.mark.browser, pytest.mark.server, pytest.mark.integration]

ANSWER_TIMEOUT_MS = 90_000
QUESTION = "Wat was het doel van de Sector Risico Analyse?"


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1440, "height": 960}, locale="nl-NL")
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    context.close()


def ask(page, question: str) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    box.wait_for()
    box.fill(question)
    box.press("Enter")


def test_question_gets_an_answer_with_the_cited_passage_beside_it(page, app_url, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page.goto(app_url)
    ask(page, QUESTION)
    mark = page.locator("a.imvo-ref").first
    mark.wait_for(timeout=ANSWER_TIMEOUT_MS)
    target = mark.get_attribute("href")
    assert target and target.startswith("#bron-")
    card = page.locator(f"div.imvo-source{target}")
    expect(card).to_be_visible()
    expect(card.locator("mark.imvo-cited")).not_to_have_count(0)  # the cited sentence
    expect(card.locator("span.imvo-term")).not_to_have_count(0)  # the query's words
    # beside the answer: the card starts to the right of the [n] mark, level with the answer
    mark_box, card_box = mark.bounding_box(), card.bounding_box()
    assert card_box["x"] > mark_box["x"] + mark_box["width"]
    assert abs(card_box["y"] - mark_box["y"]) < 600

    mark.click()
    expect(card).to_be_in_viewport()
    page.get_by_text("Tekst eromheen in het document").first.click()
    expect(page.locator("span.imvo-page").first).to_be_visible()
    page.screenshot(path=str(tmp_path / "chat.png"))


def test_uploaded_pdf_can_be_asked_about(page, app_url, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    pdf = make_text_pdf(tmp_path, "Notitie Zilvermeeuw.pdf", [[
        "Het pilotproject Zilvermeeuw voor duurzame cacao in Ghana startte op 3 maart 2022.",
        "Aan het pilotproject Zilvermeeuw nemen twaalf cooperaties van cacaoboeren deel.",
    ]])
    page.goto(f"{app_url}/documenten")
    page.locator("input[type=file]").set_input_files(str(pdf))
    expect(page.get_by_role("button", name="Remove Notitie Zilvermeeuw.pdf")).to_be_visible()  # uploaded
    page.get_by_role("button", name="Uploaden en inlezen").click()
    expect(page.get_by_text("document(en) ingelezen")).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    page.screenshot(path=str(tmp_path / "upload.png"))

    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Chat").click()  # same session, no reload
    ask(page, "Wanneer startte het pilotproject Zilvermeeuw?")
    cards = page.locator("div.imvo-source", has_text="Zilvermeeuw")
    expect(cards.first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    page.get_by_role("button", name="Bekijk pagina").first.click()  # the PDF page, the passage marked on it
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_text("pagina 1 van 1: de passage is geel gemarkeerd")).to_be_visible()
    expect(dialog.get_by_test_id("stImage")).to_be_visible()
    page.screenshot(path=str(tmp_path / "chat-upload.png"))
