"""The documents page: the table, one document's text, and the upload flow end to end in AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.testing.pdf_factory import make_text_pdf
from tests.webapp.conftest import all_markdown, open_app

pytestmark = pytest.mark.integration
PAGE = "app_pages/documenten.py"


def test_table_lists_every_document_and_a_row_opens_its_text(corpus_env) -> None:
    at = open_app(PAGE)
    table = at.dataframe[0].value
    assert len(table) == 5
    assert {"Titel", "Type", "Datum", "Afzenders", "Kamerstuk", "Bron", "Pagina's", "Passages"} <= set(table.columns)
    row = next(i for i, t in enumerate(table["Titel"]) if t.startswith("Voortgangsbrief"))
    assert table["Kamerstuk"].iloc[row].endswith("kst-26485-220.html")

    at.session_state[at.dataframe[0].key] = {"selection": {"rows": [row], "columns": []}}
    at.run()
    md = all_markdown(at)
    assert any(s.value.startswith("Voortgangsbrief") for s in at.subheader)
    assert '<span class="imvo-page">pagina 1</span>' in md and "pagina 2</span>" in md
    assert "Verwijst naar Kamerstukken" in md and "kst-32852-24.html" in md


def test_upload_is_ingested_and_the_chat_finds_it_without_a_restart(store_copy, tmp_path: Path) -> None:
    pdf = make_text_pdf(tmp_path, "Notitie Zilvermeeuw.pdf", [[
        "Het pilotproject Zilvermeeuw voor duurzame cacao in Ghana startte op 3 maart 2022.",
        "Aan het pilotproject Zilvermeeuw nemen twaalf coöperaties van cacaoboeren deel.",
    ]])
    at = open_app(PAGE)
    # Streamlit itself refuses other extensions; names and sizes are checked again by save_upload.
    at.file_uploader[0].set_value([("../../Notitie Zilvermeeuw.pdf", pdf.read_bytes(), "application/pdf")])
    at.button[0].click().run()  # the form's submit button
    assert not at.exception
    assert any("1 document(en) ingelezen" in s.value for s in at.success)
    results = at.dataframe[-1].value
    stored = results.set_index("Bestand")
    assert stored.loc["../../Notitie Zilvermeeuw.pdf", "Status"] == "ingelezen"
    assert stored.loc["../../Notitie Zilvermeeuw.pdf", "Opgeslagen als"] == "Notitie-Zilvermeeuw.pdf"
    assert (tmp_path / "uploads" / "Notitie-Zilvermeeuw.pdf").exists()
    assert len(at.dataframe[0].value) == 6  # the table shows it at once
    row = next(i for i, t in enumerate(at.dataframe[0].value["Bron"]) if "Zilvermeeuw" in t)
    at.session_state[at.dataframe[0].key] = {"selection": {"rows": [row], "columns": []}}
    at.run()
    assert any("· 1 pagina ·" in c.value for c in at.caption), [c.value for c in at.caption]

    at.switch_page("app_pages/chat.py").run()
    assert not at.session_state["imvo_filters"].active  # the sidebar's period grew with the new document
    at.chat_input[0].set_value("Wanneer startte het pilotproject Zilvermeeuw?").run()
    turn = at.session_state["imvo_chat"].turns[0]
    assert turn.answer is not None and turn.answer.citations
    assert any("Zilvermeeuw" in c.passage.text for c in turn.answer.citations)


def test_a_cited_pdf_passage_can_be_seen_on_its_page(store_copy, tmp_path: Path) -> None:
    pdf = make_text_pdf(tmp_path, "Notitie Zilvermeeuw.pdf", [[
        "Het pilotproject Zilvermeeuw voor duurzame cacao in Ghana startte op 3 maart 2022.",
        "Aan het pilotproject Zilvermeeuw nemen twaalf coöperaties van cacaoboeren deel.",
    ]])
    at = open_app(PAGE)
    at.file_uploader[0].set_value([("Notitie Zilvermeeuw.pdf", pdf.read_bytes(), "application/pdf")])
    at.button[0].click().run()
    at.switch_page("app_pages/chat.py").run()
    at.chat_input[0].set_value("Wanneer startte het pilotproject Zilvermeeuw?").run()
    turn = at.session_state["imvo_chat"].turns[0]
    n = next(c.n for c in turn.answer.citations if c.passage.source.endswith(".pdf"))
    buttons = {b.key: b for b in at.button if b.key}
    assert f"pdfpage-{turn.id}-{n}" in buttons
    assert sum(1 for k in buttons if k.startswith("pdfpage-")) == sum(
        1 for c in turn.answer.citations if c.passage.source.endswith(".pdf"))  # text sources: no page view
    buttons[f"pdfpage-{turn.id}-{n}"].click().run()
    assert not at.exception
    assert at.image, "the page is shown"
    captions = " ".join(c.value for c in at.caption)
    assert "pagina 1 van 1: de passage is geel gemarkeerd" in captions, captions
