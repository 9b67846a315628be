"""Downloads: a chat as one Markdown file (every question, its answer and the cited passages), and a
table as CSV (Streamlit's own table download is English-only and hidden)."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from assistant.service.presenters import answer_to_markdown
from assistant.webapp.chat_state import ChatSession
from assistant.webapp.formatting import dutch_moment


def chat_to_markdown(session: ChatSession, *, exported_at: datetime | None = None) -> str:
    moment = exported_at or datetime.now()
    lines = [
        "# Gesprek met de IMVO-assistent",
        "",
        f"Geëxporteerd op {dutch_moment(moment)}.",
        "",
    ]
    for turn in session.turns:
        if turn.answer is not None:
            lines.append(answer_to_markdown(turn.answer).rstrip())
            unsupported = [s.text for s in turn.answer.sentences if not s.supported]
            if unsupported:
                lines += ["", "**Niet door de bronnen gestaafd:**", *(f"- {s}" for s in unsupported)]
        else:
            lines += [f"### {turn.question}", "", f"*Geen antwoord: {turn.error}*"]
        lines += ["", "---", ""]
    return "\n".join(lines).rstrip() + "\n"


def export_filename(exported_at: datetime | None = None) -> str:
    return f"imvo-gesprek-{(exported_at or datetime.now()):%Y%m%d-%H%M}.md"


def table_csv(frame: pd.DataFrame) -> bytes:
    """The table as CSV for Excel with Dutch settings: ';' between fields, UTF-8 with a byte-order mark."""
    return frame.to_csv(sep=";", index=False).encode("utf-8-sig")
