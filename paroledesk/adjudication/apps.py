from django.apps import AppConfig


class AdjudicationConfig(AppConfig):
    name = "paroledesk.adjudication"
    label = "adjudication"
