"""In the browser: seed 000 dropped into the reader becomes Hai Bà Trưng's reported values after confirmation."""

import pytest
from playwright.sync_api import expect

from phoihop.core.testing import shared_dir

SEED_000 = shared_dir() / "seeds" / "000_fcae14641b89117c.txt"


def test_alice_turns_seed_000_into_reported_values(world, page, login):
    if not SEED_000.exists():
        pytest.skip("the seed articles are not beside this checkout")
    from phoihop.reporting.models import DataValue

    login("alice")
    page.goto("/doc-van-ban/")
    page.set_input_files("input[name=file]", str(SEED_000))
    page.select_option("select[name=organization]", label="Liên đoàn Lao động quận Hai Bà Trưng")
    page.click("#upload-form button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("đề xuất chờ bạn xác nhận")
    expect(page.locator("mark.span-figure").first).to_be_visible()
    expect(page.locator(".source-text")).to_contain_text("1.065 công nhân giỏi cấp cơ sở")
    page.click("#accept-all")
    page.click("button[name=confirm]")
    expect(page.locator(".messages")).to_contain_text("số liệu")
    expect(page.locator(".messages")).to_contain_text("vào hệ thống")
    value = DataValue.objects.get(
        organization=world.hbt_union, indicator__code="good_workers", option__code="grassroots"
    )
    assert value.value == 1065
    assert value.period.label == "giai đoạn 2017-2020"
