"""scripts/build_admin_units.py reads the package the same way by import and by parsing, and checks the tables."""

import importlib.util
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_admin_units.py"

BASE = """
from dataclasses import dataclass
from enum import StrEnum
from .codes import ProvinceCode, WardCode{extra_import}

class VietNamDivisionType(StrEnum):
    TINH = 'tỉnh'
    THANH_PHO_TRUNG_UONG = 'thành phố trung ương'
    QUAN = 'quận'
    XA = 'xã'
    PHUONG = 'phường'

@dataclass(frozen=True)
class Province:
    name: str
    code: ProvinceCode
    division_type: VietNamDivisionType
    codename: str
    phone_code: int
{classes}
"""
CURRENT_CLASSES = """
@dataclass(frozen=True)
class Ward:
    name: str
    code: WardCode
    division_type: VietNamDivisionType
    codename: str
    province_code: ProvinceCode
"""
LEGACY_CLASSES = """
@dataclass(frozen=True)
class District:
    name: str
    code: DistrictCode
    division_type: VietNamDivisionType
    codename: str
    province_code: ProvinceCode

@dataclass(frozen=True)
class Ward:
    name: str
    code: WardCode
    division_type: VietNamDivisionType
    codename: str
    district_code: DistrictCode
"""
FILES = {
    "vietnam_provinces/__init__.py": "__version__ = '9.9.9'\n__data_version__ = '2099-01-31'\n",
    "vietnam_provinces/codes.py": (
        "from enum import IntEnum\nclass ProvinceCode(IntEnum):\n    P_01 = 1\n"
        "class WardCode(IntEnum):\n    W_00004 = 4\n    W_00008 = 8\n"
    ),
    "vietnam_provinces/base.py": BASE.format(extra_import="", classes=CURRENT_CLASSES),
    "vietnam_provinces/_lookup.py": (
        "from .base import Province, ProvinceCode, VietNamDivisionType, Ward, WardCode\n"
        "PROVINCE_MAPPING = {1: Province('Thành phố Hà Nội', ProvinceCode.P_01, "
        "VietNamDivisionType.THANH_PHO_TRUNG_UONG, 'ha_noi', 24)}\n"
        "WARD_MAPPING = {\n"
        "    4: Ward('Phường Ba Đình', WardCode.W_00004, VietNamDivisionType.PHUONG, 'ba_dinh', ProvinceCode.P_01),\n"
        "    8: Ward('Phường Ngọc Hà', WardCode.W_00008, VietNamDivisionType.PHUONG, 'ngoc_ha', ProvinceCode.P_01),\n"
        "}\n"
    ),
    "vietnam_provinces/legacy/__init__.py": "",
    "vietnam_provinces/legacy/codes.py": (
        "from enum import IntEnum\nclass ProvinceCode(IntEnum):\n    P_01 = 1\n"
        "class DistrictCode(IntEnum):\n    D_001 = 1\nclass WardCode(IntEnum):\n    W_00001 = 1\n    W_00004 = 4\n"
    ),
    "vietnam_provinces/legacy/base.py": BASE.format(extra_import=", DistrictCode", classes=LEGACY_CLASSES),
    "vietnam_provinces/legacy/_lookup.py": (
        "from .base import District, Province, VietNamDivisionType, Ward\n"
        "from .codes import DistrictCode, ProvinceCode, WardCode\n"
        "PROVINCE_MAPPING: dict[int, Province] = {1: Province('Thành phố Hà Nội', ProvinceCode.P_01, "
        "VietNamDivisionType.THANH_PHO_TRUNG_UONG, 'thanh_pho_ha_noi', 24)}\n"
        "DISTRICT_MAPPING: dict[int, District] = {1: District('Quận Ba Đình', DistrictCode.D_001, "
        "VietNamDivisionType.QUAN, 'quan_ba_dinh', ProvinceCode.P_01)}\n"
        "WARD_MAPPING: dict[int, Ward] = {\n"
        "    1: Ward('Phường Phúc Xá', WardCode.W_00001, VietNamDivisionType.PHUONG, 'phuc_xa', DistrictCode.D_001),\n"
        "    4: Ward('Phường Trúc Bạch', WardCode.W_00004, VietNamDivisionType.PHUONG, 'truc_bach', DistrictCode.D_001),\n"
        "}\n"
    ),
    "vietnam_provinces/_ward_conversion_2025.py": textwrap.dedent(
        """
        from typing import NamedTuple
        class OldWardRef(NamedTuple):
            code: int
            district_code: int
            province_code: int
            is_partly_merged: bool
        class NewWardRef(NamedTuple):
            code: int
            province_code: int
        class OldToNewEntry(NamedTuple):
            old_ward: OldWardRef
            new_wards: tuple
        EFFECTIVE_DATE = '2025-07-01'
        OLD_TO_NEW: dict[int, OldToNewEntry] = {
            1: OldToNewEntry(OldWardRef(1, 1, 1, True), (NewWardRef(8, 1), NewWardRef(4, 1))),
            4: OldToNewEntry(OldWardRef(4, 1, 1, False), (NewWardRef(4, 1),)),
            99: OldToNewEntry(OldWardRef(99, 1, 1, False), (NewWardRef(4, 1),)),
        }
        """
    ),
    "vietnam_provinces/_province_conversion_2025.py": textwrap.dedent(
        """
        from typing import NamedTuple
        class OldProvinceRef(NamedTuple):
            code: int
        class NewProvinceRef(NamedTuple):
            code: int
        class OldToNewEntry(NamedTuple):
            old_province: OldProvinceRef
            new_provinces: tuple
        OLD_TO_NEW: dict[int, OldToNewEntry] = {1: OldToNewEntry(OldProvinceRef(1), (NewProvinceRef(1),))}
        """
    ),
}


@pytest.fixture
def script():
    spec = importlib.util.spec_from_file_location("build_admin_units", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    saved = {k: v for k, v in sys.modules.items() if k.split(".")[0] == "vietnam_provinces"}
    yield module
    for name in [k for k in sys.modules if k.split(".")[0] == "vietnam_provinces"]:
        del sys.modules[name]
    sys.modules.update(saved)


@pytest.fixture
def package(tmp_path):
    for name, text in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_import_and_ast_readings_give_the_same_snapshot(script, package):
    by_import = script.build_snapshot(script.read_by_import(package))
    by_ast = script.build_snapshot(script.read_by_ast(package))
    assert by_import == by_ast


def test_snapshot_rows_are_compact_and_in_vietnamese(script, package):
    snapshot = script.build_snapshot(script.read_by_ast(package))
    assert snapshot["source"]["version"] == "9.9.9"
    assert snapshot["source"]["data_version"] == "2099-01-31"
    assert snapshot["current"]["provinces"] == [
        [1, "Thành phố Hà Nội", "thành phố trực thuộc trung ương", None]
    ]
    assert snapshot["legacy"]["wards"][1] == [4, "Phường Trúc Bạch", "phường", 1]
    assert snapshot["ward_mapping"] == [[1, 1, [4, 8]], [4, 0, [4]]]
    # A conversion row naming a ward missing from the legacy list is left out and listed.
    assert snapshot["ward_mapping_unlinked"] == [99]
    assert snapshot["province_mapping"] == [[1, [1]]]


def test_inconsistent_tables_are_refused(script, package):
    data = script.read_by_ast(package)
    data["vietnam_provinces.legacy._lookup"]["DISTRICT_MAPPING"] = {}
    with pytest.raises(SystemExit, match="ward 1 in unknown district"):
        script.build_snapshot(data)
