"""The service is the only way in: the web pages, the CLI and the HTTP API call the `Assistant` (or, for
commands that answer nothing, the `KnowledgeBase`) and the presenters, never the store or the ingest
pipeline. Read from the source, so a new shortcut fails here before it is copied."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.paths import ROOT

CALLERS = [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py"))] + [
    path for folder in ("webapp", "cli", "api") for path in sorted((ROOT / "assistant" / folder).glob("*.py"))
]
FORBIDDEN = ("assistant.store", "ingest")
# What hands out the store, or takes it: the Assistant and the KnowledgeBase wrap these.
STORE_FUNCTIONS = {"open_store", "build_store", "build_derived", "ingest_files", "check_knowledge_base",
                   "ingest_uploads", "ingest_fetched", "update_dossier", "rebuild_store"}
STORE_ATTRIBUTES = {"store", "derived"}  # e.g. resources.assistant.store.db, assistant.derived.register()


def _shortcuts(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith(FORBIDDEN)]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            found += [f"{module}.{a.name}" for a in node.names
                      if module.startswith(FORBIDDEN) or a.name in STORE_FUNCTIONS]
        elif isinstance(node, ast.Attribute) and node.attr in STORE_ATTRIBUTES:
            found.append(f".{node.attr} (line {node.lineno})")
    return found


def test_the_pages_cli_and_api_reach_the_store_only_through_the_service() -> None:
    assert len(CALLERS) > 20
    shortcuts = {path.relative_to(ROOT).as_posix(): s for path in CALLERS if (s := _shortcuts(path))}
    assert shortcuts == {}
