"""The chat of one browser session: its turns (question, answer or error, the filters in force)."""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

from assistant.core.model import Answer
from assistant.retrieval.filters import SearchFilters

STATE_KEY = "imvo_chat"


@dataclass
class ChatTurn:
    id: int
    question: str
    answer: Answer | None = None
    error: str | None = None  # what the user is told, in Dutch
    error_detail: str | None = None  # the assistant's own message
    filters: SearchFilters = field(default_factory=SearchFilters)


@dataclass
class ChatSession:
    turns: list[ChatTurn] = field(default_factory=list)
    next_id: int = 1

    def _new_turn(self, question: str, filters: SearchFilters) -> ChatTurn:
        turn = ChatTurn(id=self.next_id, question=question, filters=filters)
        self.next_id += 1
        self.turns.append(turn)
        return turn

    def add_answer(self, question: str, answer: Answer, filters: SearchFilters | None = None) -> ChatTurn:
        turn = self._new_turn(question, filters or SearchFilters())
        turn.answer = answer
        return turn

    def add_error(self, question: str, message: str, detail: str | None = None,
                  filters: SearchFilters | None = None) -> ChatTurn:
        turn = self._new_turn(question, filters or SearchFilters())
        turn.error, turn.error_detail = message, detail
        return turn

    def history(self) -> list[tuple[str, str]]:
        """(question, answer text) of the answered turns, oldest first: what follow-up questions build on."""
        return [(t.question, t.answer.text) for t in self.turns if t.answer is not None]

    def answers(self) -> list[Answer]:
        return [t.answer for t in self.turns if t.answer is not None]

    def clear(self) -> None:
        self.turns.clear()  # ids keep counting, so anchors of a new chat never repeat old ones

    @property
    def empty(self) -> bool:
        return not self.turns


def chat_session(state: MutableMapping[str, Any]) -> ChatSession:
    """The session's chat, created on first use (`state` is st.session_state)."""
    session = state.get(STATE_KEY)
    if not isinstance(session, ChatSession):
        session = ChatSession()
        state[STATE_KEY] = session
    return session


FILTERS_KEY = "imvo_filters"  # the sidebar's SearchFilters, read by the chat page
PENDING_KEY = "imvo_pending_question"  # a starter question clicked, asked on this run


def current_filters(state: MutableMapping[str, Any]) -> SearchFilters:
    filters = state.get(FILTERS_KEY)
    return filters if isinstance(filters, SearchFilters) else SearchFilters()


QUESTION_PREVIEW_CHARS = 300


def too_long(question: str, limit: int) -> str | None:
    """The Dutch message for a question over the length limit (None when it fits). Checked before asking,
    so a long paste is answered with a reason instead of being dropped."""
    if len(question) <= limit:
        return None
    def number(n: int) -> str:
        return f"{n:,}".replace(",", ".")

    return (
        f"Uw vraag is {number(len(question))} tekens lang; de grens is {number(limit)} tekens. Kort de vraag "
        "in, of stel de onderdelen als aparte vragen. Wilt u een heel document doorzoeken, upload het dan op "
        "de pagina Documenten."
    )


def preview(question: str, chars: int = QUESTION_PREVIEW_CHARS) -> str:
    """The start of a long question, to show in the chat instead of all of it."""
    return question if len(question) <= chars else question[:chars].rstrip() + " …"
