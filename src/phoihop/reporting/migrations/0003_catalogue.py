"""Load the shipped indicator catalogue (phoihop.reporting.catalogue is the single source)."""

from django.db import migrations


def load_catalogue(apps, schema_editor):
    from phoihop.reporting import catalogue

    catalogue.sync(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0002_workflow_history_imports"),
    ]

    operations = [
        migrations.RunPython(load_catalogue, migrations.RunPython.noop),
    ]
