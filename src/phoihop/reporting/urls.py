"""URLs of the reporting app (mounted under /bao-cao/)."""

from django.urls import path

from . import views, views_admin, views_excel

app_name = "reporting"
urlpatterns = [
    path("", views.home, name="home"),
    path("<int:pk>/", views.report_detail, name="report"),
    path("<int:pk>/gui/", views.submit, name="submit"),
    path("<int:pk>/duyet/", views.approve, name="approve"),
    path("<int:pk>/tra-lai/", views.return_report, name="return"),
    path("<int:pk>/mo-khoa/", views.unlock, name="unlock"),
    path("<int:pk>/excel/", views_excel.report_excel, name="report_excel"),
    path("so-lieu/<int:pk>/lich-su/", views.value_history, name="value_history"),
    path("nhap-excel/", views_excel.import_upload, name="import_upload"),
    path("nhap-excel/<int:pk>/", views_excel.import_preview, name="import_preview"),
    path("nhap-excel/<int:pk>/ghi/", views_excel.import_commit, name="import_commit"),
    path("nhap-excel/<int:pk>/huy/", views_excel.import_discard, name="import_discard"),
    path("bieu-mau/", views_admin.form_list, name="forms"),
    path("bieu-mau/moi/", views_admin.form_create, name="form_create"),
    path("bieu-mau/<int:pk>/", views_admin.form_detail, name="form_detail"),
    path("bieu-mau/<int:pk>/sua/", views_admin.form_edit, name="form_edit"),
    path("bieu-mau/<int:pk>/giao-bao-cao/", views_admin.form_create_reports, name="form_create_reports"),
    path("bieu-mau/<int:pk>/ky/<int:period>/excel/", views_excel.form_excel, name="form_excel"),
    path("chi-tieu-ke-hoach/", views_admin.targets, name="targets"),
    path("danh-muc-chi-tieu/", views_admin.catalogue, name="catalogue"),
    path("danh-muc-chi-tieu/moi/", views_admin.indicator_edit, name="indicator_create"),
    path("danh-muc-chi-tieu/<int:pk>/sua/", views_admin.indicator_edit, name="indicator_edit"),
    path("ty-le-nop/", views_admin.completeness, name="completeness"),
]
