"""A table the user picks one row of, with the selection following the item (see selection.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from assistant.webapp.selection import TableSelection, selected_id, table_selection


def pick_one(
    name: str,
    frame: pd.DataFrame,
    ids: Sequence[str],
    *,
    widths: Mapping[str, int],
    links: Mapping[str, str] | None = None,
    selection: TableSelection | None = None,
    **options: Any,
) -> str | None:
    """Show `frame` (its rows are `ids`) as a single-row-select table; the id of the chosen row or None.

    `widths` sets column widths in pixels, `links` maps a column to the display pattern of its links,
    `selection` overrides the remembered one (a link that names an item); `options` go to st.dataframe."""
    selection = selection or table_selection(st.session_state, name, ids)
    config: dict[str, Any] = {column: st.column_config.Column(width=width) for column, width in widths.items()}
    for column, display in (links or {}).items():
        config[column] = st.column_config.LinkColumn(display_text=display, width=widths.get(column))
    table = st.dataframe(
        frame,
        key=selection.key,
        on_select="rerun",
        selection_mode="single-row",
        selection_default=selection.default,
        hide_index=True,
        column_config=config,
        **options,
    )
    return selected_id(st.session_state, name, ids, table.selection.rows)
