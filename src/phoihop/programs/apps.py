"""App configuration for programs."""

from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "phoihop.programs"
    verbose_name = "Văn bản phối hợp"
