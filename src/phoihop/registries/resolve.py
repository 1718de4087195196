"""Finding the organisation or record a cell names: by name (diacritics ignored), tax code, number or #id.

A resolver loads its candidates once, so an import of 100,000 rows makes one query per column, not per row.
"""

from __future__ import annotations

import re
from collections import defaultdict

from phoihop.core.text import fold
from phoihop.orgs.selectors import org_label

from .cells import CellError, parse_text

_HASH_ID = re.compile(r"^#(\d+)$")
_TAX = re.compile(r"^\d{10}(?:-\d{3})?$")


class OrgResolver:
    """Organisations of one queryset, looked up by name, "name – parent", tax code or #id."""

    def __init__(self, queryset):
        qs = queryset.select_related("parent").only(
            "id",
            "name",
            "short_name",
            "kind",
            "path",
            "tax_code",
            "ownership",
            "parent__name",
            "counterpart_id",
        )
        self.orgs = list(qs.order_by("path"))
        self.by_id = {org.pk: org for org in self.orgs}
        # A full name wins over a short one: "Công đoàn ngành Y tế" is that unit even when another unit's short name
        # is the same words. A name is shared, and its label carries the parent's name, only when two units have it
        # as their full name: orgs.selectors.shared_names, which the unit suggestions and the edit forms ask.
        self._by_name: dict[str, list] = defaultdict(list)
        self._by_short_name: dict[str, list] = defaultdict(list)
        self._by_tax: dict[str, object] = {}
        for org in self.orgs:
            self._by_name[fold(org.name)].append(org)
            if org.short_name and fold(org.short_name) != fold(org.name):
                self._by_short_name[fold(org.short_name)].append(org)
            if org.tax_code:
                self._by_tax[org.tax_code] = org
        for org in self.orgs:
            if len(self._by_name[fold(org.name)]) > 1 and org.parent_id:
                self._by_name[fold(org_label(org, True))].append(org)

    def label(self, org) -> str:
        return org_label(org, len(self._by_name.get(fold(org.name), ())) > 1)

    def find(self, raw):
        """The organisation, None when the cell is blank, CellError when unknown or ambiguous."""
        if hasattr(raw, "pk") and hasattr(raw, "path"):
            raw = raw.pk
        if isinstance(raw, int) or (isinstance(raw, float) and raw.is_integer() and raw < 10**9):
            org = self.by_id.get(int(raw))
            if org is None:
                raise CellError(f"Không có đơn vị mã #{int(raw)} trong phạm vi của bạn.")
            return org
        text = parse_text(raw)
        if not text:
            return None
        m = _HASH_ID.match(text)
        if m:
            return self.find(int(m.group(1)))
        if _TAX.match(text) and text in self._by_tax:
            return self._by_tax[text]
        key = fold(text)
        hits = {org.pk: org for org in self._by_name.get(key) or self._by_short_name.get(key, [])}
        if len(hits) == 1:
            return next(iter(hits.values()))
        if len(hits) > 1:
            raise CellError(
                f"Có {len(hits)} đơn vị tên «{text}»: ghi thêm tên đơn vị cấp trên, ví dụ "
                f"«{org_label(next(iter(hits.values())), True)}», hoặc mã số thuế."
            )
        raise CellError(f"Không tìm thấy đơn vị «{text}» trong phạm vi của bạn (kiểm tra lại tên đơn vị).")


class RefResolver:
    """Records of another registry (movements, programmes, decisions, agreements, meetings) by label or #id."""

    def __init__(self, queryset, label, keys=None, noun: str = "bản ghi"):
        self.items = list(queryset)
        self.label = label
        self.noun = noun
        self.by_id = {item.pk: item for item in self.items}
        self._by_key: dict[str, list] = defaultdict(list)
        for item in self.items:
            for key in {label(item), *(keys(item) if keys else ())}:
                if key:
                    self._by_key[fold(key)].append(item)

    def choices(self) -> list[tuple[int, str]]:
        return [(item.pk, self.label(item)) for item in self.items]

    def find(self, raw):
        if hasattr(raw, "pk"):
            raw = raw.pk
        if isinstance(raw, int) or (isinstance(raw, float) and raw.is_integer()):
            item = self.by_id.get(int(raw))
            if item is None:
                raise CellError(f"Không có {self.noun} mã #{int(raw)} trong phạm vi của bạn.")
            return item
        text = parse_text(raw)
        if not text:
            return None
        m = _HASH_ID.match(text)
        if m:
            return self.find(int(m.group(1)))
        if text.isdigit() and int(text) in self.by_id:
            return self.by_id[int(text)]
        hits = {item.pk: item for item in self._by_key.get(fold(text), [])}
        if len(hits) == 1:
            return next(iter(hits.values()))
        if len(hits) > 1:
            raise CellError(f"Có {len(hits)} {self.noun} cùng tên «{text}»: ghi mã dạng #số.")
        raise CellError(f"Không tìm thấy {self.noun} «{text}» trong phạm vi của bạn.")
