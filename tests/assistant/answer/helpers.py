"""Shared test data for the answering layer: a plain tokenizer and hand-made Dutch passages."""

from __future__ import annotations

import re

from assistant.testing.answers import SECTORS, TEXTILE  # noqa: F401 - re-exported for the answering tests
from assistant.testing.passages import numbered_passage as passage  # noqa: F401


def simple_tokenize(text: str) -> list[str]:
    """Lower-case words, plural -en/-s cut off: enough to match Dutch word forms in tests."""
    tokens = []
    for word in re.findall(r"[^\W_]+", text.lower()):
        if len(word) > 5 and word.endswith("en"):
            word = word[:-2]
        elif len(word) > 4 and word.endswith("s"):
            word = word[:-1]
        tokens.append(word)
    return tokens


# English → Dutch for the words the tests use; stands in for assistant/text/lexicon.py
_EN_NL = {
    "signed": ["ondertekend"],
    "letter": ["brief"],
    "covenant": ["convenant"],
    "textile": ["textiel"],
    "when": ["wanneer"],
    "companies": ["bedrijven"],
    "banks": ["banken"],
    "minister": ["minister"],
    "presented": ["gepresenteerd"],
    "march": ["maart"],
    "sectors": ["sectoren"],
    "four": ["vier"],
    "other": ["andere"],
    "expects": ["verwacht"],
    "cabinet": ["kabinet"],
    "conclude": ["afsluiten"],
    "year": ["jaar"],
    "this": ["dit"],
    "insurance": ["verzekeringssector"],
}


def translate(words: list[str]) -> list[str]:
    return [d for w in words for d in _EN_NL.get(w.lower(), [])]


WORKING_GROUPS = (
    "Er zijn inmiddels vier werkgroepen opgezet die zich onder de stuurgroep met specifieke onderwerpen "
    "bezighouden. Op dit moment zijn dat:\n"
    "• De opzet van een database met informatie over mensenrechtensituaties in regio's.\n"
    "• Het in kaart brengen van waardeketens, om te beginnen de cacaoketen.\n"
    "• Het verbeteren van toegang tot herstel voor slachtoffers."
)
SIGNATURES = "Met vriendelijke groeten,\n\nTuur Elzinga   Guusje Dolsma    Anneke Westerlaken\nVicevoorzitter FNV  wnd directeur Beleid    Bestuurslid CNV"
LETTER = (
    "Geachte Kamerleden, Op 8 december a.s. voert de commissie BHOS een notaoverleg over Internationaal "
    "Maatschappelijk Verantwoord Ondernemen met minister Kaag. FNV, CNV, VNO-NCW en MKB-Nederland vragen "
    "uw aandacht voor de financiële ondersteuning van de IMVO-convenanten."
)
UNRELATED = (
    "De gemeente legt een nieuw fietspad aan langs het kanaal. De werkzaamheden duren naar verwachting "
    "zes weken en beginnen na de bouwvak."
)
