"""The `imvo` command-line contract: JSON shapes, batch mode, filters and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli.main import app
from assistant.testing.servers import free_port

runner = CliRunner()

pytestmark = pytest.mark.integration


def imvo(*args: str, env: dict | None = None):
    return runner.invoke(app, list(args), env=env, catch_exceptions=False)


def test_search_json_contract_finds_a_known_passage(corpus_store_dir: Path) -> None:
    result = imvo("search", "Wanneer is de Sector Risico Analyse naar de Kamer gestuurd?", "--json", "--k", "3",
                  "--store", str(corpus_store_dir))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["query"].startswith("Wanneer")
    assert len(data["results"]) == 3
    first = data["results"][0]
    assert set(first) >= {"rank", "chunk_id", "doc_id", "title", "source", "page", "text", "score"}
    assert any("19 november" in r["text"] for r in data["results"])


def test_ask_json_contract_cites_the_passage(corpus_store_dir: Path) -> None:
    result = imvo("ask", "Welke rol bood de SER aan bij de totstandkoming van het textielconvenant?", "--json",
                  "--store", str(corpus_store_dir))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"question", "answer", "answered", "mode", "citations", "timings_ms"}
    assert data["answered"] is True and data["mode"] == "extractive"
    assert data["citations"], data
    c = data["citations"][0]
    assert set(c) >= {"n", "chunk_id", "doc_id", "title", "source", "page", "text", "supported"}
    assert f"[{c['n']}]" in data["answer"]


def test_batch_mode_outputs_one_line_per_input(tmp_path: Path, corpus_store_dir: Path) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "question": "Welke werkgroepen zijn er onder het bankenconvenant?"}) + "\n"
        + json.dumps({"id": "b", "question": "Who signed the letter to the minister?"}) + "\n",
        encoding="utf-8",
    )
    for command in ("search", "ask"):
        result = imvo(command, "--batch", str(batch), "--store", str(corpus_store_dir))
        assert result.exit_code == 0, result.output
        lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
        assert [line["id"] for line in lines] == ["a", "b"]


def test_kamerstuk_filter(corpus_store_dir: Path) -> None:
    result = imvo("search", "motie convenanten", "--json", "--kamerstuk", "Kamerstuk 26485, nr. 341",
                  "--store", str(corpus_store_dir))
    data = json.loads(result.stdout)
    assert data["results"] and all("341" in r["text"] for r in data["results"])


def test_motions_and_timeline(corpus_store_dir: Path) -> None:
    data = json.loads(imvo("motions", "--json", "--store", str(corpus_store_dir)).stdout)
    keys = {"kind", "kamerstuk", "members", "date", "subject", "status", "open", "evidence"}
    assert data["items"] and all(keys <= set(i) for i in data["items"])
    open_items = json.loads(imvo("motions", "--open", "--json", "--store", str(corpus_store_dir)).stdout)["items"]
    assert {i["kamerstuk"] for i in open_items} >= {"26485-341"}
    assert all(i["open"] is True and i["evidence"] for i in open_items)
    csv_out = imvo("motions", "--csv", "--store", str(corpus_store_dir)).stdout
    assert csv_out.splitlines()[0].startswith("kind,kamerstuk")
    events = json.loads(imvo("timeline", "--json", "--store", str(corpus_store_dir)).stdout)["events"]
    assert any(e["date"] == "2015-12-07" for e in events)


def test_eval_command_prints_metrics(tmp_path: Path, corpus_store_dir: Path) -> None:
    questions = tmp_path / "dev.jsonl"
    questions.write_text(json.dumps({
        "id": "x1", "question": "Welke rol bood de SER aan bij het textielconvenant?", "lang": "nl", "type": "fact",
        "docs": [], "evidence": ["convenor, mediator en penvoerder"], "answer": "", "key_terms": ["mediator"],
    }) + "\n", encoding="utf-8")
    result = imvo("eval", str(questions), "--json", "--store", str(corpus_store_dir))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["retrieval"]["recall@5"] == 1.0
    assert "p50" in json.dumps(report["latency_ms"])


@pytest.mark.parametrize("question", ["", "   ", "x" * 10_000])
def test_bad_questions_give_a_clear_error(question: str, corpus_store_dir: Path) -> None:
    result = runner.invoke(app, ["ask", question, "--store", str(corpus_store_dir)])
    assert result.exit_code == 2
    assert "question" in result.output and "Traceback" not in result.output


def test_empty_store_says_to_ingest(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ask", "Wat is IMVO?", "--store", str(tmp_path / "leeg")])
    assert result.exit_code == 2
    assert "imvo ingest" in result.output


def test_unreachable_llm_server_exit_code(corpus_store_dir: Path) -> None:
    env = {"IMVO_ANSWER_MODE": "llm", "IMVO_LLM": "openai:test-model",
           "IMVO_LLM_BASE_URL": f"http://127.0.0.1:{free_port()}/v1", "IMVO_LLM_API_KEY": "x"}
    result = runner.invoke(app, ["ask", "Wat is IMVO?", "--store", str(corpus_store_dir)], env=env)
    assert result.exit_code == 3, result.output
    assert "127.0.0.1" in result.output and "Traceback" not in result.output


def test_ingest_exit_codes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "brief.txt").write_text("Geachte voorzitter,\n\nHet kabinet stuurt u de voortgangsrapportage.\n",
                                    encoding="utf-8")
    store = str(tmp_path / "store")
    ok = runner.invoke(app, ["ingest", str(docs), "--store", store])
    assert ok.exit_code == 0, ok.output
    again = runner.invoke(app, ["ingest", str(docs), "--store", store])
    assert again.exit_code == 0 and "Nothing changed" in again.output
    (docs / "leeg.txt").write_bytes(b"")
    some_failed = runner.invoke(app, ["ingest", str(docs), "--store", store])
    assert some_failed.exit_code == 4 and "leeg.txt" in some_failed.output
    missing = runner.invoke(app, ["ingest", str(tmp_path / "bestaat-niet"), "--store", store])
    assert missing.exit_code == 2
    bad_config = runner.invoke(app, ["ingest", str(docs), "--store", store], env={"IMVO_TOP_K": "veel"})
    assert bad_config.exit_code == 2 and "top_k" in bad_config.output.lower()


@pytest.mark.parametrize(("args", "option"), [
    (["--from", "gisteren"], "--from"),
    (["--from", "2016-13"], "--from"),
    (["--to", "2016-02-30"], "--to"),
    (["--from", "2017", "--to", "2016"], "--from"),
    (["--type", "bogus"], "--type"),
    (["--doc", "nope"], "--doc"),
    (["--kamerstuk", "abc"], "--kamerstuk"),
])
@pytest.mark.parametrize("command", ["search", "ask"])
def test_a_bad_filter_is_a_usage_error_on_one_line(command: str, args: list[str], option: str,
                                                  corpus_store_dir: Path) -> None:
    result = runner.invoke(app, [command, "convenant", *args, "--store", str(corpus_store_dir)])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert option in lines[0] and "expected" in lines[0], lines[0]
    assert result.stdout.strip() == ""


def test_a_bad_type_names_the_types_the_store_has(corpus_store_dir: Path) -> None:
    result = runner.invoke(app, ["search", "convenant", "--type", "bogus", "--store", str(corpus_store_dir)])
    assert "Kamerbrief" in result.stderr


@pytest.mark.parametrize("args", [["--from", "2016"], ["--from", "2016-06", "--to", "2016"],
                                  ["--kamerstuk", "26485-341"], ["--type", "Kamerbrief"]])
def test_good_filters_still_search(args: list[str], corpus_store_dir: Path) -> None:
    result = imvo("search", "convenant", "--json", *args, "--store", str(corpus_store_dir))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["results"]


def test_ask_without_a_question_says_what_to_give(corpus_store_dir: Path) -> None:
    result = runner.invoke(app, ["ask", "--store", str(corpus_store_dir)])
    assert result.exit_code == 2
    assert "no question" in result.stderr and "--batch" in result.stderr and "not both" not in result.stderr


def test_a_bad_batch_line_gets_an_error_line_and_the_rest_are_answered(tmp_path: Path,
                                                                      corpus_store_dir: Path) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "question": "Welke werkgroepen zijn er onder het bankenconvenant?"}) + "\n"
        + "{dit is geen json\n"
        + json.dumps({"id": "c"}) + "\n"
        + json.dumps({"id": "d", "question": "Wat is IMVO?"}) + "\n",
        encoding="utf-8",
    )
    for command in ("search", "ask"):
        result = runner.invoke(app, [command, "--batch", str(batch), "--store", str(corpus_store_dir)])
        assert result.exit_code == 0, result.output
        lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
        assert [line["id"] for line in lines] == ["a", "line 2", "c", "d"]
        assert "error" in lines[1] and "error" in lines[2]
        assert "error" not in lines[0] and "error" not in lines[3]
        assert "line 2" in result.stderr and "line 3" in result.stderr


def test_motions_at_80_columns_keeps_numbers_and_dates_whole(corpus_store_dir: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.cli import main as cli

    monkeypatch.setattr(cli.out, "_width", 80)  # the private field: undoing the property would pin the width
    items = json.loads(imvo("motions", "--json", "--store", str(corpus_store_dir)).stdout)["items"]
    table = imvo("motions", "--store", str(corpus_store_dir)).stdout
    assert max(len(line) for line in table.splitlines()) <= 80
    words = set(table.split())
    for item in items:
        if item["kamerstuk"]:
            assert item["kamerstuk"] in words, item["kamerstuk"]
        if item["date"]:
            assert item["date"] in words, item["date"]
