"""What to do next, for each status, in plain words for the public answer.

Only what follows from the status itself: no name, officer, reason or notice's
content is told here; the notices the requestor receives say the rest.
"""

from __future__ import annotations

from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from paroledesk.core.lifecycle import Status
from paroledesk.policy.selectors import policy_on

_WAIT = _(
    "Nothing is needed from you now. If the officer needs more evidence, the requestor "
    "receives a written notice saying what to send and by when."
)
_ADDRESS = _(
    "Keep the requestor's e-mail address and mailing address up to date: every decision "
    "is sent as a written notice."
)

NEXT_STEPS: dict[Status, tuple[Promise, ...]] = {
    Status.RECEIVED: (_WAIT, _ADDRESS),
    Status.ASSIGNED: (_WAIT, _ADDRESS),
    Status.IN_REVIEW: (_WAIT, _ADDRESS),
    Status.EVIDENCE_REQUESTED: (
        _(
            "Send the evidence listed in the request for evidence by the due date in that "
            "notice: the requestor signs in and adds it to the request."
        ),
        _(
            "If nothing arrives by the due date, the officer decides on the evidence already "
            "in the file."
        ),
    ),
    Status.EVIDENCE_RECEIVED: (
        _("The evidence arrived. Nothing more is needed unless the officer asks for it."),
        _ADDRESS,
    ),
    Status.CONDITIONALLY_APPROVED: (
        _(
            "Pay the parole fee by the deadline in the conditional approval notice, unless "
            "an exception was granted. Parole is authorized once it is paid."
        ),
        _("If the fee is not paid by the deadline, the request is closed."),
    ),
    Status.APPROVED: (
        _(
            "The beneficiary can now ask for a travel document at the U.S. embassy or "
            "consulate named in the approval notice."
        ),
        _(
            "At arrival, U.S. Customs and Border Protection decides on parole and records "
            "the date it ends on Form I-94."
        ),
    ),
    Status.PAROLED: (
        _(
            "Keep the Form I-94: it shows the date parole ends. Leave the United States "
            "before then, or file a request for re-parole at least %(days)d days before it ends."
        ),
        _(
            "The parolee may apply for a work permit (Form I-765, category (c)(11)) and "
            "must report each change of address (Form AR-11)."
        ),
    ),
    Status.DENIED: (
        _("A denial cannot be appealed, and no motion to reopen it can be filed."),
        _(
            "If there are significant new facts, a new request can be filed with them and "
            "with a new filing fee, naming this receipt number as the denied request."
        ),
    ),
    Status.WITHDRAWN: (
        _("Nothing more will happen on this request. A new request can be filed at any time."),
    ),
    Status.CLOSED: (
        _(
            "The parole fee was not paid in time, so parole cannot be granted on this "
            "request. A new request can be filed, with a new filing fee."
        ),
    ),
    Status.PAROLE_ENDED: (
        _(
            "Parole has ended. Someone still in the United States should get legal advice "
            "now: a request for re-parole filed after parole ended is late."
        ),
    ),
}


def next_steps(status: Status, *, on: date) -> list[str]:
    """What to do next for a request in ``status``, with policy's figures in force ``on``."""
    figures = {"days": policy_on(on).reparole_lead_days()}
    return [str(step) % figures for step in NEXT_STEPS[status]]
