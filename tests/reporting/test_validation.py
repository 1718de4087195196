"""Rules over a report's values (errors and warnings) and the jump check against last period."""

from decimal import Decimal

import pytest

from phoihop.reporting.forms import ValidationRuleForm
from phoihop.reporting.models import Period, ValidationRule
from phoihop.reporting.testing import make_report, put_value
from phoihop.reporting.validation import RuleSyntaxError, ValueTable, evaluate, parse_rule, validate_report


def table(**rows):
    return ValueTable(
        {tuple(k.split("__")) if "__" in k else (k, None): {"value": Decimal(v)} for k, v in rows.items()}
    )


def test_an_expression_compares_options_and_skips_missing_values():
    values = table(good_workers__district="145", good_workers__grassroots="1065")
    assert evaluate("good_workers[district] <= good_workers[grassroots]", values)[0] is True
    assert evaluate("good_workers[city] <= good_workers[district]", values)[0] is None
    assert evaluate("good_workers <= 1210", values)[0] is True  # the total over options


def test_rules_reject_anything_but_arithmetic_and_comparison():
    with pytest.raises(RuleSyntaxError):
        parse_rule("__import__('os').system('x')")
    with pytest.raises(RuleSyntaxError):
        parse_rule("good_workers[district] <=")
    form = ValidationRuleForm(
        data={"name": "x", "expression": "good_workers.foo > 1", "severity": "error", "message": "m"}
    )
    assert not form.is_valid() and "expression" in form.errors


def test_a_district_figure_above_grassroots_is_an_error_and_a_jump_a_warning(world, form, report):
    put_value(report, "good_workers", 10, "grassroots")
    put_value(report, "good_workers", 50, "district")
    last_year = make_report(form, world.hbt_union, Period.for_year(2020))
    put_value(last_year, "skills_contest_units", 100)
    put_value(report, "skills_contest_units", 12)
    issues = validate_report(report)
    errors = [i.message for i in issues if i.is_error]
    warnings = [i.message for i in issues if not i.is_error]
    assert any("cấp quận, huyện lớn hơn cấp cơ sở" in m for m in errors)
    assert any("so với kỳ trước 100" in m for m in warnings)


def test_a_form_specific_rule_applies_only_to_its_form(world, form, report):
    ValidationRule.objects.create(
        form=form, name="riêng", expression="gifts_vnd <= 1000", severity="warning", message="Quà quá lớn"
    )
    put_value(report, "gifts_vnd", 5000)
    assert "Quà quá lớn" in [i.message for i in validate_report(report)]
