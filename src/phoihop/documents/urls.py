"""URLs of the documents app."""

from django.urls import path  # noqa: F401

app_name = "documents"
urlpatterns: list = []
