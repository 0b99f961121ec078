from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from paroledesk.api import urls as api_urls
from paroledesk.web import urls as web_urls

admin.site.site_header = "Parole Desk administration"
admin.site.site_title = "Parole Desk"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("api/v1/schema", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "api/v1/docs", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"
    ),
    path("api/v1/", include(api_urls)),
    path("", include(web_urls)),
]
