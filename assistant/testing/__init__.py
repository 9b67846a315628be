"""Test doubles and builders that tests/ and bench/ share (as haystack.testing does for Haystack): server
starters, fake servers (the Kamer's services, an OpenAI-compatible chat), a hash embedding model, PDFs,
passages and answers. Small modules, one job each; no pytest here (tests/ wraps these in fixtures), so a
bench script can use them too. Needs the `test` extra (reportlab) for the PDFs."""
