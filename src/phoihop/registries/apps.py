"""App configuration for registries."""

from django.apps import AppConfig


class RegistriesConfig(AppConfig):
    name = "phoihop.registries"
    verbose_name = "Sổ theo dõi"
