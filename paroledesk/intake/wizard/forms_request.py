"""The wizard's questions about the request: reason, length of stay, sponsor, fee, expedite."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _

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
        _("Why do they need to come to the United States?"),
        [
            ("urgent_humanitarian", _("An urgent humanitarian reason")),
            ("significant_public_benefit", _("A significant public benefit")),
        ],
        urgent_humanitarian=_(
            "For example a medical emergency, a dying relative, or danger to their life."
        ),
        missing=_("Choose the reason for parole."),
        significant_public_benefit=_(
            "For example taking part in a court case in the United States."
        ),
    )
    category = radios(
        _("What kind of reason is it?"),
        [
            ("medical", _("Medical")),
            ("family_emergency", _("Family emergency")),
            ("protection", _("Protection from harm")),
            ("public_benefit", _("Public benefit")),
            ("other", _("Something else")),
        ],
        missing=_("Choose the kind of reason."),
    )
    statement = long_text(
        _("What is happening, and why must they come now?"),
        missing=_("Say what is happening and why they must come now."),
        hint=_(
            "Say what the emergency or benefit is, and give dates. You add evidence after filing."
        ),
    )
    why_no_visa = long_text(
        _("Why can’t they get a visa in time?"),
        missing=_("Say why they cannot get a visa in time."),
        hint=_(
            "Say which visa they tried, when and where, and what happened, or why applying "
            "cannot work in time."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.request_kind == Kind.REPAROLE.value:
            # They are here already: the question is why they must stay longer.
            self.fields["basis"].label = gettext(
                "Why do they need to stay longer in the United States?"
            )
            statement = self.fields["statement"]
            statement.label = gettext("What is happening, and why must they stay longer?")
            statement.error_messages["required"] = gettext(
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
            (gettext("Reason"), self.label_of("basis", reason.get("basis"))),
            (gettext("Kind of reason"), self.label_of("category", reason.get("category"))),
            (gettext("What is happening"), reason.get("statement", "")),
            (gettext("Why no visa"), reason.get("why_no_visa", "")),
        ]


class PeriodForm(StepForm):
    part = "requested_days"
    requested_days = forms.IntegerField(
        label=_("How many days do they need to stay?"),
        min_value=1,
        max_value=DAYS_MAX,
        error_messages={
            "required": _("Enter the number of days."),
            "invalid": _("Enter the number of days as a whole number, like 90."),
            "min_value": _("Ask for at least 1 day."),
            "max_value": format_lazy(_("Ask for at most {days} days."), days=f"{DAYS_MAX:,}"),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.request_kind == Kind.REPAROLE.value:
            self.fields["requested_days"].label = gettext(
                "How many more days do they need to stay?"
            )
        try:
            usual = policy_on(self.today).long_period_days()
        except PolicyMissing:
            return
        self.fields["requested_days"].help_text = gettext(
            "Ask for as long as the need lasts. Parole for more than %(days)s days is rare: "
            "if they need longer, say why in your statement."
        ) % {"days": usual}

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
        shown = ngettext("%(days)s day", "%(days)s days", days) % {"days": f"{days:,}"}
        return [(gettext("Stay asked for"), shown)]


class SponsorForm(StepForm):
    part = "sponsor"
    given_name = text(
        _("Sponsor’s given name (first name)"), missing=_("Enter the sponsor’s given name.")
    )
    family_name = text(
        _("Sponsor’s family name (last name)"), missing=_("Enter the sponsor’s family name.")
    )
    status = radios(
        _("The sponsor’s immigration status"),
        [
            ("citizen", _("U.S. citizen")),
            ("permanent_resident", _("Lawful permanent resident (green card holder)")),
            ("other_lawful", _("Another lawful status in the United States")),
        ],
        missing=_("Choose the sponsor’s immigration status."),
    )
    annual_income_usd = forms.CharField(
        label=_("Sponsor’s yearly income, in U.S. dollars"),
        max_length=20,
        help_text=_("Before taxes, as on Form I-134. For example: 45000"),
        error_messages={"required": _("Enter the sponsor’s yearly income.")},
    )
    household_size = forms.IntegerField(
        label=_("People in the sponsor’s household"),
        min_value=1,
        max_value=99,
        help_text=_(
            "Count the sponsor, everyone they already support, and the person who needs parole."
        ),
        error_messages={
            "required": _("Enter the number of people in the household."),
            "invalid": _("Enter the number of people as a whole number, like 3."),
            "min_value": _("Count at least the sponsor: 1 or more."),
            "max_value": _("Enter a household of at most 99 people."),
        },
    )

    def clean_annual_income_usd(self) -> int:
        amount = whole_number(self.cleaned_data.get("annual_income_usd", ""))
        if amount is None or amount > INCOME_MAX:
            raise forms.ValidationError(
                gettext("Enter the income as a whole number of dollars, like 45000.")
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
            (gettext("Sponsor"), name),
            (pgettext("sponsor", "Status"), self.label_of("status", sponsor.get("status"))),
            (gettext("Yearly income"), f"${sponsor.get('annual_income_usd') or 0:,}"),
            (
                gettext("Household"),
                ngettext("%(people)s person", "%(people)s people", people) % {"people": people},
            ),
        ]


class FeeForm(StepForm):
    """Paid (the online fee in force today), exempt on a ground policy lists, or a waiver."""

    part = "fee"
    paths = {"fee.amount_usd": "payment", "fee": "exemption"}
    payment = radios(
        _("How will you pay the filing fee?"),
        [
            ("paid", _("Pay the filing fee")),
            ("exempt", _("I do not have to pay the fee")),
            ("waiver_requested", _("I cannot pay and want to ask for a fee waiver")),
        ],
        missing=_("Choose how you will pay the filing fee."),
        exempt=_("Some groups are exempt by law. Choose yours below."),
        waiver_requested=_("A fee waiver request (Form I-912) must be filed on paper, not online."),
    )
    exemption = choice(
        _("If you are exempt: why"), [], hint=_("Only if you chose that you do not have to pay.")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        snapshot = policy_on(self.today)
        self.fee_usd = snapshot.filing_fee(Channel.ONLINE)
        self.fee_since = snapshot.get(PolicyKey.FILING_FEE_ONLINE).effective_from
        self.filing_address = snapshot.filing_address()
        self.later = later_fees(self.today)
        self.fields["exemption"].choices = [  # type: ignore[attr-defined]
            ("", gettext("- Select -")),
            *snapshot.exemptions(),
        ]
        payment = self.fields["payment"]
        payment.choices = [  # type: ignore[attr-defined]
            ("paid", gettext("Pay the filing fee of $%(fee)s") % {"fee": f"{self.fee_usd:,}"}),
            *payment.choices[1:],  # type: ignore[attr-defined]
        ]
        payment.descriptions = {  # type: ignore[attr-defined]
            **payment.descriptions,  # type: ignore[attr-defined]
            "paid": gettext("The fee for filing online, in force since %(since)s.")
            % {"since": date_format(self.fee_since, gettext("F j, Y"))},
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
            "paid": gettext("Pay $%(fee)s online") % {"fee": f"{fee.get('amount_usd') or 0:,}"},
            "exempt": gettext("Exempt: %(why)s")
            % {"why": self.label_of("exemption", fee.get("exemption"))},
            "waiver_requested": gettext("Fee waiver requested: file on paper"),
        }.get(fee.get("payment", ""), "")
        return [(gettext("Filing fee"), answer)]


class ExpediteForm(StepForm):
    part = "expedite"
    wanted = forms.BooleanField(
        label=_("Ask for a faster decision"),
        required=False,
        help_text=_("Only if waiting the usual time would cause serious harm. An officer decides."),
    )
    reason = long_text(
        _("If so, why is it urgent?"),
        hint=_("Give dates, for example the day a surgery is scheduled."),
        missing=_("Say why the decision is urgent, or untick the box."),
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
        asked = (
            gettext("Asked for: %(reason)s") % {"reason": expedite["reason"]} if expedite else ""
        )
        return [(gettext("Faster decision"), asked or gettext("No"))]
