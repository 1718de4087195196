"""Statements for the request paths that run most, their SQL text built once per process from the models.

Django's ORM builds and compiles every statement anew on each call. On a report submission through the API that
was most of the application's CPU (bench/api_submission_cost.py). The helpers here keep everything else the ORM
gives: the models' tables and columns, each field's conversion to and from the database (`get_db_prep_save`,
the backend's and the field's converters), `Model.from_db`, the current time for `auto_now` fields, the connection and
its transaction. They skip only rebuilding the same SQL text. The same code runs on SQLite and PostgreSQL.

Use them where a statement runs on every request of a busy path; everywhere else the ORM reads better.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from functools import cached_property

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.backends.base.operations import BaseDatabaseOperations
from django.db.models import ForeignKey, Model
from django.db.models import fields as model_fields
from django.utils import timezone

ALIAS = "t"


def _qn(name: str) -> str:
    return connection.ops.quote_name(name)


def _cursor(conn):
    """One Django cursor per database connection, kept for every statement here: opening a cursor costs about
    as much as running a small statement, and a kept cursor keeps psycopg's parameter dumpers. A new connection
    gets a new cursor. While queries are logged (DEBUG, assertNumQueries) each call opens its own cursor, so the
    logging cursor sees every statement; execute wrappers see them either way. A connection shared between threads
    (a test's live server) never keeps one: two threads would run statements on the same cursor at once."""
    if conn.queries_logged or conn.allow_thread_sharing:
        return conn.cursor()
    kept = getattr(conn, "_phoihop_cursor", None)
    if kept is not None and kept[0] is conn.connection and kept[0] is not None:
        return kept[1]
    cursor = conn.cursor()
    conn._phoihop_cursor = (conn.connection, cursor)
    return cursor


def _expand(where: str, shape: tuple) -> str:
    """`%s` whose parameter is a list (its length in `shape`, None for one value) becomes `(%s, %s, …)`."""
    if not any(n is not None for n in shape):
        return where
    parts = where.split("%s")
    if len(parts) != len(shape) + 1:
        raise ValueError(f"{len(parts) - 1} chỗ %s nhưng {len(shape)} tham số: {where}")
    text = [parts[0]]
    for n, part in zip(shape, parts[1:], strict=True):
        if n == 0:
            raise ValueError("Danh sách rỗng trong IN: kiểm tra trước khi truy vấn.")
        text.append("%s" if n is None else "(" + ", ".join(["%s"] * n) + ")")
        text.append(part)
    return "".join(text)


class _Texts:
    """A statement's text for each shape of its parameters (the length of each list), built on first use."""

    def __init__(self, where: str, build):
        self.where, self.build, self.texts = where, build, {}

    def __call__(self, params: Sequence) -> tuple[str, list]:
        shape = tuple(len(p) if isinstance(p, (list, tuple)) else None for p in params)
        text = self.texts.get(shape)
        if text is None:
            text = self.texts[shape] = self.build(_expand(self.where, shape))
        flat = []
        for param in params:
            if isinstance(param, (list, tuple)):
                flat.extend(param)
            else:
                flat.append(param)
        return text, flat


class _Columns:
    """The concrete columns of one model under one table alias, with each column's converters."""

    def __init__(self, model: type[Model], alias: str, names: Sequence[str] | None = None):
        self.model, self.alias = model, alias
        meta = model._meta
        self.fields = list(meta.concrete_fields) if names is None else [meta.get_field(n) for n in names]
        self.attnames = [f.attname for f in self.fields]
        self.pk_index = self.fields.index(meta.pk) if meta.pk in self.fields else None
        self.sql = [f"{alias}.{_qn(f.column)}" for f in self.fields]

    @cached_property
    def converters(self) -> list[tuple[int, list, object]]:
        found = []
        for n, field in enumerate(self.fields):
            col = field.get_col(self.alias)
            funcs = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
            if funcs:
                found.append((n, funcs, col))
        return found

    def convert(self, values: list, conn) -> list:
        for n, funcs, col in self.converters:
            value = values[n]
            for func in funcs:
                value = func(value, col, conn)
            values[n] = value
        return values

    def build(self, values: list) -> Model:
        return self.model.from_db(DEFAULT_DB_ALIAS, self.attnames, values)


class Select:
    """SELECT of one model's rows, some of its foreign keys joined (as `select_related` would), under a WHERE
    clause written in SQL over the alias `t` (and `r0`, `r1`… for the joined tables, in `related`'s order).

    `Select(Report, "t.id = %s", related=("form", "organization")).one([pk])`

    `outer` adds rows of other models in the same statement: (model, alias, "LEFT JOIN … alias ON …"), each
    row of `rows()` then carries one instance of each (None where the join found nothing). One statement for a row
    and its many-side, where two would cost a second round trip.
    """

    def __init__(
        self,
        model: type[Model],
        where: str,
        related: Sequence[str] = (),
        tail: str = "",
        outer: Sequence[tuple[type[Model], str, str]] = (),
    ):
        self.model, self.tail = model, tail
        self.base = _Columns(model, ALIAS)
        self.joins = []
        for n, name in enumerate(related):
            field = model._meta.get_field(name)
            alias = f"r{n}"
            kind = "LEFT OUTER JOIN" if field.null else "INNER JOIN"
            target = field.related_model
            on = f"{alias}.{_qn(target._meta.pk.column)} = {ALIAS}.{_qn(field.column)}"
            self.joins.append(
                (field.name, _Columns(target, alias), f"{kind} {_qn(target._meta.db_table)} {alias} ON {on}")
            )
        self.outer = [(_Columns(m, alias), join) for m, alias, join in outer]
        self.statement = _Texts(where, self._text)

    def _text(self, where: str) -> str:
        columns = [*self.base.sql, *(c for _n, cols, _j in self.joins for c in cols.sql)]
        columns += [c for cols, _j in self.outer for c in cols.sql]
        joins = " ".join([*(j for _n, _c, j in self.joins), *(j for _c, j in self.outer)])
        return (
            f"SELECT {', '.join(columns)} FROM {_qn(self.model._meta.db_table)} {ALIAS} {joins} "
            f"WHERE {where} {self.tail}"
        ).strip()

    def rows(self, params: Sequence = ()) -> list[tuple]:
        """Each row as (instance, one instance or None per `outer` model)."""
        sql, flat = self.statement(params)
        conn = connections[DEFAULT_DB_ALIAS]
        cursor = _cursor(conn)
        cursor.execute(sql, flat)
        rows = cursor.fetchall()
        width = len(self.base.fields)

        def part(cols, row, start):
            values = row[start : start + len(cols.fields)]
            return cols.build(cols.convert(list(values), conn)) if values[cols.pk_index] is not None else None

        found = []
        for row in rows:
            obj = self.base.build(self.base.convert(list(row[:width]), conn))
            start = width
            for name, cols, _join in self.joins:
                setattr(obj, name, part(cols, row, start))
                start += len(cols.fields)
            extra = []
            for cols, _join in self.outer:
                extra.append(part(cols, row, start))
                start += len(cols.fields)
            found.append((obj, *extra))
        return found

    def all(self, params: Sequence = ()) -> list[Model]:
        return [row[0] for row in self.rows(params)]

    def one(self, params: Sequence = ()) -> Model | None:
        rows = self.all(params)
        return rows[0] if rows else None


class Values:
    """SELECT of some columns of one model as converted tuples: `Values(DataValue, ("indicator", "value"), where)`."""

    def __init__(self, model: type[Model], names: Sequence[str], where: str, tail: str = ""):
        self.columns = _Columns(model, ALIAS, names)
        table = _qn(model._meta.db_table)
        self.statement = _Texts(
            where,
            lambda w: f"SELECT {', '.join(self.columns.sql)} FROM {table} {ALIAS} WHERE {w} {tail}".strip(),
        )

    def all(self, params: Sequence = ()) -> list[tuple]:
        sql, flat = self.statement(params)
        conn = connections[DEFAULT_DB_ALIAS]
        cursor = _cursor(conn)
        cursor.execute(sql, flat)
        return [tuple(self.columns.convert(list(row), conn)) for row in cursor.fetchall()]


def _passes_through(field, conn) -> type | None:
    """The one Python type whose values a field sends to the database unchanged, or None.

    True only where Django's own methods are in use: an integer column (or a foreign key to one) given an int,
    a text column given a str, a boolean column given a bool. Any field that overrides how it prepares values
    (and every other type of value) goes through `get_db_prep_save` as usual.
    """
    if isinstance(field, ForeignKey):
        if type(field).get_db_prep_save is not ForeignKey.get_db_prep_save:
            return None
        field = field.target_field
    cls = type(field)
    if cls.get_db_prep_save is not model_fields.Field.get_db_prep_save:
        return None
    if cls.get_db_prep_value is model_fields.AutoFieldMixin.get_db_prep_value:
        if type(conn.ops).validate_autopk_value is not BaseDatabaseOperations.validate_autopk_value:
            return None
    elif cls.get_db_prep_value is not model_fields.Field.get_db_prep_value:
        return None
    prep = cls.get_prep_value
    if prep is model_fields.IntegerField.get_prep_value:
        return int
    if prep in (model_fields.CharField.get_prep_value, model_fields.TextField.get_prep_value):
        return str
    if prep is model_fields.BooleanField.get_prep_value:
        return bool
    return None


# Column types PostgreSQL reads back from JSON text exactly as it reads the bound parameter Django would send.
_JSON_TYPES = {
    "AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField", "SmallIntegerField",
    "PositiveIntegerField", "PositiveBigIntegerField", "PositiveSmallIntegerField", "CharField", "TextField",
    "SlugField", "EmailField", "URLField", "BooleanField", "DecimalField", "DateField",
    "DateTimeField", "TimeField", "UUIDField",
}  # fmt: skip


def _kind(field) -> str:
    """The internal type of the column a field writes: a foreign key writes its target's."""
    while isinstance(field, ForeignKey):
        field = field.target_field
    return field.get_internal_type()


# Prepared values JSON has no type for, as text the column's own input function reads back: a Decimal exactly as
# written, dates and times in ISO 8601 with their offset, a UUID.
_JSON_TEXT = {
    "DecimalField": str,
    "UUIDField": str,
    "DateField": dt.date.isoformat,
    "DateTimeField": dt.datetime.isoformat,
    "TimeField": dt.time.isoformat,
}


class _Insert:
    """The INSERT statements of one model, built once: every concrete column but the primary key."""

    def __init__(self, model: type[Model], conn):
        meta = model._meta
        self.pk = meta.pk
        self.fields = [
            f for f in meta.concrete_fields if not f.primary_key and not getattr(f, "generated", False)
        ]
        self.attnames = {f.attname for f in self.fields}
        # Dates that take the current time when insert_values is not given one.
        self.stamped = {
            f.attname
            for f in self.fields
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        }
        # Per column: the field and the type it passes through unchanged (None: call get_db_prep_save).
        self.columns = [(c, _passes_through(c, conn)) for c in self.fields]
        # A field whose SQL depends on its value (geometry, say) cannot share one text; bulk_create handles those.
        own = [f.name for f in self.fields if hasattr(f, "get_placeholder")]
        if own:
            raise TypeError(
                f"{model.__name__}: insert_values() does not handle fields with their own placeholder: {own}"
            )
        table = _qn(meta.db_table)
        names = ", ".join(_qn(f.column) for f in self.fields)
        head = f"INSERT INTO {table} ({names})"
        returning = f" RETURNING {_qn(self.pk.column)}"
        self.row = "(" + ", ".join(["%s"] * len(self.fields)) + ")"
        self.head, self.returning = head, returning
        self.json = None
        if conn.vendor == "postgresql" and all(_kind(f) in _JSON_TYPES for f in self.fields):
            # PostgreSQL, more than one row: one JSON parameter, read into the table's own row type. The text does
            # not depend on the number of rows, and one string costs the driver less than a typed array per column.
            self.json = f"{head} SELECT {names} FROM json_populate_recordset(NULL::{table}, %s){returning}"
            self.keys = [f.column for f in self.fields]
            self.texts = [
                (n, _JSON_TEXT[_kind(f)]) for n, f in enumerate(self.fields) if _kind(f) in _JSON_TEXT
            ]

    def values(self, rows: int) -> str:
        return f"{self.head} VALUES {', '.join([self.row] * rows)}{self.returning}"

    def prepare(self, value, field, through, conn):
        # None is NULL for every field (JSONField included): no need to ask the field.
        if value is not None and type(value) is not through:
            value = field.get_db_prep_save(value, conn)
        return value

    def run(self, rows: list[list], conn) -> list:
        """Run the INSERT for rows of prepared values; their new primary keys, in order."""
        cursor = _cursor(conn)
        if self.json is not None and len(rows) > 1:
            keys, texts = self.keys, self.texts
            for row in rows:
                for n, as_text in texts:
                    if row[n] is not None:
                        row[n] = as_text(row[n])
            text = json.dumps([dict(zip(keys, row, strict=True)) for row in rows])
            cursor.execute(self.json, [text])
            return [r[0] for r in cursor.fetchall()]
        ids = []
        size = max(1, conn.ops.bulk_batch_size(self.fields, rows))
        for start in range(0, len(rows), size):
            batch = rows[start : start + size]
            cursor.execute(self.values(len(batch)), [value for row in batch for value in row])
            ids.extend(r[0] for r in cursor.fetchall())
        return ids


_inserts: dict[tuple[type[Model], str], _Insert] = {}


def _statement(model: type[Model], conn) -> _Insert:
    statement = _inserts.get((model, conn.vendor))
    if statement is None:
        statement = _inserts[(model, conn.vendor)] = _Insert(model, conn)
    return statement


def insert_values(model: type[Model], rows: Sequence[dict]) -> list:
    """INSERT rows given as {attname: value} without building a model instance for each: for rows written and
    never read back in the same request (history, events). A column left out takes its field's default; an
    `auto_now`/`auto_now_add` date left out takes the current time. Foreign keys are given as ids
    (`user_id`). Returns the new primary keys, in order."""
    if not rows:
        return []
    conn = connections[DEFAULT_DB_ALIAS]
    statement = _statement(model, conn)
    prepare, stamped = statement.prepare, statement.stamped
    now = timezone.now()
    prepared = []
    for given in rows:
        unknown = given.keys() - statement.attnames
        if unknown:
            raise TypeError(f"{model.__name__}: không có cột {', '.join(sorted(unknown))}")
        row = []
        for field, through in statement.columns:
            if field.attname in given:
                value = given[field.attname]
            elif field.attname in stamped:
                value = now
            else:
                value = field.get_default()
            row.append(prepare(value, field, through, conn))
        prepared.append(row)
    return statement.run(prepared, conn)


class Update:
    """UPDATE of some columns of one model's rows under a WHERE clause over its columns (alias-free), with
    optional columns moved on by one: `Update(Report, ("status",), "id = %s AND version = %s", ("version",))`.
    `run(values, params)` returns how many rows changed."""

    def __init__(self, model: type[Model], names: Sequence[str], where: str, increments: Sequence[str] = ()):
        meta = model._meta
        self.fields = [meta.get_field(n) for n in names]
        sets = [f"{_qn(f.column)} = %s" for f in self.fields]
        sets += [f"{_qn(meta.get_field(n).column)} = {_qn(meta.get_field(n).column)} + 1" for n in increments]
        self.sql = f"UPDATE {_qn(meta.db_table)} SET {', '.join(sets)} WHERE {where}"

    def run(self, values: Sequence, params: Sequence = ()) -> int:
        conn = connections[DEFAULT_DB_ALIAS]
        prepared = [f.get_db_prep_save(v, conn) for f, v in zip(self.fields, values, strict=True)]
        cursor = _cursor(conn)
        cursor.execute(self.sql, [*prepared, *params])
        return cursor.rowcount
