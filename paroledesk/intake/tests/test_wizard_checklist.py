"""The evidence checklist of the filing packet: what to send, by what the draft says."""

from __future__ import annotations

from typing import Any

from paroledesk.intake.wizard.checklist import checklist_for
from paroledesk.testing.fixtures import filing_document


def codes(doc: dict[str, Any]) -> set[str]:
    return {item.code for item in checklist_for(doc)}


def test_the_checklist_asks_what_a_medical_reason_needs_and_protection_what_it_needs():
    reason = filing_document()["reason"]
    medical = codes(filing_document(reason={**reason, "category": "medical"}))
    protection = codes(filing_document(reason={**reason, "category": "protection"}))

    assert medical - protection == {"medical_letter", "medical_records", "treatment_in_us"}
    assert protection - medical == {"harm_evidence", "country_conditions", "no_safe_place"}
    # What every request of this filer needs is in both.
    assert {"passport", "relationship", "sponsor_income", "visa_attempt"} <= medical & protection


def test_the_checklist_follows_who_files_and_the_kind_of_request():
    plain = codes(filing_document())
    assert "g28" not in plain
    assert "denial_notice" not in plain

    representative = {"role": "representative", "family_name": "Reyes", "bar_number": "NY123"}
    assert "g28" in codes(filing_document(requestor=representative))
    assert "relationship" not in codes(filing_document(requestor=representative))
    assert "denial_notice" in codes(filing_document(kind="refiling"))
    assert "earlier_grant" in codes(filing_document(kind="reparole"))
    assert "agency_letter" in codes(
        filing_document(reason={"basis": "significant_public_benefit", "category": "other"})
    )
    no_passport = filing_document()
    del no_passport["beneficiary"]["passport_number"]
    assert "identity" in codes(no_passport)
    assert "passport" not in codes(no_passport)
    waiver = codes(filing_document(fee={"payment": "waiver_requested"}))
    assert "fee_waiver" in waiver
