"""The persisted store: passages (SQLite, the commit point), vectors (Chroma) and BM25 beside them."""
