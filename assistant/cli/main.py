"""`imvo` command line. Errors from the assistant become messages and exit codes here, nowhere else.

Exit codes (assistant/core/errors.py): 0 success; 1 the run crashed (an unexpected error; also what Python
returns for any crash); 2 usage or configuration error; 3 the LLM server could not be reached; 4 some
files failed to ingest (the rest were ingested), or some Kamerstukken could not be fetched; 5 another
process is writing to the store; 6 the store is damaged, inconsistent, or the disk refused a write; 7 a
service of the Kamer could not be reached or answered unusably (nothing was changed). No traceback
reaches the user: an unexpected error prints one line and its details go to <store>/error.log.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from assistant.core.errors import ImvoError
from assistant.core.settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="IMVO assistant: ingest documents, search, ask.")
err = Console(stderr=True, soft_wrap=True)
out = Console()

StoreOption = Annotated[
    Path | None, typer.Option("--store", help="Store directory (default: IMVO_STORE_DIR or vectorstore/).")
]


@app.callback()
def root() -> None:
    """IMVO assistant: cited answers over Dutch IMVO policy documents."""


def make_settings(store: Path | None) -> Settings:
    try:
        settings = Settings()
    except Exception as exc:  # pydantic ValidationError: name the field
        err.print(f"[red]configuration error:[/red] {exc}")
        raise typer.Exit(2) from exc
    return settings.model_copy(update={"store_dir": store}) if store else settings


def fail(exc: ImvoError) -> typer.Exit:
    from rich.markup import escape

    err.print(f"[red]error:[/red] {escape(str(exc))}")
    return typer.Exit(exc.exit_code)


@app.command()
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (default: corpus/).")] = None,
    store: StoreOption = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Drop the store and ingest everything again.")] = False,
) -> None:
    """Ingest PDF, text, Markdown and HTML files into the store (incremental)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from assistant.service.container import open_store
    from assistant.service.ingestion import ingest_files

    settings = make_settings(store)
    targets = paths or [settings.corpus_dir]
    missing = [p for p in targets if not p.exists()]
    if missing:
        err.print(f"[red]error:[/red] not found: {', '.join(map(str, missing))}: give existing files or folders")
        raise typer.Exit(2)
    labels = {"prepare": "Lezen en opknippen", "embed": "Embedden", "index": "Indexeren"}
    try:
        with Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err, transient=True,
        ) as bar:
            tasks: dict[str, int] = {}

            def progress(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(labels.get(stage, stage), total=total)
                bar.update(tasks[stage], completed=done, total=total)

            if rebuild:
                from assistant.service.rebuild import rebuild_store

                report = rebuild_store(settings, targets, progress=progress)
            else:
                with open_store(settings) as st:
                    report = ingest_files(st, settings, targets, progress=progress)
    except ImvoError as exc:
        raise fail(exc) from exc
    _print_report(report)
    raise typer.Exit(report.exit_code)


def _print_report(report) -> None:
    table = Table(title="Ingest", show_lines=False)
    table.add_column("file")
    table.add_column("status")
    table.add_column("pages", justify="right")
    table.add_column("passages", justify="right")
    table.add_column("detail")
    styles = {"failed": "red", "ingested": "green", "removed": "yellow", "duplicate": "yellow", "unchanged": "dim",
              "skipped": "yellow"}
    for o in report.outcomes:
        table.add_row(o.source, f"[{styles[o.status]}]{o.status}[/]", str(o.pages or ""), str(o.chunks or ""), o.detail)
    out.print(table)
    counts = ", ".join(
        f"{report.count(s)} {s}" for s in ("ingested", "unchanged", "removed", "duplicate", "skipped", "failed")
    )
    out.print(f"{counts} — {report.embedded_chunks} passages embedded in {report.seconds:.1f} s")
    for line in report.repaired:
        out.print(f"Repaired: {line}", markup=False)
    if report.nothing_changed and not report.failed:
        out.print("Nothing changed: nothing was embedded.")


def _add_network_commands() -> None:
    from assistant.cli.kamer import fetch_app, sync_app

    app.add_typer(fetch_app, name="fetch")
    app.add_typer(sync_app, name="sync")


_add_network_commands()


def main() -> None:  # pragma: no cover - console entry point
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except Exception as exc:  # the last edge: one line for the user, the traceback to a file
        raise SystemExit(_crash_line(exc)) from None


def _crash_line(exc: BaseException) -> int:
    import sqlite3
    import traceback

    from rich.markup import escape

    from assistant.core.errors import EXIT_CRASH, EXIT_STORE_DAMAGED

    log_file = None
    try:
        settings = Settings()
        log_file = Path(settings.store_dir) / "error.log"
        log_file.parent.mkdir(parents=True, exist_ok=True)
        with log_file.open("a", encoding="utf-8", errors="backslashreplace") as fh:
            fh.write("".join(traceback.format_exception(exc)) + "\n")
    except Exception:  # noqa: BLE001 - a crash report must not crash
        log_file = None
    where = f" (details in {log_file})" if log_file else ""
    if isinstance(exc, OSError) and exc.errno == 28 or isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):
        err.print(f"[red]error:[/red] the disk is full ({exc}): free disk space, then run `imvo check`{where}")
        return EXIT_STORE_DAMAGED
    if isinstance(exc, sqlite3.Error):
        err.print(f"[red]error:[/red] the store's database failed ({exc}): run `imvo check`, "
                  f"or `imvo ingest --rebuild` if it is damaged{where}")
        return EXIT_STORE_DAMAGED
    err.print(f"[red]error:[/red] unexpected {exc.__class__.__name__}: {escape(str(exc))}{where}")
    return EXIT_CRASH


@app.command()
def check(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    store: StoreOption = None,
) -> None:
    """Compare SQLite, Chroma and the BM25 snapshot (counts and ids); `imvo ingest` repairs what differs."""
    from assistant.service.container import open_store
    from assistant.core.errors import EXIT_STORE_DAMAGED
    from assistant.service.ingestion import check_knowledge_base

    settings = make_settings(store)
    try:
        with open_store(settings) as st:
            report = check_knowledge_base(st, settings)
            collection = st.collection_name
    except ImvoError as exc:
        raise fail(exc) from exc
    if as_json:
        _emit(report.to_dict() | {"collection": collection})
    else:
        bm25 = "none" if report.bm25 is None else str(report.bm25)
        out.print(f"passages (SQLite): {report.passages}; vectors (Chroma, {collection}): {report.vectors}; "
                  f"BM25: {bm25}", markup=False)
        for line in report.problems:
            err.print(f"[red]problem:[/red] {line}", markup=True)
        if report.ok:
            out.print("OK: SQLite, Chroma and BM25 agree.")
    raise typer.Exit(0 if report.ok else EXIT_STORE_DAMAGED)


@app.command(name="config")
def show_config(name: Annotated[str, typer.Argument(help="Setting name, e.g. server_address.")]) -> None:
    """Print one setting's value (for scripts such as `make run`)."""
    settings = make_settings(None)
    if name not in Settings.model_fields:
        err.print(f"[red]error:[/red] unknown setting {name!r}: see the configuration table in README.md")
        raise typer.Exit(2)
    value = getattr(settings, name)
    print("" if value is None else ("***" if "password" in name or "key" in name else value))


# --- search / ask / eval -------------------------------------------------------------------
def _load_batch(path: Path) -> list[dict]:
    """The batch file's items. A line that is not a JSON object with 'id' and 'question' becomes an item
    with an 'error' (id: its own when it has one, else "line N"), so the other lines are still answered."""
    import json

    items = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        err.print(f"[red]error:[/red] --batch: cannot read {path} ({exc}): give a UTF-8 file of JSON lines")
        raise typer.Exit(2) from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            items.append({"id": f"line {number}", "error": f"line {number}: not valid JSON ({exc.msg}): "
                          "one object per line with 'id' and 'question'"})
            continue
        if not isinstance(item, dict) or "question" not in item or "id" not in item:
            own_id = item.get("id") if isinstance(item, dict) and item.get("id") is not None else f"line {number}"
            items.append({"id": own_id, "error": f"line {number}: needs the fields 'id' and 'question'"})
            continue
        items.append(item)
    return items


def _usage_error(option: str, value: str, accepts: str) -> typer.Exit:
    """A bad option value: one line naming the option and what it accepts; exit code 2."""
    from rich.markup import escape

    err.print(f"[red]error:[/red] {escape(f'{option} {value!r}: {accepts}')}", highlight=False)
    return typer.Exit(2)


_ISO_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _check_date(option: str, value: str | None) -> None:
    if value is None:
        return
    m = _ISO_PREFIX.fullmatch(value.strip())
    try:
        if not m:
            raise ValueError(value)
        date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        raise _usage_error(option, value, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2016 or 2016-06-17)")


def _before(a: str, b: str) -> bool:
    """ISO date prefixes compared on their shared precision: "2015-12" is before "2016", not before "2015"."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def _filters(doc_type: list[str] | None, date_from: str | None, date_to: str | None, doc: list[str] | None,
             kamerstuk: str | None):
    """The search filters, with the values that need no store checked (dates, Kamerstuk number)."""
    from assistant.text.kamerstuk import normalise_kamerstuk
    from assistant.retrieval.filters import SearchFilters

    _check_date("--from", date_from)
    _check_date("--to", date_to)
    if date_from and date_to and _before(date_to.strip(), date_from.strip()):
        raise _usage_error("--from", date_from, f"expected a date on or before --to {date_to}")
    if kamerstuk is not None and not normalise_kamerstuk(kamerstuk):
        raise _usage_error("--kamerstuk", kamerstuk, "expected a Kamerstuk number such as 26485-341 "
                           "or 'Kamerstuk 26485, nr. 341'")
    return SearchFilters(
        doc_types=frozenset(doc_type or ()), doc_ids=frozenset(doc or ()),
        date_from=date_from.strip() if date_from else None, date_to=date_to.strip() if date_to else None,
        kamerstuk=kamerstuk,
    )


def _listing(values: list[str], limit: int = 6) -> str:
    shown = ", ".join(values[:limit])
    return shown + (f", … ({len(values)} in all)" if len(values) > limit else "")


def _check_against_store(filters, documents) -> None:
    """--type and --doc must name a document type and a document id the store holds."""
    types = sorted({d.metadata.doc_type for d in documents})
    for value in sorted(filters.doc_types):
        if value not in types:
            raise _usage_error("--type", value, f"expected a document type in the store: {_listing(types)}")
    ids = sorted(d.doc_id for d in documents)
    for value in sorted(filters.doc_ids):
        if value not in ids:
            raise _usage_error("--doc", value, f"expected a document id in the store (see `imvo search --json`): "
                               f"{_listing(ids, 3)}")


DocTypeOpt = Annotated[list[str] | None, typer.Option("--type", help="Only this document type (repeatable).")]
FromOpt = Annotated[str | None, typer.Option("--from", help="Only documents dated on/after (YYYY[-MM[-DD]]).")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Only documents dated on/before (YYYY[-MM[-DD]]).")]
DocOpt = Annotated[list[str] | None, typer.Option("--doc", help="Only this document id (repeatable).")]
KamerstukOpt = Annotated[str | None, typer.Option("--kamerstuk", help="Only passages citing this Kamerstuk (26485-341).")]
BatchOpt = Annotated[Path | None, typer.Option("--batch", help="JSON lines with id and question.")]
# What `search` and `ask` share after their own options, in this order: a batch, the store, the filters.
_QUESTION_OPTIONS = {"batch": BatchOpt, "store": StoreOption, "doc_type": DocTypeOpt, "date_from": FromOpt,
                     "date_to": ToOpt, "doc": DocOpt, "kamerstuk": KamerstukOpt}


def _question_options(command):
    """Declare the shared options once: they replace the command's `**options` in the signature Typer reads,
    and reach the command in `options` (for `_run_questions`)."""
    import inspect

    own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.kind is not p.VAR_KEYWORD]
    shared = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)
              for name, annotation in _QUESTION_OPTIONS.items()]
    command.__signature__ = inspect.Signature(own + shared)
    return command


def _emit(obj: object) -> None:
    import json

    line = json.dumps(obj, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (e.g. in a batch id): JSON's own \\u escapes instead
        line = json.dumps(obj, ensure_ascii=True)
    print(line, flush=True)


@app.command()
@_question_options
def search(
    query: Annotated[str | None, typer.Argument(help="What to search for.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    k: Annotated[int, typer.Option("--k", min=1, max=100, help="How many passages.")] = 5,
    **options,
) -> None:
    """Hybrid search over the passages."""
    from assistant.service.presenters import search_to_dict

    def run(assistant, q: str, filters) -> tuple[dict, str]:
        data = search_to_dict(assistant.search(q, k=k, filters=filters))
        text = "\n".join(
            f"{r['rank']}. {r['title']} — p. {r['page']} ({r['score']:.3f})\n   {r['text'][:400]}\n"
            for r in data["results"]
        )
        return data, text

    _run_questions(query, as_json, run, **options)


@app.command()
@_question_options
def ask(
    question: Annotated[str | None, typer.Argument(help="Your question, in Dutch or English.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    **options,
) -> None:
    """Answer a question with [n] citations to the passages it rests on."""
    from assistant.service.presenters import answer_to_dict, answer_to_text

    def run(assistant, q: str, filters) -> tuple[dict, str]:
        answer = assistant.ask(q, filters=filters)
        return answer_to_dict(answer), answer_to_text(answer)

    _run_questions(question, as_json, run, **options)


def _run_questions(text: str | None, as_json: bool, run, *, batch: Path | None, store: Path | None,
                   doc_type: list[str] | None, date_from: str | None, date_to: str | None, doc: list[str] | None,
                   kamerstuk: str | None) -> None:
    """One question, or a batch file of them with the models loaded once; `run(assistant, question, filters)`
    gives (JSON data, text). In a batch, a bad line or a bad question yields an error line for its id and
    the rest go on; a store or configuration error stops all."""
    from assistant.service.container import build_assistant
    from assistant.core.errors import InvalidQuestionError

    filters = _filters(doc_type, date_from, date_to, doc, kamerstuk)

    if text is None and batch is None:
        err.print('[red]error:[/red] no question: give one, e.g. imvo ask "Wat is IMVO?", or --batch FILE '
                  "with one JSON object per line")
        raise typer.Exit(2)
    if text is not None and batch is not None:
        err.print("[red]error:[/red] give a QUESTION or --batch FILE, not both")
        raise typer.Exit(2)
    items = _load_batch(batch) if batch else [{"id": None, "question": text}]
    try:
        assistant = build_assistant(make_settings(store))
        if filters is not None and (filters.doc_types or filters.doc_ids):
            _check_against_store(filters, assistant.store.db.documents())
        for item in items:
            if not batch:
                data, rendered = run(assistant, item["question"], filters)
                _emit(data) if as_json else out.print(rendered, markup=False)
                continue
            if "error" in item:
                err.print(f"[red]error:[/red] {batch}, {item['error']}", markup=False, highlight=False)
                _emit({"id": item["id"], "error": item["error"]})
                continue
            try:
                _emit({"id": item["id"], **run(assistant, str(item["question"]), filters)[0]})
            except InvalidQuestionError as exc:
                _emit({"id": item["id"], "error": str(exc)})
    except ImvoError as exc:
        raise fail(exc) from exc


@app.command(name="eval")
def evaluate(
    file: Annotated[Path, typer.Argument(help="Questions in the dev-set format (JSON lines).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
    store: StoreOption = None,
) -> None:
    """Score retrieval and answers on a question file; prints metrics and latency (p50/p95)."""
    from assistant.service.container import build_assistant
    from assistant.evaluation import format_report, load_questions, run_eval

    try:
        questions = load_questions(file)
        assistant = build_assistant(make_settings(store))
        report = run_eval(
            questions,
            search=lambda q: assistant.search(q, k=10).passages,
            ask=lambda q: assistant.ask(q),
        )
    except ImvoError as exc:
        raise fail(exc) from exc
    if as_json:
        _emit(report.to_dict())
    else:
        out.print(format_report(report), markup=False)


@app.command()
def motions(
    only_open: Annotated[bool, typer.Option("--open", help="Only items still open.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
    store: StoreOption = None,
) -> None:
    """Motions, commitments and initiative bills the documents mention, with their state and evidence."""
    import csv
    import sys

    from assistant.service.presenters import REGISTER_CSV_FIELDS, motions_to_dict, register_csv_row

    if as_json and as_csv:
        err.print("[red]error:[/red] choose --json or --csv, not both")
        raise typer.Exit(2)
    from assistant.register.official import OfficialJoin

    try:
        from assistant.service.container import build_derived

        settings = make_settings(store)
        with _ready_store(settings) as st:
            register = build_derived(settings, st).register()
            official = OfficialJoin.load(st.dir)
    except ImvoError as exc:
        raise fail(exc) from exc
    items = register.open_items() if only_open else register.items
    if as_json:
        _emit(motions_to_dict(items, official))
    elif as_csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=REGISTER_CSV_FIELDS)
        writer.writeheader()
        writer.writerows(register_csv_row(i, official) for i in items)
    else:
        # Identifiers and dates never wrap or shrink (a cut "26485-3…" is a wrong number); the other
        # columns wrap at words and share what width is left.
        from rich import box

        table = Table(title="Moties, toezeggingen en initiatiefwetsvoorstellen", box=box.SIMPLE_HEAD,
                      pad_edge=False, collapse_padding=True)
        table.add_column("Kamerstuk", no_wrap=True, min_width=max([9, *(len(i.kamerstuk or "") for i in items)]))
        table.add_column("datum", no_wrap=True, min_width=max([5, *(len(i.date or "") for i in items)]))
        table.add_column("soort", overflow="fold", min_width=6)
        table.add_column("leden", overflow="fold", min_width=8)
        table.add_column("onderwerp", overflow="fold", min_width=12)
        table.add_column("status", overflow="fold", min_width=8)
        table.add_column("open", no_wrap=True, min_width=8)
        for i in items:
            # the Kamer's record goes under the documents' state: two more columns do not fit 80 columns
            row = register_csv_row(i, official)
            kamer = ", ".join(v for v in (row["official_state"], row["official_votes"],
                                          row["official_afgedaan"] and f"afgedaan: {row['official_afgedaan']}") if v)
            state = f"{i.status} / {i.execution}" + (" (tegenstrijdig)" if i.contradicted else "")
            if kamer:
                state += f"\nKamer: {kamer}"
            if row["disagreement"]:
                state += f"\n⚠ {row['disagreement']}"
            table.add_row(i.kamerstuk or "", i.date or "", i.kind, ", ".join(i.members), i.subject or "",
                          state, {True: "ja", False: "nee", None: "onbekend"}[i.open])
        out.print(table)


@app.command()
def timeline(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    store: StoreOption = None,
) -> None:
    """Dated events from the documents (reports, covenants, motions, conferences), oldest first."""
    from assistant.service.presenters import timeline_to_dict

    try:
        from assistant.service.container import build_derived

        settings = make_settings(store)
        with _ready_store(settings) as st:
            events = build_derived(settings, st).timeline()
    except ImvoError as exc:
        raise fail(exc) from exc
    if as_json:
        _emit(timeline_to_dict(events))
        return
    for e in events:
        planned = " (gepland)" if e.planned else ""
        out.print(f"{e.date:<10}  [{e.kind}] {e.label}{planned} — {e.source}, p. {e.page}", markup=False)


@app.command()
def documents(
    doc_id: Annotated[str | None, typer.Argument(help="One document's id: show it with its text.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    store: StoreOption = None,
) -> None:
    """The stored documents (id, title, type, date), or one document with its text."""
    from assistant.service.container import build_assistant
    from assistant.service.presenters import document_detail_to_dict, documents_to_dict

    try:
        assistant = build_assistant(make_settings(store))
        if doc_id is not None:
            data = document_detail_to_dict(assistant.document(doc_id), assistant.document_text(doc_id))
        else:
            data = documents_to_dict(assistant.documents())
    except ImvoError as exc:
        raise fail(exc) from exc
    if as_json:
        _emit(data)
    elif doc_id is not None:
        out.print(f"{data['title']} ({data['doc_type']}, {data['date'] or 'zonder datum'}) — {data['source']}\n",
                  markup=False)
        out.print(data["text"] or "(geen tekst opgeslagen)", markup=False)
    else:
        for d in data["documents"]:
            out.print(f"{d['doc_id']}  {d['date'] or '?':<10}  [{d['doc_type']}] {d['title']}", markup=False)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option("--host", help="Address to bind (default: IMVO_API_HOST, 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option("--port", min=0, max=65535, help="Port (default: IMVO_API_PORT, 8000).")] = None,
    store: StoreOption = None,
) -> None:
    """Serve the HTTP API (OpenAPI page at /docs). Upload and ingest need IMVO_API_WRITE_TOKEN."""
    import uvicorn

    from assistant.api.app import create_app
    from assistant.service.container import build_assistant

    settings = make_settings(store)
    try:
        api = create_app(build_assistant(settings))
    except ImvoError as exc:
        raise fail(exc) from exc
    uvicorn.run(api, host=host or settings.api_host, port=settings.api_port if port is None else port,
                log_level="info", timeout_graceful_shutdown=5)


def _ready_store(settings: Settings):
    from contextlib import contextmanager

    from assistant.service.container import open_store

    @contextmanager
    def ready():
        with open_store(settings) as st:
            st.require_ready()
            yield st

    return ready()
