"""Ingest work stays linear in the size of the text: a 1 MB token is analysed in bounded pieces, and
text without sentence punctuation is not joined into one ever-growing "sentence" that is normalised
again at every passage. Work is counted, not timed."""

from __future__ import annotations

import assistant.register.textnorm as textnorm
from assistant.core.model import Passage
from assistant.text.analysis import MAX_WORD_CHARS, DutchAnalyzer


def test_a_one_megabyte_token_is_analysed_in_bounded_pieces(monkeypatch) -> None:
    analyzer = DutchAnalyzer.fit(["het kabinet en de bedrijven in de keten"])
    seen: list[int] = []
    original = analyzer._decompounder.split

    def split(word: str):
        seen.append(len(word))
        return original(word)

    monkeypatch.setattr(analyzer._decompounder, "split", split)
    tokens = analyzer.analyze("begin " + "a" * 1_000_000 + " einde")
    assert tokens and max(seen) <= MAX_WORD_CHARS
    assert max(len(t) for t in tokens) <= MAX_WORD_CHARS


def _flat_passages(n: int, words_per_passage: int = 150) -> list[Passage]:
    text = " ".join(["de motie over het kabinet en de bedrijven in de keten"] * (words_per_passage // 11))
    return [
        Passage(chunk_id=f"d-{i}", doc_id="d", text=text, title="t", doc_type="Kamerbrief", date="2020",
                source="d.txt", page=1, ordinal=i)
        for i in range(n)
    ]


def test_register_sentence_work_grows_linearly_with_text_without_punctuation(monkeypatch) -> None:
    normalised: list[int] = []
    original = textnorm.normalise

    def counting(text: str) -> str:
        normalised.append(len(text))
        return original(text)

    monkeypatch.setattr(textnorm, "normalise", counting)
    work = {}
    for n in (50, 200):
        normalised.clear()
        passages = _flat_passages(n)
        doc = textnorm.document_text(passages)
        work[n] = sum(normalised)
        size = sum(len(p.text) for p in passages)
        assert work[n] <= 3 * size  # each character is normalised a bounded number of times
        assert max(len(s.text) for s in doc.sentences) <= textnorm.MAX_SENTENCE_CHARS + len(passages[0].text)
    assert work[200] <= 4 * work[50] * 1.1  # four times the text, about four times the work
