from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "paroledesk.audit"
    label = "audit"
