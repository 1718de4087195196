"""English pages name indicators, options and periods in English; Vietnamese pages and documents do not change."""

import datetime as dt

from django.conf import settings
from django.utils import translation

from phoihop.analytics.periods import PeriodSpec
from phoihop.core.i18n import localized, period_in_english
from phoihop.reporting.models import Indicator, Period


def test_period_names_in_english_for_every_kind():
    d = dt.date
    assert period_in_english("year", d(2021, 1, 1), d(2021, 12, 31)) == "2021"
    assert period_in_english("half_year", d(2022, 1, 1), d(2022, 6, 30)) == "first half of 2022"
    assert period_in_english("half_year", d(2022, 7, 1), d(2022, 12, 31)) == "second half of 2022"
    assert period_in_english("half_year", d(2022, 7, 1), d(2022, 12, 31), short=True) == "H2 2022"
    assert period_in_english("quarter", d(2022, 4, 1), d(2022, 6, 30)) == "Q2 2022"
    assert period_in_english("month", d(2022, 5, 1), d(2022, 5, 31)) == "May 2022"
    assert period_in_english("month", d(2022, 9, 1), d(2022, 9, 30), short=True) == "Sep 2022"
    assert period_in_english("programme", d(2017, 1, 1), d(2020, 12, 31)) == "2017–2020 period"
    assert period_in_english("programme", d(2017, 1, 1), d(2020, 12, 31), short=True) == "2017–2020"
    assert period_in_english("custom", d(2020, 3, 15), d(2020, 9, 17)) == "15/03/2020 – 17/09/2020"


def test_display_follows_the_active_language_and_label_stays_vietnamese(db):
    half = Period.for_half(2022, 1)
    spec = PeriodSpec.programme(2017, 2020)
    indicator = Indicator.objects.get(code="good_workers")
    option = indicator.disaggregation.options.get(code="grassroots")
    with translation.override("vi"):
        assert half.display == half.label == "6 tháng đầu năm 2022"
        assert spec.display == "giai đoạn 2017-2020" and spec.short_display == "2017-2020"
        assert indicator.label == indicator.name and option.label == option.name
    with translation.override("en"):
        assert half.display == "first half of 2022"
        assert half.label == "6 tháng đầu năm 2022"  # documents and messages keep the Vietnamese name
        assert spec.display == "2017–2020 period"
        assert indicator.label == indicator.name_en != indicator.name
        assert option.label == option.name_en != option.name
        assert str(indicator) == indicator.name


def test_a_missing_english_name_falls_back_to_vietnamese():
    with translation.override("en"):
        assert localized("Bữa ăn", "") == "Bữa ăn"
        assert localized("Bữa ăn", "Meals") == "Meals"
    with translation.override("vi"):
        assert localized("Bữa ăn", "Meals") == "Bữa ăn"


def test_the_entry_grid_in_english_names_indicators_options_and_period_in_english(world, report, client_for):
    good_workers = Indicator.objects.get(code="good_workers")
    grassroots = good_workers.disaggregation.options.get(code="grassroots")
    client = client_for(world.alice)
    vietnamese = client.get(report.get_absolute_url()).content.decode()
    assert good_workers.name in vietnamese and grassroots.name in vietnamese
    assert good_workers.name_en not in vietnamese and report.period.label in vietnamese
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(report.get_absolute_url()).content.decode()
    assert f"<strong>{good_workers.name_en}</strong>" in english
    assert grassroots.name_en in english
    assert f"<strong>{good_workers.name}</strong>" not in english
    assert period_in_english(report.period.kind, report.period.start, report.period.end) in english
    assert report.period.label not in english


def test_an_agreement_is_named_in_the_pages_language(world):
    programme = world.hbt_programme
    span = f"{programme.period_start_year}–{programme.period_end_year}"
    with translation.override("vi"):
        assert programme.period_display == programme.period_label
        assert str(programme).endswith(f"({programme.period_label})")
    with translation.override("en"):
        assert programme.period_display == f"{span} period"
        assert "giai đoạn" not in str(programme) and str(programme).endswith(f"({span} period)")
        assert programme.period_label.startswith(("giai đoạn", "năm"))  # documents keep the Vietnamese


def test_a_yes_no_figure_reads_yes_on_an_english_page_and_is_saved_as_the_same_answer(world, client_for):
    from phoihop.reporting.models import DataValue
    from phoihop.reporting.testing import make_form, make_report

    form = make_form(world.city_union, codes=["annual_plan_issued"], organizations=[world.hbt_union])
    report = make_report(form, world.hbt_union)
    client = client_for(world.alice)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(report.get_absolute_url()).content.decode()
    assert '<option value="Có">Yes</option>' in page and '<option value="Không">No</option>' in page
    assert "<td>yes/no</td>" in page  # no unit for a yes/no figure
    response = client.post(
        report.get_absolute_url(),
        {"version": report.version, "action": "save", "value__annual_plan_issued": "Có"},
    )
    assert response.status_code in (200, 302)
    assert (
        DataValue.objects.get(organization=world.hbt_union, indicator__code="annual_plan_issued").value == 1
    )
    page = client.get(report.get_absolute_url()).content.decode()
    assert '<option value="Có" selected>Yes</option>' in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    assert '<option value="Có" selected>Có</option>' in client.get(report.get_absolute_url()).content.decode()
