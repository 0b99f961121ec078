from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "paroledesk.intake"
    label = "intake"
