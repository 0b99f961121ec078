"""Requests in the Django admin: their bookkeeping only, and every opened one logged.

The people of a request (beneficiary, requestor, sponsor), what was written about the
danger and the evidence are read on the request page, through the one door that checks
who may see them and logs each view. The admin shows none of it and searches by receipt
number only, so it is neither a way around that log nor a way to learn who asked for
parole; an opened request is logged all the same (audit.admin.ReadLoggedAdmin).
"""

from typing import Any

from django.contrib import admin

from paroledesk.audit.admin import ReadLoggedAdmin
from paroledesk.cases.models import Fee, Grant, ParoleRequest
from paroledesk.lib.admin import ReadOnlyInline


class FeeInline(ReadOnlyInline):
    model = Fee


@admin.register(ParoleRequest)
class ParoleRequestAdmin(ReadLoggedAdmin):
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
    fields = [
        "receipt_number",
        "kind",
        "channel",
        "status",
        "received_on",
        "related_request",
        "requested_days",
        "assigned_officer",
        "waited_business_days",
        "waiting_since",
        "decided_on",
    ]
    inlines = [FeeInline]


class RequestPartAdmin(ReadLoggedAdmin):
    """A row that belongs to one request (a grant, a decision, a notice): opening it is a
    read of that request, logged as one."""

    def logged_subject(self, obj: Any) -> ParoleRequest:
        request = obj.request
        assert isinstance(request, ParoleRequest)
        return request


@admin.register(Grant)
class GrantAdmin(RequestPartAdmin):
    list_display = ["request", "parole_days", "authorized_on", "arrived_on", "ends_on", "ended_on"]
    list_select_related = ["request"]
