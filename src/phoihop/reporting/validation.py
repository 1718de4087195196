"""Checks over a report's values: rule expressions (errors or warnings) and large jumps against last period.

A rule is a comparison over indicator codes, e.g. `good_workers[district] <= good_workers[grassroots]`,
`workers_conference_rate.numerator <= workers_conference_rate.denominator`, `donations_vnd <= 10 * gifts_vnd`.
`code` alone is the value (for a disaggregated indicator: the total over its options); `code[option]` one option;
`.numerator`, `.denominator`, `.value_high` the parts. A rule whose values are not all filled in is skipped.
"""

from __future__ import annotations

import ast
import functools
import operator
from dataclasses import dataclass, field
from decimal import Decimal

from phoihop.core.formatting import vn_number

from .choices import Severity, ValueType

JUMP_FACTOR = Decimal(3)  # a value over 3× or under ⅓ of last period's is flagged
JUMP_FLOOR = Decimal(10)  # small numbers move a lot; below this the jump check stays quiet

_COMPARE = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}
_ARITH = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
PARTS = ("value", "numerator", "denominator", "value_high", "total")


class RuleSyntaxError(ValueError):
    pass


class _Missing(Exception):
    """A value the rule needs is empty: the rule does not apply."""


@dataclass
class Issue:
    """One finding: an error blocks submission, a warning asks for a second look."""

    severity: str
    message: str
    rule: str = ""
    keys: list = field(default_factory=list)  # [(indicator code, option code or None)]

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

    def as_dict(self) -> dict:
        return {"severity": self.severity, "message": self.message, "rule": self.rule, "keys": self.keys}


@functools.lru_cache(maxsize=512)
def parse_rule(expression: str) -> ast.Expression:
    """Parse and vet a rule: only names, [option], .part, numbers, arithmetic, comparisons, and/or."""
    try:
        tree = ast.parse(expression.strip(), mode="eval")
    except SyntaxError:
        raise RuleSyntaxError(
            f"Biểu thức «{expression}» sai cú pháp. Ví dụ đúng: good_workers[district] <= good_workers[grassroots]"
        )
    allowed = (
        ast.Expression, ast.Compare, ast.BinOp, ast.BoolOp, ast.UnaryOp, ast.Name, ast.Subscript,
        ast.Attribute, ast.Constant, ast.Load, ast.And, ast.Or, ast.USub, *_COMPARE, *_ARITH,
    )  # fmt: skip
    for node in ast.walk(tree):
        if not isinstance(node, allowed):
            raise RuleSyntaxError(
                f"Biểu thức «{expression}» dùng phép toán không được hỗ trợ ({type(node).__name__})."
            )
        if isinstance(node, ast.Constant) and not isinstance(node.value, int | float | str):
            raise RuleSyntaxError(f"Biểu thức «{expression}» có hằng số không hợp lệ.")
        if isinstance(node, ast.Attribute) and node.attr not in PARTS:
            raise RuleSyntaxError(
                f"«.{node.attr}» không hợp lệ; dùng .numerator, .denominator, .value_high hoặc .total."
            )
        if isinstance(node, ast.Subscript) and not (
            isinstance(node.slice, ast.Name)
            or (isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str))
        ):
            raise RuleSyntaxError(
                f"Trong «{expression}», phần trong ngoặc vuông phải là mã nhóm phân tổ, ví dụ [district]."
            )
    return tree


@functools.lru_cache(maxsize=512)
def referenced_codes(expression: str) -> frozenset[str]:
    """The indicator codes a rule reads (the names, not the option codes in brackets)."""
    tree = parse_rule(expression)
    slices = {id(n.slice) for n in ast.walk(tree) if isinstance(n, ast.Subscript)}
    return frozenset(n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and id(n) not in slices)


class ValueTable:
    """The values of one report keyed by (indicator code, option code or None), each a dict of parts."""

    def __init__(self, rows: dict[tuple[str, str | None], dict]):
        self.rows = rows

    def get(self, code: str, option: str | None, part: str) -> Decimal:
        if option is None and part in ("value", "total"):
            row = self.rows.get((code, None))
            if row is not None and row.get("value") is not None:
                return row["value"]
            parts = [
                r["value"]
                for (c, o), r in self.rows.items()
                if c == code and o and r.get("value") is not None
            ]
            if parts:
                return sum(parts, Decimal(0))
            raise _Missing
        row = self.rows.get((code, option))
        value = None if row is None else row.get("value" if part == "total" else part)
        if value is None:
            raise _Missing
        return value


def _eval(node, table: ValueTable, keys: list):
    if isinstance(node, ast.Expression):
        return _eval(node.body, table, keys)
    if isinstance(node, ast.Constant):
        return Decimal(str(node.value))
    if isinstance(node, ast.Name):
        keys.append((node.id, None))
        return table.get(node.id, None, "value")
    if isinstance(node, ast.Subscript):
        option = node.slice.id if isinstance(node.slice, ast.Name) else node.slice.value
        base = node.value
        part = "value"
        if isinstance(base, ast.Attribute):
            part, base = base.attr, base.value
        keys.append((base.id, option))
        return table.get(base.id, option, part)
    if isinstance(node, ast.Attribute):
        inner = node.value
        if isinstance(inner, ast.Subscript):
            option = inner.slice.id if isinstance(inner.slice, ast.Name) else inner.slice.value
            keys.append((inner.value.id, option))
            return table.get(inner.value.id, option, node.attr)
        keys.append((inner.id, None))
        return table.get(inner.id, None, node.attr)
    if isinstance(node, ast.UnaryOp):
        return -_eval(node.operand, table, keys)
    if isinstance(node, ast.BinOp):
        left, right = _eval(node.left, table, keys), _eval(node.right, table, keys)
        if isinstance(node.op, ast.Div) and right == 0:
            raise _Missing
        return _ARITH[type(node.op)](left, right)
    if isinstance(node, ast.BoolOp):
        results = [_eval(v, table, keys) for v in node.values]
        return all(results) if isinstance(node.op, ast.And) else any(results)
    if isinstance(node, ast.Compare):
        left = _eval(node.left, table, keys)
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            right = _eval(comparator, table, keys)
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    raise RuleSyntaxError(type(node).__name__)


def evaluate(expression: str, table: ValueTable) -> tuple[bool | None, list]:
    """True/False, or None when a value the rule needs is missing; plus the cells it read."""
    keys: list = []
    try:
        return bool(_eval(parse_rule(expression), table, keys)), keys
    except _Missing:
        return None, keys


def table_for(values) -> ValueTable:
    """A ValueTable from DataValue rows (or objects with the same attributes)."""
    rows = {}
    for dv in values:
        rows[(dv.indicator.code, dv.option.code if dv.option is not None else None)] = {
            "value": dv.value,
            "numerator": dv.numerator,
            "denominator": dv.denominator,
            "value_high": dv.value_high,
        }
    return ValueTable(rows)


def rules_for(form):
    from .structure import structure

    return list(structure(form).rules)


def check_rules(form, table: ValueTable, codes_on_form: set[str], rules=None) -> list[Issue]:
    issues = []
    for rule in rules if rules is not None else rules_for(form):
        try:
            if not referenced_codes(rule.expression) <= codes_on_form:
                continue
            ok, keys = evaluate(rule.expression, table)
        except RuleSyntaxError as exc:
            issues.append(Issue(Severity.WARNING, f"Quy tắc «{rule.name}» lỗi: {exc}", rule.name))
            continue
        if ok is False:
            issues.append(Issue(rule.severity, rule.message, rule.name, sorted(set(keys), key=str)))
    return issues


def check_jumps(values, previous: dict) -> list[Issue]:
    """Warn when a count or amount moves more than JUMP_FACTOR times against last period's value.

    `values` are DataValues or Entries (anything with indicator, option and value).
    """
    issues = []
    for dv in values:
        if dv.value is None or dv.indicator.value_type not in (ValueType.COUNT, ValueType.AMOUNT):
            continue
        option = dv.option
        before = previous.get((dv.indicator.pk, option.pk if option is not None else None))
        if before is None or max(before, dv.value) < JUMP_FLOOR:
            continue
        if before == 0 or dv.value > before * JUMP_FACTOR or dv.value * JUMP_FACTOR < before:
            label = dv.indicator.name + (f" – {option.name}" if option is not None else "")
            issues.append(
                Issue(
                    Severity.WARNING,
                    f"«{label}»: {vn_number(dv.value)} so với kỳ trước {vn_number(before)} — thay đổi bất thường, "
                    "kiểm tra lại hoặc ghi chú lý do.",
                    "jump",
                    [(dv.indicator.code, option.code if option is not None else None)],
                )
            )
    return issues


def validate_report(report, values=None, previous=None) -> list[Issue]:
    """Every rule of the report's form plus the jump check, over its current values."""
    from .selectors import previous_values, report_values

    values = list(report_values(report)) if values is None else values
    previous = previous_values(report) if previous is None else previous
    from .layout import form_map

    codes = set(form_map(report.form))
    issues = check_rules(report.form, table_for(values), codes)
    issues += check_jumps(values, previous)
    return issues
