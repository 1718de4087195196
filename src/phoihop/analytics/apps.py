"""App configuration for analytics."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _install_triggers(sender, using="default", **kwargs):
    """After every migrate: put back any trigger a migration dropped, and rebuild if writes could be missed."""
    from .models import PendingChange
    from .triggers import install

    if install(using):
        from phoihop.reporting.models import DataValue

        if DataValue.objects.using(using).exists():
            PendingChange.objects.using(using).create(kind="a")


class AnalyticsConfig(AppConfig):
    name = "phoihop.analytics"
    verbose_name = "Tổng hợp, phân tích"

    def ready(self):
        post_migrate.connect(_install_triggers, sender=self, dispatch_uid="analytics_triggers")
