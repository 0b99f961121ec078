from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "paroledesk.accounts"
    label = "accounts"
