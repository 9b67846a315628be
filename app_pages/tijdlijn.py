"""Tijdlijn: dated events from the documents, as a chart and as a list."""

import streamlit as st

from assistant.core.errors import ImvoError
from assistant.webapp.answer_view import source_card_html
from assistant.webapp.export import table_csv
from assistant.webapp.formatting import dutch_date, escape_markdown
from assistant.webapp.messages import stop_with_error
from assistant.webapp.resources import get_resources
from assistant.webapp.tables import pick_one
from assistant.webapp.timeline_view import (
    TABLE_COLUMNS,
    TABLE_WIDTHS,
    event_id,
    filter_events,
    timeline_chart,
    timeline_frame,
)

resources = get_resources()
store = resources.assistant.store

st.title("Tijdlijn")
st.caption(
    "Gebeurtenissen met een datum uit de documenten: rapporten, convenanten, moties, bijeenkomsten. "
    "Gevulde punten zijn gebeurd, open ruiten waren op het moment van schrijven gepland. "
    "Beweeg over een punt voor de beschrijving; scroll in de grafiek om in te zoomen."
)

try:
    events = resources.assistant.derived.timeline()
except ImvoError as exc:
    stop_with_error(exc)

if not events:
    st.info("De documenten bevatten (nog) geen gebeurtenissen met een datum.")
    st.stop()

cols = st.columns([3, 1])
kinds = cols[0].multiselect(
    "Soort", sorted({e.kind for e in events}), key="tl_kinds", placeholder="Alle soorten", select_all=False
)
planned = cols[1].toggle("Geplande tonen", value=True, key="tl_planned")
shown = filter_events(events, kinds=kinds, planned=planned)

if shown:
    st.altair_chart(timeline_chart(shown), width="stretch")
frame = timeline_frame(shown).drop(columns=["when", "Precisie"])
cols = st.columns([3, 1], vertical_alignment="center")
cols[0].caption(f"{len(shown)} gebeurtenissen; selecteer er een voor de bron." if shown
                else "Geen gebeurtenissen voor deze keuze.")
cols[1].download_button(
    "CSV downloaden", data=table_csv(frame), file_name="tijdlijn.csv", mime="text/csv",
    icon=":material/download:", key="tl_csv",
)
ids = [event_id(e) for e in shown]
chosen = pick_one("timeline_table", frame, ids, widths=TABLE_WIDTHS, height=420, column_order=TABLE_COLUMNS)
if chosen is not None:
    event = shown[ids.index(chosen)]
    st.subheader(f"{dutch_date(event.date)}: {event.kind}")
    passage = store.db.passages([event.chunk_id])
    if passage:
        with st.container(border=True):
            st.markdown(source_card_html("", passage[0], cited_sentences=[event.quote]), unsafe_allow_html=True)
    else:
        st.markdown(escape_markdown(event.quote))
    if event.also_in:
        st.caption("Ook genoemd in: " + escape_markdown("; ".join(f"{x['title']} (p. {x['page']})" for x in event.also_in)))
