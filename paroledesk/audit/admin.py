from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest, HttpResponse

from paroledesk.audit.models import Event, View
from paroledesk.audit.services import view_record
from paroledesk.lib.admin import ReadOnlyAdmin

ADMIN_VIA = "admin"


class ReadLoggedAdmin(ReadOnlyAdmin):
    """Rows of a case read in the admin: each page that opens one is in the log of staff
    views, like the request page and the API, naming what ``logged_subject`` says it shows
    (the request a decision or a notice belongs to). Lists show no people and no documents,
    and search only by receipt number, so only an opened row needs a record."""

    def logged_subject(self, obj: Any) -> Model:
        return obj  # type: ignore[no-any-return]

    def render_change_form(
        self, request: HttpRequest, context: dict[str, Any], *args: Any, **kwargs: Any
    ) -> HttpResponse:
        # The admin passes the row it shows as obj=, on every page that shows one.
        obj = kwargs.get("obj")
        if obj is not None and request.user.is_authenticated:
            view_record(subject=self.logged_subject(obj), viewer=request.user, via=ADMIN_VIA)
        return super().render_change_form(request, context, *args, **kwargs)


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["at", "on", "subject_type", "subject_id", "action", "from_status", "to_status"]
    list_filter = ["action", "subject_type"]
    search_fields = ["actor__username", "action"]
    list_select_related = ["actor"]
    date_hierarchy = "at"


@admin.register(View)
class ViewAdmin(ReadOnlyAdmin):
    list_display = ["at", "subject_type", "subject_id", "viewer", "via", "item"]
    search_fields = ["viewer__username"]
    list_select_related = ["viewer"]
