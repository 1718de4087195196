"""What a report form is made of (its indicators, their options, its rules), read once per worker process.

Every save, submission and import needs a form's structure, and it changes only when an administrator edits
the catalogue. Each process therefore keeps it in memory, keyed by the form's `updated_at`:

* every change to an indicator, a disaggregation or option, a form row or a validation rule touches
  `updated_at` of the forms it affects (the signal handlers below, or `changed()` after a bulk write), so any
  process that reads the form row afterwards sees a new stamp and reads the structure again;
* a change that bypasses both (raw SQL, `QuerySet.update` on the catalogue) is picked up within `MAX_AGE`.

The cached model instances are shared between requests of the process: callers read them and never mutate them.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from .models import (
    Disaggregation,
    DisaggregationOption,
    FormIndicator,
    Indicator,
    ReportForm,
    ValidationRule,
)

MAX_AGE = 60.0  # seconds a structure is trusted without seeing a new stamp


@dataclass(frozen=True)
class FormStructure:
    indicators: dict  # code → Indicator (disaggregation loaded), in the form's order
    options: dict  # disaggregation id → {option code → DisaggregationOption}, in option order
    rules: tuple  # the form's ValidationRules and the global ones, by pk

    @property
    def indicator_ids(self) -> list[int]:
        return [i.pk for i in self.indicators.values()]


_cache: dict[int, tuple[object, float, FormStructure]] = {}
_lock = threading.Lock()


def _read(form) -> FormStructure:
    rows = (
        FormIndicator.objects.filter(form_id=form.pk)
        .select_related("indicator__disaggregation")
        .order_by("order", "pk")
    )
    indicators = {fi.indicator.code: fi.indicator for fi in rows}
    disaggregations = {i.disaggregation_id for i in indicators.values() if i.disaggregation_id}
    options: dict[int, dict] = {d: {} for d in disaggregations}
    if disaggregations:
        for option in DisaggregationOption.objects.filter(disaggregation_id__in=disaggregations).order_by(
            "disaggregation_id", "order", "pk"
        ):
            options[option.disaggregation_id][option.code] = option
    rules = tuple(ValidationRule.objects.filter(Q(form__isnull=True) | Q(form_id=form.pk)).order_by("pk"))
    return FormStructure(indicators, options, rules)


def structure(form) -> FormStructure:
    """The structure of `form` as of its `updated_at`."""
    now = time.monotonic()
    hit = _cache.get(form.pk)
    if hit is not None and hit[0] == form.updated_at and now - hit[1] < MAX_AGE:
        return hit[2]
    result = _read(form)
    with _lock:
        _cache[form.pk] = (form.updated_at, now, result)
    return result


def forget() -> None:
    """Drop every cached structure of this process."""
    with _lock:
        _cache.clear()


def changed(forms=None) -> None:
    """Mark forms as changed in structure: every form (None), a list of form objects, or a query of form pks."""
    if forms is None:
        qs = ReportForm.objects.all()
    elif isinstance(forms, QuerySet):
        qs = ReportForm.objects.filter(pk__in=forms)
    else:
        qs = ReportForm.objects.filter(pk__in=[form.pk for form in forms])
    now = timezone.now()
    qs.update(updated_at=now)
    if isinstance(forms, list):
        for form in forms:
            form.updated_at = now
    forget()


def _form_query(form_id):
    return ReportForm.objects.filter(pk=form_id).values("pk")


# --- What touches which forms ---------------------------------------------------------------------------------


@receiver([post_save, post_delete], sender=FormIndicator)
def _form_row_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        changed(_form_query(instance.form_id))


@receiver([post_save, post_delete], sender=ValidationRule)
def _rule_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        changed(None if instance.form_id is None else _form_query(instance.form_id))


@receiver([post_save, post_delete], sender=Indicator)
def _indicator_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        changed(FormIndicator.objects.filter(indicator_id=instance.pk).values("form_id"))


@receiver([post_save, post_delete], sender=Disaggregation)
def _disaggregation_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        changed(FormIndicator.objects.filter(indicator__disaggregation_id=instance.pk).values("form_id"))


@receiver([post_save, post_delete], sender=DisaggregationOption)
def _option_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        changed(
            FormIndicator.objects.filter(indicator__disaggregation_id=instance.disaggregation_id).values(
                "form_id"
            )
        )
