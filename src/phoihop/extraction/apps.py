"""App configuration for extraction."""

from django.apps import AppConfig


class ExtractionConfig(AppConfig):
    name = "phoihop.extraction"
    verbose_name = "Đọc báo cáo cũ"
