"""phoihop.core.sql: the hot-path statements give what the ORM gives, on SQLite and PostgreSQL alike."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection, models
from django.test.utils import isolate_apps

from phoihop.core import sql
from phoihop.reporting.models import DataValue, Indicator, Period, Report, ValueChange
from phoihop.reporting.testing import ensure_catalogue, make_form, make_report, option, put_value


@pytest.fixture
def report(world):
    ensure_catalogue()
    form = make_form(world.city_union, organizations=[world.hbt_union])
    return make_report(form, world.hbt_union, due_date=dt.date(2022, 1, 15))


def concrete(obj):
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def test_select_builds_the_rows_and_joined_rows_the_orm_builds(world, report):
    report.submitted_at = dt.datetime(2022, 1, 10, 8, 30, tzinfo=dt.UTC)
    report.save()
    query = sql.Select(Report, "t.id = %s", related=("form", "organization", "period", "submitted_by"))
    got = query.one([report.pk])
    orm = Report.objects.select_related("form", "organization", "period").get(pk=report.pk)
    assert concrete(got) == concrete(orm)
    assert concrete(got.form) == concrete(orm.form)
    assert concrete(got.organization) == concrete(orm.organization)
    assert got.period.kind == orm.period.kind and got.period.start == orm.period.start
    assert got.submitted_by is None  # a nullable key with no row joins as None
    assert got.due_date == dt.date(2022, 1, 15) and got.submitted_at == orm.submitted_at
    assert got._state.adding is False and query.one([-1]) is None


def test_select_outer_brings_the_many_side_in_the_same_statement(world):
    from django.test.utils import CaptureQueriesContext

    from phoihop.accounts.models import ApiToken, Membership
    from phoihop.core.testing import make_user
    from phoihop.orgs.models import Organization

    query = sql.Select(
        ApiToken, "t.key_hash = %s", related=("user",),
        outer=(
            (Membership, "m", "LEFT JOIN accounts_membership m ON m.user_id = t.user_id"),
            (Organization, "o", "LEFT JOIN orgs_organization o ON o.id = m.organization_id"),
        ),
    )  # fmt: skip
    Membership.objects.create(user=world.alice, organization=world.md_union, role="viewer")
    _token, key = ApiToken.issue(world.alice, "hai đơn vị")
    with CaptureQueriesContext(connection) as captured:
        rows = query.rows([ApiToken.hash(key)])
    assert len(captured) == 1
    assert {r[0].pk for r in rows} == {_token.pk} and all(r[0].user == world.alice for r in rows)
    got = {(m.organization_id, m.role, o.name) for _t, m, o in rows}
    assert (
        got
        == {
            (m.organization_id, m.role, m.organization.name)
            for m in Membership.objects.filter(user=world.alice).select_related("organization")
        }
        and len(got) == 2
    )
    loner = make_user("khong-don-vi")
    _token, key = ApiToken.issue(loner, "chưa thuộc đơn vị nào")
    assert [(t.user, m, o) for t, m, o in query.rows([ApiToken.hash(key)])] == [(loner, None, None)]
    assert query.rows(["khong-co"]) == [] and query.all(["khong-co"]) == []


def test_values_converts_each_column_and_expands_lists(world, report):
    put_value(report, "good_workers", "1065", "grassroots")
    put_value(report, "gifts_vnd", "2200000000.5")
    ids = list(Indicator.objects.filter(code__in=["good_workers", "gifts_vnd"]).values_list("pk", flat=True))
    query = sql.Values(
        DataValue, ("indicator", "option", "value"), "t.report_id = %s AND t.indicator_id IN %s"
    )
    rows = sorted(query.all([report.pk, ids]), key=lambda r: r[2])
    good_workers = Indicator.objects.get(code="good_workers")
    grassroots = option(good_workers.disaggregation.code, "grassroots")
    assert rows == [
        (good_workers.pk, grassroots.pk, Decimal("1065")),
        (Indicator.objects.get(code="gifts_vnd").pk, None, Decimal("2200000000.5")),
    ]
    assert all(isinstance(r[2], Decimal) for r in rows)
    assert query.all([report.pk, ids[:1]]) == [rows[0]]  # a list of another length: its own statement text
    with pytest.raises(ValueError, match="rỗng"):
        query.all([report.pk, []])
    with pytest.raises(ValueError, match="tham số"):
        query.all([ids])  # the list meant for IN, without the report


@pytest.mark.parametrize("rows", [1, 3, 120])  # PostgreSQL: one row in VALUES, more in one JSON parameter
def test_insert_values_returns_each_rows_key_in_order_and_stamps_dates(world, report, rows):
    indicator = Indicator.objects.get(code="gifts_vnd")
    periods = [Period.for_year(1900 + n) for n in range(rows)]
    given = [
        {
            "indicator_id": indicator.pk,
            "organization_id": report.organization_id,
            "period_id": period.pk,
            "report_id": report.pk,
            "value": Decimal(n) + Decimal("0.25"),
            "comment": f"dòng {n}",
        }
        for n, period in enumerate(periods)
    ]
    ids = sql.insert_values(DataValue, given)
    assert len(set(ids)) == rows
    for n, pk in enumerate(ids):  # each key is that of its own row
        stored = DataValue.objects.get(pk=pk)
        assert (stored.period_id, stored.value, stored.comment) == (
            periods[n].pk,
            Decimal(n) + Decimal("0.25"),
            f"dòng {n}",
        )
        assert stored.updated_at is not None and stored.source == "web"
    # History rows point at values inserted a moment ago, by the keys the INSERT returned.
    changes = [
        {"data_value_id": pk, "user_id": world.alice.pk, "new_value": row["value"]}
        for pk, row in zip(ids, given, strict=True)
    ]
    sql.insert_values(ValueChange, changes)
    stored = ValueChange.objects.filter(data_value__in=ids).order_by("data_value_id")
    assert [c.data_value_id for c in stored] == sorted(ids)
    assert all(c.at is not None and c.user_id == world.alice.pk for c in stored)


def test_insert_values_over_sqlite_parameter_limit_goes_in_batches(world, report):
    dv = put_value(report, "gifts_vnd", "1")
    rows = [{"data_value_id": dv.pk, "new_value": Decimal(n), "reason": str(n)} for n in range(1200)]
    ids = sql.insert_values(
        ValueChange, rows
    )  # 1,200 rows × 10 columns: over SQLite's 999 parameters a statement
    assert ValueChange.objects.filter(data_value=dv).count() == 1200
    assert set(ids) == set(ValueChange.objects.filter(data_value=dv).values_list("pk", flat=True))
    assert [ValueChange.objects.get(pk=pk).reason for pk in (ids[0], ids[999], ids[-1])] == [
        "0",
        "999",
        "1199",
    ]


@isolate_apps("phoihop.core")
def test_insert_refuses_a_field_with_its_own_placeholder():
    class Spot(models.Field):
        def db_type(self, connection):
            return "text"

        def get_placeholder(self, value, compiler, connection):
            return "%s"

    class Place(models.Model):
        spot = Spot()

        class Meta:
            app_label = "core"

        def __str__(self):
            return str(self.spot)

    with pytest.raises(TypeError, match="own placeholder"):
        sql.insert_values(Place, [{"spot": "x"}])


@isolate_apps("phoihop.core")
def test_only_fields_that_prepare_nothing_pass_values_through():
    class Upper(models.CharField):
        def get_prep_value(self, value):
            return super().get_prep_value(value).upper()

    class Note(models.Model):
        code = Upper(max_length=10)

        class Meta:
            app_label = "core"

        def __str__(self):
            return self.code

    through = {f.name: sql._passes_through(f, connection) for f in DataValue._meta.concrete_fields}
    assert through["indicator"] is int and through["is_approved"] is bool and through["comment"] is str
    # Decimals, dates and JSON always go through the field: they are converted or checked on the way.
    assert through["value"] is None and through["updated_at"] is None
    assert sql._passes_through(Note._meta.get_field("code"), connection) is None
    assert sql._passes_through(ValueChange._meta.get_field("data_value"), connection) is int


def test_insert_values_keeps_what_a_field_does_to_a_value(world, report):
    """A str subclass (a choice) and a whole-number Decimal still go through the field, as the ORM sends them."""
    source = DataValue.source.field.choices[1][0]
    (pk,) = sql.insert_values(
        DataValue,
        [
            {
                "indicator_id": Indicator.objects.get(code="gifts_vnd").pk,
                "organization_id": report.organization_id,
                "period_id": report.period_id,
                "report_id": report.pk,
                "value": Decimal("2200000000"),
                "source": source,
            }
        ],
    )
    saved = DataValue.objects.get(pk=pk)
    assert saved.value == Decimal("2200000000") and saved.source == source and saved.updated_at


def test_insert_values_fills_defaults_and_dates_and_keeps_every_value_exactly(world, report):
    """Rows without model instances: what is left out takes the field's default or the current time; what is
    given comes back as given, through the JSON parameter on PostgreSQL (Decimals to the last digit, a time
    to the microsecond with its offset, text with quotes, newlines and Vietnamese)."""
    dv = put_value(report, "gifts_vnd", "1")
    texts = ['lý do "gấp"\nvà \\ dòng hai', "", "Mở khóa để sửa: sai đơn vị"]
    rows = [
        {"data_value_id": dv.pk, "user_id": world.alice.pk, "old_value": Decimal("1065.2500"),
         "new_value": Decimal("-0.0001"), "reason": texts[0], "source": "api"},
        {"data_value_id": dv.pk, "old_value": None, "new_value": Decimal("2200000000.2500"),
         "reason": texts[1], "field": "comment", "old_text": "", "new_text": texts[2]},
    ]  # fmt: skip
    before = dt.datetime.now(dt.UTC)
    ids = sql.insert_values(ValueChange, rows)
    first, second = (ValueChange.objects.get(pk=pk) for pk in ids)
    assert (first.old_value, first.new_value, first.reason, first.source, first.user_id) == (
        Decimal("1065.2500"), Decimal("-0.0001"), texts[0], "api", world.alice.pk,
    )  # fmt: skip
    assert (first.field, first.old_text, first.new_text) == ("value", "", "")  # the fields' defaults
    assert (second.user_id, second.old_value, second.new_value) == (
        None,
        None,
        Decimal("2200000000.2500"),
    )
    assert (second.field, second.new_text, second.source) == ("comment", texts[2], "web")
    assert before <= first.at == second.at <= dt.datetime.now(dt.UTC)  # auto_now_add: one time for the batch
    assert sql.insert_values(ValueChange, []) == []
    with pytest.raises(TypeError, match="không có cột"):
        sql.insert_values(ValueChange, [{"data_value_id": dv.pk, "valeu": 1}])


def test_a_table_with_a_column_json_cannot_carry_takes_rows_in_values(world):
    """The change log's `changes` is a JSON document of its own: several rows go in VALUES, each value bound as the
    field binds it; the history table, all plain columns, takes the one JSON parameter on PostgreSQL."""
    from django.contrib.contenttypes.models import ContentType

    from phoihop.core.models import ChangeLogEntry

    assert sql._statement(ChangeLogEntry, connection).json is None
    assert (sql._statement(ValueChange, connection).json is not None) == (connection.vendor == "postgresql")
    kind = ContentType.objects.get_for_model(Report).pk
    changes = [{"status": ["draft", "submitted"]}, {"note": ['"trích dẫn"', "dòng\nmới"]}]
    ids = sql.insert_values(
        ChangeLogEntry,
        [
            {"action": "update", "content_type_id": kind, "object_id": str(n), "changes": c}
            for n, c in enumerate(changes)
        ],
    )
    assert [ChangeLogEntry.objects.get(pk=pk).changes for pk in ids] == changes


def test_insert_values_keeps_a_given_time_to_the_microsecond(world, report):
    from phoihop.reporting.models import ReportEvent

    at = dt.datetime(2020, 9, 17, 8, 30, 15, 123456, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    ids = sql.insert_values(
        ReportEvent,
        [{"report_id": report.pk, "at": at, "action": "saved", "note": n, "version": n} for n in range(2)],
    )
    assert [e.at for e in ReportEvent.objects.filter(pk__in=ids).order_by("version")] == [at, at]


def test_update_sets_columns_moves_counters_and_counts_rows(world, report):
    statement = sql.Update(
        Report, ("status", "updated_by"), "id = %s AND version = %s", increments=("version",)
    )
    assert statement.run(["submitted", world.alice.pk], [report.pk, report.version]) == 1
    assert (
        statement.run(["submitted", world.alice.pk], [report.pk, report.version]) == 0
    )  # the version moved on
    report.refresh_from_db()
    assert (report.status, report.updated_by_id, report.version) == ("submitted", world.alice.pk, 2)
    assert connection.vendor in {"sqlite", "postgresql"}


@pytest.mark.django_db
def test_one_cursor_is_kept_per_connection_unless_threads_share_it_or_queries_are_logged():
    from django.test.utils import CaptureQueriesContext

    kept = sql._cursor(connection)
    assert sql._cursor(connection) is kept
    connection.inc_thread_sharing()  # as a test's live server shares an in-memory SQLite connection
    try:
        assert sql._cursor(connection) is not kept and sql._cursor(connection) is not sql._cursor(connection)
    finally:
        connection.dec_thread_sharing()
    with CaptureQueriesContext(connection) as captured:
        sql.Values(Period, ("kind",), "t.id = %s").all([-1])
    assert len(captured) == 1  # the logging cursor saw it
    assert sql._cursor(connection) is kept
