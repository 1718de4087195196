"""App configuration for analytics."""

from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "phoihop.analytics"
    verbose_name = "Tổng hợp, phân tích"
