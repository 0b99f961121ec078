"""Running the screener: the answers read, judged by the policy in force on their day.

A screening writes nothing and keeps nothing: the answers say things (a removal,
a criminal record, where a person is) that people in danger must be able to
ask about without leaving a trace here.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from paroledesk.core.screening import Screening, parse_answers, screen
from paroledesk.policy.selectors import policy_on


def screening_for(*, raw: object, today: date | None = None) -> Screening:
    """What the answers (the contract's screener input) mean; raises ScreeningInvalid."""
    today = today or timezone.localdate()
    answers = parse_answers(raw, today=today)
    return screen(answers, policy_on(answers.today or today), today=today)
