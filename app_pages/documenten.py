"""Documenten: every stored document, one document's text, and uploading new ones."""

import pandas as pd
import streamlit as st

from assistant.core.errors import ImvoError, UploadError
from assistant.webapp.access import may_change_documents, unlock
from assistant.webapp.documents import (
    KAMERSTUK_DISPLAY,
    TABLE_COLUMNS,
    TABLE_WIDTHS,
    document_view,
    documents_frame,
)
from assistant.webapp.formatting import dutch_date, escape_markdown, pages_text
from assistant.webapp.messages import error_message
from assistant.webapp.resources import get_resources
from assistant.webapp.tables import pick_one
from assistant.webapp.style import uploader_css
from assistant.service.uploads import STATUS_NL, UploadLimits, save_upload

RESULT_KEY = "imvo_upload_result"

resources = get_resources()
assistant = resources.assistant
settings = resources.settings
limits = UploadLimits.from_settings(settings)

st.title("Documenten")

documents = assistant.documents()
if not documents:
    st.info("Er zijn nog geen documenten ingelezen. Upload ze hieronder, of voer `make run` / `imvo ingest` uit.")
else:
    frame = documents_frame(documents)
    st.caption(f"{len(documents)} documenten. Selecteer een rij om de tekst te lezen.")
    ids = list(frame.index)
    chosen = pick_one("documents_table", frame, ids, widths=TABLE_WIDTHS, links={"Kamerstuk": KAMERSTUK_DISPLAY},
                      placeholder="—", column_order=TABLE_COLUMNS)
    view = document_view(assistant, chosen) if chosen else None
    if view is not None:
        meta = view.document.metadata
        st.subheader(meta.title)
        facts = [meta.doc_type, dutch_date(meta.date) or "datum onbekend", pages_text(view.document.pages)]
        st.caption(" · ".join(facts) + f" · bron: {view.document.source}")
        if meta.senders:
            st.markdown("**Afzenders:** " + escape_markdown("; ".join(meta.senders)))
        if meta.addressee:
            st.markdown("**Aan:** " + escape_markdown(meta.addressee))
        if view.own:
            st.markdown(f"**Kamerstuk:** [{view.own[0]}]({view.own[1]})")
        if view.references:
            st.markdown("**Verwijst naar Kamerstukken:** " + ", ".join(f"[{r}]({url})" for r, url in view.references))
        if meta.summary:
            st.markdown("**Samenvatting:** " + escape_markdown(meta.summary))
        st.markdown("**Tekst** (na opschonen, met paginamarkeringen)")
        with st.container(height=560, border=True):
            if view.text_html is None:
                st.caption("De opgeschoonde tekst van dit document is niet opgeslagen.")
            else:
                st.markdown(view.text_html, unsafe_allow_html=True)

st.divider()
st.subheader("Documenten toevoegen")
st.caption(
    f"PDF-, tekst- en Markdownbestanden ({', '.join(limits.types)}), elk hoogstens {settings.max_upload_mb} MB. "
    "Ze worden direct ingelezen en zijn daarna in de chat te bevragen."
)

if not may_change_documents(settings, st.session_state):
    with st.form("unlock_upload"):
        given = st.text_input("Wachtwoord om documenten toe te voegen", type="password")
        if st.form_submit_button("Ontgrendelen", icon=":material/lock_open:"):
            if unlock(settings, st.session_state, given):
                st.rerun()
            st.error("Onjuist wachtwoord.")
    st.stop()

previous = st.session_state.get(RESULT_KEY)
if previous:
    for level, text in previous["messages"]:
        getattr(st, level)(text)
    if previous["rows"]:
        st.dataframe(pd.DataFrame(previous["rows"]), hide_index=True)

st.markdown(uploader_css(settings.max_upload_mb, limits.types), unsafe_allow_html=True)
with st.form("upload", clear_on_submit=True):
    files = st.file_uploader(
        "Bestanden", type=limits.types, accept_multiple_files=True, max_upload_size=settings.max_upload_mb,
    )
    submitted = st.form_submit_button("Uploaden en inlezen", icon=":material/upload:")

if submitted and files:
    messages: list[tuple[str, str]] = []
    rows: list[dict[str, str]] = []
    bar = st.progress(0.0, text="Wachten tot andere inleesacties klaar zijn …")
    try:
        # No in-process lock: the ingest runs in its own process under the store's writer lock, and
        # questions keep reading the last committed state meanwhile.
        saved = []
        for f in files:
            try:
                saved.append(save_upload(settings.upload_dir, f.name, f.getvalue(), limits))
            except UploadError as exc:
                rows.append(
                    {"Bestand": f.name, "Opgeslagen als": "", "Status": "geweigerd", "Toelichting": exc.reason}
                )
        result = assistant.ingest_uploads(saved, progress=lambda fraction, label: bar.progress(fraction, text=label))
        bar.progress(1.0, text="Klaar")
        for item, outcome in result.outcomes:
            removed = "; bestand weer verwijderd" if item in result.discarded else ""
            rows.append({
                "Bestand": item.original,
                "Opgeslagen als": item.path.name,
                "Status": STATUS_NL.get(outcome.status, outcome.status) if outcome else "niet gevonden",
                "Toelichting": (outcome.detail if outcome else "") + removed,
            })
        if result.ingested:
            count = len(result.ingested)
            messages.append(("success", f"{count} document(en) ingelezen en meteen te bevragen in de chat."))
        if any(r["Status"] in ("mislukt", "geweigerd") for r in rows):
            messages.append(("warning", "Niet alles kon worden ingelezen; zie de toelichting per bestand."))
    except ImvoError as exc:
        message = error_message(exc, settings)
        messages.append(("error", f"{message.text} (Details: {message.detail})"))
    st.session_state[RESULT_KEY] = {"messages": messages, "rows": rows}
    st.rerun()
elif submitted:
    st.warning("Kies eerst een of meer bestanden.")
