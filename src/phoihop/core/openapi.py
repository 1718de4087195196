"""Write or check the committed OpenAPI schema: `python -m phoihop.core.openapi --check openapi.json`."""

import json
import os
import sys
from pathlib import Path


def current_schema() -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "phoihop.settings")
    os.environ.setdefault("PHOIHOP_LOCAL", "true")
    import django

    django.setup()
    from phoihop.api import api

    return api.get_openapi_schema(path_prefix="/api/v1/")


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("--check", "--write"):
        print("usage: python -m phoihop.core.openapi --check|--write FILE", file=sys.stderr)
        return 2
    mode, path = argv
    text = json.dumps(current_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    target = Path(path)
    if mode == "--write":
        target.write_text(text, encoding="utf-8")
        return 0
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        print(f"{path} khác với API hiện tại: chạy `make openapi` rồi commit lại tệp này.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
