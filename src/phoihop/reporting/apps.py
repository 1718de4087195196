"""App configuration for reporting."""

from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "phoihop.reporting"
    verbose_name = "Báo cáo số liệu"

    def ready(self):
        from . import structure  # noqa: F401  (connects the signals that keep form structures fresh)
