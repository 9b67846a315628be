from __future__ import annotations

import re

import pytest

from assistant.core.errors import DataFileError
from assistant.register import rules as rules_module
from assistant.register.rules import register_rules, timeline_rules


def test_the_shipped_rule_files_load_and_every_pattern_compiles() -> None:
    r = register_rules()
    t = timeline_rules()
    assert {p.kind for p in r.mention_patterns} == {"motie", "toezegging", "initiatiefwetsvoorstel"}
    assert r.status_phrases[0].status == "aangekondigd"  # the specific phrase before plain "ingediend"
    assert {k.kind for k in t.kinds} >= {"motie", "convenant", "conferentie", "rapport", "bijeenkomst", "wetgeving"}
    chat = r.chat
    for key in ("open_cues", "status_cues", "list_cues"):
        for pattern in chat[key]:
            re.compile(pattern)
    assert set(chat["labels"]) == {"nl", "en"}


def test_fragments_are_expanded_into_the_patterns() -> None:
    motie = register_rules().mention_patterns[0].regex.pattern
    assert "@" not in motie and "(?P<names>" in motie


@pytest.fixture
def broken_rules(tmp_path, monkeypatch):
    def use(text: str) -> None:
        path = tmp_path / "register_rules.yaml"
        path.write_text(text, encoding="utf-8")
        monkeypatch.setattr(rules_module, "_path", lambda name: path)
        rules_module.register_rules.cache_clear()

    yield use
    rules_module.register_rules.cache_clear()


def test_invalid_yaml_names_the_file(broken_rules) -> None:
    broken_rules("fragments: [unclosed")
    with pytest.raises(DataFileError, match="register_rules.yaml.*not valid YAML"):
        register_rules()


def test_a_missing_key_is_named(broken_rules) -> None:
    broken_rules("version: 1\nfragments: {}\nocr_fixes: []\n")
    with pytest.raises(DataFileError, match=r"register_rules.yaml: field '\w+': is missing; .*fix the file"):
        register_rules()


def test_a_bad_regex_is_named_with_its_key(broken_rules) -> None:
    broken_rules("version: 1\nfragments: {}\nocr_fixes:\n  - {pattern: '(unclosed', replace: ''}\n")
    with pytest.raises(DataFileError, match=r"field 'ocr_fixes\[0\].pattern': is not a valid regular expression"):
        register_rules()


def test_a_bad_chat_pattern_fails_when_the_rules_load(broken_rules) -> None:
    text = rules_module.data_path("register_rules.yaml").read_text(encoding="utf-8")
    assert "open_cues: ['(?i)\\bopen\\b'" in text
    broken_rules(text.replace("open_cues: ['(?i)\\bopen\\b'", "open_cues: ['(unclosed'"))
    with pytest.raises(DataFileError, match=r"field 'chat.open_cues\[0\]': is not a valid regular expression"):
        register_rules()


def test_an_unknown_fragment_and_a_fragment_loop_are_named(broken_rules) -> None:
    text = rules_module.data_path("register_rules.yaml").read_text(encoding="utf-8")
    broken_rules(text.replace("footnote_lead: '", "footnote_lead: '@nothing@"))
    with pytest.raises(DataFileError, match=r"field 'footnote_lead': uses the unknown fragment @nothing@"):
        register_rules()
    broken_rules(text.replace("  name: '(?:@tussenvoegsel@)?@surname@'", "  name: '@namelist@'"))
    with pytest.raises(DataFileError, match=r"field 'mention_patterns\[0\].pattern' \(kind: motie\): has fragments .* loop"):
        register_rules()


def test_a_typo_in_a_key_is_an_error(broken_rules) -> None:
    text = rules_module.data_path("register_rules.yaml").read_text(encoding="utf-8")
    broken_rules(text.replace("  min_strong_score:", "  min_strong_scor:"))
    with pytest.raises(DataFileError, match=r"field 'chat.min_strong_scor': is not a known field \(allowed: kind_words,"):
        register_rules()


def test_a_kind_out_of_the_three_is_named(broken_rules) -> None:
    text = rules_module.data_path("register_rules.yaml").read_text(encoding="utf-8")
    broken_rules(text.replace("  - kind: motie\n    pattern:", "  - kind: moties\n    pattern:", 1))
    with pytest.raises(DataFileError, match=r"field 'mention_patterns\[0\].kind' \(kind: moties\): Input should be 'motie'"):
        register_rules()
