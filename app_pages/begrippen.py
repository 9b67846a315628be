"""Begrippen: the domain's terms and abbreviations, each with the passages that use it."""

import pandas as pd
import streamlit as st

from assistant.webapp.answer_view import source_card_html
from assistant.webapp.formatting import escape_markdown
from assistant.webapp.glossary import search_entries
from assistant.webapp.resources import get_glossary, get_resources

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
preselect = next((i for i, e in enumerate(shown) if e.term.term == wanted), None)

left, right = st.columns([2, 3], gap="large")
with left:
    frame = pd.DataFrame(
        [{"Begrip": e.term.term, "Passages": len(e.passages), "Voluit": e.term.expansion or ""} for e in shown],
        columns=["Begrip", "Passages", "Voluit"],
    )
    table = st.dataframe(
        frame,
        key=f"glossary_table-{wanted or ''}",  # a new link (?term=…) starts with that term selected
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        height=520,
        selection_default={"selection": {"rows": [preselect]}} if preselect is not None else None,
        column_config={"Passages": st.column_config.NumberColumn(width="small")},
    )
rows = [r for r in table.selection.rows if r < len(shown)]
with right:
    if not rows:
        st.caption("Kies links een begrip om de passages te zien waarin het voorkomt.")
        with st.container(height=470, border=False):
            for e in shown:
                full = f" ({e.term.expansion})" if e.term.expansion else ""
                term, definition = escape_markdown(e.term.term), escape_markdown(e.term.definition)
                st.markdown(f"**{term}**{escape_markdown(full)}: {definition}")
    else:
        entry = shown[rows[0]]
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
