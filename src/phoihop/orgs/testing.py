"""Builders for tests of organisations: unit lookups and enterprises with a valid tax code.

The units come from a data migration; a transactional test (browser tests) flushes them, so tests that need
them after one call phoihop.orgs.admin_units.ensure_admin_units() first (tests/orgs/conftest.py does).
"""

from __future__ import annotations

import itertools

from phoihop.core.testing import make_org

from .choices import OrgKind, OrgLevel, Ownership, UnitLevel
from .models import AdminUnit, Organization
from .rules import with_check_digit

_tax_serial = itertools.count(1)


def legacy_unit(name: str, level: str = UnitLevel.DISTRICT, province: str = "Thành phố Hà Nội") -> AdminUnit:
    """A unit in force before 1/7/2025, e.g. legacy_unit("Quận Hai Bà Trưng")."""
    qs = AdminUnit.objects.filter(is_legacy=True, level=level, name=name)
    if level != UnitLevel.PROVINCE:
        qs = qs.filter(province__name=province)
    return qs.get()


def current_unit(name: str, level: str = UnitLevel.COMMUNE, province: str = "Thành phố Hà Nội") -> AdminUnit:
    qs = AdminUnit.objects.filter(is_legacy=False, level=level, name=name)
    if level != UnitLevel.PROVINCE:
        qs = qs.filter(province__name=province)
    return qs.get()


def valid_tax_code() -> str:
    while True:
        code = with_check_digit(f"0108{next(_tax_serial):05d}")
        if code:
            return code


def make_enterprise(parent: Organization, name: str | None = None, **fields) -> Organization:
    fields.setdefault("ownership", Ownership.PRIVATE)
    fields.setdefault("tax_code", valid_tax_code())
    return make_org(name, kind=OrgKind.ENTERPRISE, level=OrgLevel.GRASSROOTS, parent=parent, **fields)
