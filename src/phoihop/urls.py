"""Root URL configuration."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from phoihop.api import api

urlpatterns = [
    path("", include("phoihop.core.urls")),
    path("tai-khoan/", include("phoihop.accounts.urls")),
    path("to-chuc/", include("phoihop.orgs.urls")),
    path("van-ban/", include("phoihop.programs.urls")),
    path("bao-cao/", include("phoihop.reporting.urls")),
    path("tong-hop/", include("phoihop.analytics.urls")),
    path("so-theo-doi/", include("phoihop.registries.urls")),
    path("hoi-nghi/", include("phoihop.meetings.urls")),
    path("tai-lieu/", include("phoihop.documents.urls")),
    path("doc-van-ban/", include("phoihop.extraction.urls")),
    path("quan-tri/", admin.site.urls),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
