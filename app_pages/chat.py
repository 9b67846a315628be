"""Chat: questions with answers beside the passages they cite."""

import logging

import streamlit as st

from assistant.core.errors import ImvoError
from assistant.core.model import Answer, Citation, Passage
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
from assistant.webapp.chat_state import PENDING_KEY, ChatTurn, chat_session, current_filters, preview, too_long
from assistant.webapp.documents import passage_context, source_pdf
from assistant.webapp.export import chat_to_markdown, export_filename
from assistant.webapp.formatting import escape_markdown
from assistant.webapp.highlight import NO_TERMS, QueryTerms
from assistant.webapp.messages import EMPTY_STORE, error_message
from assistant.webapp.pdf_page import render_page
from assistant.webapp.resources import get_lexicon, get_resources
from assistant.webapp.starters import starter_questions
from assistant.webapp.streaming import stream_plain

log = logging.getLogger(__name__)

resources = get_resources()
assistant = resources.assistant
settings = resources.settings
session = chat_session(st.session_state)
lexicon = get_lexicon()

st.title("IMVO-assistent")

if assistant.is_empty():
    st.warning(EMPTY_STORE, icon=":material/inventory_2:")
    st.page_link("app_pages/documenten.py", label="Documenten uploaden", icon=":material/upload:")
    st.stop()


def show_source(label: str, passage: Passage, terms: QueryTerms, *, key: str, anchor: str | None = None,
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
            context = passage_context(assistant, passage, settings.context_chars, terms)
            if context is None:
                st.caption("De tekst van dit document is niet (meer) in de kennisbank.")
            else:
                with st.container(height=360, border=False):
                    st.markdown(context, unsafe_allow_html=True)
        pdf = source_pdf(assistant, passage)
        if pdf is not None and st.button("Bekijk pagina", key=f"pdfpage-{key}", icon=":material/picture_as_pdf:",
                                         help="De pagina zoals in de PDF, met de passage gemarkeerd"):
            show_pdf_page(str(pdf), passage)


@st.dialog("Bekijk pagina", width="large")
def show_pdf_page(pdf: str, passage: Passage) -> None:
    image = render_page(pdf, passage.page, passage.text)
    if image is None:
        st.error("Deze pagina kan niet worden getoond: het PDF-bestand is niet (meer) leesbaar.")
        return
    found = "de passage is geel gemarkeerd" if image.marked_words else "de passage is op deze pagina niet teruggevonden"
    st.caption(f"{escape_markdown(passage.title)} · pagina {image.page} van {image.pages}: {found}")
    st.image(image.png, width="stretch")


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
            terms = question_terms(assistant.text_analyzer(), lexicon, answer)
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
                    show_source(f"[{c.n}]", c.passage, terms, key=f"{turn.id}-{c.n}",
                                anchor=source_anchor(turn.id, c.n), citation=c)
            elif not answer.answered:
                st.info(
                    "De documenten geven geen antwoord op deze vraag. "
                    "Dit zijn de passages die er het dichtst bij komen."
                )
                for i, p in enumerate(answer.passages[:3], start=1):
                    show_source(f"({i})", p, terms, key=f"{turn.id}-p{i}")
                if not answer.passages:
                    hint = " met de gekozen filters; probeer het zonder filters" if turn.filters.active else ""
                    st.caption(f"Er zijn geen passages gevonden{hint}.")


def answer_question(question: str) -> None:
    filters = current_filters(st.session_state)
    refusal = too_long(question, settings.max_question_chars)
    if refusal:
        session.add_error(preview(question), refusal, None, filters)
        st.rerun()
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

# No max_chars: the box would silently drop a longer paste; answer_question says why it is refused.
typed = st.chat_input("Stel een vraag over IMVO …")
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
