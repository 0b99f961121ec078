from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "paroledesk.accounts"
    label = "accounts"

    def ready(self) -> None:
        # Registers the token's description with drf-spectacular.
        from paroledesk.accounts import schema  # noqa: F401, PLC0415
