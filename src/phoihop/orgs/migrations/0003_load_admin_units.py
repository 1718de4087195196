"""Load the official administrative units so that every database, test databases included, has them."""

from django.db import migrations


def load(apps, schema_editor):
    from phoihop.orgs.admin_units import ensure_admin_units

    ensure_admin_units(
        log=lambda message: None,
        unit_model=apps.get_model("orgs", "AdminUnit"),
        succession_model=apps.get_model("orgs", "AdminUnitSuccession"),
    )


class Migration(migrations.Migration):
    dependencies = [("orgs", "0002_admin_unit_names")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop, elidable=False)]
