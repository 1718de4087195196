"""The unit search behind every unit field (/to-chuc/goi-y/), on a national tree of about 100,000 units, PostgreSQL.

    .venv/bin/python bench/unit_search.py             # database phoihop_bench_units (created and filled once)
    .venv/bin/python bench/unit_search.py --rebuild   # drop it and fill it again

Never touches the `test` database. The data: the Confederation, 34 province federations on today's 34 provinces,
30 commune-level or sector unions under each (1,020), and 97 grassroots unions under each of those (98,940), with
Vietnamese enterprise, school and hospital names placed on real communes of their province; one in ten carries a
tax code. 100,000 units in all, near the 101,242 of the national benchmark (bench/analytics_generate.py).

Timed exactly as the search endpoint runs it (`suggest_orgs` on the scope the field asks for), for 12 queries
typed without diacritics and one tax-code prefix, as three users: the Confederation (every unit), one province
federation (about 2,900 units) and one commune-level union (98 units). Reference in the same run: reading the
user's whole scope as a <select> would list it (id and name of every unit), which is what a unit field cost
before it searched. Medians over --runs repetitions; the target is ≤ 150 ms for the Confederation's search, what
a field can answer while the user types (the page waits 200 ms after the last keystroke before asking).
"""

from __future__ import annotations

import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kept_database import arguments, configure, start_django, timed  # noqa: E402

URL = configure("postgres://postgres@127.0.0.1:5432/phoihop_bench_units")

PROVINCES, MIDDLE, LEAVES = 34, 30, 97
TRADES = (
    "Dệt may|May mặc|Cơ khí|Xây dựng|Thương mại|Dịch vụ|Điện tử|Thực phẩm|Vận tải|Giày da|Bao bì|Nhựa|"
    "Thủy sản|Dược phẩm|Vật liệu xây dựng|Điện lực|Cấp thoát nước|Môi trường đô thị|Chế biến gỗ|Phần mềm"
).split("|")
BRANDS = (
    "An Phát|Hòa Bình|Thành Công|Việt Tiến|Minh Anh|Phú Thái|Hưng Thịnh|Sao Mai|Thăng Long|Đông Á|Tân Tiến|"
    "Hồng Hà|Trường Sơn|Bình Minh|Kim Long|Phúc Lộc|Nam Việt|Thiên Ân|Đại Dương|Hải Âu|Toàn Cầu|Quang Trung"
).split("|")
FORMS = ("Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV", "Tổng công ty", "Hợp tác xã")
QUERIES = [
    "det may", "cong ty co phan xay dung", "truong tieu hoc", "benh vien da khoa", "viet tien", "an phat",
    "co khi thang long", "thuc pham", "hai ba trung", "phuong", "cdcs det may", "hop tac xa nhua",
]  # fmt: skip
TAX_PREFIX = "0101"


def grassroots_name(rng: random.Random, place: str, n: int) -> str:
    roll = rng.random()
    if roll < 0.7:
        return f"Công đoàn cơ sở {rng.choice(FORMS)} {rng.choice(TRADES)} {rng.choice(BRANDS)} {n}"
    if roll < 0.85:
        school = rng.choice(("Trường Mầm non", "Trường Tiểu học", "Trường Trung học cơ sở", "Trường THPT"))
        return f"Công đoàn {school} {place} {n}"
    if roll < 0.92:
        return f"Công đoàn Bệnh viện Đa khoa {place} {n}"
    return f"Công đoàn cơ sở Ủy ban nhân dân {place} {n}"


def fill(log) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection

    from phoihop.accounts.models import Membership
    from phoihop.core.text import fold
    from phoihop.orgs.choices import OrgKind, OrgLevel, UnitLevel
    from phoihop.orgs.models import PATH_STEP, AdminUnit, Organization

    if Organization.objects.count() >= PROVINCES * MIDDLE * LEAVES:
        return
    rng = random.Random(2025)
    provinces = list(AdminUnit.objects.filter(level=UnitLevel.PROVINCE, is_legacy=False).order_by("code"))
    communes: dict[int, list] = {}
    for unit in AdminUnit.objects.filter(level=UnitLevel.COMMUNE, is_legacy=False).only(
        "id", "name", "province"
    ):
        communes.setdefault(unit.province_id, []).append(unit)
    rows: list[Organization] = []
    next_id = 1

    def add(name, kind, level, parent, unit, tax_code="") -> Organization:
        nonlocal next_id
        path = (parent.path if parent else "") + f"{next_id:0{PATH_STEP}d}."
        org = Organization(
            id=next_id, name=name, kind=kind, level=level, parent=parent, path=path, depth=path.count("."),
            admin_unit=unit, tax_code=tax_code, name_folded=fold(name),
        )  # fmt: skip
        next_id += 1
        rows.append(org)
        return org

    log("Tạo cây 100.000 đơn vị …")
    top = add("Tổng Liên đoàn Lao động Việt Nam", OrgKind.LABOUR_FEDERATION, OrgLevel.NATIONAL, None, None)
    for p, province_unit in enumerate(provinces[:PROVINCES]):
        province = add(
            f"Liên đoàn Lao động {province_unit.name}", OrgKind.LABOUR_FEDERATION, OrgLevel.PROVINCE, top,
            province_unit,
        )  # fmt: skip
        places = communes.get(province_unit.pk) or [province_unit]
        for m in range(MIDDLE):
            place = places[m % len(places)]
            middle = add(
                f"Công đoàn {place.name}", OrgKind.LABOUR_FEDERATION, OrgLevel.COMMUNE, province, place
            )
            for g in range(LEAVES):
                spot = rng.choice(places)
                tax = f"01{rng.randrange(10**8):08d}" if p < 3 and rng.random() < 0.1 else ""
                if not tax and rng.random() < 0.1:
                    tax = f"{rng.randrange(2, 99):02d}{rng.randrange(10**8):08d}"
                add(
                    grassroots_name(rng, spot.name, g + 1), OrgKind.GRASSROOTS_UNION, OrgLevel.GRASSROOTS,
                    middle, spot, tax,
                )  # fmt: skip
    for start in range(0, len(rows), 5000):
        Organization.objects.bulk_create(rows[start : start + 5000])
        log(f"  {min(start + 5000, len(rows)):,}".replace(",", "."))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('orgs_organization', 'id'), (SELECT max(id) FROM orgs_organization))"
        )
        cursor.execute("VACUUM ANALYZE orgs_organization")
    User = get_user_model()
    User.objects.create_superuser("bench.tw", password="bench-password-xyz")
    province = Organization.objects.filter(level=OrgLevel.PROVINCE).order_by("path").first()
    middle = Organization.objects.filter(parent=province).order_by("path").first()
    for username, org in (("bench.tinh", province), ("bench.xa", middle)):
        Membership.objects.create(user=User.objects.create_user(username, password="bench-password-xyz"),
                                  organization=org, role="editor")  # fmt: skip


def main() -> int:
    args = arguments()
    start_django(args.rebuild)
    from django.contrib.auth import get_user_model

    from phoihop.core import permissions
    from phoihop.orgs.models import Organization
    from phoihop.orgs.selectors import suggest_orgs

    fill(lambda message: print(message, flush=True))
    User = get_user_model()
    users = [
        ("Tổng Liên đoàn (mọi đơn vị)", User.objects.get(username="bench.tw")),
        ("một LĐLĐ tỉnh", User.objects.get(username="bench.tinh")),
        ("một công đoàn cấp xã", User.objects.get(username="bench.xa")),
    ]
    queries = [*QUERIES, TAX_PREFIX]
    total = Organization.objects.count()
    print(
        f"\nTìm đơn vị khi gõ: {total:,} đơn vị".replace(",", ".")
        + f" (PostgreSQL, {URL.rsplit('/', 1)[-1]})"
    )
    verdict = None
    for label, user in users:
        scope = permissions.visible_organizations(user)
        size = scope.count()
        times, hits = [], []
        for query in queries:
            times.append(timed(lambda q=query, s=scope: suggest_orgs(s, q), args.runs))
            hits.append(len(suggest_orgs(scope, query)[0]))
        listing = timed(lambda s=scope: list(s.order_by("path").values_list("id", "name")), args.runs)
        print(f"\n{label}: phạm vi {size:,} đơn vị".replace(",", "."))
        print(f"  {'gõ (không dấu)':<28}{'trung vị ms':>12}{'gợi ý':>7}")
        for query, ms, hit in zip(queries, times, hits, strict=True):
            print(f"  {query:<28}{ms:>12.1f}{hit:>7}")
        median = statistics.median(times)
        print(f"  {'trung vị':<28}{median:>12.1f}")
        print(
            f"  tham chiếu: đọc cả phạm vi cho một <select> {listing:.1f} ms "
            f"(một lần tìm / đọc cả phạm vi = {median / listing:.2f})"
        )
        if verdict is None:
            verdict = median
    ok = verdict is not None and verdict <= 150
    print(f"\nMục tiêu (Tổng Liên đoàn, trung vị ≤ 150 ms): {'đạt' if ok else 'CHƯA ĐẠT'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
