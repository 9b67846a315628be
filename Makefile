# Two commands do all set-up on a fresh machine: `make run` and `make test` (`make serve` for the HTTP API).
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
IMVO   := $(VENV)/bin/imvo
PORT   ?= 8501
# `make serve API_HOST=0.0.0.0 API_PORT=9000`; empty: IMVO_API_HOST / IMVO_API_PORT (127.0.0.1:8000).
API_HOST ?=
API_PORT ?=

.PHONY: install run serve test test-fast bench bench-robustness eval browser clean-store

install: $(VENV)/.installed

# torch first, pinned: the CPU wheel on this machine; an unpinned torch pulls GBs of CUDA packages.
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[test]'
	touch $@

# Chromium for the end-to-end browser tests (Debian package; Playwright's own download is not used).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

# Ingest is incremental: on an up-to-date store it embeds nothing and takes about a second; it also
# repairs what a crash left behind. Exit code 4 (some files failed, the rest ingested) must not keep the
# app from starting; any other failure (1 crash, 5 store busy, 6 store damaged, ...) must.
# The app binds to IMVO_SERVER_ADDRESS (default 127.0.0.1: this machine only).
run: install
	$(IMVO) ingest || [ $$? -eq 4 ]
	$(VENV)/bin/streamlit run serve.py --server.port $(PORT) --server.address "$$($(IMVO) config server_address)" \
		--server.headless true --browser.gatherUsageStats false

# The HTTP API (OpenAPI page at /docs). Upload and ingest routes are off unless IMVO_API_WRITE_TOKEN is set.
serve: install
	$(IMVO) ingest || [ $$? -eq 4 ]
	$(IMVO) serve $(if $(API_HOST),--host $(API_HOST)) $(if $(API_PORT),--port $(API_PORT))

test: install browser
	$(PY) -m pytest

test-fast: install
	$(PY) -m pytest -m "not browser and not server and not bench"

bench: install
	$(PY) -m bench.embedding_threads
	$(PY) -m bench.ingest_bench
	$(PY) -m bench.query_bench
	$(PY) -m bench.kamer_bench
	$(PY) -m bench.api_bench

# Bad input held, kill -9 points survived, chat p50/p95 during an ingest, pathological files (several minutes).
bench-robustness: install
	$(PY) -m bench.robustness_bench

# In-sample figures of the shipped settings on the development questions and on our rewordings of
# them, then the k-fold held-out figures (settings chosen on folds that exclude the scored questions).
DEV        ?= ../shared/eval/dev.jsonl
REWORDINGS := tests/data/dev_rewordings.jsonl
eval: install
	$(IMVO) ingest || [ $$? -eq 4 ]
	$(IMVO) eval $(DEV)
	$(IMVO) eval $(REWORDINGS)
	$(PY) -m bench.tune_retrieval $(DEV) $(REWORDINGS)
	$(PY) -m bench.fit_answer_model $(DEV) $(REWORDINGS) --check
	$(PY) -m bench.fit_answer_model $(DEV) $(REWORDINGS) --check --lexical

clean-store:
	find vectorstore -mindepth 1 ! -name .gitkeep -delete
