"""The first steps of a case, as tests need them: assigned, in review, granted."""

from datetime import date

from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Outcome
from paroledesk.cases.models import ParoleRequest
from paroledesk.testing.fixtures import FILED_ON


def assigned(case: ParoleRequest, sam, olivia, *, on: date = FILED_ON) -> ParoleRequest:
    """Sam, the supervisor, has given the case to Olivia."""
    work.case_assign(request=case, officer=olivia, actor=sam, on=on)
    case.refresh_from_db()
    return case


def reviewed(case: ParoleRequest, sam, olivia, *, on: date = FILED_ON) -> ParoleRequest:
    """Olivia has started the review."""
    assigned(case, sam, olivia, on=on)
    work.case_start_review(request=case, actor=olivia, on=on)
    case.refresh_from_db()
    return case


def granted(case: ParoleRequest, sam, olivia, *, on: date = FILED_ON) -> ParoleRequest:
    """Olivia has approved 180 days, with no parole fee (a medical emergency)."""
    assigned(case, sam, olivia, on=on)
    work.case_decide(
        request=case,
        outcome=Outcome.APPROVE,
        actor=olivia,
        parole_days=180,
        parole_fee_exception="medical_emergency",
        on=on,
    )
    case.refresh_from_db()
    return case
