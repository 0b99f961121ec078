"""The API's routes, on top of every app: each endpoint lives with the app that owns it."""

from django.urls import path, re_path

from paroledesk.adjudication import api as cases_api
from paroledesk.api import processing_times as processing_times_api
from paroledesk.api import requests as requests_api
from paroledesk.api.unknown import UnknownAddress
from paroledesk.helpcenter import api as help_api
from paroledesk.inquiry import api as inquiry_api
from paroledesk.intake.api import filing as filing_api
from paroledesk.intake.evidence import api as documents_api
from paroledesk.notices import api as notices_api
from paroledesk.screening import api as screening_api

urlpatterns = [
    path("requests", filing_api.RequestFileView.as_view(), name="api-requests"),
    path("requests/<str:receipt>", requests_api.RequestDetailView.as_view(), name="api-request"),
    path(
        "requests/<str:receipt>/documents",
        documents_api.DocumentUploadView.as_view(),
        name="api-documents",
    ),
    path(
        "requests/<str:receipt>/documents/<int:document_id>",
        documents_api.DocumentDownloadView.as_view(),
        name="api-document",
    ),
    path(
        "requests/<str:receipt>/notices/<int:notice_id>.pdf",
        notices_api.NoticePdfView.as_view(),
        name="api-notice-pdf",
    ),
    path("queue", cases_api.QueueListView.as_view(), name="api-queue"),
    path("queue/take", cases_api.TakeView.as_view(), name="api-queue-take"),
    path("cases/<str:receipt>/assign", cases_api.AssignView.as_view(), name="api-case-assign"),
    path("cases/<str:receipt>/rfe", cases_api.RfeView.as_view(), name="api-case-rfe"),
    path(
        "cases/<str:receipt>/decision", cases_api.DecisionView.as_view(), name="api-case-decision"
    ),
    path("cases/<str:receipt>/arrival", cases_api.ArrivalView.as_view(), name="api-case-arrival"),
    path(
        "cases/<str:receipt>/work-permit",
        cases_api.WorkPermitView.as_view(),
        name="api-case-work-permit",
    ),
    path("cases/<str:receipt>/parole-end", cases_api.ParoleEndView.as_view(), name="api-case-end"),
    path("screenings", screening_api.ScreeningView.as_view(), name="api-screenings"),
    path(
        "processing-times",
        processing_times_api.ProcessingTimesView.as_view(),
        name="api-processing-times",
    ),
    path("help/search", help_api.HelpSearchView.as_view(), name="api-help-search"),
    path(
        "cases/<str:receipt>/inquiries/<int:inquiry_id>/answer",
        inquiry_api.InquiryAnswerView.as_view(),
        name="api-inquiry-answer",
    ),
    path("status-inquiries", inquiry_api.StatusInquiryView.as_view(), name="api-status-inquiries"),
    # Last: any other address under /api/v1/ answers a JSON 404.
    re_path(r"", UnknownAddress.as_view(), name="api-unknown"),
]
