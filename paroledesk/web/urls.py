from django.urls import include, path

from paroledesk.helpcenter import urls as help_urls
from paroledesk.inquiry import urls as inquiry_urls
from paroledesk.intake import urls as intake_urls
from paroledesk.screening import urls as screening_urls
from paroledesk.web import inquiry_pages, views
from paroledesk.web.processing_times import processing_times_page

urlpatterns = [
    path("", views.home, name="home"),
    path("start/", views.landing, name="landing"),
    path("", include(inquiry_urls)),
    path("requests/", views.my_requests, name="my_requests"),
    # The filing wizard; before the request page, whose pattern would take "new" for a receipt.
    path("", include(intake_urls)),
    path("", include(help_urls)),
    path("requests/<str:receipt_number>/", views.request_detail, name="request_detail"),
    path("requests/<str:receipt_number>/steps/<slug:step>/", views.case_step, name="case_step"),
    path(
        "requests/<str:receipt_number>/address/",
        views.address_report_page,
        name="address_report",
    ),
    path("", include(screening_urls)),
    path("processing-times/", processing_times_page, name="processing_times"),
    path(
        "requests/<str:receipt_number>/inquiries/<int:inquiry_id>/answer/",
        inquiry_pages.inquiry_answer_page,
        name="inquiry_answer",
    ),
    path("work/", views.work_queue, name="work_queue"),
    path("work/take/", views.take_next, name="take_next"),
    path("work/supervise/", views.supervise, name="supervise"),
    path("work/supervise/assign/", views.supervise_assign, name="supervise_assign"),
    path("work/supervise/move/", views.supervise_move, name="supervise_move"),
    path("work/supervise/dashboard/", views.supervise_dashboard, name="supervise_dashboard"),
    path("administration/", views.administration, name="administration"),
]
