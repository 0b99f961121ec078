from django.apps import AppConfig


class AdjudicationConfig(AppConfig):
    name = "paroledesk.adjudication"
    label = "adjudication"

    def ready(self) -> None:
        # Connects the receivers: a party's upload answers a request for evidence.
        from paroledesk.adjudication import receivers  # noqa: F401, PLC0415
