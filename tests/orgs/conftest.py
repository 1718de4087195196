"""Fixtures for the orgs tests: the administrative units (loaded by migration; reloaded if a flush removed them)."""

import pytest


@pytest.fixture
def admin_units(db):
    from phoihop.orgs.admin_units import ensure_admin_units

    ensure_admin_units(log=lambda message: None)


@pytest.fixture
def placed(world, admin_units):
    """The world's units on their real legacy units, plus an enterprise in a Hai Bà Trưng ward."""
    from phoihop.orgs.choices import UnitLevel
    from phoihop.orgs.models import Organization
    from phoihop.orgs.testing import legacy_unit, make_enterprise

    hanoi = legacy_unit("Thành phố Hà Nội", UnitLevel.PROVINCE)
    hbt = legacy_unit("Quận Hai Bà Trưng")
    md = legacy_unit("Huyện Mỹ Đức")
    for org, unit in [
        (world.city_union, hanoi),
        (world.city_gov, hanoi),
        (world.hbt_union, hbt),
        (world.hbt_gov, hbt),
        (world.md_union, md),
        (world.md_gov, md),
        (world.hbt_grassroots, hbt),
    ]:
        Organization.objects.filter(pk=org.pk).update(admin_unit=unit)
        org.refresh_from_db()
    thanh_nhan = legacy_unit("Phường Thanh Nhàn", UnitLevel.COMMUNE)
    world.hbt_enterprise = make_enterprise(
        world.hbt_union, "Công ty TNHH Thương mại Thanh Nhàn", admin_unit=thanh_nhan, employees=1065
    )
    world.hanoi, world.hbt_unit, world.md_unit, world.thanh_nhan = hanoi, hbt, md, thanh_nhan
    return world
