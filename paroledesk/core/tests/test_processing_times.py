"""Percentiles by nearest rank, the six-month window, and the privacy of small groups."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from paroledesk.core.processing_times import group_times, months_before, nearest_rank


def test_nearest_rank_is_a_duration_some_decision_took():
    ten = Counter(range(1, 11))
    assert nearest_rank(ten, 50) == 5
    assert nearest_rank(ten, 80) == 8
    assert nearest_rank(ten, 100) == 10
    assert nearest_rank(Counter({7: 1}), 50) == 7
    # Many decisions of one length weigh as many: 3 of 5 took 2 days.
    assert nearest_rank({1: 1, 2: 3, 40: 1}, 50) == 2
    assert nearest_rank({1: 1, 2: 3, 40: 1}, 80) == 2
    assert nearest_rank({1: 1, 2: 3, 40: 1}, 81) == 40


@pytest.mark.parametrize(("counts", "percent"), [({}, 50), ({3: 1}, 0), ({3: 1}, 101)])
def test_a_percentile_of_nothing_or_out_of_range_is_refused(counts, percent):
    with pytest.raises(ValueError, match="percentile"):
        nearest_rank(counts, percent)


def test_six_months_before_keeps_the_day_or_takes_the_months_last():
    assert months_before(date(2026, 11, 30), 6) == date(2026, 5, 30)
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert months_before(date(2027, 3, 15), 6) == date(2026, 9, 15)


def test_nine_decisions_publish_nothing_and_ten_publish_every_figure():
    nine = group_times(category="other", durations={4: 9}, waiting=3)
    assert (nine.decided, nine.median_business_days, nine.p80_business_days) == (None, None, None)
    assert (nine.waiting, nine.published) == (3, False)
    ten = group_times(category="other", durations={4: 9, 30: 1}, waiting=0)
    assert (ten.decided, ten.median_business_days, ten.p80_business_days) == (10, 4, 4)
