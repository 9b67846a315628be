"""Chat: questions with answers beside the passages they cite."""

import logging

import streamlit as st

from assistant.errors import ImvoError
from assistant.models import Answer, Citation, Passage
from assistant.text.lexicon import load_lexicon
from assistant.webapp.answer_view import (
    UNSUPPORTED_LEGEND,
    answer_caption,
    answer_html,
    has_unsupported,
    question_terms,
    source_anchor,
    source_card_html,
    turn_marker,
)
from assistant.webapp.chat_state import PENDING_KEY, ChatTurn, chat_session, current_filters
from assistant.webapp.documents import passage_context
from assistant.webapp.export import chat_to_markdown, export_filename
from assistant.webapp.formatting import escape_markdown
from assistant.webapp.highlight import NO_TERMS, QueryTerms
from assistant.webapp.messages import EMPTY_STORE, error_message
from assistant.webapp.resources import get_resources
from assistant.webapp.starters import starter_questions
from assistant.webapp.streaming import stream_plain

log = logging.getLogger(__name__)

resources = get_resources()
assistant = resources.assistant
settings = resources.settings
session = chat_session(st.session_state)
lexicon = load_lexicon()

st.title("IMVO-assistent")

if assistant.store.is_empty():
    st.warning(EMPTY_STORE, icon=":material/inventory_2:")
    st.page_link("app_pages/documenten.py", label="Documenten uploaden", icon=":material/upload:")
    st.stop()


def show_source(label: str, passage: Passage, terms: QueryTerms, *, anchor: str | None = None,
                citation: Citation | None = None) -> None:
    with st.container(border=True):
        st.markdown(
            source_card_html(
                label, passage, anchor=anchor, terms=terms,
                cited_sentences=citation.sentences if citation else (),
                supported=citation.supported if citation else True,
            ),
            unsafe_allow_html=True,
        )
        with st.expander("Tekst eromheen in het document"):
            context = passage_context(assistant.store, passage, settings.context_chars, terms)
            if context is None:
                st.caption("De tekst van dit document is niet (meer) in de kennisbank.")
            else:
                with st.container(height=360, border=False):
                    st.markdown(context, unsafe_allow_html=True)


def show_glossary_terms(answer: Answer) -> None:
    terms = lexicon.glossary_terms_in(answer.text)
    if not terms:
        return
    with st.popover(f"Begrippen in dit antwoord ({len(terms)})", icon=":material/menu_book:"):
        for term in terms:
            full = f" ({term.expansion})" if term.expansion else ""
            st.markdown(f"**{escape_markdown(term.term)}**{escape_markdown(full)}: {escape_markdown(term.definition)}")
            st.page_link("app_pages/begrippen.py", label=f"Passages met “{term.term}”", query_params={"term": term.term})


def show_turn(turn: ChatTurn) -> None:
    with st.chat_message("user"):
        st.markdown(escape_markdown(turn.question))
    with st.chat_message("assistant"):
        st.markdown(turn_marker(turn.id), unsafe_allow_html=True)
        if turn.answer is None:
            st.error(turn.error or "Geen antwoord.")
            if turn.error_detail:
                st.caption(f"Details: {turn.error_detail}")
            return
        answer = turn.answer
        try:
            terms = question_terms(assistant.store.lexical().analyzer, lexicon, answer)
        except ImvoError:
            terms = NO_TERMS
        left, right = st.columns([3, 2], gap="large")
        with left:
            st.markdown(answer_html(answer, turn.id), unsafe_allow_html=True)
            if has_unsupported(answer):
                st.caption(UNSUPPORTED_LEGEND)
            st.caption(answer_caption(answer))
            show_glossary_terms(answer)
        with right:
            if answer.citations:
                st.markdown("**Bronnen**")
                for c in answer.citations:
                    show_source(f"[{c.n}]", c.passage, terms, anchor=source_anchor(turn.id, c.n), citation=c)
            elif not answer.answered:
                st.info(
                    "De documenten geven geen antwoord op deze vraag. "
                    "Dit zijn de passages die er het dichtst bij komen."
                )
                for i, p in enumerate(answer.passages[:3], start=1):
                    show_source(f"({i})", p, terms)
                if not answer.passages:
                    st.caption("Er zijn geen passages gevonden (controleer de filters).")


def answer_question(question: str) -> None:
    filters = current_filters(st.session_state)
    with st.chat_message("user"):
        st.markdown(escape_markdown(question))
    with st.chat_message("assistant"):
        status = st.status("Bezig …", expanded=False)
        try:
            if not resources.warm.is_set():
                status.update(label="Het zoekmodel wordt geladen (eenmalig, enkele seconden) …")
                resources.wait_until_warm()
            status.update(label="Zoeken in de documenten …")
            with resources.store_lock:
                in_progress = assistant.ask_streaming(question, session.history(), filters)
            if settings.answer_mode == "llm":
                status.update(label=f"{len(in_progress.passages)} passages gevonden; het taalmodel schrijft …")
                stream_plain(st.empty(), in_progress.tokens())
                status.update(label="Bronnen controleren …")
            answer = in_progress.result()
            status.update(label="Klaar", state="complete")
            session.add_answer(question, answer, filters)
        except ImvoError as exc:
            message = error_message(exc, settings)
            status.update(label="Mislukt", state="error")
            session.add_error(question, message.text, message.detail, filters)
        except Exception as exc:  # a bug must show as a message in the chat, not as a traceback
            log.exception("answering %r failed", question)
            status.update(label="Mislukt", state="error")
            session.add_error(question, "Er ging iets mis bij het beantwoorden.", f"{type(exc).__name__}: {exc}", filters)
    st.rerun()


def ask_later(question: str) -> None:
    st.session_state[PENDING_KEY] = question


if not session.empty:
    cols = st.columns([6, 2, 2])
    cols[1].download_button(
        "Gesprek exporteren", data=chat_to_markdown(session), file_name=export_filename(), mime="text/markdown",
        icon=":material/download:", help="Vragen, antwoorden en aangehaalde passages als Markdown",
    )
    cols[2].button("Nieuw gesprek", icon=":material/restart_alt:", on_click=session.clear)

typed = st.chat_input("Stel een vraag over IMVO …", max_chars=settings.max_question_chars)
pending = typed or st.session_state.pop(PENDING_KEY, None)

for past in session.turns:
    show_turn(past)

if session.empty and not pending:
    st.markdown(
        "Stel een vraag over IMVO en de IMVO-convenanten. Elk antwoord noemt zijn bronnen: klik op **[1]** "
        "om de passage te zien waar het op steunt. Antwoorden volgen de taal van de vraag."
    )
    st.caption("Nieuw in het onderwerp? Probeer een van deze vragen, of kijk bij **Begrippen**.")
    for i, starter in enumerate(starter_questions()):
        st.button(starter, key=f"starter-{i}", on_click=ask_later, args=(starter,), icon=":material/help:")

if pending:
    answer_question(pending)
