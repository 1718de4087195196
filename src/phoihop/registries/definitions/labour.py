"""Descriptors of the labour-relations registries: workplaces per year, legal education, inspections."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_noop

from phoihop.core.formatting import vn_date, vn_number
from phoihop.orgs.choices import OrgKind, Ownership

from ..choices import WorkplaceKind
from ..models import EducationSession, Inspection, WorkplaceYear
from ..registry import Column as C
from ..registry import Registry, register
from ..rules import tax_code_error

GROUP = gettext_noop("Quan hệ lao động")
WORKPLACE_ORG_KINDS = (
    OrgKind.ENTERPRISE,
    OrgKind.GRASSROOTS_UNION,
    OrgKind.STATE_AGENCY,
    OrgKind.PUBLIC_SERVICE_UNIT,
    OrgKind.DEPARTMENT,
    OrgKind.OTHER,
)


def default_workplace_kind(org) -> str:
    if org.kind in (OrgKind.STATE_AGENCY, OrgKind.DEPARTMENT):
        return WorkplaceKind.STATE_AGENCY
    if org.kind == OrgKind.PUBLIC_SERVICE_UNIT:
        return (
            WorkplaceKind.NON_PUBLIC_UNIT
            if org.ownership == Ownership.PUBLIC_NON_STATE
            else WorkplaceKind.PUBLIC_UNIT
        )
    return WorkplaceKind.ENTERPRISE


def validate_workplace(values, instance, ctx):
    errors = {}
    org, year = values.get("organization"), values.get("year")
    typed_tax = values.get("tax_code")
    if typed_tax:
        errors["tax_code"] = tax_code_error(typed_tax)
        if not errors["tax_code"] and org is not None and org.tax_code and org.tax_code != typed_tax:
            errors["tax_code"] = f"Mã số thuế «{typed_tax}» khác mã số thuế của {org.name} ({org.tax_code})."
    if org is not None and org.tax_code and not errors.get("tax_code"):
        stored = tax_code_error(org.tax_code)
        if stored:
            errors["organization"] = f"{org.name}: {stored} Sửa mã số thuế trong danh mục tổ chức."
    if year and year > timezone.localdate().year:
        errors["year"] = f"Năm {year} chưa đến."
    if year:
        held = values.get("conference_date")
        if held and held.year != year:
            errors["conference_date"] = f"Ngày hội nghị {vn_date(held)} không thuộc năm {year}."
        outside = [d for d in values.get("dialogue_dates") or [] if d.year != year]
        if outside:
            errors["dialogue_dates"] = f"Ngày đối thoại {vn_date(outside[0])} không thuộc năm {year}."
        founded = values.get("union_founded_date")
        if founded and founded.year > year:
            errors["union_founded_date"] = f"Công đoàn cơ sở thành lập sau năm {year}."
    signed, term, scope = values.get("cla_signed_date"), values.get("cla_term_years"), values.get("cla_scope")
    if term is not None and not 1 <= term <= 3:
        errors["cla_term_years"] = (
            "Thỏa ước lao động tập thể có thời hạn từ 1 đến 3 năm (Bộ luật Lao động, Điều 78)."
        )
    elif signed and (term is None or not scope):
        errors["cla_term_years" if term is None else "cla_scope"] = (
            "Đã ký thỏa ước thì ghi thời hạn (1–3 năm) và loại thỏa ước."
        )
    elif (term or scope) and not signed:
        errors["cla_signed_date"] = "Ghi ngày ký thỏa ước (hoặc xóa thời hạn, loại thỏa ước)."
    employees, members = values.get("employees"), values.get("union_members")
    if employees is not None and members is not None and members > employees:
        errors["union_members"] = (
            f"Số đoàn viên ({vn_number(members)}) nhiều hơn số lao động ({vn_number(employees)})."
        )
    if members and not values.get("has_union"):
        errors["has_union"] = "Có đoàn viên thì đánh dấu «Có công đoàn cơ sở»."
    payroll, due = values.get("payroll_vnd"), values.get("union_fee_due_vnd")
    expected = WorkplaceYear.fee_due(payroll)
    if expected is not None and due is not None and abs(due - expected) > 1:
        errors["union_fee_due_vnd"] = (
            f"Kinh phí công đoàn phải nộp bằng 2% quỹ lương đóng BHXH = {vn_number(expected)} đồng, "
            f"không phải {vn_number(due)} đồng (để trống ô này để tự tính)."
        )
    return {k: v for k, v in errors.items() if v}


def workplace_extras(obj) -> list[tuple[str, str]]:
    arrears = obj.union_fee_arrears_vnd
    return [
        ("Hội nghị NLĐ / CBCCVC", "Đã tổ chức" if obj.conference_held else "Chưa tổ chức"),
        ("Số lần đối thoại", str(obj.dialogue_count)),
        ("Kinh phí công đoàn còn nợ", "–" if arrears is None else f"{vn_number(arrears)} đ"),
    ]


def derive_workplace(obj, values, ctx):
    if not obj.workplace_kind and obj.organization_id:
        obj.workplace_kind = default_workplace_kind(obj.organization)
    if obj.union_fee_due_vnd is None and obj.payroll_vnd is not None:
        obj.union_fee_due_vnd = WorkplaceYear.fee_due(obj.payroll_vnd)


register(
    Registry(
        slug="quan-he-lao-dong",
        model=WorkplaceYear,
        title=gettext_noop("Quan hệ lao động theo năm"),
        item=gettext_noop("hồ sơ quan hệ lao động"),
        group=GROUP,
        order=80,
        description=gettext_noop(
            "Mỗi doanh nghiệp, cơ quan mỗi năm: lao động, công đoàn cơ sở, hội nghị người lao động / "
            "CBCCVC, đối thoại, thỏa ước, kinh phí công đoàn phải nộp (2% quỹ lương BHXH) và đã nộp."
        ),
        columns=[
            C("organization", orgs="edit", org_kinds=WORKPLACE_ORG_KINDS, width=36),
            C(
                "tax_code",
                label=gettext_noop("Mã số thuế"),
                kind="text",
                virtual=True,
                max_length=14,
                width=16,
                source="organization__tax_code",
                help=gettext_noop("Để đối chiếu với danh mục tổ chức; kiểm tra chữ số kiểm tra"),
            ),
            C("year"),
            C("workplace_kind", required=False),
            C("employees"),
            C("has_union"),
            C("union_members"),
            C("members_recruited"),
            C("union_founded_date"),
            C("conference_required"),
            C("conference_date"),
            C("dialogue_dates", width=26, help=gettext_noop("Nhiều ngày cách nhau bằng dấu ;")),
            C("cla_signed_date"),
            C("cla_term_years"),
            C("cla_scope"),
            C("payroll_vnd"),
            C("union_fee_due_vnd"),
            C("union_fee_paid_vnd"),
            C("note"),
        ],
        list_columns=[
            "organization",
            "year",
            "employees",
            "has_union",
            "conference_date",
            "cla_signed_date",
            "union_fee_due_vnd",
            "union_fee_paid_vnd",
        ],
        scope="organization",
        natural_key=("organization", "year"),
        filters=["workplace_kind", "has_union", "organization"],
        date_field="year",
        indicators=(
            "workers_conference_rate",
            "public_employee_conference_rate",
            "democracy_conference_rate",
            "workplace_dialogue_rate",
            "collective_agreements_signed",
            "members_recruited",
            "grassroots_unions_founded",
            "union_fee_due_vnd",
            "union_fee_collected_vnd",
        ),
        validate=validate_workplace,
        derive=derive_workplace,
        extras=workplace_extras,
        select_related=("organization",),
    )
)


def validate_session(values, instance, ctx):
    day = values.get("date")
    errors = {}
    if day and day > timezone.localdate():
        errors["date"] = f"Ngày {vn_date(day)} là ngày trong tương lai."
    if values.get("participants") == 0:
        errors["participants"] = "Số người tham gia phải từ 1 trở lên."
    return errors


register(
    Registry(
        slug="tuyen-truyen-phap-luat",
        model=EducationSession,
        title=gettext_noop("Tuyên truyền, phổ biến pháp luật"),
        item=gettext_noop("buổi tuyên truyền"),
        group=GROUP,
        order=81,
        description=gettext_noop(
            "Các buổi tuyên truyền, phổ biến, giáo dục pháp luật, học tập nghị quyết: chủ đề, đối tượng, "
            "số người tham gia."
        ),
        columns=[
            C("organization", orgs="edit", width=30),
            C("date"),
            C("kind"),
            C("topic", width=50),
            C("audience"),
            C("participants"),
            C("partner", width=30),
        ],
        list_columns=["topic", "organization", "date", "kind", "audience", "participants"],
        scope="organization",
        natural_key=("organization", "date", "topic"),
        filters=["kind", "audience", "organization"],
        date_field="date",
        indicators=(
            "legal_education_sessions",
            "legal_education_participants",
            "officials_trained",
            "political_education_participants",
        ),
        validate=validate_session,
        select_related=("organization",),
    )
)


def validate_inspection(values, instance, ctx):
    errors = {}
    day, done = values.get("date"), values.get("follow_up_date")
    if day and day > timezone.localdate():
        errors["date"] = f"Ngày kiểm tra {vn_date(day)} là ngày trong tương lai."
    if day and done and done < day:
        errors["follow_up_date"] = "Ngày khắc phục xong không được trước ngày kiểm tra."
    if values.get("violations_count") and not values.get("violations"):
        errors["violations"] = "Có vi phạm thì ghi nội dung vi phạm."
    return errors


register(
    Registry(
        slug="thanh-tra-kiem-tra",
        model=Inspection,
        title=gettext_noop("Thanh tra, kiểm tra, giám sát"),
        item=gettext_noop("cuộc kiểm tra"),
        group=GROUP,
        order=82,
        description=gettext_noop(
            "Thanh tra, kiểm tra, giám sát việc thực hiện pháp luật lao động: đoàn, kết quả, vi phạm, "
            "kiến nghị và việc khắc phục."
        ),
        columns=[
            C("organization", orgs="edit", width=36),
            C("date"),
            C("kind"),
            C("team", width=30),
            C("findings", width=40),
            C("violations_count"),
            C("violations", width=30),
            C("recommendations", width=30),
            C("follow_up", width=30),
            C("follow_up_status"),
            C("follow_up_date"),
        ],
        list_columns=["organization", "date", "kind", "team", "violations_count", "follow_up_status"],
        scope="organization",
        natural_key=("organization", "date", "kind"),
        filters=["kind", "follow_up_status", "organization"],
        date_field="date",
        indicators=("inspections",),
        validate=validate_inspection,
        select_related=("organization",),
    )
)
