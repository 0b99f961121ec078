"""The help center's pages, under /help/ (included by web.urls)."""

from django.urls import path

from paroledesk.helpcenter import views

urlpatterns = [
    path("help/", views.help_index, name="help_index"),
    path("help/search/", views.help_search_page, name="help_search"),
    path("help/<slug:slug>/", views.help_article, name="help_article"),
]
