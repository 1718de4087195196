"""Browser: Alice finds Hai Bà Trưng without diacritics, opens its 2017-2020 programme, sees its parent and
successor; Charlie, of a sibling district, gets a 404 on the same address."""

import datetime as dt
import re

from playwright.sync_api import expect

from phoihop.programs.testing import make_successor


def test_alice_follows_the_programme_chain_and_charlie_is_kept_out(world, page, login):
    make_successor(world.hbt_programme, 2020, 2025, dt.date(2020, 9, 17), "10/CTr-UBND-LĐLĐ")
    login("alice")

    page.goto("/to-chuc/tim-kiem/")
    page.fill("input[name=q]", "hai ba trung")
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Liên đoàn Lao động quận Hai Bà Trưng").click()
    page.get_by_role("link", name="03/CTr-UBND-LĐLĐ").first.click()

    expect(page.locator("h1")).to_contain_text("Chương trình phối hợp")
    expect(page.locator(".kind-line")).to_contain_text("03/CTr-UBND-LĐLĐ")
    expect(page.locator(".kind-line .status")).to_have_text("Đã được thay thế")
    expect(page.locator("a.parent-link")).to_contain_text("145/CTr-UBND-LĐLĐ")
    steps = page.locator("ol.steps li.step")
    expect(steps).to_have_count(2)
    expect(steps.nth(0)).to_have_class(re.compile("current"))
    expect(steps.nth(1)).to_contain_text("giai đoạn 2020-2025")
    expect(steps.nth(1)).to_contain_text("ký 17/9/2020")
    programme_url = page.url

    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url(re.compile("dang-nhap"))
    login("charlie")
    response = page.goto(programme_url)
    assert response.status == 404
    expect(page.locator("body")).not_to_contain_text("Hai Bà Trưng")


def test_a_new_task_row_finds_a_department_of_a_party_by_typing(world, page, login):
    from phoihop.core.testing import make_org
    from phoihop.orgs.choices import OrgLevel

    department = make_org(
        "Phòng Lao động - Thương binh và Xã hội quận Hai Bà Trưng",
        parent=world.hbt_gov,
        level=OrgLevel.DISTRICT,
    )
    login("alice")
    page.goto(f"/van-ban/{world.hbt_programme.pk}/sua/")
    rows = page.locator('table[data-formset="tasks"] tbody tr')
    before = rows.count()
    page.locator('[data-add-row="tasks"]').click()
    expect(rows).to_have_count(before + 1)
    index = before  # the new row's formset index
    search = page.locator(f"#id_tasks-{index}-lead-search")
    search.press_sequentially("phong lao dong", delay=20)
    expect(page.locator(f"#id_tasks-{index}-lead-search-suggest [role=option]")).to_have_count(1)
    search.press("ArrowDown")
    search.press("Enter")
    expect(page.locator(f"#id_tasks-{index}-lead")).to_have_value(str(department.pk))
