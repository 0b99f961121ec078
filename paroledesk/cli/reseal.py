"""Sealing everything again under the current data key, after a key rotation (docs/security.md)."""

from __future__ import annotations

from paroledesk.accounts.second_factor import second_factors_reseal
from paroledesk.cases.documents import document_reseal
from paroledesk.cases.models import AddressChange, Beneficiary, EvidenceDocument, ParoleRequest
from paroledesk.intake.models import FilingDraft
from paroledesk.lib.fields import rows_reseal


def data_reseal() -> dict[str, int]:
    """Seal everything encrypted at rest again under the current key.

    Safe to stop and run again: each row and file is done on its own, and what
    is already under the current key is left as it is (rows are simply saved).
    """
    return {
        "beneficiaries": rows_reseal(Beneficiary.objects.all()),
        "requests": rows_reseal(ParoleRequest.objects.all()),
        "drafts": rows_reseal(FilingDraft.objects.all()),
        "document_names": rows_reseal(EvidenceDocument.objects.all()),
        "addresses": rows_reseal(AddressChange.objects.all()),
        "second_factors": second_factors_reseal(),
        "documents": sum(
            document_reseal(document) for document in EvidenceDocument.objects.iterator()
        ),
    }
