"""Browser: every registry can be filled in through its form and from an Excel file."""

import datetime as dt

import openpyxl
import pytest
from playwright.sync_api import expect

from phoihop.registries import testing as t


@pytest.fixture
def setup(world):
    enterprise = t.make_enterprise(world.hbt_union, "Công ty Cổ phần Dệt may Hai Bà Trưng")
    movement = t.make_movement(world.city_union, "Chương trình 1 triệu sáng kiến", start=dt.date(2021, 9, 1))
    decision = t.make_commendation(world.hbt_union, world.hbt_gov, decision_number="2154/QĐ-UBND")
    return world, enterprise, movement, decision


def forms(world, enterprise, movement, decision):
    ent, union = enterprise.name, world.hbt_union.name
    # slug → (fields typed as a user would, text expected in the list afterwards)
    return {
        "phong-trao": ({"name": "Thi đua Đồng khởi mới", "launched_by": union, "start_date": "1/1/2018"}, "Thi đua Đồng khởi mới"),
        "chi-tieu-phong-trao": (
            {"movement": str(movement.pk), "organization": union, "cluster": "Cụm nội thành", "target_initiatives": "1.200"},
            "1.200",
        ),
        "sang-kien": (
            {"title": "Cải tiến máy cắt vải tự động", "authors": "Nguyễn Văn An", "unit": ent, "recognised_date": "17/9/2019",
             "recognition_level": "district", "benefit_vnd": "1,5 tỷ"},
            "1.500.000.000 đ",
        ),
        "dien-hinh": (
            {"kind": "good_worker", "person_name": "Nguyễn Thị Hoa", "unit": ent, "level": "grassroots", "recognised_date": "28/4/2019"},
            "Nguyễn Thị Hoa",
        ),
        "hoi-thi": (
            {"title": "Hội thi thợ may giỏi", "organiser": ent, "held_date": "20/9/2019", "level": "grassroots", "participants": "120"},
            "Hội thi thợ may giỏi",
        ),
        "cong-trinh": (
            {"name": "Nhà văn hóa công nhân", "unit": ent, "occasion": "Chào mừng Đại hội Công đoàn", "dedicated_date": "28/7/2019"},
            "Nhà văn hóa công nhân",
        ),
        "quyet-dinh-khen-thuong": (
            {"decision_number": "77/QĐ-UBND", "decision_date": "15/9/2020", "issuer": world.hbt_gov.name, "form": "giay_khen",
             "reason": "Thành tích trong chương trình phối hợp", "organization": union},
            "77/QĐ-UBND",
        ),
        "khen-thuong": ({"commendation": str(decision.pk), "kind": "collective", "organization": ent}, ent),
        "chuong-trinh-tang-qua": (
            {"name": "Tết Sum vầy 2021", "organiser": union, "occasion": "tet", "start_date": "15/1/2021", "end_date": "10/2/2021"},
            "Tết Sum vầy 2021",
        ),
        "cham-lo": (
            {"kind": "gift", "organization": union, "date": "1/2/2021", "beneficiary": "Đoàn viên khó khăn", "beneficiaries": "20",
             "amount_vnd": "10.000.000"},
            "10.000.000 đ",
        ),
        "cho-vay": (
            {"lender": union, "borrower": world.hbt_grassroots.name, "amount_vnd": "100 triệu", "disbursed_date": "1/3/2019",
             "term_months": "24"},
            "100.000.000 đ",
        ),
        "quan-he-lao-dong": ({"organization": ent, "year": "2019", "employees": "300", "conference_date": "15/3/2019"}, "15/3/2019"),
        "tuyen-truyen-phap-luat": (
            {"organization": union, "date": "5/10/2021", "kind": "legal", "topic": "Bộ luật Lao động năm 2019", "participants": "200"},
            "Bộ luật Lao động năm 2019",
        ),
        "thanh-tra-kiem-tra": (
            {"organization": ent, "date": "12/6/2019", "kind": "check", "team": "Đoàn kiểm tra liên ngành"},
            "Đoàn kiểm tra liên ngành",
        ),
    }  # fmt: skip


def test_alice_fills_every_registry_through_its_form(setup, page, login):
    world, enterprise, movement, decision = setup
    login("alice")
    for slug, (fields, shown) in forms(world, enterprise, movement, decision).items():
        page.goto(f"/so-theo-doi/{slug}/them/")
        for name, value in fields.items():
            box = page.locator(f"#id_{name}")
            if box.evaluate("e => e.tagName") == "SELECT":
                box.select_option(value)
            else:
                box.fill(value)
        page.get_by_role("button", name="Lưu").click()
        expect(page.locator(".messages")).to_contain_text("Đã lưu", timeout=10_000)
        page.goto(f"/so-theo-doi/{slug}/")
        expect(page.locator("#records"), f"{slug}").to_contain_text(shown)


def test_a_wrong_form_shows_the_vietnamese_reason(setup, page, login):
    world, enterprise, *_ = setup
    login("alice")
    page.goto("/so-theo-doi/cho-vay/them/")
    page.fill("#id_lender", world.hbt_union.name)
    page.fill("#id_borrower", world.hbt_grassroots.name)
    page.fill("#id_amount_vnd", "100.000.000")
    page.fill("#id_disbursed_date", "1/3/2019")
    page.fill("#id_term_months", "24")
    page.fill("#id_repaid_vnd", "120.000.000")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator(".errorlist")).to_contain_text("vượt số tiền vay")


def test_alice_imports_initiatives_from_excel_after_a_preview(setup, page, login, tmp_path):
    world, enterprise, *_ = setup
    book = openpyxl.Workbook()
    book.active.append(
        ["Tên sáng kiến", "Tác giả", "Đơn vị", "Ngày công nhận", "Cấp công nhận", "Giá trị làm lợi (đồng)"]
    )
    book.active.append(
        ["Giải pháp tiết kiệm điện năng", "Lê Văn C", enterprise.name, "12/5/2019", "Cấp cơ sở", "2,2 tỷ"]
    )
    book.active.append(
        ["Cải tiến khuôn ép nhựa", "Phạm D", enterprise.name, dt.date(2019, 6, 1), "cấp quận, huyện", 0]
    )
    path = tmp_path / "sang-kien.xlsx"
    book.save(path)
    login("alice")
    page.goto("/so-theo-doi/sang-kien/")
    page.get_by_role("link", name="Nhập từ Excel").click()
    page.set_input_files("#id_file", str(path))
    page.get_by_role("button", name="Tải lên và xem trước").click()
    expect(page.locator("#import-summary")).to_contain_text("2 thêm mới")
    page.get_by_role("button", name="Ghi vào sổ").click()
    expect(page.locator(".messages")).to_contain_text("Đã ghi vào sổ: 2 bản ghi mới")
    expect(page.locator("#records")).to_contain_text("Giải pháp tiết kiệm điện năng")
    page.fill("input[name=q]", "tiet kiem dien")
    expect(page.locator("#records tbody tr")).to_have_count(1)


def test_alice_picks_a_unit_from_suggestions_typed_without_diacritics(setup, page, login):
    world, enterprise, *_ = setup
    login("alice")
    page.goto("/so-theo-doi/sang-kien/them/")
    page.fill("#id_title", "Cải tiến khuôn cắt vải")
    page.fill("#id_authors", "Trần Văn Bình")
    unit = page.locator("#id_unit")
    unit.press_sequentially("det may hai ba", delay=20)
    suggestions = page.get_by_role("listbox")
    expect(suggestions.get_by_role("option")).to_have_count(1)
    expect(suggestions).to_contain_text(enterprise.name)
    expect(suggestions).to_contain_text(world.hbt_union.name)  # the parent, as a hint
    unit.press("ArrowDown")
    expect(unit).to_have_attribute("aria-activedescendant", "id_unit-suggest-0")
    unit.press("Enter")  # picks the unit; does not send the form
    expect(unit).to_have_value(enterprise.name)
    expect(suggestions).to_be_hidden()
    assert "/them/" in page.url
    unit.fill("")
    unit.press_sequentially("my duc", delay=20)  # Mỹ Đức is not Alice's: nothing to pick
    expect(suggestions).to_contain_text("Không có đơn vị nào khớp trong phạm vi của bạn")
    unit.press("Escape")
    expect(suggestions).to_be_hidden()
    unit.fill("")
    unit.press_sequentially("dệt may", delay=20)
    suggestions.get_by_role("option", name=enterprise.name).click()
    expect(unit).to_have_value(enterprise.name)
    page.fill("#id_recognised_date", "17/9/2019")
    page.locator("#id_recognition_level").select_option("district")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu", timeout=10_000)
    expect(page.locator("body")).to_contain_text(enterprise.name)
