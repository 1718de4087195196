"""In the browser: pick a pivot's rows and columns, read Vietnamese totals, share the link, download the XLSX."""

import io
from pathlib import Path

from openpyxl import load_workbook
from playwright.sync_api import expect

from phoihop.analytics import testing as t


def test_bob_builds_a_pivot_and_downloads_it_as_xlsx(world, page, login):
    t.value(world.hbt_grassroots, "good_workers", "2018", 1065, "grassroots")
    t.value(world.hbt_union, "good_workers", "2018", 145, "district")
    t.value(world.hbt_union, "good_workers", "2019", 9, "city")
    t.value(world.md_union, "good_workers", "2018", 111)
    login("bob")
    page.goto("/tong-hop/")
    page.select_option("#id_ind", "good_workers")
    page.select_option("#id_level", "district")
    page.select_option("#id_kind", "year")
    page.fill("#id_from", "2018")
    page.fill("#id_to", "2019")
    page.select_option("#id_rows", "organization")
    page.select_option("#id_cols", "period")
    page.click("#pivot-submit")
    table = page.locator("#pivot-table")
    expect(table.locator("tfoot")).to_contain_text("1.330")
    expect(table.locator("tbody tr").first).to_contain_text("Liên đoàn Lao động quận Hai Bà Trưng")
    expect(table.locator("tbody tr").first).to_contain_text("1.219")
    assert (
        "ind=good_workers" in page.url and "level=district" in page.url
    )  # the address is the shareable link

    # Swap the axes: periods down the side, districts across.
    page.select_option("#id_rows", "period")
    page.select_option("#id_cols", "organization")
    page.click("#pivot-submit")
    expect(table.locator("thead")).to_contain_text("Liên đoàn Lao động huyện Mỹ Đức")
    expect(table.locator("tbody tr").first).to_contain_text("1.321")

    with page.expect_download() as download_info:
        page.click("#export-xlsx")
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(Path(download.path()).read_bytes())).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = next(r for r in rows if r[0] == "Kỳ \\ Đơn vị")
    assert header[1:] == [
        "Liên đoàn Lao động quận Hai Bà Trưng",
        "Liên đoàn Lao động huyện Mỹ Đức",
        "Tổng cộng",
    ]
    body = {r[0]: r[1:4] for r in rows[rows.index(header) + 1 :]}
    assert body["2018"] == [1210, 111, 1321]
    assert body["Tổng cộng"] == [1219, 111, 1330]

    # The shared link opens the same view for someone else with the same scope.
    link = page.locator("#share-url").input_value()
    page.goto(link)
    expect(page.locator("#pivot-table tfoot")).to_contain_text("1.330")
