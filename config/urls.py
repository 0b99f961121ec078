from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from paroledesk.api import urls as api_urls
from paroledesk.web import urls as web_urls

admin.site.site_header = "Parole Desk administration"
admin.site.site_title = "Parole Desk"
# The admin has no password form of its own: it sends to the site's sign-in (with
# its lockout and second factor) and refuses the signed-in who are not staff.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    # The language switcher posts here (Django's set_language); no URL carries a language.
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/schema", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "api/v1/docs", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"
    ),
    path("api/v1/", include(api_urls)),
    path("", include(web_urls)),
]
