from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "paroledesk.cases"
    label = "cases"
    verbose_name = "Cases"
