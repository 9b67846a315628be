"""Begrippen: the domain's terms and abbreviations, each with the passages that use it."""

import pandas as pd
import streamlit as st

from assistant.webapp.answer_view import source_card_html
from assistant.webapp.formatting import escape_markdown
from assistant.webapp.glossary import search_entries, table_widths
from assistant.webapp.resources import get_glossary, get_resources
from assistant.webapp.selection import table_selection
from assistant.webapp.tables import pick_one

MAX_PASSAGES = 20

resources = get_resources()

st.title("Begrippen")
st.caption(
    "Termen en afkortingen die in IMVO-documenten vaak voorkomen, met een korte uitleg. "
    "Selecteer een begrip om de passages te zien waarin het (of een synoniem) voorkomt."
)

entries = get_glossary(resources)
wanted = st.query_params.get("term")
query = st.text_input("Zoeken", key="gl_query", placeholder="bijv. OESO, due diligence, convenant")
shown = search_entries(entries, query)
ids = [e.term.term for e in shown]
# A new link (?term=…) starts a table with that term selected; afterwards the selection follows the term.
selection = table_selection(st.session_state, "glossary_table", ids, variant=wanted or "",
                            prefer=wanted if st.session_state.get("gl_link") != wanted else None)
st.session_state["gl_link"] = wanted

left, right = st.columns([1, 1], gap="large")
with left:
    frame = pd.DataFrame(
        [{"Begrip": e.term.term, "Passages": len(e.passages), "Voluit": e.term.expansion or ""} for e in shown],
        columns=["Begrip", "Passages", "Voluit"],
    )
    widths = table_widths(entries)
    chosen = pick_one("glossary_table", frame, ids, widths=widths, selection=selection, height=520,
                      column_order=["Begrip", "Passages"])
with right:
    if chosen is None:
        st.caption("Kies links een begrip om de passages te zien waarin het voorkomt.")
        with st.container(height=470, border=False):
            for e in shown:
                full = f" ({e.term.expansion})" if e.term.expansion else ""
                term, definition = escape_markdown(e.term.term), escape_markdown(e.term.definition)
                st.markdown(f"**{term}**{escape_markdown(full)}: {definition}")
    else:
        entry = shown[ids.index(chosen)]
        term = entry.term
        st.subheader(term.term + (f" ({term.expansion})" if term.expansion else ""))
        st.markdown(escape_markdown(term.definition))
        if term.aliases:
            st.caption("Ook: " + ", ".join(term.aliases))
        st.markdown(f"**Komt voor in {len(entry.passages)} passages**")
        for i, passage in enumerate(entry.passages[:MAX_PASSAGES], start=1):
            with st.container(border=True):
                st.markdown(source_card_html(f"({i})", passage, phrases=entry.phrases), unsafe_allow_html=True)
        if len(entry.passages) > MAX_PASSAGES:
            st.caption(f"De eerste {MAX_PASSAGES} van {len(entry.passages)} passages.")
