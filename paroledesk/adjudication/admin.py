from django.contrib import admin

from paroledesk.adjudication.models import Assignment, Decision, EvidenceRequest
from paroledesk.cases.admin import RequestPartAdmin


@admin.register(Assignment)
class AssignmentAdmin(RequestPartAdmin):
    list_display = ["request", "officer", "state", "assigned_on", "due_on"]
    list_filter = ["state"]
    list_select_related = ["request", "officer"]


@admin.register(EvidenceRequest)
class EvidenceRequestAdmin(RequestPartAdmin):
    list_display = ["request", "issued_on", "due_on", "answered_on", "lapsed_on"]
    list_select_related = ["request"]


@admin.register(Decision)
class DecisionAdmin(RequestPartAdmin):
    list_display = ["request", "outcome", "parole_days", "decided_on", "decided_by"]
    list_filter = ["outcome"]
    list_select_related = ["request", "decided_by"]
