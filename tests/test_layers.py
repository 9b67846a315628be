"""Layers only look down: the import contracts in .importlinter hold (run by import-linter's `lint-imports`),
the Streamlit scripts, which are no package and so outside those contracts, use only the web app's
helpers, the service and the core, and the benches take their test doubles from assistant.testing, not tests/."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT

SCRIPTS = [ROOT / "app.py", ROOT / "serve.py", *sorted((ROOT / "app_pages").glob("*.py"))]
FIRST_PARTY = ("assistant", "ingest", "bench", "tests")
SCRIPTS_MAY_IMPORT = ("assistant.webapp", "assistant.service", "assistant.core")


def lint_imports() -> str:
    """The console script of the running interpreter's environment (a venv need not be on PATH)."""
    beside = Path(sys.executable).with_name("lint-imports")
    found = str(beside) if beside.exists() else shutil.which("lint-imports")
    if found is None:
        pytest.fail("lint-imports not found: install the test extra (pip install -e '.[test]')")
    return found


def test_the_import_contracts_hold() -> None:
    result = subprocess.run([lint_imports(), "--no-cache", "--no-logo", str(ROOT / ".importlinter")], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every absolute import in the file, at any depth (the pages import inside functions too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module))
    return found


def forbidden_imports(path: Path) -> list[str]:
    return [f"{path}:{line} imports {module}" for line, module in imported_modules(path)
            if module.split(".")[0] in FIRST_PARTY
            and not any(module == allowed or module.startswith(allowed + ".") for allowed in SCRIPTS_MAY_IMPORT)]


def test_the_script_check_finds_imports_at_any_depth(tmp_path: Path) -> None:
    probe = tmp_path / "page.py"
    probe.write_text("import streamlit as st\nfrom assistant.webapp.tables import pick_one\n"
                     "from assistant.register.rules import KINDS\nfrom . import sibling\n"
                     "def show():\n    import ingest.pipeline\n", encoding="utf-8")
    assert forbidden_imports(probe) == [f"{probe}:3 imports assistant.register.rules",
                                        f"{probe}:6 imports ingest.pipeline"]


def test_the_streamlit_scripts_import_only_the_web_app_the_service_and_the_core() -> None:
    assert SCRIPTS and all(p.exists() for p in SCRIPTS)
    problems = [problem for path in SCRIPTS for problem in forbidden_imports(path)]
    assert not problems, "\n".join(problems)


def test_the_benches_do_not_import_the_tests() -> None:
    benches = sorted((ROOT / "bench").glob("*.py"))
    assert benches
    found = [f"{path}:{line} imports {module}" for path in benches for line, module in imported_modules(path)
             if module.split(".")[0] == "tests"]
    assert not found, "\n".join(found)
