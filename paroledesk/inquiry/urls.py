"""The public status inquiry page."""

from django.urls import path

from paroledesk.inquiry import views

urlpatterns = [
    path("status/", views.status_inquiry, name="status_inquiry"),
]
