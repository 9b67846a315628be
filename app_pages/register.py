"""Moties & toezeggingen: the register with filters; a row opens the passages behind it."""

import streamlit as st

from assistant.core.errors import EmptyStoreError, ImvoError
from assistant.webapp.answer_view import source_card_html
from assistant.webapp.documents import KAMERSTUK_DISPLAY
from assistant.webapp.export import table_csv
from assistant.webapp.formatting import escape_markdown
from assistant.webapp.messages import stop_with_error
from assistant.webapp.register_view import (
    TABLE_COLUMNS,
    TABLE_WIDTHS,
    evidence,
    filter_items,
    item_title,
    kind_choices,
    kind_label,
    labels,
    official_columns,
    open_label,
    period_bounds,
    progress_callback,
    register_frame,
    update_problems,
    update_summary,
)
from assistant.webapp.resources import get_resources
from assistant.webapp.tables import pick_one

resources = get_resources()
assistant = resources.assistant

st.title("Moties & toezeggingen")
st.caption(
    "Moties, toezeggingen en initiatiefwetsvoorstellen die de documenten noemen, met hun status en uitvoering "
    "zoals de documenten die melden. Selecteer een rij om de passages te zien waarop dit berust."
)

with st.expander("Dossier bijwerken (officiële bekendmakingen en open data van de Tweede Kamer)"):
    dossier = st.text_input("Dossiernummer", value=resources.settings.dossier, key="reg_dossier")
    if st.button("Dossier bijwerken", key="reg_update"):
        with st.status(f"Dossier {dossier} bijwerken …", expanded=True) as status:
            try:
                summary = assistant.update_dossier(dossier, progress=progress_callback(st.progress(0.0)))
            except ImvoError as exc:
                status.update(label="Bijwerken mislukt", state="error")
                stop_with_error(exc)
            status.update(label=update_summary(summary), state="error" if update_problems(summary) else "complete")
            for problem in update_problems(summary):
                st.warning(problem)

try:
    official = assistant.official_record()
    everything = assistant.motions()
except EmptyStoreError:  # no documents, so no motions: said below, as for documents that name none
    everything = []
except ImvoError as exc:
    stop_with_error(exc)

if not everything:
    st.info("De documenten noemen (nog) geen moties of toezeggingen.")
    st.stop()

bounds = period_bounds(everything)
cols = st.columns([2, 3, 3])
open_only = cols[0].toggle("Alleen openstaande", key="reg_open")
kinds = cols[1].multiselect(
    "Soort", kind_choices(), format_func=kind_label, key="reg_kinds", placeholder="Alle soorten", select_all=False
)
period = None
if bounds and bounds[0] < bounds[1]:
    chosen = cols[2].date_input(  # bounds in the key: a changed register starts from its whole period
        "Periode", value=bounds, min_value=bounds[0], max_value=bounds[1], format="DD-MM-YYYY",
        key=f"reg_period-{bounds[0]}-{bounds[1]}",
    )
    if isinstance(chosen, (tuple, list)) and len(chosen) == 2 and tuple(chosen) != bounds:
        period = (chosen[0], chosen[1])

query = st.text_input("Zoeken", key="reg_query", placeholder="Kamerstuk, naam of onderwerp")
items = filter_items(everything, open_only=open_only, kinds=kinds, period=period, query=query)
frame = register_frame(items, official)
cols = st.columns([3, 1], vertical_alignment="center")
cols[0].caption(f"{len(items)} van {len(everything)} items")
cols[1].download_button(
    "CSV downloaden", data=table_csv(frame), file_name="moties-en-toezeggingen.csv", mime="text/csv",
    icon=":material/download:", key="reg_csv",
)
ids = [i.id for i in items]
chosen = pick_one("register_table", frame, ids, widths=TABLE_WIDTHS, links={"Kamerstuk": KAMERSTUK_DISPLAY},
                  placeholder="—", column_order=TABLE_COLUMNS)
if chosen is not None:
    item = items[ids.index(chosen)]
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
    kamer = official_columns(item, official)
    if kamer["Kamer"]:
        record = official.as_dict(item) or {}
        link = f" · [bron]({record['url']})" if record.get("url") else ""
        st.markdown(f"**Officieel (Tweede Kamer):** {kamer['Kamer']}"
                    + (f" · afgedaan: {kamer['Afgedaan (Kamer)']}" if kamer["Afgedaan (Kamer)"] else "") + link)
        if kamer["Afwijking"]:
            st.warning("Tegenstrijdig met de documenten: " + kamer["Afwijking"].removeprefix("⚠ "))
    if item.subject:
        st.markdown("**Onderwerp:** " + escape_markdown(item.subject))
    if item.debate:
        st.markdown("**Debat:** " + escape_markdown(item.debate))
    found = evidence(item)
    st.markdown(f"**Bewijs in de documenten** ({len(found)} passages)")
    for i, ev in enumerate(found, start=1):
        with st.container(border=True):
            if ev.findings:
                st.caption(" · ".join(ev.findings))  # our own labels, no document text
            st.markdown(source_card_html(f"({i})", ev.passage, cited_sentences=ev.quotes), unsafe_allow_html=True)
else:
    st.caption("Selecteer een rij in de tabel om het bewijs te zien.")
