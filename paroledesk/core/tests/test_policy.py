from __future__ import annotations

from datetime import date

import pytest

from paroledesk.core.business_days import BusinessCalendar
from paroledesk.core.policy import (
    DEFAULT_ENTRIES,
    SPECS,
    Channel,
    Policy,
    PolicyEntry,
    PolicyKey,
    PolicyMissing,
    PolicyValueError,
    parse_value,
)

POLICY = Policy(DEFAULT_ENTRIES)
CALENDAR = BusinessCalendar()


def test_every_key_has_a_spec_with_a_one_line_description() -> None:
    assert set(SPECS) == set(PolicyKey)
    for spec in SPECS.values():
        assert spec.description.endswith(".")
        assert "\n" not in spec.description


def test_the_defaults_give_every_key_a_value_today_with_a_source() -> None:
    today = POLICY.in_force(date(2025, 11, 14))
    assert [key for key, _ in today.items()] == list(PolicyKey)
    assert all(in_force.source.strip() for _, in_force in today.items())


@pytest.mark.parametrize(
    ("on", "online", "paper"),
    [
        (date(2016, 12, 22), None, None),
        (date(2016, 12, 23), 575, 575),
        (date(2024, 3, 31), 575, 575),
        (date(2024, 4, 1), 580, 630),
    ],
)
def test_the_filing_fee_depends_on_the_date_and_channel(
    on: date, online: int | None, paper: int | None
) -> None:
    snapshot = POLICY.in_force(on)
    if online is None:
        with pytest.raises(PolicyMissing):
            snapshot.filing_fee(Channel.ONLINE)
        return
    assert snapshot.filing_fee(Channel.ONLINE) == online
    assert snapshot.filing_fee(Channel.PAPER) == paper


def test_the_snapshot_says_when_and_why_a_fee_took_effect() -> None:
    fee = POLICY.in_force(date(2025, 1, 1)).get(PolicyKey.FILING_FEE_PAPER)
    assert fee.value == 630
    assert fee.effective_from == date(2024, 4, 1)
    assert "89 FR 6194" in fee.source


def test_there_is_no_parole_fee_before_16_october_2025() -> None:
    before = POLICY.in_force(date(2025, 10, 15))
    with pytest.raises(PolicyMissing) as raised:
        before.parole_fee()
    assert str(raised.value) == "No value for policy parole_fee.amount is in force on 2025-10-15."
    assert isinstance(raised.value, LookupError)
    after = POLICY.in_force(date(2025, 10, 16))
    assert after.parole_fee() == 1000
    assert after.parole_fee_deadline_days() == 30
    assert [code for code, _ in after.parole_fee_exceptions()] == [
        "medical_emergency",
        "dying_relative",
        "funeral",
        "organ_donor",
        "law_enforcement",
    ]


@pytest.mark.parametrize(
    ("postmarked", "first", "renewal"),
    [(date(2025, 7, 22), 550, 275), (date(2025, 12, 31), 550, 275), (date(2026, 1, 1), 560, 280)],
)
def test_the_work_permit_fee_for_parolees_goes_by_the_postmark_date(
    postmarked: date, first: int, renewal: int
) -> None:
    snapshot = POLICY.in_force(postmarked)
    assert snapshot.work_permit_fee(renewal=False) == first
    assert snapshot.work_permit_fee(renewal=True) == renewal


def test_there_was_no_parolee_work_permit_fee_before_july_22_2025() -> None:
    with pytest.raises(PolicyMissing):
        POLICY.in_force(date(2025, 7, 21)).work_permit_fee(renewal=False)


def test_the_other_published_defaults() -> None:
    snapshot = POLICY.in_force(date(2025, 11, 14))
    assert snapshot.reparole_lead_days() == 90
    assert snapshot.long_period_days() == 365
    assert snapshot.filing_address().startswith("USCIS Dallas Lockbox, Attn: HP")
    assert snapshot.receipt_prefix(Channel.ONLINE) == "IOE"
    assert snapshot.receipt_prefix(Channel.PAPER) == "HPL"
    assert ("armed_forces", "Current or former member of the U.S. armed forces") in (
        snapshot.exemptions()
    )


def test_a_correction_with_a_later_date_wins_from_that_date_on() -> None:
    correction = PolicyEntry(PolicyKey.PAROLE_FEE, date(2026, 10, 1), 1020, "Inflation adjustment")
    policy = Policy([*DEFAULT_ENTRIES, correction])
    assert policy.in_force(date(2026, 9, 30)).parole_fee() == 1000
    assert policy.in_force(date(2026, 10, 1)).parole_fee() == 1020
    assert policy.in_force(date(2026, 10, 1)).get(PolicyKey.PAROLE_FEE).source == (
        "Inflation adjustment"
    )
    assert [e.value for e in policy.history(PolicyKey.PAROLE_FEE)] == [1000, 1020]


def test_entries_given_out_of_order_are_sorted_by_date() -> None:
    later = PolicyEntry(PolicyKey.LONG_PERIOD_DAYS, date(2030, 1, 1), 400, "later")
    earlier = PolicyEntry(PolicyKey.LONG_PERIOD_DAYS, date(2020, 1, 1), 300, "earlier")
    policy = Policy([later, earlier])
    assert policy.in_force(date(2025, 1, 1)).long_period_days() == 300
    assert policy.in_force(date(2031, 1, 1)).long_period_days() == 400


def test_two_entries_for_the_same_key_and_day_are_refused() -> None:
    day = date(2026, 1, 1)
    with pytest.raises(PolicyValueError, match="two entries taking effect on 2026-01-01"):
        Policy(
            [
                PolicyEntry(PolicyKey.PAROLE_FEE, day, 1000, "a"),
                PolicyEntry(PolicyKey.PAROLE_FEE, day, 1100, "b"),
            ]
        )


def test_a_bad_entry_is_refused_when_the_policy_is_built() -> None:
    bad = PolicyEntry(PolicyKey.FILING_FEE_PAPER, date(2026, 1, 1), -5, "typo")
    with pytest.raises(PolicyValueError, match=r"filing_fee\.paper"):
        Policy([bad])


@pytest.mark.parametrize(
    ("key", "raw", "problem"),
    [
        (PolicyKey.FILING_FEE_ONLINE, "580", "whole number of dollars"),
        (PolicyKey.FILING_FEE_ONLINE, -1, "zero or more"),
        (PolicyKey.FILING_FEE_ONLINE, 580.5, "whole number of dollars"),
        (PolicyKey.PAROLE_FEE, True, "whole number of dollars"),
        (PolicyKey.REPAROLE_LEAD_DAYS, 0, "one or more"),
        (PolicyKey.DECISION_WINDOW_LATEST, None, "whole number of business days"),
        (PolicyKey.FILING_ADDRESS, "   ", "non-empty text"),
        (PolicyKey.RECEIPT_PREFIX_PAPER, "hpl", "three capital letters"),
        (PolicyKey.RECEIPT_PREFIX_PAPER, "HPLX", "three capital letters"),
        (PolicyKey.FILING_FEE_EXEMPTIONS, [], "non-empty list"),
        (PolicyKey.FILING_FEE_EXEMPTIONS, [{"code": "x"}], '"code" and a "label"'),
        (PolicyKey.FILING_FEE_EXEMPTIONS, [{"code": "Bad Code", "label": "x"}], "lower case"),
        (PolicyKey.PAROLE_FEE_EXCEPTIONS, [{"code": "funeral", "label": " "}], "needs a label"),
        (
            PolicyKey.PAROLE_FEE_EXCEPTIONS,
            [{"code": "funeral", "label": "a"}, {"code": "funeral", "label": "b"}],
            "repeats the code funeral",
        ),
    ],
)
def test_parse_value_errors_name_the_key_and_the_problem(
    key: PolicyKey, raw: object, problem: str
) -> None:
    with pytest.raises(PolicyValueError) as raised:
        parse_value(key, raw)
    message = str(raised.value)
    assert message.startswith(f"Policy value for {key.value} ")
    assert problem in message
    assert message.endswith(".")
    assert raised.value.key == key.value


def test_parse_value_refuses_an_unknown_key() -> None:
    with pytest.raises(PolicyValueError, match="no such policy key"):
        parse_value("filing_fee.carrier_pigeon", 1)


def test_parse_value_normalizes_what_it_accepts() -> None:
    assert parse_value(PolicyKey.FILING_ADDRESS, "  USCIS Dallas Lockbox  ") == (
        "USCIS Dallas Lockbox"
    )
    assert parse_value("filing_fee.paper", 0) == 0
    assert parse_value(
        PolicyKey.FILING_FEE_EXEMPTIONS, ({"code": "armed-forces", "label": " Armed forces "},)
    ) == [{"code": "armed-forces", "label": "Armed forces"}]


def test_the_decision_window_crosses_the_year_end() -> None:
    received = date(2025, 11, 14)
    snapshot = POLICY.in_force(received)
    # Worked out week by week in test_business_days; Thanksgiving, Christmas,
    # New Year's Day, MLK Day and Washington's Birthday fall inside.
    assert snapshot.decision_window(received, CALENDAR) == (date(2026, 3, 27), date(2026, 5, 8))


def test_a_shorter_processing_goal_changes_the_window_from_its_date() -> None:
    goal = PolicyEntry(PolicyKey.DECISION_WINDOW_LATEST, date(2026, 1, 1), 100, "New goal")
    policy = Policy([*DEFAULT_ENTRIES, goal])
    received = date(2026, 1, 2)  # Friday
    earliest, latest = policy.in_force(received).decision_window(received, CALENDAR)
    assert CALENDAR.count(received, earliest) == 90
    assert CALENDAR.count(received, latest) == 100
    _, old_latest = policy.in_force(date(2025, 12, 31)).decision_window(
        date(2025, 12, 31), CALENDAR
    )
    assert CALENDAR.count(date(2025, 12, 31), old_latest) == 120


def test_the_poverty_guideline_grows_with_the_household_and_changes_each_january():
    assert POLICY.in_force(date(2024, 6, 1)).poverty_guideline(1) == 15060
    assert POLICY.in_force(date(2024, 6, 1)).poverty_guideline(4) == 15060 + 3 * 5380
    assert POLICY.in_force(date(2025, 6, 1)).poverty_guideline(3) == 26650
