"""App configuration for documents."""

from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "phoihop.documents"
    verbose_name = "Văn bản, báo cáo"
