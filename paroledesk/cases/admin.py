from django.contrib import admin

from paroledesk.cases.models import (
    Affidavit,
    Beneficiary,
    EvidenceDocument,
    Fee,
    Grant,
    ParoleRequest,
    Requestor,
)
from paroledesk.lib.admin import ReadOnlyAdmin, ReadOnlyInline


class RequestorInline(ReadOnlyInline):
    model = Requestor


class AffidavitInline(ReadOnlyInline):
    model = Affidavit


class FeeInline(ReadOnlyInline):
    model = Fee


class DocumentInline(ReadOnlyInline):
    model = EvidenceDocument
    exclude = ["storage_name"]


@admin.register(ParoleRequest)
class ParoleRequestAdmin(ReadOnlyAdmin):
    list_display = [
        "receipt_number",
        "kind",
        "status",
        "channel",
        "received_on",
        "assigned_officer",
    ]
    list_filter = ["status", "kind", "channel"]
    search_fields = ["receipt_number"]
    list_select_related = ["assigned_officer"]
    date_hierarchy = "received_on"
    exclude = ["family_key"]
    inlines = [RequestorInline, AffidavitInline, FeeInline, DocumentInline]


@admin.register(Beneficiary)
class BeneficiaryAdmin(ReadOnlyAdmin):
    list_display = ["family_name", "given_name", "country_of_citizenship"]
    search_fields = ["name_key"]
    # Encrypted or derived from encrypted values: never put on a page (docs/security.md).
    exclude = [
        "date_of_birth",
        "passport_number",
        "a_number",
        "name_key",
        "seal_id",
        "identity_index",
        "likeness_index",
    ]


@admin.register(Grant)
class GrantAdmin(ReadOnlyAdmin):
    list_display = ["request", "parole_days", "authorized_on", "arrived_on", "ends_on", "ended_on"]
    list_select_related = ["request"]
