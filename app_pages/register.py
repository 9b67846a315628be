"""Moties & toezeggingen: the register with filters; a row opens the passages behind it."""

import streamlit as st

from assistant.errors import ImvoError
from assistant.register.rules import KINDS
from assistant.webapp.answer_view import source_card_html
from assistant.webapp.documents import KAMERSTUK_DISPLAY
from assistant.webapp.formatting import escape_markdown
from assistant.webapp.messages import stop_with_error
from assistant.webapp.register_view import (
    evidence,
    filter_items,
    item_title,
    kind_label,
    labels,
    open_label,
    period_bounds,
    register_frame,
)
from assistant.webapp.resources import get_resources

resources = get_resources()
store = resources.assistant.store

st.title("Moties & toezeggingen")
st.caption(
    "Moties, toezeggingen en initiatiefwetsvoorstellen die de documenten noemen, met hun status en uitvoering "
    "zoals de documenten die melden. Selecteer een rij om de passages te zien waarop dit berust."
)

try:
    register = store.register()
except ImvoError as exc:
    stop_with_error(exc)

if not register.items:
    st.info("De documenten noemen (nog) geen moties of toezeggingen.")
    st.stop()

bounds = period_bounds(register.items)
cols = st.columns([2, 3, 3])
open_only = cols[0].toggle("Alleen openstaande", key="reg_open")
kinds = cols[1].multiselect("Soort", KINDS, format_func=kind_label, key="reg_kinds", placeholder="Alle soorten")
period = None
if bounds and bounds[0] < bounds[1]:
    chosen = cols[2].date_input(  # bounds in the key: a changed register starts from its whole period
        "Periode", value=bounds, min_value=bounds[0], max_value=bounds[1], format="DD-MM-YYYY",
        key=f"reg_period-{bounds[0]}-{bounds[1]}",
    )
    if isinstance(chosen, (tuple, list)) and len(chosen) == 2 and tuple(chosen) != bounds:
        period = (chosen[0], chosen[1])

items = filter_items(register.items, open_only=open_only, kinds=kinds, period=period)
st.caption(f"{len(items)} van {len(register.items)} items")
frame = register_frame(items)
table = st.dataframe(
    frame,
    key="register_table",
    on_select="rerun",
    selection_mode="single-row",
    hide_index=True,
    placeholder="—",
    column_config={
        "Kamerstuk": st.column_config.LinkColumn(display_text=KAMERSTUK_DISPLAY),
        "Onderwerp": st.column_config.TextColumn(width="large"),
    },
)

rows = [r for r in table.selection.rows if r < len(items)]
if rows:
    item = items[rows[0]]
    names = labels()
    st.subheader(escape_markdown(item_title(item)))
    inferred = " (afgeleid uit de uitvoeringsmelding)" if item.status_inferred else ""
    facts = [
        f"**Status:** {names['status'].get(item.status, item.status)}{inferred}",
        f"**Uitvoering:** {names['execution'].get(item.execution, item.execution)}",
        f"**Open:** {open_label(item.open)}",
        *(["**Tegenstrijdig:** een bron met minder gezag zegt iets anders (zie bewijs)"] if item.contradicted else []),
    ]
    if item.kamerstuk and item.url:
        facts.append(f"**Kamerstuk:** [{item.kamerstuk}]({item.url})")
    st.markdown(" · ".join(facts))
    if item.subject:
        st.markdown("**Onderwerp:** " + escape_markdown(item.subject))
    if item.debate:
        st.markdown("**Debat:** " + escape_markdown(item.debate))
    found = evidence(item)
    st.markdown(f"**Bewijs in de documenten** ({len(found)} passages)")
    for i, ev in enumerate(found, start=1):
        with st.container(border=True):
            if ev.reason:
                st.caption(escape_markdown(ev.reason))
            st.markdown(
                source_card_html(f"({i})", ev.passage, cited_sentences=[ev.quote] if ev.quote else ()),
                unsafe_allow_html=True,
            )
else:
    st.caption("Selecteer een rij in de tabel om het bewijs te zien.")
