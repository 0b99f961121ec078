from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "paroledesk.screening"
    label = "screening"
