"""What approval will cost, told before filing: the parole fee and a parolee's work permit.

Filers must know before they file that an approval brings a parole fee that
cannot be waived (only a statutory exception spares it), and what a work
permit costs after arrival. Every figure is the policy's in force on the day
asked; one not in force then is left out rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from paroledesk.core.policy import PolicyKey, if_in_force
from paroledesk.policy.selectors import policy_on


@dataclass(frozen=True)
class LaterFees:
    parole_fee_usd: int | None
    parole_fee_exceptions: list[str]
    work_permit_usd: int | None
    work_permit_renewal_usd: int | None
    work_permit_since: date | None


def later_fees(day: date) -> LaterFees:
    snapshot = policy_on(day)
    exceptions = if_in_force(snapshot.parole_fee_exceptions) or []
    return LaterFees(
        parole_fee_usd=if_in_force(snapshot.parole_fee),
        parole_fee_exceptions=[label for _, label in exceptions],
        work_permit_usd=if_in_force(lambda: snapshot.work_permit_fee(renewal=False)),
        work_permit_renewal_usd=if_in_force(lambda: snapshot.work_permit_fee(renewal=True)),
        work_permit_since=if_in_force(
            lambda: snapshot.get(PolicyKey.WORK_PERMIT_FEE_INITIAL).effective_from
        ),
    )
