"""App configuration for registries."""

from django.apps import AppConfig
from django.db.models.signals import post_save


def _period_created(sender, instance, created, raw=False, **kwargs):
    """A new reporting period gets its registry figures at once (see compute's freshness rule)."""
    if created and not raw:
        from .compute import recompute_all

        recompute_all([instance])


class RegistriesConfig(AppConfig):
    name = "phoihop.registries"
    verbose_name = "Sổ theo dõi"

    def ready(self):
        from phoihop.reporting.models import Period

        post_save.connect(_period_created, sender=Period, dispatch_uid="registries_period_created")
