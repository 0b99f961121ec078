"""The evidence to send with a request, by what its draft says.

The filing packet prints it; the items themselves are data in core.evidence,
which the eligibility screener reads too. What the reason needs depends on
its kind (``category``) and on its ground (``basis``); the rest depends on
who files, on the kind of request, and on what the draft answered (a passport,
an expedite, a fee waiver).
"""

from __future__ import annotations

from paroledesk.core.evidence import (
    BY_BASIS,
    BY_CATEGORY,
    DENIAL,
    EARLIER_GRANT,
    EXPEDITE,
    FEE_WAIVER,
    G28,
    NO_PASSPORT,
    PASSPORT,
    REASON_UNKNOWN,
    RELATIONSHIP,
    SPONSOR,
    VISA,
    Item,
)
from paroledesk.core.filing import Basis, Category, FeePayment, Kind, RequestorRole
from paroledesk.intake.wizard.fields import Document, kind_of


def checklist_for(doc: Document) -> list[Item]:
    """The evidence this draft's request should carry, the reason's items first."""
    person = doc.get("beneficiary") or {}
    reason = doc.get("reason") or {}
    filer = doc.get("requestor") or {}
    items: list[Item] = []
    if reason.get("category") in set(Category):
        items += BY_CATEGORY[Category(reason["category"])]
    if reason.get("basis") in set(Basis):
        items += BY_BASIS[Basis(reason["basis"])]
    if not items:
        items.append(REASON_UNKNOWN)
    items.append(PASSPORT if person.get("passport_number") else NO_PASSPORT)
    if filer.get("role") == RequestorRole.RELATIVE.value:
        items.append(RELATIONSHIP)
    items += [SPONSOR, VISA]
    if filer.get("role") == RequestorRole.REPRESENTATIVE.value:
        items.append(G28)
    kind = kind_of(doc)
    if kind == Kind.REFILING.value:
        items.append(DENIAL)
    elif kind == Kind.REPAROLE.value:
        items.append(EARLIER_GRANT)
    if doc.get("expedite"):
        items.append(EXPEDITE)
    if (doc.get("fee") or {}).get("payment") == FeePayment.WAIVER_REQUESTED.value:
        items.append(FEE_WAIVER)
    return items
