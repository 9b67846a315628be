"""K-fold cross-validation for choosing settings on a small question set.

A setting is chosen on the folds that exclude the questions it is scored on, so the figures it
reports estimate what unseen questions will get (scikit-learn's GridSearchCV inside cross_val_score,
without the dependency for this simple case).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

Item = TypeVar("Item")
Candidate = TypeVar("Candidate", bound=Hashable)


def kfold(items: Sequence[Item], k: int = 5, seed: int = 13) -> list[tuple[list[Item], list[Item]]]:
    """(train, test) pairs; every item is in exactly one test fold. Shuffled with a fixed seed."""
    if not 2 <= k <= len(items):
        raise ValueError(f"k must be between 2 and the number of items ({len(items)}), got {k}")
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    folds = [order[i::k] for i in range(k)]
    pairs = []
    for held in folds:
        held_set = set(held)
        pairs.append(([items[i] for i in order if i not in held_set], [items[i] for i in held]))
    return pairs


@dataclass(frozen=True)
class CrossValidated(Generic[Candidate]):
    chosen_per_fold: list[Candidate]  # what each fold's training questions chose
    held_out: float  # mean objective on each fold's own test questions, weighted by fold size
    in_sample_best: Candidate  # chosen on all questions: what the defaults should be
    in_sample: float  # its objective on all questions (optimistic)


def choose_by_cross_validation(
    items: Sequence[Item],
    candidates: Sequence[Candidate],
    objective: Callable[[Candidate, Sequence[Item]], float],
    k: int = 5,
    seed: int = 13,
) -> CrossValidated[Candidate]:
    """Pick the candidate maximising `objective` on each fold's training items, score it on the held-out ones."""
    if not candidates:
        raise ValueError("no candidates to choose from")

    def best(on: Sequence[Item]) -> Candidate:
        return max(candidates, key=lambda c: objective(c, on))  # first wins ties: list the simplest first

    chosen, total = [], 0.0
    for train, test in kfold(items, k, seed):
        pick = best(train)
        chosen.append(pick)
        total += objective(pick, test) * len(test)
    overall = best(items)
    return CrossValidated(chosen, total / len(items), overall, objective(overall, items))
