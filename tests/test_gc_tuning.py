"""The garbage collector settings an eval runs under."""

import gc

from inspect_ai._runner.gc_tuning import EVAL_THRESHOLDS, eval_gc


def test_eval_thresholds_apply_inside_and_are_restored_after() -> None:
    before = gc.get_threshold()
    with eval_gc():
        assert gc.get_threshold() == EVAL_THRESHOLDS
    assert gc.get_threshold() == before


def test_objects_still_young_at_the_end_move_to_the_oldest_generation_unexamined() -> None:
    with eval_gc():
        gc.collect()  # counts start from zero
        kept = [[index] for index in range(1000)]
        assert gc.get_count()[0] >= 1000
    assert gc.get_count()[0] < 100  # no collection of them is pending
    oldest = {id(item) for item in gc.get_objects(generation=2)}
    assert all(id(item) in oldest for item in kept)
