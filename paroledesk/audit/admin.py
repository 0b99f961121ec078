from django.contrib import admin

from paroledesk.admin_base import ReadOnlyAdmin
from paroledesk.audit.models import Event, View


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["at", "on", "request", "action", "from_status", "to_status", "actor"]
    list_filter = ["action"]
    search_fields = ["request__receipt_number", "actor__username", "action"]
    list_select_related = ["request", "actor"]
    date_hierarchy = "at"


@admin.register(View)
class ViewAdmin(ReadOnlyAdmin):
    list_display = ["at", "request", "viewer", "via"]
    search_fields = ["request__receipt_number", "viewer__username"]
    list_select_related = ["request", "viewer"]
