"""Does e5 similarity help the citation check? Measured on the reference answers of the question file.

Each sentence of a question's reference answer is paired with a retrieved passage that holds the
question's evidence (it supports the sentence) and with one that does not. For every pair: the
lexical support score the citation check uses (assistant/answer/support.py) and the e5 cosine of
sentence and passage. A logistic regression on each signal set, with its threshold chosen on the
training folds, is scored on held-out questions (5-fold, grouped by question).

Usage: python -m bench.support_signals ../shared/eval/dev.jsonl [--store vectorstore]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from assistant.answer.support import score_support
from assistant.service.container import build_question_analyzer, build_retriever
from assistant.evaluation import evidence_supported, load_questions
from assistant.core.settings import Settings
from assistant.store.store import Store
from assistant.service.container import build_store
from assistant.text.sentences import sentences as split_sentences


def pairs(questions, store: Store, settings: Settings) -> list[tuple[str, int, float, float]]:
    """(question id, supports?, lexical support, e5 cosine) per reference sentence and passage."""
    retriever = build_retriever(settings, store)
    analyse = build_question_analyzer(store)
    embeddings = store.embeddings
    rows = []
    for q in questions:
        if not q.answerable or not q.answer:
            continue
        found = retriever.search(q.question, k=8).passages
        holding = [p for p in found if any(evidence_supported(e, p.text) for e in q.evidence)]
        other = [p for p in found if p not in holding]
        sentences = [s for s in split_sentences(q.answer) if len(s.split()) >= 4]
        if not holding or not other or not sentences:
            continue
        vectors = np.array(embeddings.embed_documents(sentences))
        for label, passage in ((1, holding[0]), (0, other[0])):
            passage_vector = np.array(embeddings.embed_documents([passage.text]))[0]
            translate = analyse.translate if q.lang == "en" else None
            for sentence, vector in zip(sentences, vectors):
                lexical = score_support(sentence, passage.text, analyse.tokenize, translate)
                rows.append((q.id, label, lexical, float(vector @ passage_vector)))
    return rows


def held_out(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> tuple[int, int, int, int]:
    """(supported and right, missed, wrongly supported, rightly rejected) over the held-out folds."""
    counts = np.zeros(4, dtype=int)
    thresholds = np.arange(0.1, 0.91, 0.05)
    for train, test in GroupKFold(5).split(x, y, groups):
        model = LogisticRegression(class_weight="balanced").fit(x[train], y[train])
        p_train = model.predict_proba(x[train])[:, 1]

        def balanced(t: float) -> float:
            pos, neg = y[train] == 1, y[train] == 0
            return ((p_train >= t) & pos).sum() / max(1, pos.sum()) + ((p_train < t) & neg).sum() / max(1, neg.sum())

        chosen = max(thresholds, key=balanced)
        said = model.predict_proba(x[test])[:, 1] >= chosen
        truth = y[test] == 1
        counts += [(said & truth).sum(), (~said & truth).sum(), (said & ~truth).sum(), (~said & ~truth).sum()]
    return tuple(int(c) for c in counts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", type=Path)
    parser.add_argument("--store", type=Path, default=Path("vectorstore"))
    args = parser.parse_args()
    settings = Settings(store_dir=args.store)
    store = build_store(settings)
    rows = pairs(load_questions(args.questions), store, settings)
    store.close()
    y = np.array([r[1] for r in rows])
    groups = np.array([r[0] for r in rows])
    lexical = np.array([[r[2]] for r in rows])
    both = np.array([[r[2], r[3]] for r in rows])
    print(f"{len(rows)} sentence–passage pairs, {int(y.sum())} supporting")
    print("held-out (supported right, missed, wrongly supported, rightly rejected)")
    print("  lexical only       ", held_out(lexical, y, groups))
    print("  lexical + e5 cosine", held_out(both, y, groups))
    rule = (lexical[:, 0] >= settings.support_threshold)
    print(f"  the shipped rule (lexical >= {settings.support_threshold}):",
          (int((rule & (y == 1)).sum()), int((~rule & (y == 1)).sum()), int((rule & (y == 0)).sum()), int((~rule & (y == 0)).sum())))


if __name__ == "__main__":
    main()
