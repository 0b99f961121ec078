"""The screener's page, included by the site's routes."""

from django.urls import path

from paroledesk.screening import views

urlpatterns = [path("screener/", views.screener, name="screener")]
