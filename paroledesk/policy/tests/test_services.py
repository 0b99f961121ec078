from datetime import date

import pytest
from django.core.exceptions import ValidationError

from paroledesk.audit.models import Event
from paroledesk.core.policy import Channel, PolicyKey
from paroledesk.policy.models import PolicyValue
from paroledesk.policy.selectors import business_calendar, policy_on
from paroledesk.policy.services import closure_day_save, policy_load_defaults, policy_value_save

pytestmark = pytest.mark.django_db


def test_loading_the_defaults_twice_adds_nothing_the_second_time(policy):
    assert policy_load_defaults() == 0


def test_the_fee_in_force_depends_on_the_date_and_channel(policy):
    assert policy_on(date(2024, 3, 31)).filing_fee(Channel.ONLINE) == 575
    assert policy_on(date(2024, 4, 1)).filing_fee(Channel.ONLINE) == 580
    assert policy_on(date(2024, 4, 1)).filing_fee(Channel.PAPER) == 630


def test_an_administrators_correction_takes_effect_from_its_date(policy, ada):
    row = PolicyValue(
        key=PolicyKey.PAROLE_FEE.value,
        effective_from=date(2026, 10, 1),
        value=1040,
        source="Inflation adjustment notice",
        note="Yearly indexing",
    )
    policy_value_save(row=row, actor=ada)
    assert policy_on(date(2026, 9, 30)).parole_fee() == 1000
    assert policy_on(date(2026, 10, 1)).parole_fee() == 1040
    in_force = policy_on(date(2026, 12, 1)).get(PolicyKey.PAROLE_FEE)
    assert in_force.effective_from == date(2026, 10, 1)
    event = Event.objects.get(action="policy_added")
    assert event.actor == ada
    assert event.data["value"] == 1040


def test_a_malformed_value_is_refused_naming_the_key_and_nothing_is_saved(policy, ada):
    row = PolicyValue(
        key=PolicyKey.PAROLE_FEE.value,
        effective_from=date(2026, 10, 1),
        value="a lot",
        source="typo",
    )
    with pytest.raises(ValidationError) as refused:
        policy_value_save(row=row, actor=ada)
    assert "parole_fee.amount" in str(refused.value.message_dict["value"])
    assert not PolicyValue.objects.filter(effective_from=date(2026, 10, 1)).exists()


def test_a_declared_closure_day_is_not_a_business_day_and_moves_windows(
    policy, ada, django_capture_on_commit_callbacks
):
    received = date(2025, 11, 14)
    before = policy_on(received).decision_window(received, business_calendar())
    with django_capture_on_commit_callbacks(execute=True):
        closure_day_save(day=date(2025, 12, 24), reason="Executive order", actor=ada)
        closure_day_save(day=date(2025, 12, 26), reason="Executive order", actor=ada)
    after = policy_on(received).decision_window(received, business_calendar())
    assert not business_calendar().is_business_day(date(2025, 12, 24))
    assert before == (date(2026, 3, 27), date(2026, 5, 8))
    assert after == (date(2026, 3, 31), date(2026, 5, 12))
