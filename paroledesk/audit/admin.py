from django.contrib import admin

from paroledesk.audit.models import Event, View
from paroledesk.lib.admin import ReadOnlyAdmin


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["at", "on", "subject_type", "subject_id", "action", "from_status", "to_status"]
    list_filter = ["action", "subject_type"]
    search_fields = ["actor__username", "action"]
    list_select_related = ["actor"]
    date_hierarchy = "at"


@admin.register(View)
class ViewAdmin(ReadOnlyAdmin):
    list_display = ["at", "subject_type", "subject_id", "viewer", "via"]
    search_fields = ["viewer__username"]
    list_select_related = ["viewer"]
