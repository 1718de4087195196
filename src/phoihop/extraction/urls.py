"""URLs of the extraction app."""

from django.urls import path  # noqa: F401

app_name = "extraction"
urlpatterns: list = []
