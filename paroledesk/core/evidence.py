"""The evidence a parole request carries, as data: each item what to send and why.

One list for every place that tells people what to gather: the filing
packet (by what a draft says) and the eligibility screener (by the reason
given). Each item has a ``code``, so that tests and pages tell items apart
without matching words. The words are marked for translation (core.words);
a page translates them when it shows them, the printed packet stays English.
"""

from __future__ import annotations

from dataclasses import dataclass

from paroledesk.core.filing_rules import Basis, Category
from paroledesk.core.words import gettext_noop as _


@dataclass(frozen=True)
class Item:
    code: str
    what: str  # the thing to send
    detail: str = ""  # what makes it useful to an officer


PASSPORT = Item(
    "passport",
    _("A copy of the page of their passport that shows their photo and details"),
    _("Copy every page with a visa or an entry stamp too, if they have been to the United States."),
)
NO_PASSPORT = Item(
    "identity",
    _("What proves who they are, since they have no passport"),
    _(
        "A national identity card, a birth certificate or an expired passport, and a few lines on "
        "why they have no valid passport and whether they can get one."
    ),
)
RELATIONSHIP = Item(
    "relationship",
    _("Proof of how you are related to them"),
    _(
        "Birth, marriage or adoption certificates that link the two of you, with a certified "
        "English translation of any that are in another language."
    ),
)
SPONSOR = Item(
    "sponsor_income",
    _("The sponsor's signed Form I-134 and proof of their income"),
    _(
        "Their latest federal tax return or IRS transcript, recent pay statements or a letter "
        "from their employer, and statements of any savings they rely on."
    ),
)
VISA = Item(
    "visa_attempt",
    _("What shows a visa cannot be had in time"),
    _(
        "Any visa refusal letter, the earliest interview date offered, or messages from the "
        "embassy or consulate; say when and where they tried."
    ),
)
G28 = Item(
    "g28",
    _("Form G-28, signed by you and by the person you act for"),
    _("It must show your bar number or your accreditation number."),
)
DENIAL = Item(
    "denial_notice",
    _("A copy of the denial notice of the earlier request"),
    _("And evidence of each new fact you state: a denial is only answered by what is new."),
)
EARLIER_GRANT = Item(
    "earlier_grant",
    _("A copy of the approval of the parole they are on, and their Form I-94"),
    _("The I-94 is the arrival record that shows the day their parole ends."),
)
EXPEDITE = Item(
    "expedite_proof",
    _("Proof of why the decision is urgent"),
    _("For example a letter giving the date of a surgery, a hearing or a deadline."),
)
FEE_WAIVER = Item(
    "fee_waiver",
    _("Form I-912, signed, with proof of what it says"),
    _(
        "A letter awarding a means-tested benefit, a tax return or transcript, or records of the "
        "hardship that keeps you from paying."
    ),
)
REASON_UNKNOWN = Item(
    "reason_evidence",
    _("Evidence of the reason for parole"),
    _("Answer the question about the reason, and this list will say what the reason needs."),
)

BY_CATEGORY: dict[Category, tuple[Item, ...]] = {
    Category.MEDICAL: (
        Item(
            "medical_letter",
            _("A letter from their doctor"),
            _(
                "It should give the diagnosis and what is likely to happen without treatment, and "
                "say why the treatment cannot be had where they are, or in time."
            ),
        ),
        Item(
            "medical_records",
            _("Their recent medical records"),
            _("Test results and reports that back up the doctor's letter."),
        ),
        Item(
            "treatment_in_us",
            _("Proof that a hospital or doctor in the United States will treat them"),
            _("An acceptance or appointment letter, with the expected cost and who will pay it."),
        ),
    ),
    Category.FAMILY_EMERGENCY: (
        Item(
            "family_emergency_proof",
            _("Proof of the emergency in the family"),
            _(
                "For example a doctor's letter on a relative's illness, a death certificate, or "
                "the notice of a funeral or of a court hearing about a child."
            ),
        ),
        Item(
            "family_tie",
            _("Proof of how they are related to the family member in the United States"),
            _(
                "Certificates that link them, step by step if the tie passes through others. "
                "If that family member is you, the proof of your relationship below covers it."
            ),
        ),
    ),
    Category.PROTECTION: (
        Item(
            "harm_evidence",
            _("Evidence of the danger they face now"),
            _(
                "Police reports, threats they received, medical records of injuries, or letters "
                "from people who know what happened, each with its date."
            ),
        ),
        Item(
            "country_conditions",
            _("Reports on conditions where they are"),
            _(
                "Recent reports from governments, the United Nations or known human rights "
                "groups that bear on people in their situation."
            ),
        ),
        Item(
            "no_safe_place",
            _("What shows they cannot be safe where they are, or elsewhere in time"),
            _(
                "For example a refusal of protection by the country they are in, or why moving "
                "within it would not help."
            ),
        ),
    ),
    Category.PUBLIC_BENEFIT: (
        Item(
            "benefit_proof",
            _("Proof of the event or proceeding that needs them"),
            _(
                "For example a subpoena, a summons, or a letter setting the dates they must be "
                "present."
            ),
        ),
    ),
    Category.OTHER: (
        Item(
            "other_reason_proof",
            _("Documents that show the reason you give"),
            _("Whatever an officer would need to see that the facts in your statement are true."),
        ),
    ),
}

BY_BASIS: dict[Basis, tuple[Item, ...]] = {
    Basis.URGENT_HUMANITARIAN: (
        Item(
            "urgency",
            _("What shows the need cannot wait"),
            _(
                "Dates matter most: when the harm happened or will happen, and why a few months "
                "more would be too late."
            ),
        ),
    ),
    Basis.SIGNIFICANT_PUBLIC_BENEFIT: (
        Item(
            "agency_letter",
            _("A letter from the U.S. agency, court or public body their presence serves"),
            _("It should say why they are needed in person, for how long, and who asks."),
        ),
    ),
}


# What every request needs whoever files it, told before a draft exists (the screener).
FORM_I131 = Item(
    "form_i131",
    _("Form I-131, the application, filled in for a parole request"),
    _(
        "Online, Parole Desk fills it in from your answers as you file; on paper, use the "
        "latest edition of the form from USCIS and sign it."
    ),
)
FILING_FEE = Item(
    "filing_fee",
    _("The filing fee, or what shows the person is exempt from it"),
    _(
        "A request without the fee is refused. Someone who cannot pay may ask for a fee "
        "waiver with Form I-912, but only on a paper filing."
    ),
)
