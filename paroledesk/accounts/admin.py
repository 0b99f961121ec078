from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from paroledesk.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):  # type: ignore[type-arg]
    list_display = ["username", "email", "role", "is_active", "last_login"]
    list_filter = ["role", "is_active"]
    fieldsets = [
        *(BaseUserAdmin.fieldsets or ()),
        ("Parole Desk", {"fields": ["role"]}),
    ]
