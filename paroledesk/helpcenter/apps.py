from django.apps import AppConfig


class HelpcenterConfig(AppConfig):
    name = "paroledesk.helpcenter"
    label = "helpcenter"
