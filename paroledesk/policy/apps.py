from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "paroledesk.policy"
    label = "policy"
