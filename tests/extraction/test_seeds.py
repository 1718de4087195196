"""One test per seed: the key facts a user would check first."""

import pytest

from phoihop.core.testing import shared_dir
from phoihop.extraction.engine.extractor import extract

SEEDS = shared_dir() / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not available")


def _read(prefix):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return extract(path.read_text(encoding="utf-8"))


def _figure(result, value):
    return next(f for f in result["figures"] if f["value"] == value)


def test_seed_000_final_review_of_a_district_programme():
    r = _read("000")
    assert r["doc_kind"] == "final_review"
    assert (r["event_date"], r["event_date_raw"]) == ("2020-09-17", "Sáng 17/9/2020")
    assert sorted(r["parties"]) == ["LĐLĐ quận Hai Bà Trưng", "UBND quận Hai Bà Trưng"]
    by_number = {p["number"]: p for p in r["programs"]}
    assert by_number["145/CTr-UBND-LĐLĐ"]["role"] == "parent"
    assert by_number["03/CTr-UBND-LĐLĐ"]["signed_date"] == "2017-06-01"
    new = by_number[None]
    assert (new["period_start_year"], new["period_end_year"], new["role"]) == (2020, 2025, "signed")
    assert new["content_areas_count"] == 3 and new["signed_date"] == "2020-09-17"
    assert _figure(r, [67, 74])["unit"] == "percent"
    assert _figure(r, 1065)["level"] == "district"
    assert not any(f["value"] == 275 for f in r["figures"])  # the view counter


def test_seed_001_interim_review_without_a_year():
    r = _read("001")
    assert (r["doc_kind"], r["event_date"], r["event_date_raw"]) == ("interim_review", None, "Sáng 3/3")
    assert r["parties"] == ["UBND thành phố", "LĐLĐ thành phố"]
    assert r["people"] == []  # the byline is not a person with a position
    assert _figure(r, 1_000_000_000)["unit"] == "VND"
    assert _figure(r, 4000)["unit"] == "person"
    assert not any(f["value"] in (0, 2, 19) for f in r["figures"])  # "0 đồng", "2 cơ quan", "Covid-19"


def test_seed_002_final_review_and_new_regulation():
    r = _read("002")
    assert (r["doc_kind"], r["event_date"]) == ("final_review", "2024-11-08")
    assert r["parties"] == ["UBND tỉnh", "LĐLĐ tỉnh"]  # no "Bến Tre": it is where a project is built
    periods = {(p["period_start_year"], p["period_end_year"]): p for p in r["programs"]}
    assert periods[(2024, 2029)]["role"] == "signed" and periods[(2018, 2023)]["role"] == "reviewed"
    assert r["figures"] == []
    assert {p["name"]: p["title"] for p in r["people"]}["Nguyễn Thị Bé Mười"] == "Phó chủ tịch UBND tỉnh"


def test_seed_003_signing_with_shared_place_name():
    r = _read("003")
    assert r["doc_kind"] == "signing"
    assert r["parties"] == ["UBND huyện Mỹ Đức", "LĐLĐ huyện Mỹ Đức"]
    titles = {p["name"]: p["title"] for p in r["people"]}
    assert titles["Nguyễn Văn Hoạt"] == "Phó Bí thư huyện ủy, Chủ tịch UBND huyện"  # typo "Chỉ tịch" fixed
    assert "Trang Thu" not in titles
    assert _figure(r, 92.17)["unit"] == "percent"
    assert _figure(r, 3_710_000_000)["unit"] == "VND"
    signed = next(p for p in r["programs"] if p["role"] == "signed")
    assert signed["content_areas_count"] == 4 and signed["signed_date"] is None


def test_seed_004_joint_meeting_of_three_federations():
    r = _read("004")
    assert (r["doc_kind"], r["event_date"], r["event_date_raw"]) == ("interim_review", None, None)
    assert sorted(r["parties"]) == [
        "LĐLĐ thành phố Hà Nội",
        "LĐLĐ thành phố Hải Phòng",
        "LĐLĐ tỉnh Quảng Ninh",
    ]
    assert _figure(r, 1_000_000)["level"] == "national"
    assert _figure(r, 5852)["level"] == "province"
    assert _figure(r, 51500)["level"] == "city"
    assert not any(f["value"] in (3, 100, 2021) for f in r["figures"])  # parties recounted, linked headline


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_every_quote_is_verbatim(path):
    text = path.read_text(encoding="utf-8")
    for f in extract(text)["figures"]:
        assert f["quote"] in text
