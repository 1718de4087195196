"""URLs of the documents app."""

from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("bao-cao/", views.report_list, name="list"),
    path("bao-cao/them/", views.report_create, name="create"),
    path("bao-cao/<int:pk>/", views.report_detail, name="detail"),
    path("bao-cao/<int:pk>/sua/", views.report_edit, name="edit"),
    path("bao-cao/<int:pk>/xoa/", views.report_delete, name="delete"),
    path("bao-cao/<int:pk>/xem-truoc/", views.report_preview, name="preview"),
    path("bao-cao/<int:pk>/xuat/", views.report_render, name="render"),
    path("van-ban-phoi-hop/<int:agreement_id>/xuat/", views.agreement_render, name="agreement_render"),
    path("tep/<int:pk>/", views.progress, name="progress"),
    path("tep/<int:pk>/tai-ve/", views.download, name="download"),
    path("mau/", views.templates_admin, name="templates"),
    path("mau/<int:pk>/bat-tat/", views.template_toggle, name="template_toggle"),
    path("mau/<str:kind>/tai-ve/", views.template_download, name="template_download_shipped"),
    path("mau/<str:kind>/<int:pk>/tai-ve/", views.template_download, name="template_download"),
]
