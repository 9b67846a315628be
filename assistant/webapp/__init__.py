"""Everything the Streamlit pages need that is not a widget: cached resources, rendering to HTML,
uploads, chat state, tables and charts. app.py and pages/*.py only place widgets."""
