"""Finding an organisation by typing its name without diacritics, then opening it."""

from playwright.sync_api import expect


def test_bob_finds_hai_ba_trung_without_diacritics_and_opens_it(world, page, login):
    login("bob")
    page.goto("/to-chuc/")
    page.fill("input[name=q]", "hai ba trung")
    result = page.locator("#search-results a", has_text="Liên đoàn Lao động quận Hai Bà Trưng")
    expect(result).to_be_visible()
    result.click()
    expect(page.locator("h1")).to_have_text("Liên đoàn Lao động quận Hai Bà Trưng")
    expect(page.locator("body")).to_contain_text("Công đoàn cơ sở Công ty May Hai Bà Trưng")


def test_the_tree_loads_children_when_a_branch_is_opened(world, page, login):
    login("bob")
    page.goto("/to-chuc/")
    summary = page.locator(f'summary:has(> a[href="/to-chuc/{world.hbt_union.pk}/"])')
    children = summary.locator("xpath=../ul")
    expect(children).to_contain_text("Đang tải")  # not rendered with the page: two levels down
    summary.click(position={"x": 2, "y": 8})  # the marker, not the link
    expect(children).to_contain_text("Công đoàn cơ sở Công ty May Hai Bà Trưng")
