"""The tables written on every report save carry no index that another index already serves."""

import pytest
from django.db import connection

from phoihop.core.models import ChangeLogEntry
from phoihop.reporting.models import DataValue, Report, ReportEvent, ValueChange

WRITTEN_ON_EVERY_SAVE = [DataValue, ValueChange, Report, ReportEvent, ChangeLogEntry]


def _indexes(table: str, plain_only: bool = False) -> dict[str, list[str]]:
    """Index name → columns; with `plain_only`, the indexes that enforce nothing (not unique, not the key)."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return {
        name: info["columns"]
        for name, info in constraints.items()
        if (info["index"] or info["unique"] or info["primary_key"])
        and not (plain_only and (info["unique"] or info["primary_key"]))
    }


@pytest.mark.django_db
@pytest.mark.parametrize("model", WRITTEN_ON_EVERY_SAVE, ids=lambda m: m.__name__)
def test_no_index_repeats_the_leading_columns_of_another(model):
    indexes = _indexes(model._meta.db_table)
    assert indexes, "no index read from the database"
    # A unique index enforces something even where a longer index leads with its columns; a plain one does not.
    for name, columns in _indexes(model._meta.db_table, plain_only=True).items():
        for other, other_columns in indexes.items():
            if other == name or not columns:
                continue
            # An index on (a) is redundant beside one on (a, b): the longer one serves every lookup by a.
            assert not (len(columns) < len(other_columns) and other_columns[: len(columns)] == columns), (
                f"{model.__name__}: {name} {columns} is covered by {other} {other_columns}"
            )


@pytest.mark.django_db
def test_reads_that_need_an_index_still_have_one():
    values = _indexes(DataValue._meta.db_table).values()
    assert ["organization_id", "period_id"] in values  # a unit's report
    assert ["report_id"] in values and ["period_id"] in values
    assert ["content_type_id", "object_id"] in _indexes(ChangeLogEntry._meta.db_table).values()
    assert ["data_value_id"] in _indexes(ValueChange._meta.db_table).values()
