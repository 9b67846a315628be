"""The CLI edges of store safety: `imvo check`, exit codes that tell a crash from failed files, the
`make run` guard and bind address, and no traceback for damage."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from assistant.cli.main import _crash_line, app
from tests.paths import ROOT

runner = CliRunner()
LETTER = "Geachte voorzitter,\n\nHet kabinet stuurt u de voortgangsrapportage over de convenanten.\n"


def _docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "brief.txt").write_text(LETTER, encoding="utf-8")
    return docs


def test_check_reports_agreement_and_missing_vectors(tmp_path: Path) -> None:
    docs, store = _docs(tmp_path), str(tmp_path / "store")
    assert runner.invoke(app, ["ingest", str(docs), "--store", store]).exit_code == 0
    ok = runner.invoke(app, ["check", "--json", "--store", store])
    assert ok.exit_code == 0, ok.output
    data = json.loads(ok.stdout)
    assert data["ok"] and data["passages"] == data["vectors"] == data["bm25"] > 0

    from assistant.core.settings import Settings
    from assistant.service.container import build_store

    st = build_store(Settings(store_dir=Path(store)))
    st.vectors.delete(st.db.all_chunk_ids()[:1])
    st.close()
    bad = runner.invoke(app, ["check", "--store", store])
    assert bad.exit_code == 6 and "no vector" in bad.output
    repaired = runner.invoke(app, ["ingest", str(docs), "--store", store])
    assert repaired.exit_code == 0 and "Repaired" in repaired.output and "Nothing changed" not in repaired.output
    assert runner.invoke(app, ["check", "--store", store]).exit_code == 0


def test_a_damaged_store_gives_one_line_and_no_traceback(tmp_path: Path) -> None:
    store = tmp_path / "store"
    store.mkdir()
    (store / "passages.sqlite").write_bytes(b"not a database" * 200)
    for args in (["motions"], ["check"], ["ask", "Wat is IMVO?"]):
        result = subprocess.run([str(Path(sys.executable).parent / "imvo"), *args, "--store", str(store)],
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 6, (args, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout
        assert "passages.sqlite" in result.stderr and "imvo ingest --rebuild" in result.stderr


def test_an_unexpected_crash_is_one_line_and_exit_code_1(tmp_path: Path, capsys) -> None:
    code = _crash_line(RuntimeError("boom"))
    assert code == 1
    assert (tmp_path / "store" / "error.log").read_text(encoding="utf-8").count("RuntimeError: boom") == 1


def test_a_full_disk_is_named_with_its_fix() -> None:
    import sqlite3

    assert _crash_line(sqlite3.OperationalError("database or disk is full")) == 6


def _make_run_guard() -> str:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    block = makefile.split("\nrun:", 1)[1]
    return re.search(r"\$\(IMVO\) ingest (\|\| .*)", block).group(1).replace("$$", "$")


def test_make_run_starts_the_app_only_when_some_files_failed() -> None:
    guard = _make_run_guard()
    for code, starts in ((0, True), (4, True), (1, False), (2, False), (5, False), (6, False)):
        rc = subprocess.run(["sh", "-c", f"(exit {code}) {guard} && echo start"], capture_output=True, text=True)
        assert ("start" in rc.stdout) is starts, (code, guard)


def test_make_run_binds_to_the_configured_address_default_localhost() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "0.0.0.0" not in makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    result = runner.invoke(app, ["config", "server_address"])
    assert result.stdout.strip() == "127.0.0.1"
    assert runner.invoke(app, ["config", "server_address"], env={"IMVO_SERVER_ADDRESS": "0.0.0.0"}).stdout.strip() == "0.0.0.0"
    assert runner.invoke(app, ["config", "upload_password"], env={"IMVO_UPLOAD_PASSWORD": "geheim"}).stdout.strip() == "***"
