"""Recovery from a `--rebuild` killed in the middle of its directory swap (old store moved aside, new one
not yet in place): the old store is put back, so the next command finds a store where it expects one."""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)


def aside_path(store_dir: Path) -> Path:
    return store_dir.with_name(store_dir.name + ".old")


def recover_interrupted_swap(store_dir: Path) -> None:
    store_dir = Path(store_dir)
    aside = aside_path(store_dir)
    if not store_dir.exists() and aside.is_dir():
        aside.rename(store_dir)
        log.warning("an interrupted `imvo ingest --rebuild` left the store aside in %s: it was put back", aside)
