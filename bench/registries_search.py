"""Initiative registry at 1,000,000 rows on PostgreSQL: diacritic-insensitive search and a province leaderboard.

    .venv/bin/python bench/registries_search.py             # database phoihop_bench_reg (created and filled once)
    .venv/bin/python bench/registries_search.py --rebuild   # drop it and fill it again
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/other .venv/bin/python bench/registries_search.py

Never touches the `test` database. The data: one province federation, 30 district federations (in 5 emulation
clusters, each with a target in the one-million-initiatives campaign), 33 enterprises under each (990 units) and
1,000,000 initiatives with 6–9-word titles, two authors, dates 2015–2024, half of them in the campaign.

Timed exactly as the list page and the leaderboard page run them, as a province-level user:
  search      the first page (50 rows, newest first) plus the capped count, for 12 queries typed without
              diacritics; reference: the same queries with PostgreSQL's bitmap scans turned off (no trigram index)
  leaderboard the campaign's standings of the 30 districts against their targets, and by cluster;
              reference: a plain count(*) of the table
Medians over --runs repetitions; the targets are search ≤ 200 ms and leaderboard ≤ 500 ms.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kept_database import arguments, configure, start_django, timed  # noqa: E402

URL = configure("postgres://postgres@127.0.0.1:5432/phoihop_bench_reg")

ROWS = 1_000_000
DISTRICTS, ENTERPRISES = 30, 33
WORDS = (
    "cải tiến hợp lý hóa tự động hóa đổi mới nâng cao hiệu quả tiết kiệm chi phí ứng dụng phần mềm quản lý giảm "
    "thời gian bảo đảm an toàn số hóa quy trình cắt vải dây chuyền may áo sơ mi máy ép nhiệt khâu kiểm tra chất "
    "lượng sản phẩm hệ thống chiếu sáng phân xưởng kho vật tư bảo dưỡng máy nén khí xử lý nước thải tiếp nhận hồ "
    "sơ một cửa lưu trữ hàn khung thép lắp ráp bo mạch đóng gói thành phẩm vận hành lò hơi sửa chữa thiết bị điện "
    "pha chế sơn cấp phát thuốc thu gom rác kiểm kê tài sản chấm công điều phối xe vận chuyển vệ sinh công nghiệp "
    "đào tạo công nhân mới kế hoạch đơn hàng nguyên liệu cân đo cốp pha bê tông in bao bì sấy nông sản chế biến "
    "thủy sản trạm bơm điện năng giao nhận hàng hóa thang máy cắt gọt kim loại phun tĩnh điện dập khuôn mạ kẽm"
).split()
SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Phan Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý".split()
MIDDLE = "Văn Thị Đức Minh Thu Ngọc Quang Thanh Hữu Hồng".split()
GIVEN = "An Bình Cường Dung Hà Hải Hạnh Hoa Hùng Hương Lan Linh Long Mai Nam Nga Phong Quân Sơn Thảo Trang Tuấn".split()
QUERIES = [
    "may cat vai", "tiet kiem dien", "nguyen van an", "bo mach", "xu ly nuoc thai", "phan mem quan ly",
    "lo hoi", "cong nhan moi", "thang may", "son tinh dien", "tran thi hoa", "kiem tra chat luong",
]  # fmt: skip


def fill(log) -> dict:
    from django.contrib.auth import get_user_model
    from django.db import connection

    from phoihop.accounts.models import Membership
    from phoihop.orgs.choices import OrgKind, OrgLevel, Ownership
    from phoihop.orgs.models import Organization
    from phoihop.registries.bulk import insert_rows
    from phoihop.registries.models import Initiative, Movement, MovementParticipant

    province = Organization.objects.filter(name="Liên đoàn Lao động tỉnh Thử nghiệm").first()
    if province and Initiative.objects.filter(unit__path__startswith=province.path).count() >= ROWS:
        return setup_objects(province)
    log("Tạo cây đơn vị …")
    province = Organization.objects.create(
        name="Liên đoàn Lao động tỉnh Thử nghiệm", kind=OrgKind.LABOUR_FEDERATION, level=OrgLevel.PROVINCE
    )
    units = []
    for d in range(DISTRICTS):
        district = Organization.objects.create(
            name=f"Liên đoàn Lao động huyện Thử nghiệm {d + 1}",
            kind=OrgKind.LABOUR_FEDERATION,
            level=OrgLevel.DISTRICT,
            parent=province,
        )
        for e in range(ENTERPRISES):
            units.append(
                Organization.objects.create(
                    name=f"Công ty Thử nghiệm {d + 1}-{e + 1}",
                    kind=OrgKind.ENTERPRISE,
                    level=OrgLevel.GRASSROOTS,
                    ownership=Ownership.PRIVATE,
                    parent=district,
                )
            )
    campaign = Movement.objects.create(
        name="Chương trình 1 triệu sáng kiến (thử nghiệm)",
        launched_by=province,
        level=OrgLevel.PROVINCE,
        start_date=dt.date(2021, 9, 1),
        end_date=dt.date(2024, 12, 31),
    )
    for i, district in enumerate(province.children.order_by("pk")):
        MovementParticipant.objects.create(
            movement=campaign,
            organization=district,
            target_initiatives=15_000 + 500 * i,
            cluster=f"Cụm {i % 5 + 1}",
        )
    log(f"Sinh {ROWS:,} sáng kiến …".replace(",", "."))
    rng = random.Random(2024)
    start = dt.date(2015, 1, 1)
    chunk = 50_000
    for base in range(0, ROWS, chunk):
        batch = []
        for i in range(base, min(base + chunk, ROWS)):
            in_campaign = i % 2 == 0
            day = start + dt.timedelta(days=rng.randrange(3650))
            level = rng.choice(("grassroots", "grassroots", "grassroots", "district", "city", ""))
            batch.append(
                Initiative(
                    title=" ".join(rng.sample(WORDS, rng.randint(6, 9))).capitalize(),
                    authors="; ".join(
                        f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}" for _ in range(2)
                    ),
                    unit=units[i % len(units)],
                    registered_date=dt.date(2021, 9, 1) + dt.timedelta(days=i % 1000)
                    if in_campaign
                    else None,
                    recognised_date=day if level else None,
                    recognition_level=level,
                    benefit_vnd=rng.randrange(1, 500) * 1_000_000 if level else None,
                    movement=campaign if in_campaign else None,
                )
            )
        insert_rows(Initiative, batch)
        log(f"  {base + len(batch):,}".replace(",", "."))
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE registries_initiative")
        cursor.execute("VACUUM ANALYZE orgs_organization")
    user = get_user_model().objects.create_user("bench.tinh", password="bench-password-xyz")
    Membership.objects.create(user=user, organization=province, role="viewer")
    return setup_objects(province)


def setup_objects(province) -> dict:
    from django.contrib.auth import get_user_model

    from phoihop.registries.models import Movement

    return {
        "province": province,
        "user": get_user_model().objects.get(username="bench.tinh"),
        "campaign": Movement.objects.get(launched_by=province),
    }


def main() -> int:
    args = arguments()
    start_django(args.rebuild)
    from django.db import connection, transaction

    from phoihop.registries.leaderboards import initiative_leaderboard
    from phoihop.registries.registry import get_registry

    objects = fill(lambda message: print(message, flush=True))
    registry = get_registry("sang-kien")
    user = objects["user"]

    def page(query):
        qs = registry.search(registry.queryset(user), query)
        rows = list(qs[:50])
        total = qs[:10_001].count()
        return rows, total

    search, reference, hits = [], [], []
    for query in QUERIES:
        search.append(timed(lambda q=query: page(q), args.runs))
        hits.append(page(query)[1])
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_bitmapscan = off")
            reference.append(timed(lambda q=query: page(q), max(1, args.runs // 3)))
    board = timed(
        lambda: initiative_leaderboard(objects["province"], movement=objects["campaign"]), args.runs
    )
    clusters = timed(
        lambda: initiative_leaderboard(objects["province"], movement=objects["campaign"], by="cluster"),
        args.runs,
    )
    recognised = timed(lambda: initiative_leaderboard(objects["province"]), args.runs)

    def count_all():
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM registries_initiative")
            return cursor.fetchone()

    count_ref = timed(count_all, args.runs)
    total = count_all()[0]
    print(f"\nSổ sáng kiến: {total:,} bản ghi".replace(",", ".") + f" (PostgreSQL, {URL.rsplit('/', 1)[-1]})")
    print(f"{'tìm kiếm (không dấu)':<34}{'trung vị ms':>12}{'không chỉ mục ms':>18}{'kết quả':>10}")
    for query, ms, ref, hit in zip(QUERIES, search, reference, hits, strict=True):
        print(f"  {query:<32}{ms:>12.1f}{ref:>18.1f}{min(hit, 10_000):>10}")
    median_search = statistics.median(search)
    print(f"  {'trung vị 12 truy vấn':<32}{median_search:>12.1f}{statistics.median(reference):>18.1f}")
    print(f"bảng xếp hạng tỉnh (30 huyện, chỉ tiêu):  {board:.1f} ms")
    print(f"bảng xếp hạng theo cụm thi đua:           {clusters:.1f} ms")
    print(f"bảng xếp hạng sáng kiến được công nhận:    {recognised:.1f} ms")
    print(
        f"tham chiếu count(*) toàn bảng:            {count_ref:.1f} ms (bảng xếp hạng / count = {board / count_ref:.2f})"
    )
    ok = median_search <= 200 and board <= 500
    print(f"Mục tiêu (tìm ≤ 200 ms, xếp hạng ≤ 500 ms): {'đạt' if ok else 'CHƯA ĐẠT'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
