"""The committed administrative-unit snapshot agrees with the installed vietnam-provinces package on today's units.

The snapshot comes from the package's 2026 release (legacy units and the reform mapping); Python 3.11 installs its
2025 release. Provinces must agree exactly (codes, and names once the division word is set aside), because the 2026 data
writes it ("Tỉnh Cao Bằng") and upgraded some provinces to cities, and it renames or respells a few percent of the communes.
"""

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import phoihop.orgs

DIVISION = re.compile(r"^(Thành phố|Tỉnh|Phường|Xã|Đặc khu)\s+")


def base(name: str) -> str:
    return DIVISION.sub("", name)


SNAPSHOT = Path(phoihop.orgs.__file__).parent / "data" / "admin_units.json.gz"


def test_todays_provinces_and_communes_are_the_packages_to_the_letter():
    from vietnam_provinces import Province, Ward

    data = json.loads(gzip.decompress(SNAPSHOT.read_bytes()))
    provinces = {code: base(name) for code, name, *_ in data["current"]["provinces"]}
    communes = {code: (base(name), province) for code, name, _kind, province in data["current"]["communes"]}
    assert provinces == {int(p.code): base(p.name) for p in Province.iter_all()}
    package_communes = {int(w.code): (base(w.name), int(w.province_code)) for w in Ward.iter_all()}
    # Every province has as many communes in both releases …
    assert Counter(p for _, p in communes.values()) == Counter(p for _, p in package_communes.values())
    # … and the 2026 data recodes, renames or respells a few percent of them ("Hoà Hội" → "Hòa Hội").
    shared = {code for code in communes if communes[code] == package_communes.get(code)}
    assert len(shared) / len(communes) > 0.9
    assert len(provinces) == 34 and len(communes) == 3321
