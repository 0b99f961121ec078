from django.contrib import admin

from paroledesk.cases.admin import RequestPartAdmin
from paroledesk.notices.models import Notice


@admin.register(Notice)
class NoticeAdmin(RequestPartAdmin):
    list_display = ["request", "kind", "issued_on", "delivered_at"]
    list_filter = ["kind"]
    list_select_related = ["request"]
