"""URLs of the registries app."""

from django.urls import path  # noqa: F401

app_name = "registries"
urlpatterns: list = []
