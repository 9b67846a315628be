"""Serve the web app: `streamlit run serve.py` (what `make run` does). The app itself is app.py; this adds
what Streamlit's server cannot be configured to do (see assistant/webapp/serving.py)."""

import streamlit as st
from starlette.middleware import Middleware

from assistant.webapp.serving import BackendBaseUrl

app = st.App("app.py", middleware=[Middleware(BackendBaseUrl)])
