"""A complete answer (sentences, citations, trace) to feed what consumes answers: the audit log, guards, views."""

from __future__ import annotations

from assistant.core.model import Answer, AnswerSentence, Citation
from assistant.testing.passages import numbered_passage

TEXTILE = (
    "Het IMVO-sectorconvenant in de kleding- en textielindustrie is op 9 maart jl. gepresenteerd door een "
    "brede coalitie van brancheorganisaties, vakbonden, ngo's en overheid. Het convenant treedt in werking "
    "als tenminste 35 bedrijven die gezamenlijk tenminste 30 procent van de omzet vertegenwoordigen het "
    "convenant ondersteunen. De partijen hebben de SER verzocht het secretariaat te verzorgen."
)
SECTORS = (
    "Naast bovengenoemde drie sectoren verwacht het kabinet dat vier andere sectoren ook dit jaar nog een "
    "IMVO-convenant zullen afsluiten. Dit betreft de verzekeringssector, de sierteeltsector, de sector "
    "duurzame eiwitten en de sector hout."
)


def make_answer(**overrides) -> Answer:
    """An LLM answer with one supported and one unsupported sentence over two passages; fields overridable."""
    passages = [numbered_passage(1, TEXTILE), numbered_passage(2, SECTORS)]
    fields = dict(
        question="Wanneer is het gepresenteerd?",
        text="Het textielconvenant is op 9 maart gepresenteerd [1]. Het kost 40 miljoen [2].",
        answered=True,
        mode="llm",
        language="nl",
        sentences=[
            AnswerSentence("Het textielconvenant is op 9 maart gepresenteerd.", [1], 0.95, True),
            AnswerSentence("Het kost 40 miljoen.", [2], 0.1, False),
        ],
        citations=[
            Citation(1, passages[0], True, ["..."]),
            Citation(2, passages[1], False, []),
        ],
        passages=passages,
        rewritten_query="wanneer textielconvenant gepresenteerd?",
        model="ollama:llama3.1",
        prompt_version="answer_v1",
        timings_ms={"search": 12.345, "generate": 800.0},
    )
    fields.update(overrides)
    return Answer(**fields)
