"""The wizard's questions about the request: reason, length of stay, sponsor, fee, expedite."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.formats import date_format

from paroledesk.core.filing import DAYS_MAX, Kind
from paroledesk.core.policy import Channel, PolicyKey, PolicyMissing
from paroledesk.intake.wizard.fields import (
    Document,
    StepForm,
    choice,
    compact,
    long_text,
    radios,
    text,
    whole_number,
)
from paroledesk.intake.wizard.later_fees import later_fees
from paroledesk.policy.selectors import policy_on

INCOME_MAX = 10**9


class ReasonForm(StepForm):
    part = "reason"
    basis = radios(
        "Why do they need to come to the United States?",
        [
            ("urgent_humanitarian", "An urgent humanitarian reason"),
            ("significant_public_benefit", "A significant public benefit"),
        ],
        urgent_humanitarian="For example a medical emergency, a dying relative, or danger to "
        "their life.",
        missing="Choose the reason for parole.",
        significant_public_benefit="For example taking part in a court case in the United States.",
    )
    category = radios(
        "What kind of reason is it?",
        [
            ("medical", "Medical"),
            ("family_emergency", "Family emergency"),
            ("protection", "Protection from harm"),
            ("public_benefit", "Public benefit"),
            ("other", "Something else"),
        ],
        missing="Choose the kind of reason.",
    )
    statement = long_text(
        "What is happening, and why must they come now?",
        missing="Say what is happening and why they must come now.",
        hint="Say what the emergency or benefit is, and give dates. You add evidence after filing.",
    )
    why_no_visa = long_text(
        "Why can’t they get a visa in time?",
        missing="Say why they cannot get a visa in time.",
        hint="Say which visa they tried, when and where, and what happened, "
        "or why applying cannot work in time.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.request_kind == Kind.REPAROLE.value:
            # They are here already: the question is why they must stay longer.
            self.fields["basis"].label = "Why do they need to stay longer in the United States?"
            statement = self.fields["statement"]
            statement.label = "What is happening, and why must they stay longer?"
            statement.error_messages["required"] = (
                "Say what is happening and why they must stay longer."
            )

    @classmethod
    def initial_from(cls, doc: Document) -> dict[str, Any]:
        return dict(doc.get("reason") or {})

    @classmethod
    def done(cls, doc: Document) -> bool:
        return bool(doc.get("reason"))

    def write(self, doc: Document) -> None:
        doc["reason"] = dict(self.cleaned_data)

    def summary(self, doc: Document) -> list[tuple[str, str]]:
        reason = doc.get("reason") or {}
        return [
            ("Reason", self.label_of("basis", reason.get("basis"))),
            ("Kind of reason", self.label_of("category", reason.get("category"))),
            ("What is happening", reason.get("statement", "")),
            ("Why no visa", reason.get("why_no_visa", "")),
        ]


class PeriodForm(StepForm):
    part = "requested_days"
    requested_days = forms.IntegerField(
        label="How many days do they need to stay?",
        min_value=1,
        max_value=DAYS_MAX,
        error_messages={
            "required": "Enter the number of days.",
            "invalid": "Enter the number of days as a whole number, like 90.",
            "min_value": "Ask for at least 1 day.",
            "max_value": f"Ask for at most {DAYS_MAX:,} days.",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.request_kind == Kind.REPAROLE.value:
            self.fields["requested_days"].label = "How many more days do they need to stay?"
        try:
            usual = policy_on(self.today).long_period_days()
        except PolicyMissing:
            return
        self.fields["requested_days"].help_text = (
            f"Ask for as long as the need lasts. Parole for more than {usual} days is rare: "
            "if they need longer, say why in your statement."
        )

    @classmethod
    def initial_from(cls, doc: Document) -> dict[str, Any]:
        return {"requested_days": doc.get("requested_days")}

    @classmethod
    def done(cls, doc: Document) -> bool:
        return bool(doc.get("requested_days"))

    def write(self, doc: Document) -> None:
        doc["requested_days"] = self.cleaned_data["requested_days"]

    def summary(self, doc: Document) -> list[tuple[str, str]]:
        days = doc.get("requested_days") or 0
        return [("Stay asked for", f"{days:,} day{'s' if days != 1 else ''}")]


class SponsorForm(StepForm):
    part = "sponsor"
    given_name = text(
        "Sponsor’s given name (first name)", missing="Enter the sponsor’s given name."
    )
    family_name = text(
        "Sponsor’s family name (last name)", missing="Enter the sponsor’s family name."
    )
    status = radios(
        "The sponsor’s immigration status",
        [
            ("citizen", "U.S. citizen"),
            ("permanent_resident", "Lawful permanent resident (green card holder)"),
            ("other_lawful", "Another lawful status in the United States"),
        ],
        missing="Choose the sponsor’s immigration status.",
    )
    annual_income_usd = forms.CharField(
        label="Sponsor’s yearly income, in U.S. dollars",
        max_length=20,
        help_text="Before taxes, as on Form I-134. For example: 45000",
        error_messages={"required": "Enter the sponsor’s yearly income."},
    )
    household_size = forms.IntegerField(
        label="People in the sponsor’s household",
        min_value=1,
        max_value=99,
        help_text="Count the sponsor, everyone they already support, and the person who "
        "needs parole.",
        error_messages={
            "required": "Enter the number of people in the household.",
            "invalid": "Enter the number of people as a whole number, like 3.",
            "min_value": "Count at least the sponsor: 1 or more.",
            "max_value": "Enter a household of at most 99 people.",
        },
    )

    def clean_annual_income_usd(self) -> int:
        amount = whole_number(self.cleaned_data.get("annual_income_usd", ""))
        if amount is None or amount > INCOME_MAX:
            raise forms.ValidationError(
                "Enter the income as a whole number of dollars, like 45000."
            )
        return amount

    @classmethod
    def initial_from(cls, doc: Document) -> dict[str, Any]:
        return dict(doc.get("sponsor") or {})

    @classmethod
    def done(cls, doc: Document) -> bool:
        return bool(doc.get("sponsor"))

    def write(self, doc: Document) -> None:
        doc["sponsor"] = dict(self.cleaned_data)

    def summary(self, doc: Document) -> list[tuple[str, str]]:
        sponsor = doc.get("sponsor") or {}
        name = " ".join(filter(None, [sponsor.get("given_name"), sponsor.get("family_name")]))
        people = sponsor.get("household_size") or 0
        return [
            ("Sponsor", name),
            ("Status", self.label_of("status", sponsor.get("status"))),
            ("Yearly income", f"${sponsor.get('annual_income_usd') or 0:,}"),
            ("Household", f"{people} {'person' if people == 1 else 'people'}"),
        ]


class FeeForm(StepForm):
    """Paid (the online fee in force today), exempt on a ground policy lists, or a waiver."""

    part = "fee"
    paths = {"fee.amount_usd": "payment", "fee": "exemption"}
    payment = radios(
        "How will you pay the filing fee?",
        [
            ("paid", "Pay the filing fee"),
            ("exempt", "I do not have to pay the fee"),
            ("waiver_requested", "I cannot pay and want to ask for a fee waiver"),
        ],
        missing="Choose how you will pay the filing fee.",
        exempt="Some groups are exempt by law. Choose yours below.",
        waiver_requested="A fee waiver request (Form I-912) must be filed on paper, not online.",
    )
    exemption = choice(
        "If you are exempt: why", [], hint="Only if you chose that you do not have to pay."
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        snapshot = policy_on(self.today)
        self.fee_usd = snapshot.filing_fee(Channel.ONLINE)
        self.fee_since = snapshot.get(PolicyKey.FILING_FEE_ONLINE).effective_from
        self.filing_address = snapshot.filing_address()
        self.later = later_fees(self.today)
        self.fields["exemption"].choices = [  # type: ignore[attr-defined]
            ("", "- Select -"),
            *snapshot.exemptions(),
        ]
        payment = self.fields["payment"]
        payment.choices = [  # type: ignore[attr-defined]
            ("paid", f"Pay the filing fee of ${self.fee_usd:,}"),
            *payment.choices[1:],  # type: ignore[attr-defined]
        ]
        payment.descriptions = {  # type: ignore[attr-defined]
            **payment.descriptions,  # type: ignore[attr-defined]
            "paid": f"The fee for filing online, in force since "
            f"{date_format(self.fee_since, 'F j, Y')}.",
        }

    @classmethod
    def initial_from(cls, doc: Document) -> dict[str, Any]:
        return dict(doc.get("fee") or {})

    @classmethod
    def done(cls, doc: Document) -> bool:
        return bool(doc.get("fee"))

    def write(self, doc: Document) -> None:
        payment = self.cleaned_data["payment"]
        fee: dict[str, Any] = {"payment": payment}
        if payment == "paid":
            fee["amount_usd"] = self.fee_usd
        elif payment == "exempt":
            fee["exemption"] = self.cleaned_data["exemption"]
        doc["fee"] = fee

    def summary(self, doc: Document) -> list[tuple[str, str]]:
        fee = doc.get("fee") or {}
        answer = {
            "paid": f"Pay ${fee.get('amount_usd') or 0:,} online",
            "exempt": f"Exempt: {self.label_of('exemption', fee.get('exemption'))}",
            "waiver_requested": "Fee waiver requested: file on paper",
        }.get(fee.get("payment", ""), "")
        return [("Filing fee", answer)]


class ExpediteForm(StepForm):
    part = "expedite"
    wanted = forms.BooleanField(
        label="Ask for a faster decision",
        required=False,
        help_text="Only if waiting the usual time would cause serious harm. An officer decides.",
    )
    reason = long_text(
        "If so, why is it urgent?",
        hint="Give dates, for example the day a surgery is scheduled.",
        missing="Say why the decision is urgent, or untick the box.",
        required=False,
    )

    @classmethod
    def initial_from(cls, doc: Document) -> dict[str, Any]:
        expedite = doc.get("expedite") or {}
        return {"wanted": bool(expedite), "reason": expedite.get("reason", "")}

    @classmethod
    def done(cls, doc: Document) -> bool:
        # The step is answered when the key is there; null means "no expedite".
        return "expedite" in doc

    def write(self, doc: Document) -> None:
        wanted = self.cleaned_data["wanted"]
        doc["expedite"] = compact({"reason": self.cleaned_data["reason"]}) if wanted else None

    def summary(self, doc: Document) -> list[tuple[str, str]]:
        expedite = doc.get("expedite")
        return [("Faster decision", f"Asked for: {expedite['reason']}" if expedite else "No")]
