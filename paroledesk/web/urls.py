from django.urls import path

from paroledesk.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("start/", views.landing, name="landing"),
    path("requests/", views.my_requests, name="my_requests"),
    path("requests/<str:receipt_number>/", views.request_detail, name="request_detail"),
    path("work/", views.work_queue, name="work_queue"),
    path("work/supervise/", views.supervise, name="supervise"),
    path("administration/", views.administration, name="administration"),
]
