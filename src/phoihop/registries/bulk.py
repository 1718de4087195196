"""Writing many prepared records at once, for the demo and the benchmarks: COPY on PostgreSQL, one
executemany elsewhere. No primary keys come back and no signals fire; callers recompute figures afterwards."""

from __future__ import annotations

from operator import attrgetter

from django.db import connections, models, router
from django.utils import timezone


def _converter(field, connection, now):
    """A function giving a field's database value for an instance, chosen once per field, not per row."""
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        constant = field.get_db_prep_save(now, connection)
        return lambda obj: constant
    if isinstance(field, models.DateTimeField) or isinstance(field, models.JSONField):
        return lambda obj: field.get_db_prep_save(getattr(obj, field.attname), connection)
    if isinstance(field, models.DateField):
        adapt, get = connection.ops.adapt_datefield_value, attrgetter(field.attname)
        return lambda obj: adapt(get(obj))
    return attrgetter(field.attname)


def _reserve_ids(model, connection, count: int) -> list[int]:
    """Primary keys for `count` new rows, taken from the table's sequence (PostgreSQL) or after its largest id
    (SQLite, whose write transactions are exclusive)."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, model._meta.pk.column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(
            f"SELECT COALESCE(MAX({connection.ops.quote_name(model._meta.pk.column)}), 0) FROM {table}"
        )
        start = cursor.fetchone()[0] + 1
        return list(range(start, start + count))


def insert_rows(model, objs, chunk: int = 20_000, with_ids: bool = False) -> int:
    """Insert unsaved model instances (their prepare() is called here); returns how many were written.

    With `with_ids`, primary keys are reserved first and set on the instances, as bulk_create would do.
    """
    objs = list(objs)
    if not objs:
        return 0
    connection = connections[router.db_for_write(model)]
    fields = [f for f in model._meta.concrete_fields if with_ids or not f.primary_key]
    if with_ids:
        for obj, pk in zip(objs, _reserve_ids(model, connection, len(objs)), strict=True):
            obj.pk = pk
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    convert = [_converter(f, connection, timezone.now()) for f in fields]

    def rows(part):
        for obj in part:
            if hasattr(obj, "prepare"):
                obj.prepare()
            yield [c(obj) for c in convert]

    with connection.cursor() as cursor:
        for start in range(0, len(objs), chunk):
            part = objs[start : start + chunk]
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows(part):
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(fields))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(rows(part)))
    return len(objs)
