"""The one generic mechanism behind every registry: a descriptor says which model, columns, filters,
search, scope and computed indicators; pages, Excel, API and CLI are all driven by it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext

from phoihop.core import permissions
from phoihop.core.text import fold

from . import cells

KINDS = {"text", "longtext", "int", "money", "year", "date", "dates", "choice", "bool", "org", "ref"}


@dataclass
class Column:
    """One field of a registry as a form field, an Excel column and an API key."""

    name: str
    label: str = ""
    kind: str = ""
    required: bool | None = None
    help: str = ""
    virtual: bool = False  # not a model attribute: read by the registry's hooks only
    orgs: str = "refer"  # org columns: "edit" (the user's own units) or "refer" (units they may name)
    org_kinds: tuple = ()
    ref: str = ""  # ref columns: a key of refs.SOURCES
    choices: list = field(default_factory=list)
    max_length: int | None = None
    default: object = None
    width: int = 18
    export: bool = True
    source: str = ""  # virtual columns: where an export reads the value, e.g. "organization__tax_code"
    _choice_map: dict | None = field(default=None, repr=False, compare=False)
    _page_label: object = field(default=None, repr=False, compare=False)  # the field's lazy verbose name
    _page_help: object = field(default=None, repr=False, compare=False)

    @property
    def shown_label(self) -> str:
        """The column's name on a page, in the page's language."""
        return capfirst(str(self._page_label)) if self._page_label is not None else gettext(self.label)

    @property
    def shown_help(self) -> str:
        return (
            str(self._page_help) if self._page_help is not None else (gettext(self.help) if self.help else "")
        )

    def bind(self, model) -> Column:
        if self.virtual:
            self.required = bool(self.required)
            return self
        f = model._meta.get_field(self.name)
        # `label` and `help` are Vietnamese (Excel headers, messages); pages show them in the page's language.
        if not self.label:
            self.label, self._page_label = capfirst(str(f.verbose_name)), f.verbose_name
        if not self.help:
            self.help, self._page_help = str(f.help_text or ""), f.help_text or ""
        if not self.kind:
            self.kind = _infer_kind(f)
        if f.choices and not self.choices:
            self.choices = [(code, label) for code, label in f.choices if code != ""]
        if isinstance(f, models.CharField):
            self.max_length = f.max_length
        if f.has_default() and self.default is None:
            self.default = f.get_default()
        if self.required is None:
            self.required = not (f.blank or f.null or f.has_default() or isinstance(f, models.BooleanField))
        assert self.kind in KINDS, (model, self.name, self.kind)
        return self

    def value_of(self, obj):
        """The stored value of this column for `obj` (virtual columns: through `source`, if any)."""
        if not self.virtual:
            return getattr(obj, self.name)
        target = obj
        for part in self.source.split("__") if self.source else []:
            target = getattr(target, part, None) if target is not None else None
        return target if self.source else None

    def parse(self, raw, ctx):
        """The Python value of a raw cell; CellError (Vietnamese) when it cannot be read."""
        if cells.is_blank(raw) and self.kind == "bool":
            return bool(self.default)
        if cells.is_blank(raw):
            if self.required:
                raise cells.CellError("Chưa nhập (bắt buộc).")
            if self.kind == "dates":
                return []
            if self.default is not None:
                return self.default
            return "" if self.kind in ("text", "longtext", "choice") else None
        kind = self.kind
        if kind == "text" or kind == "longtext":
            value = cells.parse_text(raw) if kind == "text" else str(raw).strip()
            if self.max_length and len(value) > self.max_length:
                raise cells.CellError(f"Dài quá {self.max_length} ký tự ({len(value)} ký tự): rút gọn lại.")
            return value
        if kind == "int":
            return cells.parse_int(raw)
        if kind == "money":
            return cells.parse_money(raw)
        if kind == "year":
            return cells.parse_year(raw)
        if kind == "date":
            return cells.parse_date(raw)
        if kind == "dates":
            return cells.parse_dates(raw)
        if kind == "bool":
            return cells.parse_bool(raw)
        if kind == "choice":
            if self._choice_map is None:
                self._choice_map = cells.choice_map(self.choices)
            return cells.parse_choice(raw, self.choices, self._choice_map)
        if kind == "org":
            return ctx.orgs(self).find(raw)
        if kind == "ref":
            return ctx.refs(self.ref).find(raw)
        raise AssertionError(kind)  # pragma: no cover

    def show(self, value) -> str:
        if self.kind == "org" or self.kind == "ref":
            return "–" if value is None else str(value)
        return cells.show(value, self.kind, self.choices)


def _infer_kind(f) -> str:
    if isinstance(f, models.ForeignKey):
        return "org" if f.related_model._meta.label == "orgs.Organization" else "ref"
    if isinstance(f, models.BooleanField):
        return "bool"
    if isinstance(f, models.DateField):
        return "date"
    if isinstance(f, models.JSONField):
        return "dates"
    if isinstance(f, models.BigIntegerField):
        return "money"
    if isinstance(f, models.IntegerField):
        return "year" if f.name == "year" else "int"
    if f.choices:
        return "choice"
    if isinstance(f, models.TextField):
        return "longtext"
    return "text"


Errors = dict[str, str]


@dataclass
class Registry:
    """A registry: one model, the columns a user fills in, and everything derived from them."""

    slug: str
    model: type
    title: str
    item: str  # one record, for headings: "sáng kiến"
    group: str
    columns: list[Column]
    list_columns: list[str]
    scope: (
        str  # path from the record to the organisation that scopes it: "unit", "commendation__organization"
    )
    natural_key: tuple[str, ...]
    filters: list[str] = field(default_factory=list)
    date_field: str = ""
    description: str = ""
    indicators: tuple[str, ...] = ()
    validate: Callable[[dict, object, Context], Errors] | None = None
    derive: Callable[[object, dict, Context], None] | None = None
    remember: Callable[[dict, object, Context], None] | None = None
    prefetch: Callable[[Context, list[dict]], None] | None = None  # an import loads what validate needs
    select_related: tuple[str, ...] = ()
    extras: Callable[[object], list[tuple[str, str]]] | None = None  # derived facts shown on the detail page
    order: int = 0

    def __post_init__(self):
        for column in self.columns:
            column.bind(self.model)
        self.by_name = {c.name: c for c in self.columns}

    # `title`, `item`, `group` and `description` are Vietnamese, for files and messages; pages use these.
    @property
    def shown_title(self) -> str:
        return gettext(self.title)

    @property
    def shown_item(self) -> str:
        return gettext(self.item)

    @property
    def shown_group(self) -> str:
        return gettext(self.group)

    @property
    def shown_description(self) -> str:
        return gettext(self.description) if self.description else ""

    @property
    def model_columns(self) -> list[Column]:
        return [c for c in self.columns if not c.virtual]

    def column(self, name: str) -> Column:
        return self.by_name[name]

    # Scoping -----------------------------------------------------------------------------------------
    def queryset(self, user, action: str = "view") -> QuerySet:
        qs = self.model.objects.all()
        if self.select_related:
            qs = qs.select_related(*self.select_related)
        if permissions.is_global(user):
            return qs
        q = permissions.subtree_q(user, action, f"{self.scope}__path")
        return qs.filter(q) if q is not None else qs.none()

    def scope_org(self, obj):
        target = obj
        for part in self.scope.split("__"):
            target = getattr(target, part)
        return target

    def can_edit(self, user, obj) -> bool:
        return permissions.can(user, "edit", self.scope_org(obj))

    # Search and filters ------------------------------------------------------------------------------
    def search(self, qs: QuerySet, query: str) -> QuerySet:
        """Every word of the query, diacritics ignored; short words stick to their neighbour so that the
        trigram index (PostgreSQL) always has three letters to work with."""
        for chunk in search_chunks(query):
            qs = qs.filter(search_folded__contains=chunk)
        return qs

    def filter_choices(self, name: str, ctx: Context) -> list[tuple[str, str]]:
        column = self.column(name)
        if column.kind == "choice":
            return [(str(c), str(label)) for c, label in column.choices]
        if column.kind == "bool":
            return [("1", "Có"), ("0", "Không")]
        if column.kind == "ref":
            return [(str(pk), label) for pk, label in ctx.refs(column.ref).choices()]
        if column.kind == "org":
            resolver = ctx.orgs(column)
            return [(str(org.pk), resolver.label(org)) for org in resolver.orgs]
        return []

    def apply_filters(self, qs: QuerySet, params) -> QuerySet:
        for name in self.filters:
            value = params.get(name)
            if value in (None, ""):
                continue
            column = self.column(name)
            if column.kind == "bool":
                qs = qs.filter(**{name: value == "1"})
            elif column.kind in ("org", "ref"):
                if str(value).isdigit():
                    lookup = f"{name}__path__startswith" if column.kind == "org" else f"{name}_id"
                    if column.kind == "org":
                        from phoihop.orgs.models import Organization

                        org = Organization.objects.filter(pk=value).only("path").first()
                        qs = qs.filter(**{lookup: org.path}) if org else qs.none()
                    else:
                        qs = qs.filter(**{lookup: int(value)})
            else:
                qs = qs.filter(**{name: value})
        year = params.get("year")
        if self.date_field and year and str(year).isdigit():
            field_name = self.date_field
            qs = qs.filter(
                **{field_name: int(year)} if field_name == "year" else {f"{field_name}__year": int(year)}
            )
        return qs

    # Values -------------------------------------------------------------------------------------------
    def values_of(self, obj) -> dict:
        """Current values of the model columns, in the shape parse() returns."""
        out = {}
        for column in self.model_columns:
            value = getattr(obj, column.name)
            if column.kind == "dates":
                value = [cells.parse_date(v) for v in (value or [])]
            out[column.name] = value
        return out


def search_chunks(query: str) -> list[str]:
    words = fold(query).split()
    chunks: list[str] = []
    pending = ""
    for word in words:
        pending = f"{pending} {word}".strip()
        if len(pending) >= 3:
            chunks.append(pending)
            pending = ""
    if pending:
        if chunks:
            chunks[-1] = f"{chunks[-1]} {pending}"
        else:
            chunks.append(pending)
    return chunks


class Context:
    """What parsing and checking need for one user: resolvers and caches, built once per request or import."""

    def __init__(self, user, registry: Registry | None = None, bulk: bool = False):
        self.user = user
        self.registry = registry
        self.bulk = bulk  # an import: hooks prefetch instead of querying per row
        self._orgs: dict = {}
        self._refs: dict = {}
        self.cache: dict = {}

    def org_queryset(self, column: Column) -> QuerySet:
        """The organisations this user may put in an org column: their own units to edit, or any they may name."""
        from phoihop.orgs.models import Organization

        if column.orgs == "edit":
            qs = permissions.organizations_for(self.user, "edit", Organization.objects.all())
        else:
            qs = permissions.referenceable_organizations(self.user)
        return qs.filter(kind__in=column.org_kinds) if column.org_kinds else qs

    def orgs(self, column: Column):
        key = (column.orgs, column.org_kinds)
        if key not in self._orgs:
            from .resolve import OrgResolver

            self._orgs[key] = OrgResolver(self.org_queryset(column))
        return self._orgs[key]

    def refs(self, name: str):
        if name not in self._refs:
            from .refs import resolver_for

            self._refs[name] = resolver_for(name, self.user)
        return self._refs[name]


REGISTRIES: dict[str, Registry] = {}


def register(registry: Registry) -> Registry:
    REGISTRIES[registry.slug] = registry
    return registry


def all_registries() -> list[Registry]:
    from . import definitions  # noqa: F401  (fills REGISTRIES)

    return sorted(REGISTRIES.values(), key=lambda r: r.order)


def get_registry(slug: str) -> Registry | None:
    from . import definitions  # noqa: F401

    return REGISTRIES.get(slug)
