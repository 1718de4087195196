"""Unit fields suggest units as the user types: diacritics ignored, only units the user may put in the field, and
the form page no longer carries every unit in scope."""

from django.urls import reverse

from phoihop.registries import testing as t
from phoihop.registries.registry import Context, get_registry


def suggest(client, slug, column, query):
    response = client.get(reverse("registries:org_suggestions", args=[slug, column]), {"q": query})
    return response


def values(response):
    assert response.status_code == 200, response.content
    return [option["value"] for option in response.json()["options"]]


def test_typing_without_diacritics_finds_the_unit_and_its_parent_as_a_hint(hbt, client_for):
    response = suggest(client_for(hbt.alice), "sang-kien", "unit", "det may hai ba")
    assert values(response) == ["Công ty Cổ phần Dệt may Hai Bà Trưng"]
    option = response.json()["options"][0]
    assert hbt.hbt_union.name in option["hint"] and hbt.enterprise.tax_code in option["hint"]
    assert response.json()["more"] is False


def test_a_unit_outside_the_users_scope_is_never_suggested(hbt, client_for):
    # "edit" column: only the user's own units. Charlie (Mỹ Đức) gets nothing of Hai Bà Trưng, and his own unit.
    assert values(suggest(client_for(hbt.charlie), "sang-kien", "unit", "hai ba trung")) == []
    assert values(suggest(client_for(hbt.charlie), "sang-kien", "unit", "co khi my duc")) == [
        "Công ty TNHH Cơ khí Mỹ Đức"
    ]
    # "refer" column (a commendation's issuer): Alice may name her district's people's committee, not Mỹ Đức's.
    named = values(suggest(client_for(hbt.alice), "quyet-dinh-khen-thuong", "issuer", "uy ban"))
    assert hbt.hbt_gov.name in named and hbt.md_gov.name not in named


def test_a_tax_code_prefix_finds_the_enterprise(hbt, client_for):
    code = hbt.enterprise.tax_code
    assert values(suggest(client_for(hbt.alice), "sang-kien", "unit", code[:6])) == [hbt.enterprise.name]


def test_two_units_with_one_name_are_told_apart_by_their_parent_and_the_label_resolves_back(hbt, client_for):
    other_district_union = t.make_org("Công đoàn cơ sở Dệt may", parent=hbt.hbt_union)
    twin = t.make_org("Công đoàn cơ sở Dệt may", parent=hbt.enterprise)
    found = values(suggest(client_for(hbt.alice), "sang-kien", "unit", "cong doan co so det"))
    assert f"Công đoàn cơ sở Dệt may – {hbt.hbt_union.name}" in found
    assert f"Công đoàn cơ sở Dệt may – {hbt.enterprise.name}" in found
    registry = get_registry("sang-kien")
    resolver = Context(hbt.alice, registry).orgs(registry.by_name["unit"])
    assert resolver.find(f"Công đoàn cơ sở Dệt may – {hbt.enterprise.name}") == twin
    assert resolver.find(f"Công đoàn cơ sở Dệt may – {hbt.hbt_union.name}") == other_district_union


def test_a_full_name_that_is_another_units_short_name_is_offered_and_resolved_as_itself(hbt, client_for):
    # One unit's short name is another unit's full name: the suggestion, the edit form and the resolver agree that
    # the full name is not shared, so the plain name offered is the one an import or a save accepts back.
    named = t.make_org("Công đoàn Dệt may Thăng Long", parent=hbt.hbt_union)
    t.make_org(
        "Công đoàn cơ sở Công ty Dệt may Thăng Long",
        parent=hbt.hbt_union,
        short_name="Công đoàn Dệt may Thăng Long",
    )
    abbreviated = t.make_org(
        "Công đoàn cơ sở Bệnh viện Thanh Nhàn", parent=hbt.hbt_union, short_name="CĐCS BV Thanh Nhàn"
    )
    assert "Công đoàn Dệt may Thăng Long" in values(
        suggest(client_for(hbt.alice), "sang-kien", "unit", "cong doan det may thang long")
    )
    registry = get_registry("sang-kien")
    resolver = Context(hbt.alice, registry).orgs(registry.by_name["unit"])
    assert resolver.label(named) == "Công đoàn Dệt may Thăng Long"
    assert resolver.find("cong doan det may thang long") == named
    # A short name nobody has as a full name still finds its unit.
    assert resolver.find("CĐCS BV Thanh Nhàn") == abbreviated
    assert resolver.label(abbreviated) == abbreviated.name  # its own short name does not make its name shared
    record = t.make_initiative(named, "Cải tiến khung dệt")
    page = (
        client_for(hbt.alice).get(reverse("registries:edit", args=["sang-kien", record.pk])).content.decode()
    )
    assert 'value="Công đoàn Dệt may Thăng Long"' in page


def test_one_full_name_with_different_short_names_is_still_shared(hbt, client_for):
    first = t.make_org(
        "Công đoàn cơ sở Trường Tiểu học Lê Ngọc Hân", parent=hbt.hbt_union, short_name="CĐ TH LNH"
    )
    t.make_org("Công đoàn cơ sở Trường Tiểu học Lê Ngọc Hân", parent=hbt.enterprise)
    found = values(suggest(client_for(hbt.alice), "sang-kien", "unit", "le ngoc han"))
    assert sorted(found) == sorted(
        [
            f"Công đoàn cơ sở Trường Tiểu học Lê Ngọc Hân – {hbt.hbt_union.name}",
            f"Công đoàn cơ sở Trường Tiểu học Lê Ngọc Hân – {hbt.enterprise.name}",
        ]
    )
    record = t.make_initiative(first, "Sáng kiến dạy học")
    page = (
        client_for(hbt.alice).get(reverse("registries:edit", args=["sang-kien", record.pk])).content.decode()
    )
    assert f'value="Công đoàn cơ sở Trường Tiểu học Lê Ngọc Hân – {hbt.hbt_union.name}"' in page
    registry = get_registry("sang-kien")
    resolver = Context(hbt.alice, registry).orgs(registry.by_name["unit"])
    assert resolver.find(f"Công đoàn cơ sở Trường Tiểu học Lê Ngọc Hân – {hbt.hbt_union.name}") == first


def test_many_matches_are_capped_and_say_there_are_more(hbt, client_for):
    for n in range(15):
        t.make_enterprise(hbt.hbt_union, f"Công ty TNHH May mặc số {n}")
    response = suggest(client_for(hbt.alice), "sang-kien", "unit", "may mac")
    assert len(values(response)) == 12 and response.json()["more"] is True


def test_short_or_blank_text_and_wrong_columns(hbt, client_for, client):
    alice = client_for(hbt.alice)
    assert values(suggest(alice, "sang-kien", "unit", "  ")) == []
    assert suggest(alice, "sang-kien", "title", "hai").status_code == 404  # not a unit column
    assert suggest(alice, "sang-kien", "khong-co", "hai").status_code == 404
    assert suggest(alice, "khong-co-so", "unit", "hai").status_code == 404
    client.logout()
    assert suggest(client, "sang-kien", "unit", "hai ba").status_code == 302  # to the login page


def test_the_form_page_asks_for_suggestions_instead_of_listing_every_unit(hbt, client_for):
    for n in range(30):
        t.make_enterprise(hbt.hbt_union, f"Công ty TNHH Thử tải {n}")
    page = client_for(hbt.alice).get(reverse("registries:create", args=["sang-kien"])).content.decode()
    assert "<datalist" not in page and "Thử tải" not in page
    assert f'data-suggest="{reverse("registries:org_suggestions", args=["sang-kien", "unit"])}"' in page


def test_the_edit_page_shows_the_stored_unit_with_its_parent_when_the_name_is_shared(hbt, client_for):
    record = t.make_initiative(hbt.enterprise, "Cải tiến máy cắt vải")
    t.make_org(hbt.enterprise.name, parent=hbt.hbt_grassroots)  # same name elsewhere in her district
    page = (
        client_for(hbt.alice).get(reverse("registries:edit", args=["sang-kien", record.pk])).content.decode()
    )
    assert f'value="{hbt.enterprise.name} – {hbt.hbt_union.name}"' in page


def test_registry_pages_speak_english_while_their_excel_files_stay_vietnamese(hbt, client_for):
    import io

    import openpyxl
    from django.conf import settings

    t.make_initiative(hbt.enterprise, "Cải tiến máy cắt vải")
    client = client_for(hbt.alice)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    home = client.get(reverse("registries:home")).content.decode()
    assert "Emulation and initiatives" in home and "Inspections, checks and supervision" in home
    assert "Thi đua, sáng kiến" not in home and "Sáng kiến của người lao động" not in home
    form = client.get(reverse("registries:create", args=["sang-kien"])).content.decode()
    assert "Add initiative" in form and "Initiative title" in form and "Confirm not a duplicate" in form
    listing = client.get(reverse("registries:list", args=["sang-kien"])).content.decode()
    assert "<th>Initiative title</th>" in listing
    template = client.get(reverse("registries:export", args=["sang-kien"]) + "?mau=1").content
    book = openpyxl.load_workbook(io.BytesIO(template))
    headers = [c.value for c in next(book.worksheets[0].iter_rows(max_row=1))]
    assert "Tên sáng kiến" in headers and "Initiative title" not in headers
    assert book.worksheets[0].title == "Sáng kiến"
