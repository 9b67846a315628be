"""Table selections that follow the item, not the row number.

Streamlit reports a selection as row positions. When filters or a search change which rows a table shows,
the same position is another item. So a table's key carries a digest of the ids it shows (a changed list
is a new table), and the item last selected is remembered by id and selected again where it now stands;
when it is no longer shown, nothing is selected.
"""

from __future__ import annotations

import hashlib
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any


def _remembered_key(name: str) -> str:
    return f"{name}-selected-item"


def table_key(name: str, ids: Sequence[str], variant: str = "") -> str:
    digest = hashlib.sha1("\x1f".join(ids).encode("utf-8")).hexdigest()[:12]
    return f"{name}-{variant}-{digest}" if variant else f"{name}-{digest}"


@dataclass(frozen=True)
class TableSelection:
    key: str
    default: dict[str, Any] | None  # selection_default for st.dataframe


def table_selection(state: MutableMapping[str, Any], name: str, ids: Sequence[str], *, variant: str = "",
                    prefer: str | None = None) -> TableSelection:
    """The key and default selection for a table showing `ids`. `prefer` (e.g. from a link) wins over
    the remembered item; `variant` goes into the key so that a new link starts a new table."""
    wanted = prefer if prefer is not None else state.get(_remembered_key(name))
    ids = list(ids)
    default = {"selection": {"rows": [ids.index(wanted)], "columns": []}} if wanted in ids else None
    return TableSelection(table_key(name, ids, variant), default)


def selected_id(state: MutableMapping[str, Any], name: str, ids: Sequence[str], rows: Sequence[int]) -> str | None:
    """The id of the selected row (None when none), remembered for the next run."""
    valid = [r for r in rows if 0 <= r < len(ids)]
    chosen = ids[valid[0]] if valid else None
    state[_remembered_key(name)] = chosen
    return chosen
