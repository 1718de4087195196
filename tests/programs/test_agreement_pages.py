"""Pages: list with filters, detail, create/edit forms with messages on the fields, tasks, attachments, scoping."""

import datetime as dt
import html

import pytest
from django.urls import reverse

from phoihop.core.testing import make_agreement
from phoihop.programs import actions
from phoihop.programs.models import Agreement, Task
from phoihop.programs.testing import make_successor, make_task, pdf_bytes, upload


def management(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def editor_post(w, **overrides) -> dict:
    data = {
        "kind": "programme",
        "number": "05/CTr-UBND-LĐLĐ",
        "title": "Chương trình phối hợp công tác giai đoạn 2021-2025",
        "signed_date": "2021-03-02",
        "period_start_year": "2021",
        "period_end_year": "2025",
        **management("parties", 2),
        "parties-0-organization": str(w.hbt_gov.pk),
        "parties-0-is_lead": "on",
        "parties-0-signing_prefix": "KT.",
        "parties-0-signatory_name": "Vũ Văn Hoạt",
        "parties-0-signatory_title": "Phó Chủ tịch",
        "parties-1-organization": str(w.hbt_union.pk),
        "parties-1-signatory_name": "Nguyễn Thị Kim Dung",
        "parties-1-signatory_title": "Chủ tịch",
        **management("content_areas", 1),
        "content_areas-0-title": "Phối hợp tổ chức các phong trào thi đua",
        **management("chapters", 0),
        **management("articles", 0),
        **management("tasks", 1),
        "tasks-0-title": "Sơ kết năm 2022",
        "tasks-0-content_area": "1",
        "tasks-0-lead": str(w.hbt_union.pk),
        "tasks-0-frequency": "once",
        "tasks-0-deadline": "2022-12-20",
        "tasks-0-status": "planned",
    }
    data.update(overrides)
    return data


def test_the_list_shows_the_users_agreements_with_status(paired, client_for):
    response = client_for(paired.alice).get(reverse("programs:list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "03/CTr-UBND-LĐLĐ" in html and "145/CTr-UBND-LĐLĐ" in html
    assert "01/CTr-UBND-LĐLĐ" not in html  # Mỹ Đức's
    assert "Hết hiệu lực" in html


def test_the_list_finds_hai_ba_trung_typed_without_diacritics(paired, client_for):
    response = client_for(paired.alice).get(reverse("programs:list"), {"q": "hai ba trung"})
    html = response.content.decode()
    assert "03/CTr-UBND-LĐLĐ" in html and "145/CTr-UBND-LĐLĐ" not in html


@pytest.mark.parametrize(
    "params,expected",
    [
        ({"kind": "regulation"}, set()),
        ({"year": "2016"}, {"145/CTr-UBND-LĐLĐ", "01/CTr-UBND-LĐLĐ"}),
        ({"status": "superseded"}, {"03/CTr-UBND-LĐLĐ"}),
        ({"q": "145"}, {"145/CTr-UBND-LĐLĐ"}),
    ],
)
def test_the_list_filters(world, client_for, params, expected):
    make_successor(world.hbt_programme, 2020, 2025, dt.date(2020, 9, 17), "10/CTr-UBND-LĐLĐ")
    response = client_for(world.bob).get(reverse("programs:list"), params)
    shown = {a.number for a in response.context["page"].object_list}
    assert shown == expected


def test_the_list_filters_by_party(world, client_for):
    response = client_for(world.bob).get(reverse("programs:list"), {"party": world.md_gov.pk})
    assert [a.number for a in response.context["page"].object_list] == ["01/CTr-UBND-LĐLĐ"]


def test_the_list_page_runs_a_fixed_number_of_queries(world, client_for, django_assert_max_num_queries):
    for year in range(2000, 2016):
        make_agreement(
            [world.city_gov, world.city_union], f"{year - 1990:02d}/CTr-UBND-LĐLĐ", start=year, end=year
        )
    client = client_for(world.bob)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("programs:list"))
    assert len(response.context["page"].object_list) == 19


def test_the_list_is_paginated(world, client_for):
    for year in range(1980, 2010):
        make_agreement([world.city_gov, world.city_union], start=year, end=year)
    client = client_for(world.admin)
    first = client.get(reverse("programs:list"))
    assert first.context["page"].paginator.num_pages == 2
    assert "Trang 1/2" in first.content.decode()
    assert len(client.get(reverse("programs:list"), {"page": 2}).context["page"].object_list) == 8


def test_the_detail_shows_parties_parent_successor_tasks_and_files(paired, client_for, media_root):
    w = paired
    successor = make_successor(w.hbt_programme, 2020, 2025, dt.date(2020, 9, 17), "10/CTr-UBND-LĐLĐ")
    make_task(w.hbt_programme, w.hbt_union, "Tổ chức Hội nghị tổng kết", deadline=dt.date(2020, 9, 17))
    actions.add_attachment(w.alice, w.hbt_programme, upload("ban-ky.pdf", pdf_bytes()))
    html = client_for(w.alice).get(reverse("programs:detail", args=[w.hbt_programme.pk])).content.decode()
    for text in (
        "Ủy ban nhân dân quận Hai Bà Trưng",
        "145/CTr-UBND-LĐLĐ",
        "giai đoạn 2020-2025",
        "Đã được thay thế",
        "Tổ chức Hội nghị tổng kết",
        "17/9/2020",
        "ban-ky.pdf",
        "1/6/2017",
    ):
        assert text in html, text
    assert reverse("programs:detail", args=[successor.pk]) in html


def test_the_cascade_lists_implementing_agreements_lazily(world, client_for):
    plan = make_agreement(
        [world.hbt_gov, world.hbt_union], kind="annual_plan", start=2018, end=2018, parent=world.hbt_programme
    )
    client = client_for(world.bob)
    detail = client.get(reverse("programs:detail", args=[world.city_programme.pk])).content.decode()
    assert "03/CTr-UBND-LĐLĐ" in detail and "01/CTr-UBND-LĐLĐ" in detail
    assert reverse("programs:cascade", args=[world.hbt_programme.pk]) in detail
    fragment = client.get(reverse("programs:cascade", args=[world.hbt_programme.pk])).content.decode()
    assert reverse("programs:detail", args=[plan.pk]) in fragment


def test_alice_creates_an_agreement_through_the_form(paired, client_for):
    response = client_for(paired.alice).post(reverse("programs:create"), editor_post(paired))
    agreement = Agreement.objects.get(number="05/CTr-UBND-LĐLĐ")
    assert response.status_code == 302 and response.url == reverse("programs:detail", args=[agreement.pk])
    assert agreement.party_links.get(is_lead=True).signatory_name == "Vũ Văn Hoạt"
    assert agreement.tasks.get().content_area.title == "Phối hợp tổ chức các phong trào thi đua"


def test_bad_input_is_shown_on_the_fields_in_vietnamese(paired, client_for):
    post = editor_post(
        paired,
        number="3/CTr UBND",
        period_start_year="2025",
        period_end_year="2021",
        **{"parties-1-organization": "", "tasks-0-deadline": ""},
    )
    response = client_for(paired.alice).post(reverse("programs:create"), post)
    assert response.status_code == 200
    form = response.context["form"]
    # An incomplete row gets Django's required-field message; the rules on the main fields show at the same time.
    parties = response.context["formsets"]["parties"]
    assert parties.forms[1].errors["organization"] == ["Trường này là bắt buộc."]
    assert "không đúng mẫu" in form.errors["number"][0]
    post["parties-1-organization"] = str(paired.hbt_union.pk)
    response = client_for(paired.alice).post(reverse("programs:create"), post)
    form = response.context["form"]
    assert "không đúng mẫu" in form.errors["number"][0]
    assert "trước năm bắt đầu 2025" in form.errors["period_end_year"][0]
    tasks = response.context["formsets"]["tasks"]
    assert "cần có thời hạn" in tasks.forms[0].errors["deadline"][0]
    assert "Chưa lưu được" in response.content.decode()
    assert not Agreement.objects.filter(title__contains="2021-2025").exists()


def test_fewer_than_two_parties_is_shown_above_the_parties(paired, client_for):
    post = editor_post(paired, **management("parties", 1))
    response = client_for(paired.alice).post(reverse("programs:create"), post)
    assert "ít nhất hai bên" in response.context["editor"].section_errors["parties"][0]
    assert "ít nhất hai bên" in response.content.decode()


def test_alice_edits_her_agreement_and_the_rows_are_prefilled(paired, client_for):
    w = paired
    client = client_for(w.alice)
    page = client.get(reverse("programs:edit", args=[w.hbt_programme.pk]))
    assert page.context["formsets"]["parties"].initial_form_count() == 2
    post = editor_post(
        w,
        number="03/CTr-UBND-LĐLĐ",
        title="Chương trình phối hợp công tác giữa UBND và LĐLĐ quận Hai Bà Trưng giai đoạn 2017-2020",
        signed_date="2017-06-01",
        period_start_year="2017",
        period_end_year="2020",
        parent=str(w.city_programme.pk),
        **management("parties", 2, 2),
        **{"tasks-0-deadline": "2018-12-20"},
    )
    response = client.post(reverse("programs:edit", args=[w.hbt_programme.pk]), post)
    assert response.status_code == 302
    w.hbt_programme.refresh_from_db()
    assert w.hbt_programme.title.endswith("2017-2020") and w.hbt_programme.parent == w.city_programme


def test_task_pages_add_edit_and_change_status(paired, client_for):
    w = paired
    client = client_for(w.alice)
    response = client.post(
        reverse("programs:task_add", args=[w.hbt_programme.pk]),
        {
            "title": "Tập huấn pháp luật lao động",
            "lead": w.hbt_union.pk,
            "frequency": "yearly",
            "status": "planned",
        },
    )
    assert response.status_code == 302
    task = Task.objects.get(title="Tập huấn pháp luật lao động")
    response = client.post(
        reverse("programs:task_edit", args=[task.pk]),
        {"title": task.title, "lead": w.hbt_union.pk, "frequency": "once", "status": "planned"},
    )
    assert "cần có thời hạn" in response.context["form"].errors["deadline"][0]
    response = client.post(
        reverse("programs:task_status", args=[task.pk]), {"status": "done"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and 'value="done" selected' in response.content.decode()
    task.refresh_from_db()
    assert task.status == "done"


def test_upload_and_download_through_the_pages(paired, client_for, media_root):
    w = paired
    client = client_for(w.alice)
    response = client.post(
        reverse("programs:attachment_upload", args=[w.hbt_programme.pk]),
        {"file": upload("ban-ky.pdf", pdf_bytes()), "description": "Bản ký"},
    )
    assert response.status_code == 302
    attachment = w.hbt_programme.attachments.get()
    download = client.get(reverse("programs:attachment_download", args=[attachment.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == pdf_bytes()
    assert "ban-ky.pdf" in download["Content-Disposition"]
    response = client.post(
        reverse("programs:attachment_upload", args=[w.hbt_programme.pk]),
        {"file": upload("gia.pdf", b"hello")},
        follow=True,
    )
    assert "Tệp đính kèm: Nội dung tệp 'gia.pdf' không phải PDF" in html.unescape(response.content.decode())


def test_the_nav_links_to_the_agreement_list(world, client_for):
    html = client_for(world.alice).get("/").content.decode()
    assert f'href="{reverse("programs:list")}"' in html


# The charlie test: a user of a sibling district gets nothing of Hai Bà Trưng from any page.


@pytest.fixture
def hbt_things(paired, media_root):
    w = paired
    task = make_task(w.hbt_programme, w.hbt_union, deadline=dt.date(2018, 1, 1))
    attachment = actions.add_attachment(w.alice, w.hbt_programme, upload("ban-ky.pdf", pdf_bytes()))
    return w, task, attachment


@pytest.mark.parametrize(
    "method,name,target",
    [
        ("get", "programs:detail", "agreement"),
        ("get", "programs:edit", "agreement"),
        ("post", "programs:edit", "agreement"),
        ("get", "programs:cascade", "agreement"),
        ("post", "programs:attachment_upload", "agreement"),
        ("get", "programs:task_add", "agreement"),
        ("post", "programs:task_add", "agreement"),
        ("get", "programs:attachment_download", "attachment"),
        ("post", "programs:attachment_delete", "attachment"),
        ("get", "programs:task_edit", "task"),
        ("post", "programs:task_status", "task"),
    ],
)
def test_charlie_gets_404_from_every_page_of_a_hai_ba_trung_agreement(
    hbt_things, client_for, method, name, target
):
    w, task, attachment = hbt_things
    pk = {"agreement": w.hbt_programme.pk, "task": task.pk, "attachment": attachment.pk}[target]
    response = getattr(client_for(w.charlie), method)(
        reverse(name, args=[pk]), {"status": "done"} if method == "post" else {}
    )
    assert response.status_code == 404
    task.refresh_from_db()
    assert task.status == "planned" and w.hbt_programme.attachments.count() == 1


def test_charlie_finds_nothing_of_hai_ba_trung_in_the_list(hbt_things, client_for):
    w, _task, _attachment = hbt_things
    response = client_for(w.charlie).get(reverse("programs:list"), {"q": "hai ba trung"})
    assert list(response.context["page"].object_list) == []
    assert "Hai Bà Trưng" not in response.content.decode()


def test_bob_reads_but_may_not_edit_a_district_agreement(hbt_things, client_for):
    w, task, _attachment = hbt_things
    client = client_for(w.bob)
    assert client.get(reverse("programs:detail", args=[w.hbt_programme.pk])).status_code == 200
    assert client.get(reverse("programs:edit", args=[w.hbt_programme.pk])).status_code == 403
    assert client.post(reverse("programs:task_status", args=[task.pk]), {"status": "done"}).status_code == 403
    assert client.get(reverse("programs:create")).status_code == 403


def test_pages_need_a_login(world, client):
    response = client.get(reverse("programs:list"))
    assert response.status_code == 302 and "dang-nhap" in response.url
