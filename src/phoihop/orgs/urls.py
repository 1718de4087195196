"""URLs of the orgs app."""

from django.urls import path

from . import views

app_name = "orgs"
urlpatterns = [
    path("", views.org_list, name="list"),
    path("tim-kiem/", views.org_search, name="search"),
    path("goi-y/", views.org_suggest, name="suggest"),
    path("them/", views.org_create, name="create"),
    path("<int:pk>/", views.org_detail, name="detail"),
    path("<int:pk>/sua/", views.org_edit, name="edit"),
    path("<int:pk>/don-vi-truc-thuoc/", views.org_children, name="children"),
    path("dia-ban/", views.unit_list, name="units"),
    path("dia-ban/<int:pk>/", views.unit_detail, name="unit"),
    path("dia-ban/goi-y/", views.unit_options, name="unit_options"),
    path("dia-ban/chon/", views.unit_pick, name="unit_pick"),
    path("ca-nhan/", views.person_list, name="people"),
    path("ca-nhan/<int:pk>/", views.person_detail, name="person"),
]
