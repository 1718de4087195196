"""Loading the official administrative units (current and legacy) into AdminUnit.

The units come from the committed snapshot data/admin_units.json.gz, built from the `vietnam-provinces` package by
scripts/build_admin_units.py (see its docstring); nothing is downloaded at run time, so intranet installs work offline.
Legacy units (63 provinces, 696 districts, ~10,051 wards) were in force until 30/6/2025; current units (34 provinces,
3,321 communes) from 1/7/2025. The old→new links come from the official ward conversion table; district and province
links are derived from it.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import time
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from django.db import transaction

from phoihop.core.text import fold

SNAPSHOT = Path(__file__).parent / "data" / "admin_units.json.gz"
REFORM_DATE = dt.date(2025, 7, 1)
LEGACY_END = dt.date(2025, 6, 30)
BATCH = 2000
CODE_WIDTH = {"province": 2, "district": 3, "commune": 5}
# The word a unit's official name starts with, when it differs from the division type.
NAME_PREFIX = {"thành phố trực thuộc trung ương": "thành phố"}


@lru_cache(maxsize=1)
def read_snapshot() -> dict:
    with gzip.open(SNAPSHOT, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def snapshot_source() -> dict:
    """Package, version and data date of the snapshot, for pages and commands to cite."""
    return dict(read_snapshot()["source"])


def official_code(level: str, code: int) -> str:
    return f"{code:0{CODE_WIDTH[level]}d}"


def short_name(name: str, division_type: str) -> str:
    """ "Quận Hai Bà Trưng" → "Hai Bà Trưng"; names that do not start with their type are kept whole."""
    prefix = NAME_PREFIX.get(division_type, division_type) + " "
    return name[len(prefix) :] if name.lower().startswith(prefix) else name


def _rows(snapshot: dict):
    """(level, is_legacy, rows, parent level) in the order parents must exist before children."""
    cur, old = snapshot["current"], snapshot["legacy"]
    yield "province", False, cur["provinces"], None
    yield "province", True, old["provinces"], None
    yield "district", True, old["districts"], "province"
    yield "commune", False, cur["communes"], "province"
    yield "commune", True, old["wards"], "district"


def _links(snapshot: dict) -> dict[tuple[tuple, tuple], bool]:
    """Old→new links as {(old key, new key): partly merged}; keys are (level, is_legacy, code).

    Wards keep the official flag. A legacy district or province links to every current unit its wards went to,
    flagged as partly merged when its territory was divided among several of them.
    """
    district_of = {row[0]: row[3] for row in snapshot["legacy"]["wards"]}
    province_of = {row[0]: row[3] for row in snapshot["current"]["communes"]}
    links: dict[tuple[tuple, tuple], bool] = {}
    district_communes: dict[int, set[int]] = defaultdict(set)
    for old_code, partly, new_codes in snapshot["ward_mapping"]:
        for new_code in new_codes:
            links[(("commune", True, old_code), ("commune", False, new_code))] = bool(partly)
        district_communes[district_of[old_code]].update(new_codes)
    for district, communes in district_communes.items():
        provinces = {province_of[c] for c in communes}
        for commune in communes:
            links[(("district", True, district), ("commune", False, commune))] = len(communes) > 1
        for province in provinces:
            links[(("district", True, district), ("province", False, province))] = len(provinces) > 1
    for old_code, new_codes in snapshot["province_mapping"]:
        for new_code in new_codes:
            links[(("province", True, old_code), ("province", False, new_code))] = len(new_codes) > 1
    return links


def ensure_admin_units(
    log: Callable[[str], None] = print,
    update: bool = False,
    unit_model=None,
    succession_model=None,
) -> int:
    """Load the units if the table is empty (or, with update=True, add and rename from a newer snapshot).

    Returns the number of units created. Units are never deleted: organisations may sit on them. The model
    arguments let a data migration pass its historical models.
    """
    if unit_model is None:
        from .models import AdminUnit as unit_model
        from .models import AdminUnitSuccession as succession_model
    if unit_model.objects.exists() and not update:
        return 0
    started = time.perf_counter()
    snapshot = read_snapshot()
    with transaction.atomic():
        created, renamed = _load_units(snapshot, unit_model)
        links = _load_links(snapshot, unit_model, succession_model)
    source = snapshot["source"]
    log(
        f"Đơn vị hành chính ({source['package']} {source['version']}, dữ liệu {source['data_version']}): "
        f"thêm {created}, cập nhật {renamed}, {links} liên kết cũ→mới mới "
        f"({time.perf_counter() - started:.1f} giây)"
    )
    return created


def _existing(unit_model) -> dict[tuple, tuple]:
    return {
        (level, legacy, code): (pk, name, division_type, parent_id)
        for pk, level, legacy, code, name, division_type, parent_id in unit_model.objects.values_list(
            "pk", "level", "is_legacy", "code", "name", "division_type", "parent_id"
        )
    }


def _load_units(snapshot: dict, unit_model) -> tuple[int, int]:
    existing = _existing(unit_model)
    pk_of = {key: value[0] for key, value in existing.items()}
    province_pk: dict[int, int] = {}  # unit pk → pk of its province
    for pk, level, parent_id in unit_model.objects.values_list("pk", "level", "parent_id"):
        province_pk[pk] = pk if level == "province" else parent_id
    created = renamed = 0
    for level, legacy, rows, parent_level in _rows(snapshot):
        new, changed = [], []
        for code, name, division_type, parent_code in rows:
            key = (level, legacy, official_code(level, code))
            parent_pk = (
                pk_of[(parent_level, legacy, official_code(parent_level, parent_code))]
                if parent_level
                else None
            )
            # A ward's province is its district's parent, which is known once districts exist.
            province = province_pk.get(parent_pk) if level == "commune" and legacy else parent_pk
            fields = {
                "name": name,
                "short_name": short_name(name, division_type),
                "division_type": division_type,
                "parent_id": parent_pk,
                "province_id": province,
                "name_folded": fold(name),
            }
            if key in existing:
                pk, old_name, old_type, old_parent = existing[key]
                if (old_name, old_type, old_parent) != (name, division_type, parent_pk):
                    changed.append(unit_model(pk=pk, level=level, is_legacy=legacy, code=key[2], **fields))
                continue
            new.append(
                unit_model(
                    code=key[2],
                    level=level,
                    is_legacy=legacy,
                    valid_from=None if legacy else REFORM_DATE,
                    valid_to=LEGACY_END if legacy else None,
                    **fields,
                )
            )
        unit_model.objects.bulk_create(new, batch_size=BATCH)
        if changed:
            unit_model.objects.bulk_update(
                changed,
                ["name", "short_name", "division_type", "parent_id", "province_id", "name_folded"],
                BATCH,
            )
        created += len(new)
        renamed += len(changed)
        # Read the keys back rather than rely on bulk_create returning primary keys on every database.
        for pk, code, parent_id in unit_model.objects.filter(level=level, is_legacy=legacy).values_list(
            "pk", "code", "parent_id"
        ):
            pk_of[(level, legacy, code)] = pk
            province_pk[pk] = pk if level == "province" else province_pk.get(parent_id, parent_id)
    return created, renamed


def _load_links(snapshot: dict, unit_model, succession_model) -> int:
    pk_of = {
        (level, legacy, code): pk
        for pk, level, legacy, code in unit_model.objects.values_list("pk", "level", "is_legacy", "code")
    }
    existing = dict(
        ((old, new), (pk, partly))
        for pk, old, new, partly in succession_model.objects.values_list(
            "pk", "old_id", "new_id", "is_partly_merged"
        )
    )
    new_rows, changed = [], []
    for (old_key, new_key), partly in _links(snapshot).items():
        old = pk_of[(old_key[0], old_key[1], official_code(old_key[0], old_key[2]))]
        new = pk_of[(new_key[0], new_key[1], official_code(new_key[0], new_key[2]))]
        if (old, new) in existing:
            pk, was_partly = existing[(old, new)]
            if was_partly != partly:
                changed.append(succession_model(pk=pk, old_id=old, new_id=new, is_partly_merged=partly))
            continue
        new_rows.append(succession_model(old_id=old, new_id=new, is_partly_merged=partly))
    succession_model.objects.bulk_create(new_rows, batch_size=BATCH)
    if changed:
        succession_model.objects.bulk_update(changed, ["is_partly_merged"], BATCH)
    return len(new_rows)
