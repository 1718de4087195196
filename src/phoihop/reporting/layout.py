"""The rows of a report form (one per indicator, or per option of a disaggregated one), shared by grid and Excel."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext

from .choices import ValueType
from .models import DataValue, Report
from .values import CellError, Entry, build_entry, value_text


@dataclass
class Row:
    """One line of a form: an indicator, or one option of it; `key` names it in forms, files and the API."""

    number: str
    indicator: object
    option: object | None
    current: DataValue | None = None
    previous: object | None = None
    raw: dict = field(default_factory=dict)  # what the user typed, shown back after a refused save
    errors: dict = field(default_factory=dict)  # field → message
    history_count: int = 0

    @property
    def key(self) -> str:
        return row_key(self.indicator.code, self.option.code if self.option else None)

    @property
    def label(self) -> str:
        return f"{self.indicator.name} – {self.option.name}" if self.option else self.indicator.name

    @property
    def is_ratio(self) -> bool:
        return self.indicator.value_type == ValueType.RATIO

    @property
    def is_boolean(self) -> bool:
        return self.indicator.value_type == ValueType.BOOLEAN

    def shown(self, part: str) -> str:
        """The cell's text: what was typed if a save was refused, else the stored value."""
        if part in self.raw:
            return self.raw[part]
        dv = self.current
        if dv is None:
            return ""
        if part == "value":
            return value_text(self.indicator, dv.value, dv.value_high, dv.qualifier)
        if part == "comment":
            return dv.comment
        return value_text(self.indicator, getattr(dv, part))

    @property
    def group_number(self) -> str:
        return self.number.split(".")[0]

    @property
    def value_text(self) -> str:
        return self.shown("value")

    @property
    def numerator_text(self) -> str:
        return self.shown("numerator")

    @property
    def denominator_text(self) -> str:
        return self.shown("denominator")

    @property
    def comment_text(self) -> str:
        return self.shown("comment")

    @property
    def ratio_inputs(self) -> list[tuple[str, str, str]]:
        return [(part, self.shown(part), self.errors.get(part, "")) for part in ("numerator", "denominator")]

    @property
    def stored_text(self) -> str:
        """The stored value, whatever was typed: shown beside a refused save."""
        dv = self.current
        return value_text(self.indicator, dv.value, dv.value_high, dv.qualifier) if dv else ""

    @property
    def differs_from_stored(self) -> bool:
        return "value" in self.raw and self.raw["value"].strip() != self.stored_text

    @property
    def previous_text(self) -> str:
        if self.previous is None:
            return ""
        return value_text(self.indicator, self.previous)

    @property
    def value_display(self) -> str:
        """`value_text` as a page shows it: a yes/no answer in the page's language ("Có", or "Yes" in English)."""
        return yes_no(self.value_text) if self.is_boolean else self.value_text

    @property
    def previous_display(self) -> str:
        return yes_no(self.previous_text) if self.is_boolean else self.previous_text


def yes_no(text: str) -> str:
    """The stored "Có"/"Không" in the page's language; Excel and documents keep the Vietnamese words."""
    return {"Có": gettext("Có"), "Không": gettext("Không")}.get(text, text)


def row_key(code: str, option_code: str | None) -> str:
    return f"{code}:{option_code}" if option_code else code


def form_map(form) -> dict[str, object]:
    """The form's indicators by code (disaggregation loaded), in order; shared, so read but never change them."""
    from .structure import structure

    return structure(form).indicators


def form_lines(form) -> list[tuple[str, object, object | None]]:
    """(number, indicator, option) for every line of a form, options under their indicator."""
    from .structure import structure

    shape = structure(form)
    lines = []
    for n, indicator in enumerate(shape.indicators.values(), start=1):
        if indicator.disaggregation_id:
            for m, option in enumerate(shape.options[indicator.disaggregation_id].values(), start=1):
                lines.append((f"{n}.{m}", indicator, option))
        else:
            lines.append((str(n), indicator, None))
    return lines


def build_rows(report: Report, values=None, previous=None, with_history: bool = False) -> list[Row]:
    from django.db.models import Count

    from .selectors import previous_values, report_values

    values = list(report_values(report)) if values is None else values
    current = {(dv.indicator_id, dv.option_id): dv for dv in values}
    previous = previous_values(report) if previous is None else previous
    counts = {}
    if with_history and values:
        counts = dict(
            DataValue.objects.filter(pk__in=[dv.pk for dv in values])
            .annotate(n=Count("changes"))
            .values_list("pk", "n")
        )
    rows = []
    for number, indicator, option in form_lines(report.form):
        key = (indicator.pk, option.pk if option else None)
        dv = current.get(key)
        rows.append(
            Row(
                number=number,
                indicator=indicator,
                option=option,
                current=dv,
                previous=previous.get(key),
                history_count=counts.get(dv.pk, 0) if dv else 0,
            )
        )
    return rows


PARTS = ("value", "numerator", "denominator", "comment")


def entries_from_post(rows: list[Row], data, reason: str = "") -> tuple[list[Entry], int]:
    """Read the grid's inputs (`value__<key>`, `numerator__<key>` …) into entries; errors go on the rows.

    Rows whose inputs are absent from the post are left out, so a partial post changes only what it names.
    """
    entries, error_count = [], 0
    for row in rows:
        names = {part: f"{part}__{row.key}" for part in PARTS}
        if not any(name in data for name in names.values()):
            continue
        raw = {part: data.get(name, "") for part, name in names.items()}
        row.raw = raw
        try:
            entries.append(build_entry(row.indicator, row.option, raw, f"«{row.label}»", reason=reason))
        except CellError as exc:
            part = next((p for p in PARTS if f"({_label(p)})" in exc.where), "value")
            row.errors[part] = exc.message
            error_count += 1
    return entries, error_count


def _label(part: str) -> str:
    from .values import FIELD_LABELS

    return FIELD_LABELS[part]
