"""HTTP API (FastAPI) over the assistant service; started with `imvo serve`."""
