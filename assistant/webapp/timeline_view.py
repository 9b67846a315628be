"""The timeline of dated events: a chart on a time axis, coloured by kind, and the list beside it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import altair as alt
import pandas as pd

from assistant.core.model import TimelineEvent
from assistant.webapp.formatting import dutch_date, middle_day


def filter_events(
    events: Iterable[TimelineEvent], *, kinds: Sequence[str] = (), planned: bool = True
) -> list[TimelineEvent]:
    return [e for e in events if (not kinds or e.kind in kinds) and (planned or not e.planned)]


# The list under the chart at 1400 px without a cut-off column (pixel widths).
TABLE_COLUMNS = ["Datum", "Gebeurtenis", "Soort", "Gepland", "Document", "Pagina"]
TABLE_WIDTHS = {"Datum": 120, "Gebeurtenis": 380, "Soort": 100, "Gepland": 80, "Document": 160, "Pagina": 60}


def event_id(event: TimelineEvent) -> str:
    """What identifies an event across filters: its date, passage and label."""
    return f"{event.date}|{event.chunk_id}|{event.label}"


def timeline_frame(events: Sequence[TimelineEvent]) -> pd.DataFrame:
    rows = [
        {
            "Datum": dutch_date(e.date),
            "Soort": e.kind,
            "Gebeurtenis": e.label,
            "Gepland": "gepland" if e.planned else "gebeurd",
            "Document": e.title,
            "Pagina": e.page,
            "Precisie": {"day": "dag", "month": "maand", "year": "jaar"}.get(e.precision, e.precision),
            "when": pd.Timestamp(middle_day(e.date)) if middle_day(e.date) else pd.NaT,
        }
        for e in events
    ]
    columns = ["Datum", "Gebeurtenis", "Soort", "Gepland", "Document", "Pagina", "Precisie", "when"]
    return pd.DataFrame(rows, columns=columns)


def timeline_chart(events: Sequence[TimelineEvent]) -> alt.Chart:
    """One row per kind, a point per event (hollow when planned); hover shows the label and source.
    Events known only to the month or year sit in the middle of that month or year."""
    frame = timeline_frame(events).dropna(subset=["when"])
    return (
        alt.Chart(frame)
        .mark_point(size=140, strokeWidth=2, opacity=0.85)
        .encode(
            x=alt.X(
                "when:T", title=None, scale=alt.Scale(padding=16),
                axis=alt.Axis(format="%Y", labelAngle=0, tickCount="year", grid=True),
            ),
            y=alt.Y("Soort:N", title=None, sort=sorted(frame["Soort"].unique().tolist())),
            color=alt.Color("Soort:N", legend=None),
            shape=alt.Shape(
                "Gepland:N", scale=alt.Scale(domain=["gebeurd", "gepland"], range=["circle", "diamond"]),
                legend=None,  # the page caption explains filled (happened) and open (planned)
            ),
            fill=alt.condition(alt.datum.Gepland == "gebeurd", alt.Color("Soort:N", legend=None), alt.value("white")),
            tooltip=[
                alt.Tooltip("Datum:N"),
                alt.Tooltip("Soort:N"),
                alt.Tooltip("Gebeurtenis:N"),
                alt.Tooltip("Gepland:N"),
                alt.Tooltip("Document:N"),
                alt.Tooltip("Pagina:Q"),
            ],
        )
        .properties(height=max(160, 48 * frame["Soort"].nunique()))
        .interactive(bind_y=False)
    )
