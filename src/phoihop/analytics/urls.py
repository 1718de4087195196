"""URLs of the analytics app (mounted at /tong-hop/)."""

from django.urls import path

from . import views

app_name = "analytics"
urlpatterns = [
    path("", views.pivot, name="pivot"),
    path("xuat.xlsx", views.pivot_export, {"fmt": "xlsx"}, name="pivot_xlsx"),
    path("xuat.csv", views.pivot_export, {"fmt": "csv"}, name="pivot_csv"),
    path("bieu-do.png", views.pivot_chart, name="pivot_chart"),
    path("bieu-do/", views.dashboard_index, name="dashboards"),
    path("bieu-do/van-ban/<int:pk>/", views.agreement_dashboard, name="agreement_dashboard"),
    path("bieu-do/don-vi/<int:pk>/", views.unit_dashboard, name="unit_dashboard"),
    path("bieu-do/phong-trao/<slug:slug>/", views.campaign, name="campaign"),
]
