"""Importing 100,000 initiatives from Excel: the preview (read, parse, match, check every row, duplicates
included) against openpyxl's raw read of the same file, and the commit.

    .venv/bin/python bench/registries_import.py                 # PostgreSQL database phoihop_bench_reg
    .venv/bin/python bench/registries_import.py --sqlite        # a throwaway SQLite file
    .venv/bin/python bench/registries_import.py --rows 20000 --runs 3

Never touches the `test` database. The file has 10 columns (title, authors, unit, field, dates, level, benefit,
movement, note) written by openpyxl; its rows go to 100 enterprises of a province federation created for the
benchmark, as a user who edits that province. Reference, measured in the same run: openpyxl
load_workbook(read_only=True) iterating every cell value. The commit (bulk insert, change log, recomputed
figures) runs inside a transaction that is rolled back, so the benchmark can be repeated. Target: preview ≤ 3 ×
the raw read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "phoihop.settings")
os.environ.setdefault("PHOIHOP_LOCAL", "true")
os.environ.setdefault("PHOIHOP_DATA_DIR", tempfile.mkdtemp(prefix="phoihop-bench-"))

WORDS = (
    "cải tiến hợp lý hóa tự động hóa đổi mới nâng cao hiệu quả tiết kiệm chi phí ứng dụng phần mềm quản lý giảm "
    "thời gian bảo đảm an toàn số hóa quy trình cắt vải dây chuyền may áo máy ép nhiệt khâu kiểm tra chất lượng "
    "sản phẩm hệ thống chiếu sáng phân xưởng kho vật tư bảo dưỡng nén khí xử lý nước thải tiếp nhận hồ sơ lưu trữ "
    "hàn khung thép lắp ráp bo mạch đóng gói thành phẩm vận hành lò hơi sửa chữa thiết bị điện pha chế sơn cấp phát "
    "thuốc thu gom rác kiểm kê tài sản chấm công điều phối xe vận chuyển vệ sinh công nghiệp đào tạo kế hoạch đơn "
    "hàng nguyên liệu cân đo cốp pha bê tông in bao bì sấy nông sản chế biến thủy sản trạm bơm điện năng giao nhận"
).split()
NAMES = "Nguyễn Văn An|Trần Thị Bình|Lê Văn Cường|Phạm Thị Dung|Hoàng Minh Hải|Vũ Thu Hà|Đỗ Quang Long|Bùi Ngọc Mai"
LEVELS = ["Cấp cơ sở", "Cấp cơ sở", "cấp quận, huyện", "Cấp thành phố, tỉnh", ""]
FIELDS = ["Kỹ thuật, công nghệ", "Sản xuất, kinh doanh", "Quản lý, điều hành", "An toàn, vệ sinh lao động"]
HEADER = [
    "Tên sáng kiến", "Tác giả", "Đơn vị", "Lĩnh vực", "Ngày đăng ký", "Ngày công nhận", "Cấp công nhận",
    "Giá trị làm lợi (đồng)", "Phong trào", "Ghi chú",
]  # fmt: skip


def write_file(path: Path, rows: int, units: list[str], movement: str) -> None:
    from openpyxl import Workbook

    rng = random.Random(100)
    names = NAMES.split("|")
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Sáng kiến")
    sheet.append(HEADER)
    for i in range(rows):
        level = LEVELS[i % len(LEVELS)]
        registered = dt.date(2022, 1, 3) + dt.timedelta(days=i % 500)
        sheet.append(
            [
                " ".join(rng.sample(WORDS, rng.randint(7, 10))).capitalize(),
                f"{rng.choice(names)}; {rng.choice(names)}",
                units[i % len(units)],
                FIELDS[i % len(FIELDS)],
                registered,
                f"{(registered + dt.timedelta(days=30)).day}/{(registered + dt.timedelta(days=30)).month}/"
                f"{(registered + dt.timedelta(days=30)).year}"
                if level
                else None,
                level,
                f"{rng.randrange(1, 900)}.000.000" if level else None,
                movement,
                "" if i % 7 else "Áp dụng toàn công ty",
            ]
        )
    book.save(path)


def setup(log):
    from django.contrib.auth import get_user_model

    from phoihop.accounts.models import Membership
    from phoihop.orgs.choices import OrgKind, OrgLevel, Ownership
    from phoihop.orgs.models import Organization
    from phoihop.registries.models import Initiative, Movement

    province = Organization.objects.filter(name="Liên đoàn Lao động tỉnh Nhập thử").first()
    if province is None:
        log("Tạo 100 doanh nghiệp của tỉnh nhập thử …")
        province = Organization.objects.create(
            name="Liên đoàn Lao động tỉnh Nhập thử", kind=OrgKind.LABOUR_FEDERATION, level=OrgLevel.PROVINCE
        )
        for d in range(5):
            district = Organization.objects.create(
                name=f"Liên đoàn Lao động huyện Nhập thử {d + 1}",
                kind=OrgKind.LABOUR_FEDERATION,
                level=OrgLevel.DISTRICT,
                parent=province,
            )
            for e in range(20):
                Organization.objects.create(
                    name=f"Công ty Nhập thử {d + 1}-{e + 1}",
                    kind=OrgKind.ENTERPRISE,
                    level=OrgLevel.GRASSROOTS,
                    ownership=Ownership.PRIVATE,
                    parent=district,
                )
        Movement.objects.create(
            name="Phong trào nhập thử",
            launched_by=province,
            level=OrgLevel.PROVINCE,
            start_date=dt.date(2022, 1, 1),
            end_date=dt.date(2024, 12, 31),
        )
        user = get_user_model().objects.create_user("bench.nhap", password="bench-password-xyz")
        Membership.objects.create(user=user, organization=province, role="editor")
    # Rows left by an interrupted run would turn the file's rows into updates: start from an empty province.
    Initiative.objects.filter(unit__path__startswith=province.path).delete()
    units = list(
        Organization.objects.filter(path__startswith=province.path, kind=OrgKind.ENTERPRISE).values_list(
            "name", flat=True
        )
    )
    user = get_user_model().objects.get(username="bench.nhap")
    return user, units, "Phong trào nhập thử"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sqlite", action="store_true")
    args = parser.parse_args()
    if args.sqlite:
        os.environ["DATABASE_URL"] = f"sqlite:///{os.environ['PHOIHOP_DATA_DIR']}/bench-import.sqlite3"
    else:
        url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/phoihop_bench_reg")
        if url.rsplit("/", 1)[-1] in ("test", "postgres"):
            sys.exit("Chọn một cơ sở dữ liệu riêng cho benchmark, không dùng «test» hay «postgres».")
        import psycopg

        name = url.rsplit("/", 1)[-1]
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = url

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from openpyxl import load_workbook

    from phoihop.registries.excel import build_preview, commit_import
    from phoihop.registries.registry import get_registry

    call_command("migrate", verbosity=0)
    user, units, movement = setup(lambda m: print(m, flush=True))
    path = Path(os.environ["PHOIHOP_DATA_DIR"]) / "sang-kien.xlsx"
    started = time.perf_counter()
    write_file(path, args.rows, units, movement)
    rows_label = f"{args.rows:,}".replace(",", ".")
    print(
        f"Tệp {rows_label} dòng: {path.stat().st_size / 1e6:.1f} MB, ghi trong {time.perf_counter() - started:.1f} s"
    )
    data = path.read_bytes()
    registry = get_registry("sang-kien")

    def raw_read():
        book = load_workbook(path, read_only=True, data_only=True)
        cells = 0
        for row in book.worksheets[0].iter_rows(values_only=True):
            cells += len(row)
        book.close()
        return cells

    raws, previews = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        raw_read()
        raws.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        preview = build_preview(registry, user, data)
        previews.append(time.perf_counter() - t0)
    summary = preview.summary()
    assert summary["new"] == args.rows and summary["error"] == 0, summary["errors"][:5]
    commit = None
    with transaction.atomic():
        t0 = time.perf_counter()
        commit_import(registry, user, data)
        commit = time.perf_counter() - t0
        transaction.set_rollback(True)
    raw, prev = statistics.median(raws), statistics.median(previews)
    print(f"\nNhập {rows_label} sáng kiến ({connection.vendor}), trung vị {args.runs} lần:")
    print(f"  đọc thô bằng openpyxl (tham chiếu):  {raw:7.2f} s")
    print(f"  xem trước (đọc, kiểm tra, đối chiếu): {prev:7.2f} s   tỷ lệ {prev / raw:.2f}")
    print(f"  ghi vào sổ (xem trước lại + ghi):     {commit:7.2f} s   tỷ lệ {commit / raw:.2f}")
    print(f"Mục tiêu (xem trước ≤ 3 × đọc thô): {'đạt' if prev / raw <= 3 else 'CHƯA ĐẠT'}")
    return 0 if prev / raw <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
