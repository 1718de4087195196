"""The rules an agreement must meet before anything is written; every message names the field and the fix.

Errors are keyed by field name; nested rows use "parties.1.organization", "tasks.0.deadline" (index in the
submitted list) so forms can put each message on its field and the API can return it as is.

Overlap rule: two agreements of the same kind between exactly the same set of parties may not cover the
same year, except the handover year of a replacement: when one names the other as the agreement it replaces
(predecessor), the successor may start in the year the predecessor ends (2017-2020 → 2020-2025, signed at
the final review of the old one), but not earlier.
"""

from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db.models import Q

from phoihop.core import permissions
from phoihop.core.formatting import vn_date
from phoihop.orgs.models import Organization

from . import numbers
from .choices import AgreementKind, SigningPrefix, TaskFrequency, TaskStatus
from .data import AgreementData, TaskData
from .models import Agreement

MIN_YEAR, MAX_YEAR = 1945, 2100


class Errors:
    """Collects messages per field, then raises them together as one ValidationError."""

    def __init__(self):
        self.by_field: dict[str, list[str]] = defaultdict(list)
        self.warnings: list[str] = []

    def add(self, field: str, message: str) -> None:
        self.by_field[field].append(message)

    def __bool__(self) -> bool:
        return bool(self.by_field)

    def raise_if_any(self) -> None:
        if self.by_field:
            raise ValidationError({k: v for k, v in self.by_field.items()})


def _partners(user):
    # user=None is trusted system code (demo, importers): no scoping, as in analytics.engine.run.
    return Organization.objects.all() if user is None else permissions.partner_organizations(user)


def _visible_agreements(user):
    return Agreement.objects.all() if user is None else permissions.visible_agreements(user)


def _can_edit(user, org) -> bool:
    return user is None or permissions.can(user, "edit", org)


def label(agreement: Agreement) -> str:
    return str(agreement)


def check_agreement(user, data: AgreementData, instance: Agreement | None, errors: Errors) -> dict:
    """Check everything; returns the looked-up objects (parent, predecessor, organisations) for the writer."""
    found: dict = {"orgs": {}}
    _check_basics(data, errors)
    party_ids = _check_parties(user, data, instance, errors, found)
    _check_number(data, instance, party_ids, errors, found)
    _check_links(user, data, instance, errors, found)
    if party_ids and not errors.by_field.get("period_end_year"):
        _check_overlap(data, instance, party_ids, errors)
    _check_structure(data, errors)
    if data.tasks is not None:
        areas = (
            len(data.content_areas)
            if data.content_areas is not None
            else (instance.content_areas.count() if instance else 0)
        )
        for i, task in enumerate(data.tasks):
            check_task(task, party_ids, areas, data, errors, f"tasks.{i}.", found)
    return found


def _check_basics(data: AgreementData, errors: Errors) -> None:
    if data.kind not in AgreementKind.values:
        errors.add(
            "kind",
            "Loại văn bản không hợp lệ: chọn chương trình, quy chế, chương trình liên tịch hoặc kế hoạch.",
        )
    if not (data.title or "").strip():
        errors.add("title", "Chưa nhập trích yếu (nội dung tóm tắt của văn bản).")
    start, end = data.period_start_year, data.period_end_year
    for name, year in (("period_start_year", start), ("period_end_year", end)):
        if not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
            errors.add(name, f"Năm phải là số có 4 chữ số, từ {MIN_YEAR} đến {MAX_YEAR}.")
    if errors.by_field.get("period_start_year") or errors.by_field.get("period_end_year"):
        return
    if end < start:
        errors.add(
            "period_end_year",
            f"Giai đoạn kết thúc năm {end}, trước năm bắt đầu {start}: năm kết thúc phải từ {start} trở đi.",
        )
    elif data.kind == AgreementKind.ANNUAL_PLAN and end != start:
        errors.add(
            "period_end_year", "Kế hoạch phối hợp hằng năm chỉ gồm một năm: năm kết thúc bằng năm bắt đầu."
        )
    if data.signed_date and data.signed_date.year > end:
        errors.add(
            "signed_date",
            f"Ngày ký {vn_date(data.signed_date)} sau khi giai đoạn {start}-{end} đã kết thúc.",
        )


def _check_parties(user, data: AgreementData, instance, errors: Errors, found: dict) -> set[int]:
    if data.parties is None:
        return set(instance.party_links.values_list("organization_id", flat=True)) if instance else set()
    ids = [p.organization_id for p in data.parties]
    allowed = set(_partners(user).filter(pk__in=ids).values_list("pk", flat=True))
    if instance is not None:
        allowed |= set(instance.party_links.values_list("organization_id", flat=True))
    orgs = {o.pk: o for o in Organization.objects.filter(pk__in=allowed)}
    found["orgs"].update(orgs)
    seen: set[int] = set()
    for i, party in enumerate(data.parties):
        key = f"parties.{i}."
        org = orgs.get(party.organization_id)
        if org is None:
            errors.add(
                key + "organization", "Không tìm thấy đơn vị này trong danh sách đơn vị bạn được chọn."
            )
            continue
        if org.pk in seen:
            errors.add(key + "organization", f"{org} đã có trong danh sách các bên; mỗi bên chỉ ghi một lần.")
        seen.add(org.pk)
        if party.signing_prefix not in SigningPrefix.values:
            errors.add(
                key + "signing_prefix", "Hình thức ký không hợp lệ (TM., KT., Q., TL., TUQ. hoặc để trống)."
            )
    if len(seen) < 2:
        errors.add(
            "parties",
            f"Văn bản phối hợp cần ít nhất hai bên ký kết (ví dụ UBND và LĐLĐ); mới có {len(seen)} bên.",
        )
    if sum(1 for p in data.parties if p.is_lead) > 1:
        errors.add("parties", "Chỉ một bên là cơ quan chủ trì.")
    if seen and not any(_can_edit(user, orgs[pk]) for pk in seen):
        errors.add("parties", "Ít nhất một bên ký kết phải là đơn vị bạn được quyền cập nhật số liệu.")
    return seen


def _check_number(data: AgreementData, instance, party_ids: set[int], errors: Errors, found: dict) -> None:
    if not (data.number or "").strip():
        found["number"] = None
        return
    try:
        parsed = numbers.parse(data.number, data.kind)
    except ValidationError as exc:
        for message in exc.messages:
            errors.add("number", message)
        return
    found["number"] = parsed
    errors.warnings.extend(parsed.warnings)
    year = data.signed_date.year if data.signed_date else data.period_start_year
    clash = (
        Agreement.objects.filter(number=parsed.text, parties__in=party_ids)
        .filter(Q(signed_date__year=year) | Q(signed_date__isnull=True, period_start_year=year))
        .exclude(pk=getattr(instance, "pk", None))
        .first()
    )
    if clash:
        errors.add(
            "number",
            f"Số ký hiệu {parsed.text} đã dùng cho {label(clash)} trong năm {year}; "
            "mỗi số, ký hiệu chỉ dùng một lần trong năm.",
        )
    abbreviations = {o.abbreviation for pk, o in found["orgs"].items() if pk in party_ids and o.abbreviation}
    missing = sorted(a for a in abbreviations if a not in parsed.issuers)
    if missing and len(parsed.issuers) > 0:
        errors.warnings.append(
            f"Số ký hiệu {parsed.text} không có chữ viết tắt của bên ký {', '.join(missing)}; kiểm tra lại."
        )


def _walk(start: Agreement, attribute: str, self_pk) -> list[Agreement] | None:
    """Follow parent/predecessor links from `start`; the path if it comes back to `self_pk`, else None."""
    path, seen, current = [start], {start.pk}, start
    while True:
        next_id = getattr(current, f"{attribute}_id")
        if next_id is None:
            return None
        if next_id == self_pk:
            return path
        if next_id in seen:
            return None  # an older loop elsewhere: not made by this change
        current = Agreement.objects.only(
            "pk", attribute, "number", "kind", "period_start_year", "period_end_year"
        ).get(pk=next_id)
        seen.add(current.pk)
        path.append(current)


def _check_links(user, data: AgreementData, instance, errors: Errors, found: dict) -> None:
    visible = _visible_agreements(user)
    self_pk = getattr(instance, "pk", None)
    for attribute, field_label in (("parent", "văn bản cấp trên"), ("predecessor", "văn bản được thay thế")):
        target_id = getattr(data, f"{attribute}_id")
        found[attribute] = None
        if not target_id:
            continue
        target = visible.filter(pk=target_id).first()
        if target is None:
            errors.add(attribute, f"Không tìm thấy {field_label} đã chọn.")
            continue
        if self_pk and target.pk == self_pk:
            errors.add(attribute, f"Văn bản không thể là {field_label} của chính nó.")
            continue
        loop = _walk(target, attribute, self_pk) if self_pk else None
        if loop:
            names = " → ".join(a.number or a.get_kind_display() for a in [instance, *loop, instance])
            errors.add(attribute, f"Chọn {field_label} này sẽ tạo vòng lặp: {names}.")
            continue
        found[attribute] = target
    predecessor = found.get("predecessor")
    if predecessor is not None:
        if predecessor.period_start_year > data.period_start_year:
            errors.add(
                "predecessor",
                f"{label(predecessor)} bắt đầu sau văn bản này; văn bản được thay thế phải có trước.",
            )
        other = predecessor.successors.exclude(pk=self_pk).first()
        if other is not None:
            errors.add("predecessor", f"{label(predecessor)} đã được thay thế bằng {label(other)}.")
    parent = found.get("parent")
    if parent is not None and (
        data.period_start_year > parent.period_end_year or data.period_end_year < parent.period_start_year
    ):
        errors.warnings.append(
            f"Giai đoạn {data.period_start_year}-{data.period_end_year} nằm ngoài giai đoạn của văn bản cấp trên "
            f"{label(parent)}."
        )


def _check_overlap(data: AgreementData, instance, party_ids: set[int], errors: Errors) -> None:
    self_pk = getattr(instance, "pk", None)
    candidates = (
        Agreement.objects.filter(
            kind=data.kind,
            period_start_year__lte=data.period_end_year,
            period_end_year__gte=data.period_start_year,
            parties__in=party_ids,
        )
        .exclude(pk=self_pk)
        .distinct()
        .prefetch_related("party_links")
    )
    for other in candidates:
        if {link.organization_id for link in other.party_links.all()} != party_ids:
            continue
        if other.pk == data.predecessor_id and data.period_start_year >= other.period_end_year:
            continue  # the handover year of a replacement
        if self_pk and other.predecessor_id == self_pk and other.period_start_year >= data.period_end_year:
            continue
        errors.add(
            "period_start_year",
            f"Đã có {label(other)} giữa đúng các bên này, trùng thời gian với giai đoạn "
            f"{data.period_start_year}-{data.period_end_year}. Nếu văn bản này thay thế văn bản đó, chọn nó ở mục "
            f"'Thay thế văn bản' và bắt đầu từ năm {other.period_end_year} trở đi.",
        )
        return


def _check_structure(data: AgreementData, errors: Errors) -> None:
    if data.content_areas is not None:
        for i, area in enumerate(data.content_areas):
            if not (area.title or "").strip():
                errors.add(f"content_areas.{i}.title", "Chưa nhập tên nội dung phối hợp.")
    has_structure = bool(data.chapters) or bool(data.articles)
    if has_structure and data.kind != AgreementKind.REGULATION:
        errors.add("chapters", "Chỉ quy chế phối hợp mới chia thành chương, điều.")
        return
    chapter_numbers: set[int] = set()
    for i, chapter in enumerate(data.chapters or []):
        if not isinstance(chapter.number, int) or chapter.number < 1:
            errors.add(f"chapters.{i}.number", "Số chương phải là số nguyên từ 1.")
        elif chapter.number in chapter_numbers:
            errors.add(f"chapters.{i}.number", f"Chương {chapter.number} bị trùng.")
        chapter_numbers.add(chapter.number)
        if not (chapter.title or "").strip():
            errors.add(f"chapters.{i}.title", "Chưa nhập tên chương.")
    article_numbers: set[int] = set()
    for i, article in enumerate(data.articles or []):
        if not isinstance(article.number, int) or article.number < 1:
            errors.add(f"articles.{i}.number", "Số điều phải là số nguyên từ 1.")
        elif article.number in article_numbers:
            errors.add(f"articles.{i}.number", f"Điều {article.number} bị trùng; các điều đánh số liên tục.")
        article_numbers.add(article.number)
        if not (article.title or "").strip():
            errors.add(f"articles.{i}.title", "Chưa nhập tên điều.")
        if article.chapter is not None and article.chapter not in chapter_numbers:
            errors.add(f"articles.{i}.chapter", f"Không có chương {article.chapter} trong quy chế.")


def check_task(
    task: TaskData,
    party_ids: set[int],
    content_area_count: int,
    period: AgreementData | Agreement,
    errors: Errors,
    prefix: str = "",
    found: dict | None = None,
) -> None:
    """A task's lead and co-operating units must be parties or units under a party."""
    found = found if found is not None else {"orgs": {}}
    if not (task.title or "").strip():
        errors.add(prefix + "title", "Chưa nhập tên nhiệm vụ.")
    if task.frequency not in TaskFrequency.values:
        errors.add(prefix + "frequency", "Tần suất không hợp lệ.")
    if task.status not in TaskStatus.values:
        errors.add(prefix + "status", "Trạng thái không hợp lệ.")
    if task.frequency == TaskFrequency.ONCE and not task.deadline:
        errors.add(prefix + "deadline", "Nhiệm vụ thực hiện một lần cần có thời hạn; hoặc chọn tần suất.")
    if task.deadline and not (
        period.period_start_year - 1 <= task.deadline.year <= period.period_end_year + 1
    ):
        errors.add(
            prefix + "deadline",
            f"Thời hạn {vn_date(task.deadline)} nằm ngoài giai đoạn "
            f"{period.period_start_year}-{period.period_end_year} của văn bản.",
        )
    if task.content_area is not None and not 1 <= task.content_area <= content_area_count:
        errors.add(
            prefix + "content_area",
            f"Văn bản có {content_area_count} nội dung phối hợp; không có nội dung số {task.content_area}.",
        )
    party_paths = (
        [o.path for o in Organization.objects.filter(pk__in=party_ids).only("path")] if party_ids else []
    )
    wanted = {task.lead_id, *task.cooperating_ids}
    orgs = {o.pk: o for o in Organization.objects.filter(pk__in=wanted)}
    found["orgs"].update(orgs)

    def inside(org_id) -> bool:
        org = orgs.get(org_id)
        return org is not None and any(org.path.startswith(p) for p in party_paths)

    if not inside(task.lead_id):
        errors.add(prefix + "lead", "Đơn vị chủ trì phải là một bên ký kết hoặc đơn vị trực thuộc một bên.")
    if any(not inside(pk) for pk in task.cooperating_ids):
        errors.add(
            prefix + "cooperating", "Đơn vị phối hợp phải là một bên ký kết hoặc đơn vị trực thuộc một bên."
        )
    if task.lead_id in task.cooperating_ids:
        errors.add(prefix + "cooperating", "Đơn vị chủ trì không ghi lại ở mục phối hợp.")
