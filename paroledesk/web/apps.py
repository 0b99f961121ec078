from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "paroledesk.web"
    label = "web"
