"""URLs of the report reader."""

from django.urls import path

from . import views

app_name = "extraction"
urlpatterns = [
    path("", views.home, name="home"),
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/quyet-dinh/", views.decide, name="decide"),
    path("<int:pk>/van-ban.txt", views.document_source, name="source"),
]
