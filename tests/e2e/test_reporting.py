"""In the browser: Alice enters a report (web grid and Excel), submits it, Bob returns it, then approves it."""

import io

import openpyxl
import pytest
from playwright.sync_api import expect

from phoihop.reporting.models import Period
from phoihop.reporting.testing import make_form, make_report


@pytest.fixture
def report(world):
    form = make_form(world.city_union, organizations=[world.hbt_union], name="Báo cáo kết quả phối hợp năm")
    return make_report(form, world.hbt_union, Period.for_year(2021))


def logout(page):
    page.click("form[action$='dang-xuat/'] button")
    page.wait_for_url("**/dang-nhap/**")


def test_alice_enters_submits_bob_returns_then_approves(world, report, page, login):
    page.on("dialog", lambda dialog: dialog.accept())
    login("alice")
    page.goto("/bao-cao/")
    page.click(f"a[href='{report.get_absolute_url()}']")
    page.wait_for_load_state()  # the grid's keyboard script runs once the page has loaded
    grassroots = page.locator("input[name='value__good_workers:grassroots']")
    grassroots.fill("1.065")
    grassroots.press("Enter")  # Enter moves down the column
    expect(page.locator("input[name='value__good_workers:district']")).to_be_focused()
    page.keyboard.type("145")
    page.fill("input[name='comment__good_workers:district']", "Theo quyết định khen thưởng")
    page.click("#save-draft")
    expect(page.locator(".messages")).to_contain_text("Đã lưu nháp")
    expect(grassroots).to_have_value("1.065")
    page.click("#submit-report")
    expect(page.locator("#report-status")).to_have_text("Đã gửi")
    logout(page)

    login("bob")
    page.goto(report.get_absolute_url())
    page.fill("#id_return_reason", "Thiếu số công nhân giỏi cấp thành phố")
    page.click("#return-report")
    expect(page.locator("#report-status")).to_have_text("Bị trả lại")
    logout(page)

    login("alice")
    page.goto(report.get_absolute_url())
    expect(page.locator("#returned-reason")).to_have_text("Thiếu số công nhân giỏi cấp thành phố")
    page.fill("input[name='value__good_workers:city']", "9")
    page.fill("#id_reason", "Bổ sung theo yêu cầu của LĐLĐ thành phố")
    page.click("#submit-report")
    expect(page.locator("#report-status")).to_have_text("Đã gửi")
    logout(page)

    login("bob")
    page.goto(report.get_absolute_url())
    page.click("#approve-report")
    expect(page.locator("#report-status")).to_have_text("Đã duyệt")
    expect(page.locator("td.cell").first).not_to_contain_text("input")
    page.click("a.history-link >> nth=1")
    expect(page.locator("#value-history")).to_contain_text("145")


def test_alice_fills_the_excel_template_and_commits_after_the_preview(world, report, page, login, tmp_path):
    login("alice")
    page.goto(report.get_absolute_url())
    with page.expect_download() as info:
        page.click("text=Tải Excel")
    path = tmp_path / "mau.xlsx"
    info.value.save_as(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    ws.cell(rows["good_workers:grassroots"], 6).value = "1.065"
    ws.cell(rows["skills_contest_units"], 6).value = 65
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(buffer.getvalue())

    page.goto("/bao-cao/nhap-excel/")
    page.set_input_files("input[type=file]", str(path))
    # Stop the first submission at the window, after the page's own handlers ran: the form says what it is doing
    # and takes no second click. Then send it for real.
    page.evaluate("window.addEventListener('submit', e => e.preventDefault(), {once: true})")
    page.click("#upload-button")
    expect(page.locator("#upload-form .busy")).to_contain_text("Đang đọc tệp và kiểm tra từng ô")
    expect(page.locator("#upload-button")).to_be_disabled()
    page.evaluate("document.getElementById('upload-form').requestSubmit()")
    expect(page.locator("#import-changes")).to_contain_text("1.065")
    expect(page.locator("#import-changes")).to_contain_text(f"F{rows['skills_contest_units']}")
    page.click("#commit-import")
    expect(page.locator(".messages")).to_contain_text("Đã ghi 2 số liệu")
    expect(page.locator("input[name='value__good_workers:grassroots']")).to_have_value("1.065")

    page.goto("/bao-cao/nhap-excel/")
    page.set_input_files("input[type=file]", str(path))
    page.click("#upload-button")
    expect(page.locator("#no-changes")).to_contain_text("Không có thay đổi nào")


def test_alice_sets_a_target_for_a_unit_she_finds_by_typing_its_name(world, page, login):
    from phoihop.core.testing import make_org
    from phoihop.reporting.models import Target
    from phoihop.reporting.testing import ensure_catalogue

    ensure_catalogue()
    deep = make_org("Tổ công đoàn Phân xưởng Sợi", parent=world.hbt_grassroots)
    period = Period.for_year(2023)
    login("alice")
    page.goto("/bao-cao/chi-tieu-ke-hoach/")
    units = page.locator("#id_organization")
    expect(units.locator("option", has_text=deep.name)).to_have_count(0)  # not in the short list
    search = page.locator("#id_organization-search")
    search.press_sequentially("phan xuong soi", delay=20)
    expect(page.get_by_role("listbox").get_by_role("option")).to_have_count(1)
    search.press("ArrowDown")
    search.press("Enter")
    expect(units).to_have_value(str(deep.pk))  # joined the list, chosen
    expect(search).to_have_value("")
    page.locator("#id_indicator").select_option(
        label="Lượt đơn vị tổ chức hội thi tay nghề, thi thợ giỏi, thao diễn kỹ thuật"
    )
    page.locator("#id_period").select_option(str(period.pk))
    page.fill("#id_value", "12")
    page.get_by_role("button", name="Lưu chỉ tiêu").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu chỉ tiêu kế hoạch")
    assert Target.objects.get(organization=deep, period=period).value == 12
