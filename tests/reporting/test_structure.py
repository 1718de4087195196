"""A form's structure is read once per process and stays right when the catalogue changes."""

from decimal import Decimal

import pytest
from django.utils import timezone

from phoihop.reporting import actions, structure
from phoihop.reporting.choices import Severity
from phoihop.reporting.models import (
    Disaggregation,
    DisaggregationOption,
    FormIndicator,
    Indicator,
    ReportForm,
    ValidationRule,
)
from phoihop.reporting.testing import make_form, make_report
from phoihop.reporting.validation import validate_report
from phoihop.reporting.values import Entry


def fresh(form):
    """The form as another process reads it from the database."""
    return ReportForm.objects.get(pk=form.pk)


def entry(code, value, option=None):
    return Entry(indicator=Indicator.objects.get(code=code), option=option, value=Decimal(value))


def test_read_once_then_served_from_memory(world, form, django_assert_num_queries):
    structure.structure(fresh(form))
    with django_assert_num_queries(1):  # the form row only
        shape = structure.structure(fresh(form))
    assert list(shape.indicators)[:2] == ["good_workers", "initiatives_recognised"]
    assert set(shape.options[shape.indicators["good_workers"].disaggregation_id]) >= {
        "grassroots",
        "district",
    }


def test_a_row_added_to_the_form_is_seen_at_once(world, form, report):
    assert "meals_served" not in structure.structure(fresh(form)).indicators
    FormIndicator.objects.create(form=form, indicator=Indicator.objects.get(code="meals_served"), order=99)
    assert "meals_served" in structure.structure(fresh(form)).indicators
    # and a save through the one write path accepts it
    result = actions.save_values(report, world.alice, [entry("meals_served", "120")], report.version)
    assert result.changed == 1


def test_another_process_sees_a_change_through_the_form_stamp(world, form):
    """Signals clear only this process's memory; other processes see `updated_at` move on the form row."""
    before = structure.structure(fresh(form))
    # Another process adds a row: nothing here clears this process's memory …
    FormIndicator.objects.bulk_create(
        [FormIndicator(form=form, indicator=Indicator.objects.get(code="meals_served"), order=99)]
    )
    assert structure.structure(fresh(form)) is before
    # … but its signal touched the form row, and that is what this process reads with every report.
    ReportForm.objects.filter(pk=form.pk).update(updated_at=timezone.now())
    assert "meals_served" in structure.structure(fresh(form)).indicators


def test_a_write_that_skips_signals_is_seen_within_max_age(world, form, monkeypatch):
    structure.structure(fresh(form))
    FormIndicator.objects.bulk_create(
        [FormIndicator(form=form, indicator=Indicator.objects.get(code="meals_served"), order=99)]
    )
    assert "meals_served" not in structure.structure(fresh(form)).indicators
    monkeypatch.setattr(structure, "MAX_AGE", 0.0)
    assert "meals_served" in structure.structure(fresh(form)).indicators


def test_rules_and_options_follow_the_catalogue(world, form, report):
    report.form = fresh(form)
    actions.save_values(report, world.alice, [entry("gifts_vnd", "5000000")], report.version)
    assert not validate_report(report)
    rule = ValidationRule.objects.create(
        name="Quà tặng tối đa",
        expression="gifts_vnd <= 1000000",
        severity=Severity.ERROR,
        message="Giá trị quà vượt mức cho phép.",
    )  # a global rule: every form
    report.form = fresh(form)
    assert [i.message for i in validate_report(report)] == ["Giá trị quà vượt mức cho phép."]
    rule.delete()
    report.form = fresh(form)
    assert not validate_report(report)

    level = Disaggregation.objects.get(code=Indicator.objects.get(code="good_workers").disaggregation.code)
    DisaggregationOption.objects.create(disaggregation=level, code="ward", name="cấp phường", order=9)
    assert "ward" in structure.structure(fresh(form)).options[level.pk]


@pytest.mark.parametrize("field", ["name", "value_type"])
def test_an_indicator_edit_touches_the_forms_that_carry_it(world, form, field):
    stamp = fresh(form).updated_at
    other = make_form(world.city_union, codes=("meals_served",))
    other_stamp = fresh(other).updated_at
    indicator = Indicator.objects.get(code="gifts_vnd")
    setattr(indicator, field, "Quà tặng (VNĐ)" if field == "name" else indicator.value_type)
    indicator.save()
    assert fresh(form).updated_at > stamp
    assert fresh(other).updated_at == other_stamp
    assert structure.structure(fresh(form)).indicators["gifts_vnd"].name == indicator.name


def test_previous_values_come_in_one_query(world, form, django_assert_num_queries):
    from phoihop.reporting.models import Period
    from phoihop.reporting.selectors import previous_values
    from phoihop.reporting.testing import put_value

    last_year = make_report(form, world.hbt_union, period=Period.for_year(2020))
    put_value(last_year, "gifts_vnd", 1000)
    report = make_report(form, world.hbt_union)
    report.form = fresh(form)
    structure.structure(report.form)
    with django_assert_num_queries(1):
        previous = previous_values(report)
    assert previous == {(Indicator.objects.get(code="gifts_vnd").pk, None): Decimal(1000)}
