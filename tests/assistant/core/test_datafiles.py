"""The one YAML loader: a good file becomes its model; every kind of bad file is a DataFileError that names
the file and, where it can, the line or the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import RootModel, field_validator

from assistant.core.datafiles import (
    DataModel,
    Regex,
    Text,
    data_path,
    field_path,
    load_data_file,
    load_yaml,
    validate,
)
from assistant.core.errors import ConfigurationError, DataFileError


class Fix(DataModel):
    pattern: Regex
    replace: str = ""


class Rules(DataModel):
    months: dict[str, int]
    fixes: list[Fix] = []
    title: Text = "x"

    @field_validator("months")
    @classmethod
    def _range(cls, months: dict[str, int]) -> dict[str, int]:
        if not all(1 <= m <= 12 for m in months.values()):
            raise ValueError("month numbers are 1..12")
        return months


def write(tmp_path: Path, text: str, name: str = "rules.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path, model=Rules) -> str:
    with pytest.raises(DataFileError) as info:
        load_yaml(path, model)
    message = str(info.value)
    assert message.startswith(f"{path}: ")  # the file, always first
    return message


def test_a_good_file_becomes_its_model(tmp_path: Path) -> None:
    path = write(tmp_path, "months: {januari: 1, maart: 3}\nfixes:\n  - {pattern: 'vo6r', replace: vóór}\ntitle: ' Titel '\n")
    rules = load_yaml(path, Rules)
    assert rules.months == {"januari": 1, "maart": 3}
    assert rules.fixes[0].pattern == "vo6r" and rules.title == "Titel"


def test_a_yaml_syntax_error_names_the_file_and_the_line(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "months: {januari: 1}\nfixes: [unclosed\n"))
    assert "is not valid YAML (line 3" in message and "fix the file" in message


def test_a_wrong_type_names_the_file_and_the_field(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "months: {januari: een}\n"))
    assert "field 'months.januari': expected a whole number, got 'een'; fix the file" in message


def test_an_error_inside_a_list_entry_names_its_index(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "months: {}\nfixes:\n  - {pattern: ok}\n  - {pattern: '(unclosed'}\n"))
    assert "field 'fixes[1].pattern'" in message and "not a valid regular expression" in message


def test_a_validator_message_is_reported_with_its_field(tmp_path: Path) -> None:
    assert "field 'months': month numbers are 1..12" in error_of(write(tmp_path, "months: {dertien: 13}\n"))


def test_an_unknown_key_is_an_error_that_lists_the_allowed_ones(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "months: {}\nfixes:\n  - {patern: x}\n"))
    assert "field 'fixes[0].patern': is not a known field (allowed: pattern, replace)" in message
    assert "field 'fixes[0].pattern': is missing" in message


def test_a_missing_key_and_an_empty_file_are_named(tmp_path: Path) -> None:
    assert "field 'months': is missing" in error_of(write(tmp_path, "title: x\n"))
    assert "the file is empty" in error_of(write(tmp_path, "# nothing\n"))


def test_yes_and_no_where_text_is_expected_are_explained(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "months: {}\nfixes: [{pattern: x, replace: no}]\n"))
    assert "field 'fixes[0].replace': expected text, got False (quote it" in message


def test_a_missing_file_is_named_with_what_to_do(tmp_path: Path) -> None:
    message = error_of(tmp_path / "absent.yaml")
    assert "absent.yaml: is missing: check the path" in message


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("months: {maart: 3}\ntitle: caf\xe9\n".encode("latin-1"))
    assert "is not UTF-8" in error_of(path)


def test_keys_that_are_not_plain_words_are_quoted_in_the_field_path(tmp_path: Path) -> None:
    assert field_path(("fout.pdf", "date")) == '["fout.pdf"].date'
    assert field_path((2, "abbr")) == "[2].abbr"
    message = error_of(write(tmp_path, "- ok\n- ''\n"), RootModel[list[Text]])
    assert "field '[1]'" in message


def test_an_error_in_a_list_of_named_entries_shows_the_entry(tmp_path: Path) -> None:
    class Entry(DataModel):
        abbr: str
        nl: list[str]

    message = error_of(write(tmp_path, "- {abbr: SER, nl: [x]}\n- {abbr: XYZ, nl: 3}\n"), RootModel[list[Entry]])
    assert "field '[1].nl' (abbr: XYZ): expected a list, got 3" in message


def test_many_errors_are_cut_short(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "months: {a: x, b: x, c: x, d: x, e: x}\n"))
    assert message.count("expected a whole number") == 3 and "and 2 more" in message


def test_validate_reports_in_memory_data_as_the_named_file() -> None:
    with pytest.raises(DataFileError, match=r"^cleaning.yaml: field 'months': is missing"):
        validate({}, Rules, "cleaning.yaml")


def test_a_data_file_error_is_a_configuration_error_with_exit_code_2(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError) as info:
        load_yaml(tmp_path / "absent.yaml", Rules)
    assert info.value.exit_code == 2


def test_the_package_files_are_found_and_a_missing_one_says_to_restore_it() -> None:
    assert data_path("register_rules.yaml").is_file()
    with pytest.raises(DataFileError, match="no_such_file.yaml: is missing: restore it from the repository"):
        load_data_file("no_such_file.yaml", Rules)


def test_models_are_read_only() -> None:
    rules = validate({"months": {}}, Rules, "x.yaml")
    with pytest.raises(Exception):
        rules.title = "y"
