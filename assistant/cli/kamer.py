"""`imvo fetch dossier` and `imvo sync motions`: the only commands that go over the network.

Without network they say so in one line and change nothing (exit code 7); a failure halfway keeps what
was fetched, reports the rest, and exits 1.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer

from assistant.core.errors import EXIT_SOME_FILES_FAILED

fetch_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Fetch the Kamer's own documents.")
sync_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Sync the Kamer's official records.")

StoreOption = Annotated[
    Path | None, typer.Option("--store", help="Store directory (default: IMVO_STORE_DIR or vectorstore/).")
]
_LABELS = {"list": "Zoeken (SRU)", "download": "Downloaden", "prepare": "Lezen en opknippen", "embed": "Embedden",
           "index": "Indexeren", "motions": "Moties (open data)", "toezeggingen": "Toezeggingen (feed)"}


def _progress_bar(err):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True)


def _progress_fn(bar):
    tasks: dict[str, int] = {}

    def progress(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(_LABELS.get(stage, stage), total=total or None)
        bar.update(tasks[stage], completed=done, total=total or None)

    return progress


@fetch_app.command("dossier")
def fetch_dossier_command(
    number: Annotated[str, typer.Argument(help="Dossier number, e.g. 26485.")],
    since: Annotated[str | None, typer.Option("--since", help="Only Kamerstukken issued on/after (YYYY-MM-DD).")] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only these kinds, comma-separated: motie,brief,verslag,...")
    ] = None,
    store: StoreOption = None,
) -> None:
    """Download a dossier's Kamerstukken (official publications) not held yet, then ingest what is new."""
    from assistant.cli.main import _print_report, err, fail, make_settings, out
    from assistant.service.container import open_store
    from assistant.core.errors import ImvoError
    from assistant.kamer.dossier import fetch_dossier, parse_kinds
    from assistant.kamer.http import PoliteClient
    from assistant.service.kamer_update import ingest_fetched

    if since and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", since):
        err.print(f"[red]error:[/red] --since {since!r}: give a date as YYYY-MM-DD")
        raise typer.Exit(2)
    settings = make_settings(store)
    try:
        # The listing first: without network nothing is touched, not even the store.
        with PoliteClient.from_settings(settings) as client, _progress_bar(err) as bar:
            report = fetch_dossier(client, settings, number, since=since, kinds=parse_kinds(kind),
                                   progress=_progress_fn(bar))
            requests, retries = client.stats.requests, client.stats.retries
        with open_store(settings) as st, _progress_bar(err) as bar:
            ingest_report = ingest_fetched(st, settings, _progress_fn(bar))
    except ImvoError as exc:
        raise fail(exc) from exc
    if not ingest_report.nothing_changed or ingest_report.failed:
        _print_report(ingest_report)
    out.print(
        f"Dossier {report.dossier}: {report.listed} Kamerstukken gevonden, {report.selected} geselecteerd, "
        f"{len(report.downloaded)} opgehaald, {report.held} al aanwezig, {len(report.failed)} mislukt "
        f"({requests} verzoeken, {retries} herhaald) → {report.folder}",
        soft_wrap=True,
    )
    for kamerstuk, reason in report.failed:
        err.print(f"[yellow]{kamerstuk}:[/yellow] {reason}")
    if report.interrupted:
        err.print(f"[red]interrupted:[/red] {report.interrupted}")
    raise typer.Exit(EXIT_SOME_FILES_FAILED if report.failed or report.interrupted or ingest_report.failed else 0)


@sync_app.command("motions")
def sync_motions_command(
    dossier: Annotated[
        list[str] | None, typer.Option("--dossier", help="Also this dossier's motions (repeatable).")
    ] = None,
    toezeggingen: Annotated[
        bool, typer.Option("--toezeggingen/--no-toezeggingen", help="Also read the toezegging feed.")
    ] = True,
    store: StoreOption = None,
) -> None:
    """Look up the official state of every motion (and toezegging) in the Tweede Kamer's open data."""
    from assistant.cli.main import _ready_store, err, fail, make_settings, out
    from assistant.service.container import build_derived
    from assistant.core.errors import ImvoError
    from assistant.kamer.http import PoliteClient
    from assistant.kamer.sync import sync_official

    settings = make_settings(store)
    try:
        with _ready_store(settings) as st, PoliteClient.from_settings(settings) as client, _progress_bar(err) as bar:
            report = sync_official(client, settings, build_derived(settings, st).register(), dossiers=dossier or (),
                                   toezeggingen=toezeggingen, progress=_progress_fn(bar))
            requests = client.stats.requests
    except ImvoError as exc:
        raise fail(exc) from exc
    line = (
        f"Moties: {report.motions} in {len(report.dossiers)} dossier(s) ({', '.join(report.dossiers) or '—'}); "
        f"{report.register_matched} van {report.register_motions} moties uit het register gevonden"
    )
    if toezeggingen:
        line += f"; toezeggingen: {report.toezeggingen} gelezen, {report.toezeggingen_matched} aan het register gekoppeld"
    out.print(line + f" ({requests} verzoeken).", soft_wrap=True)
    for what, reason in report.failed:
        err.print(f"[yellow]{what}:[/yellow] {reason}")
    if report.interrupted:
        err.print(f"[red]interrupted:[/red] {report.interrupted}")
    raise typer.Exit(EXIT_SOME_FILES_FAILED if report.failed or report.interrupted else 0)
