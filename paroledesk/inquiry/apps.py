from django.apps import AppConfig


class InquiryConfig(AppConfig):
    name = "paroledesk.inquiry"
    label = "inquiry"
