"""Browser: from the meeting list to the meeting, its review report, an edit, a render and the .docx download."""

from docx import Document
from playwright.sync_api import expect

from phoihop.documents.testing import hbt_figures, make_review_report
from phoihop.meetings.testing import make_meeting


def test_alice_goes_from_the_meeting_to_a_downloaded_report(world, page, login, tmp_path):
    meeting = make_meeting(world, user=world.alice)
    hbt_figures(world)
    make_review_report(world, meeting=meeting)

    login("alice")
    page.click("nav >> text=Hội nghị")
    expect(page.locator("h1")).to_contain_text("Hội nghị")
    page.click(f"text={meeting.title}")
    expect(page.locator("h1")).to_have_text(meeting.title)
    expect(page.locator("body")).to_contain_text("Nguyễn Thị Kim Dung")

    page.click("#reports a")
    expect(page.locator("h1")).to_contain_text("Báo cáo tổng kết")
    page.click("#edit-report")
    page.fill("#id_shortcomings", "Một số doanh nghiệp chưa tổ chức Hội nghị người lao động đúng hạn.")
    page.click("button[type=submit]:has-text('Lưu')")
    expect(page.locator(".messages")).to_contain_text("Đã lưu báo cáo")
    expect(page.locator("body")).to_contain_text("chưa tổ chức Hội nghị người lao động đúng hạn")

    page.click("button[data-format=docx]")
    expect(page.locator("#render-progress")).to_contain_text("Hoàn thành", timeout=30_000)
    with page.expect_download() as info:
        page.click("#download")
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert target.suffix == ".docx"
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "chưa tổ chức Hội nghị người lao động đúng hạn" in text
    assert "1.065 công nhân giỏi cấp cơ sở" in text


def test_alice_names_two_hosts_one_from_the_list_and_one_found_by_typing(world, page, login):
    from phoihop.core.testing import make_org
    from phoihop.meetings.models import Meeting

    deep = make_org("Công đoàn Công ty Dệt may Hai Bà Trưng", parent=world.hbt_grassroots)
    login("alice")
    page.goto("/hoi-nghi/them/")
    page.locator("#id_kind").select_option("briefing")
    page.fill("#id_title", "Giao ban 6 tháng đầu năm 2022")
    page.fill("#id_date", "2022-07-15")
    hosts = page.locator("#id_hosts")
    expect(hosts.locator("option", has_text=deep.name)).to_have_count(0)  # not in the short list
    hosts.select_option(str(world.hbt_union.pk))
    search = page.locator("#id_hosts-search")
    search.press_sequentially("det may hai ba", delay=20)
    expect(page.locator("#id_hosts-search-suggest [role=option]")).to_have_count(1)
    search.press("ArrowDown")
    search.press("Enter")
    chosen = hosts.evaluate("s => Array.from(s.selectedOptions).map(o => o.value).sort()")
    assert chosen == sorted([str(world.hbt_union.pk), str(deep.pk)])  # joined, beside the one chosen before
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.locator("h1")).to_have_text("Giao ban 6 tháng đầu năm 2022")
    expect(page.locator("body")).to_contain_text(deep.name)
    assert set(Meeting.objects.get().hosts.all()) == {world.hbt_union, deep}
