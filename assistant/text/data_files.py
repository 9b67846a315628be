"""Reading one of the word files under assistant/data/ (packaged with the code)."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from assistant.core.errors import DataFileError


def data_path(name: str) -> Any:
    return resources.files("assistant") / "data" / name


def read_mapping(name: str) -> dict[str, Any]:
    """The YAML mapping in assistant/data/`name`; a DataFileError names the file and what to do."""
    path = data_path(name)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(path, f"cannot be read ({exc}); reinstall the package (`make install`)") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(path, f"is not valid YAML ({exc}); fix the file") from exc
    if not isinstance(data, dict):
        raise DataFileError(path, "must hold a mapping at the top level; fix the file")
    return data


def word_list(data: dict[str, Any], key: str, name: str, *, allow_empty: bool = False) -> tuple[str, ...]:
    """`data[key]` as lower-case words; a DataFileError when it is not a list of words."""
    value = data.get(key)
    if not isinstance(value, list) or not (value or allow_empty) or not all(isinstance(w, str) and w.strip() for w in value):
        raise DataFileError(data_path(name), f"key `{key}` must be a list of words; fix the file")
    return tuple(w.strip().lower() for w in value)
