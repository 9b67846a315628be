"""Every YAML file the package ships loads through its model, and the smaller loaders report a bad file
by its field (the bigger ones have their own tests: lexicon, register rules, cleaning, metadata)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core.datafiles import data_path, load_data_file
from assistant.core.errors import DataFileError
from assistant.kamer.dossier import read_metadata
from assistant.register.official_chat import OfficialChatFile
from assistant.register.rules import RegisterRulesFile, TimelineRulesFile
from assistant.retrieval.intents import load_intents
from assistant.text.dates import DatesFile
from assistant.text.letters import LettersFile
from assistant.text.lexicon import AbbreviationsFile, GlossaryFile, LanguageMarkersFile, LexiconFile
from assistant.text.vocabulary import AnswerPhrasesFile, AnswerWordsFile
from assistant.webapp.starters import read_starter_questions
from ingest.clean_rules import CleaningFile
from ingest.metadata import MetadataRulesFile

MODELS = {
    "abbreviations.yaml": AbbreviationsFile,
    "answer_phrases.yaml": AnswerPhrasesFile,
    "answer_words.yaml": AnswerWordsFile,
    "cleaning.yaml": CleaningFile,
    "dates.yaml": DatesFile,
    "glossary.yaml": GlossaryFile,
    "language_markers.yaml": LanguageMarkersFile,
    "letters.yaml": LettersFile,
    "lexicon_en_nl.yaml": LexiconFile,
    "metadata_rules.yaml": MetadataRulesFile,
    "official_chat.yaml": OfficialChatFile,
    "register_rules.yaml": RegisterRulesFile,
    "timeline_rules.yaml": TimelineRulesFile,
}


def test_every_shipped_yaml_file_has_a_model() -> None:
    shipped = {p.name for p in data_path("").glob("*.yaml")}
    assert shipped == {*MODELS, "retrieval_intents.yaml", "starter_questions.yaml"}


@pytest.mark.parametrize("name", sorted(MODELS))
def test_a_shipped_file_validates(name: str) -> None:
    load_data_file(name, MODELS[name])


def test_the_shipped_intents_and_starter_questions_load() -> None:
    assert any(i.kind == "signature" for i in load_intents())
    assert all(q.strip() == q and q for q in read_starter_questions())


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_intent_without_cues_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "retrieval_intents.yaml", "intents:\n  - {name: x, kind: signature, boost: 2.0}\n")
    with pytest.raises(DataFileError, match=r"retrieval_intents.yaml: field 'intents\[0\].cues' \(name: x\): is missing"):
        load_intents(path)


def test_an_empty_starter_question_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "starter_questions.yaml", "- Wat is IMVO?\n- ''\n")
    with pytest.raises(DataFileError, match=r"starter_questions.yaml: field '\[1\]': must not be empty"):
        read_starter_questions(path)


def test_a_dossier_metadata_file_that_cannot_be_read_counts_as_empty(tmp_path: Path) -> None:
    # fetch rewrites it from the listing, so a broken file must not stop the fetch
    assert read_metadata(tmp_path) == {}
    write(tmp_path, "metadata.yaml", "a.xml: {title: [open\n")
    assert read_metadata(tmp_path) == {}
    write(tmp_path, "metadata.yaml", "- a\n")
    assert read_metadata(tmp_path) == {}
    write(tmp_path, "metadata.yaml", "a.xml: {title: A, eigen_veld: x}\n")
    assert read_metadata(tmp_path) == {"a.xml": {"title": "A", "eigen_veld": "x"}}  # entries kept as written
