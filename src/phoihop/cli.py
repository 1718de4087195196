"""The `phoihop` console command: serve, migrate, load-demo, create-user, import-excel, report, extract, worker …

Every subcommand is a thin wrapper over a Django management command, so `manage.py` and `phoihop` agree.
"""

from __future__ import annotations

import os
import sys

USAGE = """Cách dùng: phoihop <lệnh> [tham số]

Lệnh:
  serve [--port 8000] [--host 127.0.0.1] [--workers N]   chạy máy chủ web
  migrate                                                 tạo/cập nhật cơ sở dữ liệu
  load-demo [--reset]                                     nạp dữ liệu mẫu (từ các bài viết gốc)
  create-user USERNAME --org "Tên đơn vị" --role editor   tạo người dùng
  import-excel FILE [--commit]                            nhập số liệu từ Excel (xem trước, rồi ghi)
  registry-import SỔ FILE [--commit] | registry-export SỔ   nhập/xuất sổ theo dõi bằng Excel
  report …                                                xuất báo cáo sơ kết/tổng kết
  extract FILE [--json] | --evaluate GOLD_DIR TEXT_DIR    đọc văn bản cũ thành dữ liệu
  worker                                                  chạy tiến trình xử lý tác vụ nền
  manage …                                                mọi lệnh quản trị của Django
"""

ALIASES = {
    "load-demo": "load_demo",
    "create-user": "create_user",
    "import-excel": "import_excel",
    "load-admin-units": "load_admin_units",
    "registry-import": "registry_import",
    "registry-export": "registry_export",
    "registry-recompute": "registry_recompute",
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "phoihop.settings")
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(USAGE)
        return 0
    command, rest = argv[0], argv[1:]
    if command == "extract":
        from phoihop.extraction.cli import main as extract_main

        return extract_main(rest)
    import django
    from django.core.management import execute_from_command_line

    django.setup()
    if command == "manage":
        execute_from_command_line(["phoihop", *rest])
        return 0
    execute_from_command_line(["phoihop", ALIASES.get(command, command), *rest])
    return 0


if __name__ == "__main__":
    sys.exit(main())
