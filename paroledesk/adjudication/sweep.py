"""The daily duties (`paroledesk sweep`): what falls due with the date, done once a day.

Each duty picks its requests by date and status and changes each in its own
transaction through the same services an officer's step uses, so a failure
leaves the others done, and a second run on the same day finds nothing left to
do: a lapse changes the status it was picked by, and each reminder has a
dedupe key of its request, kind and due date (notices.notice_issue).

Ages and decision windows need no sweep: they are computed when read
(cases.clock), from the business days and the waits on the requestor.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta

from paroledesk.adjudication.models import EvidenceRequest
from paroledesk.adjudication.services import parole_end, parole_fee_lapse, rfe_lapse
from paroledesk.cases.models import FEE_DUE, Fee, FeeKind, Grant, GrantEnd, ParoleRequest
from paroledesk.core.lifecycle import Status
from paroledesk.notices.models import Notice, NoticeKind
from paroledesk.notices.services import notice_issue, notices_deliver_pending
from paroledesk.policy.selectors import business_calendar, policy_on


@dataclass
class SweepReport:
    """How many of each duty one run did."""

    rfes_lapsed: int = 0
    fees_lapsed: int = 0
    paroles_ended: int = 0
    rfe_reminders: int = 0
    fee_reminders: int = 0
    parole_ending_reminders: int = 0
    notices_delivered: int = 0

    def lines(self) -> list[str]:
        return [
            f"{item.name.replace('_', ' ')}: {getattr(self, item.name)}" for item in fields(self)
        ]


def sweep(today: date) -> SweepReport:
    report = SweepReport()
    policy = policy_on(today)
    # Lapses and ends first: a request that lapses today gets no reminder today.
    for request in _rfes_past_due(today):
        report.rfes_lapsed += rfe_lapse(request=request, on=today)
    for request in _fees_past_due(today):
        parole_fee_lapse(request=request, on=today)
        report.fees_lapsed += 1
    for request in _paroles_run_out(today):
        parole_end(request=request, reason=GrantEnd.EXPIRED.value, actor=None, on=today)
        report.paroles_ended += 1
    rfe_soon = business_calendar().add(today, policy.rfe_reminder_business_days())
    for rfe in EvidenceRequest.objects.filter(
        answered_on__isnull=True,
        lapsed_on__isnull=True,
        due_on__gte=today,
        due_on__lte=rfe_soon,
        request__status=Status.EVIDENCE_REQUESTED.value,
    ).select_related("request"):
        report.rfe_reminders += _remind(
            rfe.request,
            NoticeKind.RFE_REMINDER,
            today,
            rfe.due_on,
            {"items": rfe.items, "due_on": rfe.due_on.isoformat()},
        )
    fee_soon = today + timedelta(days=policy.parole_fee_reminder_days())
    for fee in Fee.objects.filter(
        kind=FeeKind.PAROLE,
        payment=FEE_DUE,
        due_on__gte=today,
        due_on__lte=fee_soon,
        request__status=Status.CONDITIONALLY_APPROVED.value,
    ).select_related("request"):
        assert fee.due_on is not None  # filtered above
        report.fee_reminders += _remind(
            fee.request,
            NoticeKind.FEE_REMINDER,
            today,
            fee.due_on,
            {"fee_usd": fee.amount_usd, "fee_due_on": fee.due_on.isoformat()},
        )
    for lead in policy.parole_ending_reminder_days():
        for grant in Grant.objects.filter(
            ends_on__gte=today,
            ends_on__lte=today + timedelta(days=lead),
            request__status=Status.PAROLED.value,
        ).select_related("request"):
            assert grant.ends_on is not None  # filtered above
            report.parole_ending_reminders += _remind(
                grant.request,
                NoticeKind.PAROLE_ENDING_REMINDER,
                today,
                grant.ends_on,
                {
                    "ends_on": grant.ends_on.isoformat(),
                    "days_before": lead,
                    "reparole_lead_days": policy.reparole_lead_days(),
                },
                lead=lead,
            )
    report.notices_delivered = notices_deliver_pending()
    return report


def _remind(
    request: ParoleRequest,
    kind: NoticeKind,
    today: date,
    due_on: date,
    content: dict[str, object],
    *,
    lead: int | None = None,
) -> int:
    """Issue a reminder once per request, kind and due date (and lead); 1 if issued now."""
    key = f"{request.receipt_number}:{kind.value}:{due_on.isoformat()}"
    if lead is not None:
        key += f":{lead}"
    if Notice.objects.filter(dedupe_key=key).exists():
        return 0
    notice_issue(
        request=request,
        kind=kind,
        on=today,
        content=content,
        key=key,
    )
    return 1


def _rfes_past_due(today: date) -> list[ParoleRequest]:
    late = EvidenceRequest.objects.filter(
        answered_on__isnull=True, lapsed_on__isnull=True, due_on__lt=today
    ).values("request")
    return list(ParoleRequest.objects.filter(pk__in=late, status=Status.EVIDENCE_REQUESTED.value))


def _fees_past_due(today: date) -> list[ParoleRequest]:
    late = Fee.objects.filter(kind=FeeKind.PAROLE, payment=FEE_DUE, due_on__lt=today).values(
        "request"
    )
    return list(
        ParoleRequest.objects.filter(pk__in=late, status=Status.CONDITIONALLY_APPROVED.value)
    )


def _paroles_run_out(today: date) -> list[ParoleRequest]:
    ended = Grant.objects.filter(ends_on__lt=today, ended_on__isnull=True).values("request")
    return list(ParoleRequest.objects.filter(pk__in=ended, status=Status.PAROLED.value))
