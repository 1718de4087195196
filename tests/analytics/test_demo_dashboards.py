"""Done when: the demo's dashboards show the seeds' figures rolled up (Hai Bà Trưng's good workers 1.065 / 145 / 9
by level, up to the city; the three federations' initiatives against the campaign target)."""

import re

import pytest
from django.contrib.auth import get_user_model

from phoihop.analytics.engine import Query, run
from phoihop.programs.models import Agreement


def text(response) -> str:
    html = re.sub(r"<img[^>]*>", " ", response.content.decode())
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def demo(db):
    from phoihop import demo

    return demo.load_all(log=lambda message: None)


def test_the_demo_dashboards_show_the_seeds_figures_rolled_up(demo, client_for):
    admin = get_user_model().objects.get(username="admin")
    client = client_for(admin)
    hbt = Agreement.objects.get(number="03/CTr-UBND-LĐLĐ")
    page = text(client.get(f"/tong-hop/bieu-do/van-ban/{hbt.pk}/"))
    assert (
        "Công nhân giỏi (người) 1.219 1.065 / 145 / 9 (cấp cơ sở / cấp quận, huyện / cấp thành phố, tỉnh)"
        in page
    )
    assert "1.155 1.089 / 59 / 7" in page and "622 505 / 117" in page
    assert "67 – 74%" in page
    # The yearly columns keep the range too: the seed gives no single yearly figure.
    assert "67 – 74% 67 – 74% 67 – 74% 67 – 74%" in page

    # Up the tree: the city's programme 145 (2016-2020) includes the district's 2017-2020 figures.
    city = Agreement.objects.get(number="145/CTr-UBND-LĐLĐ")
    assert "1.065 / 145 / 9" in text(client.get(f"/tong-hop/bieu-do/van-ban/{city.pk}/"))
    national = run(
        Query(
            indicators=["good_workers"],
            organizations=[demo["orgs"]["tld"].pk],
            periods=["2016-2020"],
            group_by=("option",),
        )
    )
    assert [(r.key["option"], r.value) for r in national.rows] == [
        ("grassroots", 1065),
        ("district", 145),
        ("city", 9),
    ]

    board = text(client.get("/tong-hop/bieu-do/phong-trao/1-trieu-sang-kien/"))
    assert "Các đơn vị đã đạt 75.852 sáng kiến" in board
    assert "1.000.000" in board and "Bằng 7,59% chỉ tiêu chung" in board
    for name, figure in (("Hà Nội", "51.500"), ("Hải Phòng", "18.500"), ("Quảng Ninh", "5.852")):
        assert re.search(rf"Liên đoàn Lao động (thành phố|tỉnh) {name} {figure}", board), name

    # Scoping holds in the demo too: Mỹ Đức's officials see none of Hai Bà Trưng's figures.
    md_user = get_user_model().objects.get(username="mydu.nhaplieu")
    assert client_for(md_user).get(f"/tong-hop/bieu-do/van-ban/{hbt.pk}/").status_code == 404
