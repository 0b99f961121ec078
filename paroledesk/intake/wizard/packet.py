"""The filing packet: a PDF made from a draft, for a request that must go to USCIS on paper.

A fee waiver (Form I-912) cannot be filed online, so the wizard's paper path
ends here: the filer's answers in the order of Form I-131, the sponsor's for
Form I-134, a word on Form I-912, the evidence checklist (``checklist``), and
the fee, the address and the decision window in force on the day the packet
is built. Every figure and the address come from the policy snapshot of that
day, never from this file or the template.

The packet is made in memory each time its owner asks and never stored: the
answers stay encrypted in the draft. A draft with questions still open gets a
packet all the same, each open answer marked ``NOT_ANSWERED``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, NoReturn

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from weasyprint import HTML

from paroledesk.core.countries import country_name
from paroledesk.core.filing import Kind
from paroledesk.core.policy import Channel, PolicyKey, PolicySnapshot, if_in_force
from paroledesk.intake.models import FilingDraft
from paroledesk.intake.wizard.checklist import checklist_for
from paroledesk.intake.wizard.fields import Document, StepForm
from paroledesk.intake.wizard.forms_people import FilerForm, LocationForm
from paroledesk.intake.wizard.forms_request import ReasonForm, SponsorForm
from paroledesk.intake.wizard.steps import STEP_BY_SLUG, unfinished
from paroledesk.policy.selectors import policy_on

NOT_ANSWERED = "Not answered yet"
TEMPLATE = "intake/packet/packet.html"

# What the packet holds, in its order: its cover letter and the paper page both list it.
CONTENTS: tuple[tuple[str, str], ...] = (
    ("A cover letter", "what is in the packet and what to do with it"),
    ("Part A: your answers for Form I-131", "in the order the form asks for them"),
    ("Part B: the sponsor’s answers for Form I-134", "for the sponsor to copy and sign"),
    ("Part C: Form I-912", "what the fee waiver request asks for"),
    ("Part D: the evidence checklist", "what to send for the reason you gave"),
    (
        "Part E: the fee, the address and what comes next",
        "as they stand on the day you download the packet",
    ),
)

APPLICATION_TYPE = {
    Kind.INITIAL.value: "Humanitarian parole: a first request",
    Kind.REPAROLE.value: "Humanitarian parole: re-parole, more time for someone already paroled",
    Kind.REFILING.value: "Humanitarian parole: a first request, made again after a denial",
}


SPONSOR_WHERE = "Form I-134: the sponsor fills it in and signs it"
# Form I-131 has no question for it: the request for speed travels with the form.
EXPEDITE_WHERE = "Not a question of Form I-131: write it in a signed letter sent with the form"


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    missing: bool = False


@dataclass(frozen=True)
class Section:
    title: str
    where: str  # which part of the paper form the answers go to, in words
    rows: list[Row]


@dataclass(frozen=True)
class Figures:
    """What the policy in force on the day says; None where no value is in force."""

    paper_fee: int | None
    paper_fee_since: date | None
    address: str | None
    address_since: date | None
    window: tuple[int, int] | None
    parole_fee: int | None
    parole_fee_since: date | None
    parole_fee_exceptions: list[str]


def packet_pdf(*, draft: FilingDraft, day: date) -> bytes:
    """The packet of ``draft`` as PDF bytes, with the policy in force on ``day``.

    In English whatever the language of the pages: it goes to USCIS with the English
    forms, and the wizard's questions it repeats must read as those forms do."""
    with translation.override("en"):
        html = render_to_string(TEMPLATE, packet_context(draft=draft, day=day))
    pdf: bytes = HTML(string=html, url_fetcher=_fetch_nothing).write_pdf()
    return pdf


def packet_context(*, draft: FilingDraft, day: date) -> dict[str, Any]:
    doc: Document = draft.data
    sponsor = doc.get("sponsor") or {}
    return {
        "draft_id": draft.pk,
        "built_on": day,
        "filer_name": _name(doc.get("requestor")),
        "beneficiary_name": _name(doc.get("beneficiary")),
        "sponsor_name": _name(sponsor),
        "missing": [step.title_for(doc) for step in unfinished(doc)],
        "contents": CONTENTS,
        "answers": answer_sections(doc),
        "sponsor": sponsor_section(doc),
        "checklist": checklist_for(doc),
        "figures": figures_on(day),
        "not_answered": NOT_ANSWERED,
    }


# -- the answers ------------------------------------------------------------------


def answer_sections(doc: Document) -> list[Section]:
    """The answers for Form I-131, in the order its parole parts ask for them."""
    sections = [
        Section("You, the person filing", "Form I-131: the part about you", _filer(doc)),
        Section(
            "What you are asking for", "Form I-131: the kind of application", _application(doc)
        ),
        Section(
            "The person who needs parole",
            "Form I-131: the parts about the person to be paroled",
            [*_beneficiary(doc), *_location(doc)],
        ),
        Section("Why they need parole", "Form I-131: the reason for parole", _reason(doc)),
        Section("How long they need to stay", "Form I-131: the length of the stay", _period(doc)),
    ]
    kind = doc.get("kind")
    if kind in (Kind.REPAROLE.value, Kind.REFILING.value):
        sections.append(
            Section("The earlier request", "Form I-131: the earlier request", _earlier(doc))
        )
    sections.append(Section("A faster decision", EXPEDITE_WHERE, _expedite(doc)))
    return sections


def sponsor_section(doc: Document) -> Section:
    if not _answered("sponsor", doc):
        return Section("The sponsor", SPONSOR_WHERE, _open("sponsor"))
    sponsor = doc.get("sponsor") or {}
    people = int(sponsor.get("household_size") or 0)
    return Section(
        "The sponsor",
        SPONSOR_WHERE,
        [
            Row("Family name", sponsor.get("family_name", "")),
            Row("Given name", sponsor.get("given_name", "")),
            Row("Immigration status", _label(SponsorForm, "status", sponsor.get("status"))),
            Row("Yearly income", _dollars(sponsor.get("annual_income_usd"))),
            Row("People in the household", f"{people} {'person' if people == 1 else 'people'}"),
        ],
    )


def _filer(doc: Document) -> list[Row]:
    if not _answered("filer", doc):
        return _open("filer")
    filer = doc.get("requestor") or {}
    rows = [
        Row("Filing as", _label(FilerForm, "role", filer.get("role"))),
        Row("Family name", filer.get("family_name", "")),
        Row("Given name", filer.get("given_name", "")),
    ]
    optional = (
        ("relationship", "Relationship to them"),
        ("organization_name", "Organization"),
        ("email", "Email"),
        ("bar_number", "Bar number (Form G-28)"),
        ("accreditation_number", "Accreditation number (Form G-28)"),
    )
    rows += [Row(label, filer[key]) for key, label in optional if filer.get(key)]
    return rows


def _application(doc: Document) -> list[Row]:
    if not _answered("kind", doc):
        return _open("kind")
    kind = str(doc["kind"])
    return [Row("Application type", APPLICATION_TYPE.get(kind, kind))]


def _beneficiary(doc: Document) -> list[Row]:
    if not _answered("beneficiary", doc):
        return _open("beneficiary")
    person = doc.get("beneficiary") or {}
    born = person.get("date_of_birth")
    return [
        Row("Family name", person.get("family_name", "")),
        Row("Given name", person.get("given_name", "")),
        Row("Date of birth", date_format(date.fromisoformat(born), "F j, Y") if born else ""),
        Row("Country of birth", country_name(person.get("country_of_birth", ""))),
        Row("Country of citizenship", country_name(person.get("country_of_citizenship", ""))),
        Row(
            "Passport number",
            person.get("passport_number") or "None: say why in the statement of the reason",
        ),
    ]


def _location(doc: Document) -> list[Row]:
    if not _answered("location", doc):
        return _open("location")
    person = doc.get("beneficiary") or {}
    rows = [Row("Where they are now", _label(LocationForm, "location", person.get("location")))]
    if person.get("current_country"):
        rows.append(Row("Country they are in", country_name(person["current_country"])))
    return rows


def _reason(doc: Document) -> list[Row]:
    if not _answered("reason", doc):
        return _open("reason")
    reason = doc.get("reason") or {}
    return [
        Row("Ground", _label(ReasonForm, "basis", reason.get("basis"))),
        Row("Kind of reason", _label(ReasonForm, "category", reason.get("category"))),
        Row("What is happening, and why now", reason.get("statement", "")),
        Row("Why a visa cannot be had in time", reason.get("why_no_visa", "")),
    ]


def _period(doc: Document) -> list[Row]:
    if not _answered("period", doc):
        return _open("period")
    days = int(doc.get("requested_days") or 0)
    return [Row("Stay asked for", f"{days:,} day{'' if days == 1 else 's'}")]


def _earlier(doc: Document) -> list[Row]:
    slug = doc["kind"]  # the step is named after the kind it belongs to
    if not _answered(slug, doc):
        return _open(slug)
    if slug == Kind.REPAROLE.value:
        return [Row("Receipt number of the parole granted", doc.get("related_receipt_number", ""))]
    return [
        Row("Receipt number of the denied request", doc.get("related_receipt_number", "")),
        Row("What is new since the denial", doc.get("new_facts", "")),
    ]


def _expedite(doc: Document) -> list[Row]:
    if not _answered("expedite", doc):
        return _open("expedite")
    expedite = doc.get("expedite")
    if not expedite:
        return [Row("Faster decision", "Not asked for")]
    return [Row("Faster decision", "Asked for"), Row("Why it is urgent", expedite["reason"])]


def _answered(slug: str, doc: Document) -> bool:
    return STEP_BY_SLUG[slug].form.done(doc)


def _open(slug: str) -> list[Row]:
    return [Row(str(STEP_BY_SLUG[slug].label), NOT_ANSWERED, missing=True)]


def _label(form: type[StepForm], name: str, value: object) -> str:
    """The words the wizard showed for a choice, not its code."""
    choices = getattr(form.base_fields[name], "choices", [])
    return next((str(label) for code, label in choices if code == value), str(value or ""))


def _name(part: object) -> str:
    person = part if isinstance(part, dict) else {}
    return " ".join(filter(None, [person.get("given_name"), person.get("family_name")]))


def _dollars(amount: object) -> str:
    return f"${int(amount):,}" if isinstance(amount, int) else ""


# -- the policy of the day ----------------------------------------------------------


def figures_on(day: date) -> Figures:
    snapshot = policy_on(day)
    exceptions = if_in_force(snapshot.parole_fee_exceptions) or []
    return Figures(
        paper_fee=if_in_force(lambda: snapshot.filing_fee(Channel.PAPER)),
        paper_fee_since=_since(snapshot, PolicyKey.FILING_FEE_PAPER),
        address=if_in_force(snapshot.filing_address),
        address_since=_since(snapshot, PolicyKey.FILING_ADDRESS),
        window=if_in_force(snapshot.decision_window_days),
        parole_fee=if_in_force(snapshot.parole_fee),
        parole_fee_since=_since(snapshot, PolicyKey.PAROLE_FEE),
        parole_fee_exceptions=[label for _, label in exceptions],
    )


def _since(snapshot: PolicySnapshot, key: PolicyKey) -> date | None:
    return if_in_force(lambda: snapshot.get(key).effective_from)


def _fetch_nothing(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    """The packet is made from its template alone: nothing it holds may load a URL."""
    raise ValueError(f"The filing packet loads nothing from outside ({url}).")
