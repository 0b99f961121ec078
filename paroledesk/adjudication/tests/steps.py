"""The first steps of a case, as tests need them: assigned, in review, granted, denied and
refiled."""

from datetime import date

from paroledesk.adjudication import services as work
from paroledesk.adjudication.models import Outcome
from paroledesk.cases.models import ParoleRequest
from paroledesk.intake.services import request_file
from paroledesk.testing.fixtures import FILED_ON, filing_document


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


def denied(case: ParoleRequest, sam, olivia, *, on: date = FILED_ON) -> ParoleRequest:
    """Olivia has denied the request for want of evidence."""
    assigned(case, sam, olivia, on=on)
    work.case_decide(
        request=case, outcome=Outcome.DENY, actor=olivia, reasons=["insufficient_evidence"], on=on
    )
    case.refresh_from_db()
    return case


REFILED_ON = date(2026, 12, 14)


def refiled(case: ParoleRequest, by) -> ParoleRequest:
    """``by`` has refiled the denied request on REFILED_ON, with new facts and 240 days asked."""
    document = filing_document(
        kind="refiling",
        related_receipt_number=case.receipt_number,
        new_facts="A hospital in Houston has now accepted him and set the surgery for January 12.",
        requested_days=240,
    )
    filing = request_file(raw=document, filed_by=by, today=REFILED_ON)
    assert filing.request is not None, filing
    return filing.request
