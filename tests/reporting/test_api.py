"""The REST API: same workflow and the same scoping as the pages."""

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phoihop.accounts.models import ApiToken
from phoihop.reporting import actions, excel_export
from phoihop.reporting.choices import ReportStatus
from phoihop.reporting.models import DataValue, Report


@pytest.fixture
def api(client):
    def as_user(user):
        _token, key = ApiToken.issue(user, "test")
        headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}

        def call(method, url, payload=None, **extra):
            kwargs = {"content_type": "application/json"} if payload is not None else {}
            return getattr(client, method)(f"/api/v1/reporting{url}", payload, **kwargs, **headers, **extra)

        return call

    return as_user


def test_lists_and_details_are_scoped(world, report, api):
    assert [r["id"] for r in api(world.alice)("get", "/reports").json()] == [report.pk]
    assert api(world.charlie)("get", "/reports").json() == []
    assert api(world.charlie)("get", f"/reports/{report.pk}").status_code == 404
    detail = api(world.bob)("get", f"/reports/{report.pk}").json()
    assert detail["status"] == "draft" and {v["indicator"] for v in detail["values"]} >= {
        "good_workers",
        "gifts_vnd",
    }
    assert len(api(world.alice)("get", "/indicators").json()) >= 28


def test_save_submit_return_and_approve_through_the_api(world, report, api):
    alice, bob = api(world.alice), api(world.bob)
    saved = alice(
        "put",
        f"/reports/{report.pk}/values",
        {"version": report.version, "values": [
            {"indicator": "good_workers", "option": "grassroots", "value": "1.065"},
            {"indicator": "gifts_vnd", "value": "2,2 tỷ", "comment": "Tết"},
            {"indicator": "workers_conference_rate", "numerator": 67, "denominator": 100},
        ]},
    )  # fmt: skip
    assert saved.status_code == 200, saved.content
    version = saved.json()["version"]
    stale = alice(
        "put",
        f"/reports/{report.pk}/values",
        {"version": version - 1, "values": [{"indicator": "gifts_vnd", "value": 1}]},
    )
    assert stale.status_code == 409 and "CHƯA được ghi" in stale.json()["detail"]
    assert alice("post", f"/reports/{report.pk}/approve", {}).status_code == 403
    assert alice("post", f"/reports/{report.pk}/submit", {"version": version}).json()["status"] == "submitted"
    assert api(world.charlie)("post", f"/reports/{report.pk}/return", {"reason": "x"}).status_code == 404
    assert bob("post", f"/reports/{report.pk}/return", {"reason": ""}).status_code == 422
    assert bob("post", f"/reports/{report.pk}/return", {"reason": "Thiếu số"}).json()["status"] == "returned"
    resubmitted = alice(
        "post",
        f"/reports/{report.pk}/submit",
        {"values": [{"indicator": "good_workers", "option": "district", "value": 145}]},
    )
    assert resubmitted.status_code == 200, resubmitted.content
    assert bob("post", f"/reports/{report.pk}/approve", {}).json()["status"] == "approved"
    assert DataValue.objects.get(indicator__code="gifts_vnd").value == Decimal(2_200_000_000)
    value_id = DataValue.objects.get(indicator__code="gifts_vnd").pk
    history = alice("get", f"/values/{value_id}/history").json()
    assert {(h["field"], h["user"]) for h in history} == {("value", "alice"), ("comment", "alice")}
    assert Decimal(next(h["new_value"] for h in history if h["field"] == "value")) == 2_200_000_000
    assert api(world.charlie)("get", f"/values/{value_id}/history").status_code == 404


def test_bad_values_name_the_item_and_write_nothing(world, report, api):
    response = api(world.alice)(
        "put",
        f"/reports/{report.pk}/values",
        {"version": report.version, "values": [
            {"indicator": "good_workers", "option": "grassroots", "value": 5},
            {"indicator": "workers_conference_rate", "value": "120"},
        ]},
    )  # fmt: skip
    assert (
        response.status_code == 422
        and "values[2]" in response.json()["detail"]
        and "100%" in response.json()["detail"]
    )
    unknown = api(world.alice)(
        "put",
        f"/reports/{report.pk}/values",
        {"version": report.version, "values": [{"indicator": "nope", "value": 1}]},
    )
    assert unknown.status_code == 422 and "danh mục" in unknown.json()["detail"]
    assert not DataValue.objects.exists()


def test_excel_import_over_the_api_previews_then_commits(world, report, api, client):
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(excel_export.workbook_for([report])))
    ws = wb.worksheets[0]
    row = next(
        r
        for r in range(1, ws.max_row + 1)
        if ws.cell(r, 1).value == "meals_served" or ws.cell(r, 1).value == "skills_contest_units"
    )
    ws.cell(row, 6).value = 65
    buffer = io.BytesIO()
    wb.save(buffer)
    _token, key = ApiToken.issue(world.alice, "x")
    from django.core.files.uploadedfile import SimpleUploadedFile

    staged = client.post(
        "/api/v1/reporting/imports",
        {"file": SimpleUploadedFile("a.xlsx", buffer.getvalue())},
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert staged.status_code == 201 and staged.json()["can_commit"]
    assert not DataValue.objects.exists()
    committed = client.post(
        f"/api/v1/reporting/imports/{staged.json()['id']}/commit", HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert committed.json() == {"changed": 1}


def test_completeness_and_targets(world, form, report, api):
    from phoihop.reporting.models import Period
    from phoihop.reporting.testing import make_report, put_value

    md = make_report(form, world.md_union, report.period)
    actions.submit(md, world.charlie, md.version)
    rows = api(world.bob)("get", "/completeness").json()
    assert rows[0]["due"] == 2 and rows[0]["done"] == 1 and Decimal(rows[0]["completeness"]) == 50
    created = api(world.bob)(
        "post", "/targets",
        {"indicator": "good_workers", "option": "grassroots", "organization_id": world.hbt_union.pk,
         "period_id": Period.for_programme(2021, 2025).pk, "value": "1.000"},
    )  # fmt: skip
    assert created.status_code == 201, created.content
    report.status = ReportStatus.APPROVED
    report.save()
    put_value(report, "good_workers", 250, "grassroots")
    target = api(world.alice)("get", "/targets").json()[0]
    assert Decimal(target["value"]) == 1000 and Decimal(target["achieved"]) == 250
    assert api(world.charlie)("get", "/targets").json() == []
    assert Report.objects.count() == 2


def test_a_submission_reads_the_form_once_per_process(world, form, api):
    """The hot path of the API: a warm submission of five values runs a fixed, small set of statements.

    The form's indicators, options and rules come from memory; the previous period's values come with one query.
    A new statement here costs every unit on every submission, so the count is pinned.
    """
    from phoihop.reporting.models import Period
    from phoihop.reporting.testing import make_report

    alice = api(world.alice)
    body = {"values": [
        {"indicator": "good_workers", "option": "grassroots", "value": "1.065"},
        {"indicator": "good_workers", "option": "district", "value": 145},
        {"indicator": "skills_contest_units", "value": 65},
        {"indicator": "gifts_vnd", "value": "2,2 tỷ"},
        {"indicator": "workers_conference_rate", "numerator": 67, "denominator": 100},
    ]}  # fmt: skip
    first = make_report(form, world.hbt_union, period=Period.for_year(2020))
    assert alice("post", f"/reports/{first.pk}/submit", body).status_code == 200  # warms the process
    second = make_report(form, world.hbt_union)
    body["values"][3]["value"] = "22 tỷ"  # ten times last year's: the jump check must see last year
    with CaptureQueriesContext(connection) as queries:
        response = alice("post", f"/reports/{second.pk}/submit", body)
    assert response.status_code == 200 and response.json()["changed"] == 5
    statements = [q["sql"].split()[0].upper() for q in queries.captured_queries]
    statements = [s for s in statements if s not in ("SAVEPOINT", "RELEASE", "BEGIN", "COMMIT")]
    # token with memberships, report; version bump; current values; values; history; last period's values;
    # change log; report event
    assert statements.count("SELECT") == 4, statements
    assert len(statements) == 9, statements
    assert [i["rule"] for i in response.json()["issues"]] == ["jump"]
