from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "paroledesk.notices"
    label = "notices"
