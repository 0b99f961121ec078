"""The screener's words: each outcome, flag and next step in plain language, translatable.

core.screening decides by codes; this module says what each code means to the
person asking, for the page, the API and the command alike. Figures (fees,
dates, days) come from the screening, which read them from policy.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from paroledesk.core.evidence import Item
from paroledesk.core.screening import Flag, NextStep, Outcome, Screening, Step

DISCLAIMER = _(
    "This screener is general information, not legal advice. It cannot weigh everything "
    "in a person's history, and only USCIS decides a request, case by case. For advice on "
    "your situation, talk to an immigration attorney or a DOJ-accredited representative."
)

OUTCOMES: dict[Outcome, tuple[Promise, Promise]] = {
    Outcome.MAY_REQUEST_PAROLE: (
        _("A request for parole can be filed"),
        _(
            "From what you told us, a request for humanitarian parole can be filed for this "
            "person. Whether it is approved depends on the evidence and on USCIS's judgment."
        ),
    ),
    Outcome.MAY_REQUEST_REPAROLE: (
        _("A request for re-parole can be filed"),
        _(
            "The person is in the United States on a parole that USCIS headquarters granted, so "
            "a request to extend it (re-parole) can be filed, before that parole ends."
        ),
    ),
    Outcome.REFILE_NEEDS_NEW_FACTS: (
        _("A new request needs new facts"),
        _(
            "A denied request cannot be appealed. A new request is only worth filing with "
            "significant facts that are new since the denial."
        ),
    ),
    Outcome.NOT_ELIGIBLE: (
        _("Parole does not look like the way"),
        _(
            "From what you told us, a request for humanitarian parole would not fit this "
            "situation. The notes below say why, and where to turn instead."
        ),
    ),
}

FLAGS: dict[Flag, Promise] = {
    Flag.INSIDE_US_WITHOUT_HQ_PAROLE: _(
        "The person is in the United States without a parole that USCIS headquarters "
        "granted. From inside the country, only such a parole can be extended here."
    ),
    Flag.REPAROLE_REQUIRES_HQ_GRANT: _(
        "A parole granted by CBP at a port of entry, or under another program, cannot be "
        "extended by a re-parole request to USCIS headquarters."
    ),
    Flag.PAROLE_ALREADY_ENDED: _(
        "The current parole has already ended. A late request for re-parole is accepted, but "
        "the person may already be without lawful status."
    ),
    Flag.REPAROLE_FILE_NOW: _(
        "The parole ends soon: a re-parole request should be filed well before it ends, so "
        "file now."
    ),
    Flag.ATTORNEY_REVIEW_RECOMMENDED: _(
        "Something in the answers can have serious consequences. Have an immigration attorney "
        "or an accredited representative look at the situation before anything is filed."
    ),
    Flag.FINANCIAL_SUPPORT_MISSING: _(
        "Every request needs a sponsor in the United States who signs Form I-134 and shows "
        "they can support the person. There is none yet."
    ),
    Flag.VISA_ROUTE_AVAILABLE: _(
        "A visa could serve. Parole is not a way around the visa process: where a visa can be "
        "had in time, USCIS denies parole."
    ),
    Flag.LONG_PERIOD: _(
        "The period wanted is longer than parole is usually granted for. It can be asked for, "
        "but the request must explain why that much time is needed."
    ),
    Flag.NO_HUMANITARIAN_REASON: _(
        "Parole needs an urgent humanitarian reason or a significant public benefit, and none "
        "was given."
    ),
}

STEPS: dict[Step, Promise] = {
    Step.INSIDE_US_ONLY_REPAROLE: _(
        "Do not file a parole request for someone inside the United States: it would be "
        "refused. Ask a legal service provider which other ways may be open."
    ),
    Step.NON_HQ_PAROLE: _(
        "Ask the office that granted the parole, or a legal service provider, how that kind "
        "of parole can be extended."
    ),
    Step.APPLY_FOR_VISA: _(
        "Apply for the visa that fits the purpose of the trip at a U.S. embassy or consulate."
    ),
    Step.NEEDS_REASON: _(
        "Parole cannot be asked for without a reason of that weight. If there is one, for "
        "example a medical emergency or danger, answer the screener again with it."
    ),
    Step.NO_APPEAL: _(
        "There is no appeal and no motion against a denial. When there are significant new "
        "facts, file a new request that names the denied one, says what is new, and proves it, "
        "with a new filing fee."
    ),
    Step.FILE_INITIAL: _(
        "File Form I-131 for the person, online here or on paper, with the evidence below, the "
        "sponsor's Form I-134 and the filing fee. The person must be outside the United States."
    ),
    Step.FILE_REFILING: _(
        "File a new request (a refiling) that names the denied request by its receipt number "
        "and states the significant facts that are new since the denial, with their proof."
    ),
    Step.FILE_REPAROLE: _(
        "File a re-parole request naming the request that brought the current parole, at "
        "least %(lead)s days before the parole ends on %(ends_on)s."
    ),
    Step.FILE_NOW: _(
        "The parole ends on %(ends_on)s, in %(days)s days, and a re-parole should be filed at "
        "least %(lead)s days ahead: file it at once, naming the request that brought the "
        "current parole."
    ),
    Step.PAROLE_ENDED: _(
        "The parole ended on %(ends_on)s. File the re-parole request at once, naming the "
        "request that brought it, and talk to a legal service provider about being in the "
        "United States after parole ended."
    ),
    Step.CHECK_VISA: _(
        "Find out whether a visa could be had in time: a request must say why none can, and "
        "show it, for example with a refusal letter or the earliest interview date offered."
    ),
    Step.FIND_SPONSOR: _(
        "Find a sponsor: a U.S. citizen, permanent resident or other lawful resident who "
        "will sign Form I-134 and show enough income to support the person."
    ),
    Step.EXPLAIN_PERIOD: _(
        "Parole is rarely granted for more than %(limit)s days: say in the request why the "
        "time asked for is needed, or ask for less."
    ),
    Step.GATHER_EVIDENCE: _(
        "Gather the documents in the checklist. Copies in another language need a certified "
        "English translation."
    ),
    Step.FILING_FEE: _(
        "The filing fee for each person is $%(online)s online or $%(paper)s on paper. Some "
        "people are exempt; a fee waiver (Form I-912) can be asked for on paper only."
    ),
    Step.PAROLE_FEE: _(
        "If parole is approved, a parole fee of $%(amount)s is due before it is granted. It "
        "cannot be waived; only these exceptions spare it: %(exceptions)s."
    ),
    Step.LEGAL_HELP: _(
        "Find free or low-cost legal help: the Department of Justice lists recognized "
        "organizations and their accredited representatives, who may give legal advice."
    ),
    Step.PRO_BONO: _(
        "The Department of Justice also lists legal service providers who work for free (pro bono)."
    ),
    Step.NOTARIO_WARNING: _(
        "Beware of notario fraud: a notary public, consultant or travel agent who is not an "
        "attorney or an accredited representative may not give immigration advice, and no "
        "one can buy a faster or surer decision."
    ),
}


def step_text(step: NextStep) -> str:
    template = str(STEPS[step.code])
    return template % step.values if step.values else template


# What each linked page is, for a link that names it rather than showing its address.
LINK_TITLES: dict[Step, Promise] = {
    Step.LEGAL_HELP: _("Recognized organizations and accredited representatives (Department of "
                       "Justice)"),
    Step.PRO_BONO: _("Free legal service providers (Department of Justice)"),
    Step.NOTARIO_WARNING: _("Avoid scams (USCIS)"),
    Step.APPLY_FOR_VISA: _("U.S. visas (Department of State)"),
}  # fmt: skip


def _translated(text: str) -> str:
    # gettext("") is a catalog's header, not an empty string.
    return gettext(text) if text else ""


def item_json(item: Item) -> dict[str, str]:
    return {"code": item.code, "what": _translated(item.what), "detail": _translated(item.detail)}


def screening_json(screening: Screening) -> dict[str, Any]:
    """The answer of the API and of ``paroledesk screen``, in the active language."""
    return {
        "outcome": screening.outcome.value,
        "flags": [flag.value for flag in screening.flags],
        "next_steps": [
            {"code": step.code.value, "text": step_text(step), "url": step.url}
            for step in screening.steps
        ],
        "checklist": [item_json(item) for item in screening.checklist],
        "filing_fee_usd": screening.filing_fee_usd,
        "parole_fee_usd": screening.parole_fee_usd,
        "as_of": screening.day.isoformat(),
        "disclaimer": str(DISCLAIMER),
    }
