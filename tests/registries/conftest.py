"""Registry fixtures on top of the personas: enterprises and a movement under Hai Bà Trưng."""

import datetime as dt

import pytest

from phoihop.orgs.choices import OrgKind, OrgLevel
from phoihop.registries import testing


@pytest.fixture
def hbt(world):
    """Alice's district with an enterprise, a grassroots union and the city's movement, plus Mỹ Đức's twin."""
    world.hbt_union.counterpart = world.hbt_gov
    world.hbt_union.save()
    world.md_union.counterpart = world.md_gov
    world.md_union.save()
    world.enterprise = testing.make_enterprise(world.hbt_union, "Công ty Cổ phần Dệt may Hai Bà Trưng")
    world.md_enterprise = testing.make_enterprise(world.md_union, "Công ty TNHH Cơ khí Mỹ Đức")
    world.department = testing.make_org(
        "Phòng Nội vụ quận Hai Bà Trưng",
        kind=OrgKind.DEPARTMENT,
        level=OrgLevel.DISTRICT,
        parent=world.hbt_gov,
    )
    world.movement = testing.make_movement(
        world.city_union,
        "Lao động giỏi, lao động sáng tạo",
        start=dt.date(2017, 1, 1),
        end=dt.date(2020, 12, 31),
    )
    return world
