"""Refresh the committed snapshot of Vietnam's administrative units (src/phoihop/orgs/data/admin_units.json.gz).

The product loads the snapshot, never the network, so offline intranet installs need no download. This script is
how the snapshot is refreshed when the `vietnam-provinces` package publishes new data:

    .venv/bin/python scripts/build_admin_units.py [--version 2026.9.0] [--wheel PATH] [--output PATH]

Releases from 2026 carry the legacy units (63 provinces, 696 districts, ~10,051 wards in force before 1 July 2025)
and the old→new ward mapping, but only install on Python ≥ 3.12; the product runs on 3.11. So the script downloads
the pure-Python wheel for 3.12 without installing it, and reads its data modules: by importing them from the
unpacked wheel, or, if that fails on this Python, by parsing them with `ast` (they are plain literal tables).
The data is GPL-3.0-or-later, like this project.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import gzip
import importlib
import json
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

PACKAGE = "vietnam-provinces"
DEFAULT_VERSION = "2026.9.0"
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "src" / "phoihop" / "orgs" / "data" / "admin_units.json.gz"

# The package's type names, written as Vietnamese official texts write them.
TYPE_NAMES = {"thành phố trung ương": "thành phố trực thuộc trung ương"}

# Modules of the wheel and the tables read from each.
TABLES = {
    "vietnam_provinces._lookup": ("PROVINCE_MAPPING", "WARD_MAPPING"),
    "vietnam_provinces.legacy._lookup": ("PROVINCE_MAPPING", "DISTRICT_MAPPING", "WARD_MAPPING"),
    "vietnam_provinces._ward_conversion_2025": ("OLD_TO_NEW", "EFFECTIVE_DATE"),
    "vietnam_provinces._province_conversion_2025": ("OLD_TO_NEW",),
}


def download_wheel(version: str, dest: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "--python-version",
            "3.12",
            f"{PACKAGE}=={version}",
            "-d",
            str(dest),
        ],
        check=True,
    )
    wheels = sorted(dest.glob("vietnam_provinces-*.whl"))
    if not wheels:
        raise SystemExit(f"pip did not produce a {PACKAGE} wheel in {dest}")
    return wheels[-1]


def _plain(value):
    """Dataclasses and named tuples of the package → nested tuples of str/int/bool, the shape `ast` also gives."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple(_plain(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)  # IntEnum codes → plain int
    if isinstance(value, str):
        return str(value)  # StrEnum division types → plain str
    return value


def read_by_import(src: Path) -> dict:
    sys.path.insert(0, str(src))
    for name in list(sys.modules):
        if name == "vietnam_provinces" or name.startswith("vietnam_provinces."):
            del sys.modules[name]
    try:
        package = importlib.import_module("vietnam_provinces")
        if not str(package.__file__).startswith(str(src)):
            raise ImportError("an installed vietnam_provinces shadows the downloaded wheel")
        data = {
            module: {name: _plain(getattr(importlib.import_module(module), name)) for name in names}
            for module, names in TABLES.items()
        }
        data["meta"] = {"version": package.__version__, "data_version": package.__data_version__}
        return data
    finally:
        sys.path.remove(str(src))


class _Evaluator:
    """Evaluates the literal tables of the package's modules: calls become tuples, enum members their values."""

    def __init__(self, enums: dict[str, dict[str, object]]):
        self.enums = enums

    def __call__(self, node):
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Tuple | ast.List):
            return tuple(self(e) for e in node.elts)
        if isinstance(node, ast.Dict):
            return {self(k): self(v) for k, v in zip(node.keys, node.values, strict=True)}
        if isinstance(node, ast.Call):
            return tuple(self(a) for a in node.args)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            owner, member = node.value.id, node.attr
            if owner in self.enums:
                return self.enums[owner][member]
            if owner.endswith("Code"):  # ProvinceCode.P_01, DistrictCode.D_007, WardCode.W_00004
                return int(member.split("_", 1)[1])
        raise ValueError(
            f"unexpected expression on line {getattr(node, 'lineno', '?')}: {ast.dump(node)[:120]}"
        )


def _module_path(src: Path, module: str) -> Path:
    return src.joinpath(*module.split(".")).with_suffix(".py")


def _assignments(path: Path) -> dict[str, ast.expr]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            found[node.targets[0].id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            found[node.target.id] = node.value
    return found


def _enum_values(path: Path) -> dict[str, dict[str, object]]:
    enums = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ClassDef) and node.name == "VietNamDivisionType":
            enums[node.name] = {
                stmt.targets[0].id: stmt.value.value
                for stmt in node.body
                if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant)
            }
    return enums


def read_by_ast(src: Path) -> dict:
    data = {}
    for module, names in TABLES.items():
        path = _module_path(src, module)
        base = path.parent / "base.py"
        evaluate = _Evaluator(_enum_values(base) if base.exists() else {})
        assigned = _assignments(path)
        data[module] = {name: evaluate(assigned[name]) for name in names}
    init = _assignments(src / "vietnam_provinces" / "__init__.py")
    data["meta"] = {"version": init["__version__"].value, "data_version": init["__data_version__"].value}
    return data


def _type(name: str) -> str:
    return TYPE_NAMES.get(name, name)


def build_snapshot(data: dict) -> dict:
    current = data["vietnam_provinces._lookup"]
    legacy = data["vietnam_provinces.legacy._lookup"]
    wards = data["vietnam_provinces._ward_conversion_2025"]
    provinces = data["vietnam_provinces._province_conversion_2025"]

    def rows(table: dict) -> list:
        # (name, code, division type, codename, parent code or phone code) → [code, name, type, parent]
        return [[row[1], row[0], _type(row[2]), row[4]] for _, row in sorted(table.items())]

    # A few conversion rows name wards that were renumbered in early 2025 and are missing from the legacy list;
    # they cannot be linked, so they are left out and listed in the snapshot.
    ward_mapping, unlinked = [], []
    for old_code, (old_ref, new_refs) in sorted(wards["OLD_TO_NEW"].items()):
        if old_code not in legacy["WARD_MAPPING"]:
            unlinked.append(old_code)
            continue
        ward_mapping.append([old_code, int(bool(old_ref[3])), sorted(ref[0] for ref in new_refs)])
    province_mapping = [
        [old_code, sorted(ref[0] for ref in new_refs)]
        for old_code, (_, new_refs) in sorted(provinces["OLD_TO_NEW"].items())
    ]
    snapshot = {
        "format": 1,
        "source": {
            "package": PACKAGE,
            "version": data["meta"]["version"],
            "data_version": data["meta"]["data_version"],
            "effective_date": wards["EFFECTIVE_DATE"],
            "licence": "GPL-3.0-or-later",
            "origin": "danhmuchanhchinh.nso.gov.vn, qua gói vietnam-provinces",
        },
        # Rows are [code, name, division type, parent code]; provinces have no parent (null).
        "current": {
            "provinces": [[r[0], r[1], r[2], None] for r in rows(current["PROVINCE_MAPPING"])],
            "communes": rows(current["WARD_MAPPING"]),
        },
        "legacy": {
            "provinces": [[r[0], r[1], r[2], None] for r in rows(legacy["PROVINCE_MAPPING"])],
            "districts": rows(legacy["DISTRICT_MAPPING"]),
            "wards": rows(legacy["WARD_MAPPING"]),
        },
        # [old ward code, partly merged (0/1), [new commune codes]]
        "ward_mapping": ward_mapping,
        "ward_mapping_unlinked": unlinked,
        # [old province code, [new province codes]]
        "province_mapping": province_mapping,
    }
    check(snapshot)
    return snapshot


def check(snapshot: dict) -> None:
    """Refuse to write a snapshot whose tables do not hang together."""
    cur, old = snapshot["current"], snapshot["legacy"]
    new_provinces = {r[0] for r in cur["provinces"]}
    new_communes = {r[0] for r in cur["communes"]}
    old_provinces = {r[0] for r in old["provinces"]}
    old_districts = {r[0] for r in old["districts"]}
    old_wards = {r[0] for r in old["wards"]}
    problems = []
    problems += [f"commune {r[0]} in unknown province" for r in cur["communes"] if r[3] not in new_provinces]
    problems += [
        f"district {r[0]} in unknown province" for r in old["districts"] if r[3] not in old_provinces
    ]
    problems += [f"ward {r[0]} in unknown district" for r in old["wards"] if r[3] not in old_districts]
    for old_code, _, new_codes in snapshot["ward_mapping"]:
        if old_code not in old_wards or not set(new_codes) <= new_communes:
            problems.append(f"ward mapping {old_code} → {new_codes} names an unknown ward")
    for old_code, new_codes in snapshot["province_mapping"]:
        if old_code not in old_provinces or not set(new_codes) <= new_provinces:
            problems.append(f"province mapping {old_code} → {new_codes} names an unknown province")
    if problems:
        raise SystemExit("Inconsistent data:\n  " + "\n  ".join(problems[:20]))


def summary(snapshot: dict) -> str:
    by_type = defaultdict(int)
    for row in snapshot["current"]["communes"]:
        by_type[row[2]] += 1
    source = snapshot["source"]
    return (
        f"{source['package']} {source['version']} (dữ liệu {source['data_version']}): "
        f"hiện hành {len(snapshot['current']['provinces'])} tỉnh/thành, "
        f"{len(snapshot['current']['communes'])} xã/phường ({dict(by_type)}); "
        f"cũ {len(snapshot['legacy']['provinces'])} tỉnh, {len(snapshot['legacy']['districts'])} huyện, "
        f"{len(snapshot['legacy']['wards'])} xã; "
        f"{len(snapshot['ward_mapping'])} dòng chuyển đổi cấp xã (bỏ {len(snapshot['ward_mapping_unlinked'])} "
        f"dòng không có trong danh mục cũ), {len(snapshot['province_mapping'])} cấp tỉnh"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default=DEFAULT_VERSION, help=f"version of {PACKAGE} to read")
    parser.add_argument("--wheel", type=Path, help="a wheel already downloaded (skips pip download)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--ast", action="store_true", help="parse the modules with ast instead of importing them"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="admin-units-") as tmp:
        tmp_path = Path(tmp)
        wheel = args.wheel or download_wheel(args.version, tmp_path)
        src = tmp_path / "src"
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(src)
        data = None
        if not args.ast:
            try:
                data = read_by_import(src)
            except Exception as exc:  # noqa: BLE001 - any import problem falls back to parsing
                print(f"Import failed on Python {sys.version.split()[0]} ({exc!r}); parsing with ast")
        if data is None:
            data = read_by_ast(src)
    snapshot = build_snapshot(data)
    payload = json.dumps(snapshot, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    # No name and mtime=0 keep the file byte-identical when the data has not changed.
    with (
        open(args.output, "wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz,
    ):
        gz.write(payload)
    print(summary(snapshot))
    print(f"Đã ghi {args.output} ({args.output.stat().st_size:,} byte)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
