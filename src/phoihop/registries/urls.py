"""URLs of the registries app."""

from django.urls import path

from . import views, views_reports

app_name = "registries"
urlpatterns = [
    path("", views.home, name="home"),
    path("bang-xep-hang/", views_reports.leaderboard, name="leaderboard"),
    path("doi-chieu/", views_reports.compare_page, name="comparison"),
    path("quyet-dinh-khen-thuong/<int:pk>/in/", views_reports.commendation_print, name="commendation_print"),
    path("quyet-dinh-khen-thuong/<int:pk>/pdf/", views_reports.commendation_pdf, name="commendation_pdf"),
    path("<slug:slug>/", views.record_list, name="list"),
    path("<slug:slug>/them/", views.record_create, name="create"),
    path("<slug:slug>/don-vi/<str:column>/", views.org_suggestions, name="org_suggestions"),
    path("<slug:slug>/xuat-excel/", views.export_xlsx, name="export"),
    path("<slug:slug>/nhap-excel/", views.import_upload, name="import"),
    path("<slug:slug>/nhap-excel/<int:pk>/", views.import_preview, name="import_preview"),
    path("<slug:slug>/<int:pk>/", views.record_detail, name="detail"),
    path("<slug:slug>/<int:pk>/sua/", views.record_edit, name="edit"),
    path("<slug:slug>/<int:pk>/xoa/", views.record_delete, name="delete"),
]
