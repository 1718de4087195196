"""App configuration for orgs."""

from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "phoihop.orgs"
    verbose_name = "Tổ chức và địa bàn"
