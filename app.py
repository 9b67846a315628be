"""The web app (`streamlit run app.py`, or `make run`): the pages and the sidebar they share."""

import streamlit as st

from assistant.core.errors import ImvoError
from assistant.webapp.chat_state import FILTERS_KEY
from assistant.webapp.filters import describe_filters, filter_options, make_filters
from assistant.webapp.formatting import dutch_timestamp
from assistant.webapp.messages import stop_with_error, stop_with_unexpected
from assistant.webapp.resources import get_resources
from assistant.webapp.style import CSS, PAGE_ICON

st.set_page_config(page_title="IMVO-assistent", page_icon=PAGE_ICON, layout="wide")
st.markdown(CSS, unsafe_allow_html=True)

page = st.navigation(
    [
        st.Page("app_pages/chat.py", title="Chat", icon=":material/chat:", default=True),
        st.Page("app_pages/documenten.py", title="Documenten", icon=":material/description:"),
        st.Page("app_pages/register.py", title="Moties & toezeggingen", icon=":material/gavel:"),
        st.Page("app_pages/tijdlijn.py", title="Tijdlijn", icon=":material/timeline:"),
        st.Page("app_pages/begrippen.py", title="Begrippen", icon=":material/menu_book:"),
    ]
)

try:
    resources = get_resources()
    info = resources.assistant.info()
    documents = resources.assistant.documents()
except ImvoError as exc:
    stop_with_error(exc)
except Exception as exc:  # never a traceback in the browser
    stop_with_unexpected(exc)

settings = resources.settings
options = filter_options(documents)

with st.sidebar:
    st.subheader("Filters voor de chat")
    doc_types = st.multiselect(
        "Documenttype", options.doc_types, key="flt_types", placeholder="Alle typen", select_all=False
    )
    period = None
    if options.has_period:
        # The bounds are part of the key: when new documents widen them, the picker starts again from the
        # full period instead of keeping the old one (which would filter the new documents out).
        period = st.date_input(
            "Periode", value=(options.first, options.last), min_value=options.first, max_value=options.last,
            format="DD-MM-YYYY", key=f"flt_period-{options.first}-{options.last}",
        )
    doc_ids = st.multiselect(
        "Documenten", list(options.documents), format_func=lambda d: options.documents.get(d, d),
        key="flt_docs", placeholder="Alle documenten", select_all=False,
    )
    filters = make_filters(options, doc_types, doc_ids, period if isinstance(period, (tuple, list)) else None)
    st.session_state[FILTERS_KEY] = filters
    if filters.active:
        st.caption(f"Actief: {describe_filters(filters, options)}")

    st.divider()
    st.subheader("Antwoordmodus")
    if settings.answer_mode == "llm":
        st.markdown(f"Taalmodel **{settings.llm or 'standaard'}**  \nserver: `{settings.llm_base_url or 'standaardadres'}`")
        st.caption("Het antwoord verschijnt terwijl het model schrijft; daarna worden de bronnen gecontroleerd.")
    else:
        st.markdown("**Extractief**: het antwoord bestaat uit zinnen uit de documenten zelf, zonder taalmodel.")

    st.divider()
    st.subheader("Kennisbank")
    st.markdown(
        f"{info.documents} documenten · {info.passages} passages  \n"
        f"embeddingmodel: `{info.embedding_model or 'nog geen'}`  \n"
        f"laatst ingelezen: {dutch_timestamp(info.last_ingest)}"
    )

try:
    page.run()
except ImvoError as exc:
    stop_with_error(exc, settings)
except Exception as exc:  # st.stop()/st.rerun() are BaseExceptions and pass through
    stop_with_unexpected(exc)
