"""Generated corpora of realistic Dutch policy text, recombined from the real corpus's sentences.

Sentences are shuffled across documents and their numbers, dates and sector names varied, so the
text has the vocabulary, sentence lengths and structure of the real letters without repeating them.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from assistant.text.sentences import sentences

_SECTORS = ["textiel", "goud", "hout", "banken", "verzekeraars", "natuursteen", "voedingsmiddelen", "sierteelt",
            "metaal", "bouw", "energie", "pensioenfondsen", "toerisme", "chemie", "groothandel"]
_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"]
_HEADINGS = ["Inleiding", "Voortgang", "Rol van de overheid", "Betrokkenheid van stakeholders", "Internationale context",
             "Financiering", "Monitoring", "Hoe verder?", "Tot slot"]


def corpus_sentences(corpus_dir: Path) -> list[str]:
    pool: list[str] = []
    for path in sorted(corpus_dir.glob("*.txt")):
        text = re.sub(r"-\n(?=[a-z])", "", path.read_text(encoding="utf-8"))
        text = re.sub(r"\s+", " ", text)
        pool += [s for s in sentences(text) if 6 <= len(s.split()) <= 60]
    return pool


def _vary(sentence: str, rng: random.Random) -> str:
    sentence = re.sub(r"\b(19|20)\d\d\b", lambda m: str(rng.randint(2012, 2024)), sentence)
    sentence = re.sub(r"\b\d{1,2}\b(?= (%s))" % "|".join(_MONTHS), lambda m: str(rng.randint(1, 28)), sentence)
    return re.sub(r"\b(%s)\b" % "|".join(_SECTORS), lambda m: rng.choice(_SECTORS), sentence)


def page_texts(pool: list[str], pages: int, rng: random.Random, words_per_page: int = 330) -> list[str]:
    result = []
    for page in range(pages):
        parts, words = [], 0
        if page % 3 == 0:
            parts.append(f"{page // 3 + 1}. {rng.choice(_HEADINGS)}")
        while words < words_per_page:
            paragraph = " ".join(_vary(rng.choice(pool), rng) for _ in range(rng.randint(2, 6)))
            parts.append(paragraph)
            words += len(paragraph.split())
        result.append("\n\n".join(parts))
    return result


def write_text_corpus(target: Path, corpus_dir: Path, *, documents: int, pages_per_doc: int, seed: int = 7) -> int:
    """Plain-text documents with form-feed page breaks; returns the number of pages written."""
    rng = random.Random(seed)
    pool = corpus_sentences(corpus_dir)
    target.mkdir(parents=True, exist_ok=True)
    for i in range(documents):
        pages = page_texts(pool, pages_per_doc, rng)
        (target / f"gegenereerd-{i:04d}.txt").write_text("\f".join(pages), encoding="utf-8")
    return documents * pages_per_doc


def write_pdf_corpus(target: Path, corpus_dir: Path, *, documents: int, pages_per_doc: int, seed: int = 7) -> int:
    """PDFs with a text layer, a running header and page numbers (needs reportlab)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rng = random.Random(seed)
    pool = corpus_sentences(corpus_dir)
    target.mkdir(parents=True, exist_ok=True)
    width, height = A4
    for i in range(documents):
        pdf = canvas.Canvas(str(target / f"kamerbrief-{i:04d}.pdf"), pagesize=A4)
        for number, text in enumerate(page_texts(pool, pages_per_doc, rng), start=1):
            pdf.setFont("Helvetica", 8)
            pdf.drawString(72, height - 40, f"Tweede Kamer, vergaderjaar 2015–2016, 26 485, nr. {200 + i}")
            pdf.setFont("Helvetica", 10)
            y = height - 72
            for paragraph in text.split("\n\n"):
                line = ""
                for word in paragraph.split():
                    if pdf.stringWidth(line + " " + word, "Helvetica", 10) > width - 144:
                        pdf.drawString(72, y, line)
                        y -= 13
                        line = word
                    else:
                        line = f"{line} {word}".strip()
                pdf.drawString(72, y, line)
                y -= 20
                if y < 80:
                    break
            pdf.setFont("Helvetica", 8)
            pdf.drawString(width / 2, 40, str(number))
            pdf.showPage()
        pdf.save()
    return documents * pages_per_doc
