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
