"""App configuration for reporting."""

from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "phoihop.reporting"
    verbose_name = "Báo cáo số liệu"
