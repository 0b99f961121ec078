"""The evidence to send with a request, by what its draft says: one list, kept here as data.

The filing packet prints it; nothing else words it. Each item has a ``code``,
so that tests and any later page can tell items apart without matching words.
What the reason needs depends on its kind (``category``) and on its ground
(``basis``); the rest depends on who files, on the kind of request, and on
what the draft answered (a passport, an expedite, a fee waiver).
"""

from __future__ import annotations

from dataclasses import dataclass

from paroledesk.core.filing import Basis, Category, FeePayment, Kind, RequestorRole
from paroledesk.intake.wizard.fields import Document, kind_of


@dataclass(frozen=True)
class Item:
    code: str
    what: str  # the thing to send
    detail: str = ""  # what makes it useful to an officer


PASSPORT = Item(
    "passport",
    "A copy of the page of their passport that shows their photo and details",
    "Copy every page with a visa or an entry stamp too, if they have been to the United States.",
)
NO_PASSPORT = Item(
    "identity",
    "What proves who they are, since they have no passport",
    "A national identity card, a birth certificate or an expired passport, and a few lines on "
    "why they have no valid passport and whether they can get one.",
)
RELATIONSHIP = Item(
    "relationship",
    "Proof of how you are related to them",
    "Birth, marriage or adoption certificates that link the two of you, with a certified "
    "English translation of any that are in another language.",
)
SPONSOR = Item(
    "sponsor_income",
    "The sponsor's signed Form I-134 and proof of their income",
    "Their latest federal tax return or IRS transcript, recent pay statements or a letter "
    "from their employer, and statements of any savings they rely on.",
)
VISA = Item(
    "visa_attempt",
    "What shows a visa cannot be had in time",
    "Any visa refusal letter, the earliest interview date offered, or messages from the "
    "embassy or consulate; say when and where they tried.",
)
G28 = Item(
    "g28",
    "Form G-28, signed by you and by the person you act for",
    "It must show your bar number or your accreditation number.",
)
DENIAL = Item(
    "denial_notice",
    "A copy of the denial notice of the earlier request",
    "And evidence of each new fact you state: a denial is only answered by what is new.",
)
EARLIER_GRANT = Item(
    "earlier_grant",
    "A copy of the approval of the parole they are on, and their Form I-94",
    "The I-94 is the arrival record that shows the day their parole ends.",
)
EXPEDITE = Item(
    "expedite_proof",
    "Proof of why the decision is urgent",
    "For example a letter giving the date of a surgery, a hearing or a deadline.",
)
FEE_WAIVER = Item(
    "fee_waiver",
    "Form I-912, signed, with proof of what it says",
    "A letter awarding a means-tested benefit, a tax return or transcript, or records of the "
    "hardship that keeps you from paying.",
)
REASON_UNKNOWN = Item(
    "reason_evidence",
    "Evidence of the reason for parole",
    "Answer the question about the reason, and this list will say what the reason needs.",
)

BY_CATEGORY: dict[Category, tuple[Item, ...]] = {
    Category.MEDICAL: (
        Item(
            "medical_letter",
            "A letter from their doctor",
            "It should give the diagnosis and what is likely to happen without treatment, and "
            "say why the treatment cannot be had where they are, or in time.",
        ),
        Item(
            "medical_records",
            "Their recent medical records",
            "Test results and reports that back up the doctor's letter.",
        ),
        Item(
            "treatment_in_us",
            "Proof that a hospital or doctor in the United States will treat them",
            "An acceptance or appointment letter, with the expected cost and who will pay it.",
        ),
    ),
    Category.FAMILY_EMERGENCY: (
        Item(
            "family_emergency_proof",
            "Proof of the emergency in the family",
            "For example a doctor's letter on a relative's illness, a death certificate, or "
            "the notice of a funeral or of a court hearing about a child.",
        ),
        Item(
            "family_tie",
            "Proof of how they are related to the family member in the United States",
            "Certificates that link them, step by step if the tie passes through others. If that "
            "family member is you, the proof of your relationship below covers it.",
        ),
    ),
    Category.PROTECTION: (
        Item(
            "harm_evidence",
            "Evidence of the danger they face now",
            "Police reports, threats they received, medical records of injuries, or letters "
            "from people who know what happened, each with its date.",
        ),
        Item(
            "country_conditions",
            "Reports on conditions where they are",
            "Recent reports from governments, the United Nations or known human rights "
            "groups that bear on people in their situation.",
        ),
        Item(
            "no_safe_place",
            "What shows they cannot be safe where they are, or elsewhere in time",
            "For example a refusal of protection by the country they are in, or why moving "
            "within it would not help.",
        ),
    ),
    Category.PUBLIC_BENEFIT: (
        Item(
            "benefit_proof",
            "Proof of the event or proceeding that needs them",
            "For example a subpoena, a summons, or a letter setting the dates they must be "
            "present.",
        ),
    ),
    Category.OTHER: (
        Item(
            "other_reason_proof",
            "Documents that show the reason you give",
            "Whatever an officer would need to see that the facts in your statement are true.",
        ),
    ),
}

BY_BASIS: dict[Basis, tuple[Item, ...]] = {
    Basis.URGENT_HUMANITARIAN: (
        Item(
            "urgency",
            "What shows the need cannot wait",
            "Dates matter most: when the harm happened or will happen, and why a few months "
            "more would be too late.",
        ),
    ),
    Basis.SIGNIFICANT_PUBLIC_BENEFIT: (
        Item(
            "agency_letter",
            "A letter from the U.S. agency, court or public body their presence serves",
            "It should say why they are needed in person, for how long, and who asks.",
        ),
    ),
}


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
