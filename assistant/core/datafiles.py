"""The one way to read a YAML data file: parse it, validate it with a pydantic model, and report a bad
file as a DataFileError that names the file and the field to fix (exit code 2, like any setting error).

Each module defines the model of its own file(s); the field types shared between files live here.
"""

from __future__ import annotations

import re
import types
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, RootModel, StringConstraints, ValidationError

from assistant.core.errors import DataFileError

M = TypeVar("M", bound=BaseModel)

# What to do about an unreadable file: the package's own files come with the code.
RESTORE_PACKAGE_FILE = "restore it from the repository (`git checkout`) or reinstall (`make install`)"
RESTORE_USER_FILE = "check the path and the file's permissions"
_MAX_REPORTED = 3  # validation errors named in one message; the first ones are the ones to fix first


class DataModel(BaseModel):
    """Base of the models of our own data files: an unknown (typo'd) key is an error; values are read-only
    because loaded files are cached and shared."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def check_regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"is not a valid regular expression ({exc})") from exc
    return pattern


# Field types shared by the data files.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]  # non-empty, stripped
Regex = Annotated[str, AfterValidator(check_regex)]  # a Python `re` pattern that compiles (without flags)
MonthNumber = Annotated[int, Field(ge=1, le=12)]


def as_list(value: Any) -> Any:
    """For a BeforeValidator: a single value may stand for a list of one, an empty field for no items."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else value


def data_path(name: str) -> Path:
    """A file of the package's own data folder, assistant/data/."""
    return Path(str(resources.files("assistant") / "data" / name))


def load_data_file(name: str, model: type[M]) -> M:
    """One of the package's own data files (assistant/data/<name>), validated by `model`."""
    return load_yaml(data_path(name), model, restore=RESTORE_PACKAGE_FILE)


def load_yaml(path: Path | str, model: type[M], *, restore: str = RESTORE_USER_FILE) -> M:
    """Read `path` (UTF-8), parse the YAML and validate it with `model`; any failure is a DataFileError
    naming the file (and the line or the field). `restore` says what to do when the file cannot be read."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(path, f"is missing: {restore}") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(path, f"is not UTF-8 text (byte {exc.start}): save it as UTF-8") from exc
    except OSError as exc:
        raise DataFileError(path, f"cannot be read ({exc.strerror or exc}): {restore}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataFileError(path, f"is not valid YAML ({_yaml_problem(exc)}): fix the file there") from exc
    return validate(data, model, path)


def validate(data: Any, model: type[M], source: object) -> M:
    """Validate already-parsed data as if it came from the file `source` (for data built in code or tests).

    Validators get an empty dict as context, where a model's "before" validator may leave a part of the
    file that fields elsewhere need (e.g. the pattern fragments of register_rules.yaml)."""
    try:
        return model.model_validate(data, context={})
    except ValidationError as exc:
        raise DataFileError(source, f"{describe(exc, model, data)}; fix the file") from exc


def _yaml_problem(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    return f"line {mark.line + 1}, column {mark.column + 1}: {problem}" if mark is not None else problem


# --- error messages -----------------------------------------------------------------------------------
def describe(exc: ValidationError, model: type[BaseModel], data: Any) -> str:
    """The first few validation errors, each as "field 'a.b[2]': what is wrong"."""
    errors = exc.errors(include_url=False)
    parts = [_describe_one(error, model, data) for error in errors[:_MAX_REPORTED]]
    if len(errors) > _MAX_REPORTED:
        parts.append(f"and {len(errors) - _MAX_REPORTED} more")
    return "; ".join(parts)


def _describe_one(error: Any, model: type[BaseModel], data: Any) -> str:
    loc = tuple(error["loc"])
    reason = _reason(error, model)
    if not loc:
        return "the file is empty" if data is None else f"the file as a whole: {reason}"
    return f"field {field_path(loc)!r}{_entry_label(data, loc)}: {reason}"


def field_path(loc: Sequence[str | int]) -> str:
    """('ocr_fixes', 0, 'pattern') → "ocr_fixes[0].pattern"; keys that are not plain words are quoted."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif re.fullmatch(r"[^\W\d][\w-]*", part):
            text += f".{part}" if text else part
        else:
            text += f'["{part}"]'
    return text


def _entry_label(data: Any, loc: tuple[str | int, ...]) -> str:
    """For an error inside a list entry, the entry's name when it has one: " (abbr: XYZ)"."""
    label, node = "", data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(part, int) and isinstance(node, Mapping):
            key = next((k for k in _NAME_KEYS if isinstance(node.get(k), str) and node[k].strip()), None)
            if key is not None:
                label = f" ({key}: {node[key].strip()})"
    return label


# Keys by which an entry of a list is known ("- abbr: SER", "- kind: motie").
_NAME_KEYS = ("name", "abbr", "term", "type", "kind", "status")

_EXPECTED = {
    "dict_type": "a mapping (key: value)", "model_type": "a mapping (key: value)",
    "model_attributes_type": "a mapping (key: value)", "list_type": "a list", "tuple_type": "a list",
    "set_type": "a list", "frozen_set_type": "a list", "string_type": "text",
    "int_type": "a whole number", "int_parsing": "a whole number", "int_from_float": "a whole number",
    "float_type": "a number", "float_parsing": "a number", "bool_type": "true or false",
    "bool_parsing": "true or false",
}


def _reason(error: Any, model: type[BaseModel]) -> str:
    kind, value = error["type"], error.get("input")
    if kind == "missing":
        return "is missing"
    if kind == "string_too_short" and error.get("ctx", {}).get("min_length") == 1:
        return "must not be empty"
    if kind == "extra_forbidden":
        allowed = _fields_at(model, tuple(error["loc"])[:-1])
        return "is not a known field" + (f" (allowed: {', '.join(allowed)})" if allowed else "")
    if kind in _EXPECTED:
        hint = " (quote it: YAML reads yes/no/on/off as true/false)" if kind == "string_type" and isinstance(value, bool) else ""
        return f"expected {_EXPECTED[kind]}, got {_show(value)}{hint}"
    msg = str(error["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    return msg


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    text = repr(value)
    text = text if len(text) <= 40 else text[:37] + "..."
    return f"{type(value).__name__} {text}" if isinstance(value, (list, dict)) else text


def _fields_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The field names of the model found by following `loc` from `model`; [] when it is not a model."""
    node: Any = model
    for part in (*loc, None):
        node = _unwrap(node)
        if isinstance(node, type) and issubclass(node, RootModel):
            node = _unwrap(node.model_fields["root"].annotation)
        if part is None:
            break
        if isinstance(node, type) and issubclass(node, BaseModel):
            field = node.model_fields.get(str(part))
            if field is None:
                return []
            node = field.annotation
            continue
        args = get_args(node)
        if get_origin(node) in (list, tuple, set, frozenset) and args:
            node = args[0]
        elif get_origin(node) is dict and len(args) == 2:
            node = args[1]
        else:
            return []
    return list(node.model_fields) if isinstance(node, type) and issubclass(node, BaseModel) else []


def _unwrap(annotation: Any) -> Any:
    """Annotated[X, ...] → X; Optional[X] → X."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            options = [a for a in get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation
