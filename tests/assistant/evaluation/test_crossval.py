from __future__ import annotations

import pytest

from assistant.evaluation.crossval import choose_by_cross_validation, kfold


def test_every_item_is_held_out_exactly_once() -> None:
    items = list(range(23))
    folds = kfold(items, 5)
    held = [i for _, test in folds for i in test]
    assert sorted(held) == items
    for train, test in folds:
        assert not set(train) & set(test) and len(train) + len(test) == 23


def test_held_out_score_is_measured_on_items_the_choice_did_not_see() -> None:
    # the candidate equal to an item scores 1 on it: picking by training items can never score on held-out ones
    items = list(range(10))
    result = choose_by_cross_validation(items, items, lambda c, on: sum(c == i for i in on) / len(on), k=5)
    assert result.held_out == 0.0
    assert result.in_sample == pytest.approx(0.1)


def test_too_few_items_for_the_folds_is_an_error() -> None:
    with pytest.raises(ValueError, match="between 2"):
        kfold([1, 2], 3)
