"""Descriptors of the welfare registries: gift programmes, support and donations, loans."""

from __future__ import annotations

from django.utils.translation import gettext_noop

from phoihop.core.formatting import vn_date, vn_number

from ..choices import SupportKind
from ..models import GiftProgramme, Loan, Support
from ..registry import Column as C
from ..registry import Registry, register

GROUP = gettext_noop("Chăm lo, hỗ trợ")


def validate_programme(values, instance, ctx):
    start, end = values.get("start_date"), values.get("end_date")
    if start and end and end < start:
        return {"end_date": "Ngày kết thúc phải sau ngày bắt đầu."}
    return {}


register(
    Registry(
        slug="chuong-trinh-tang-qua",
        model=GiftProgramme,
        title=gettext_noop("Chương trình tặng quà, hỗ trợ"),
        item=gettext_noop("chương trình"),
        group=GROUP,
        order=70,
        description=gettext_noop("Chương trình tặng quà Tết, Tháng Công nhân, hỗ trợ phòng chống dịch …"),
        columns=[
            C("name", width=40),
            C("organiser", orgs="edit", width=30),
            C("occasion"),
            C("start_date"),
            C("end_date"),
            C("budget_vnd"),
            C("note"),
        ],
        list_columns=["name", "organiser", "occasion", "start_date", "end_date", "budget_vnd"],
        scope="organiser",
        natural_key=("organiser", "name"),
        filters=["occasion", "organiser"],
        date_field="start_date",
        validate=validate_programme,
        select_related=("organiser",),
    )
)


def validate_support(values, instance, ctx):
    errors = {}
    kind, day, programme = values.get("kind"), values.get("date"), values.get("programme")
    if programme is not None and day and not (programme.start_date <= day <= programme.end_date):
        errors["date"] = (
            f"Ngày {vn_date(day)} nằm ngoài thời gian của chương trình «{programme.name}» "
            f"({vn_date(programme.start_date)} – {vn_date(programme.end_date)})."
        )
    if kind == SupportKind.CHARITY_KITCHEN and not values.get("meals"):
        errors["meals"] = "Bếp yêu thương: ghi số suất ăn đã phục vụ."
    if kind == SupportKind.DONATION and not values.get("fund"):
        errors["fund"] = "Ủng hộ quỹ: ghi tên quỹ được ủng hộ."
    if kind == SupportKind.SHELTER and not values.get("beneficiary"):
        errors["beneficiary"] = "Mái ấm công đoàn: ghi họ tên đoàn viên được hỗ trợ."
    if values.get("beneficiaries") == 0:
        errors["beneficiaries"] = "Số suất, số người nhận phải từ 1 trở lên."
    return errors


register(
    Registry(
        slug="cham-lo",
        model=Support,
        title=gettext_noop("Chăm lo, hỗ trợ, ủng hộ"),
        item=gettext_noop("hoạt động chăm lo"),
        group=GROUP,
        order=71,
        description=gettext_noop(
            "Tặng quà, trợ cấp tai nạn lao động, bệnh nghề nghiệp, khó khăn; mái ấm công đoàn; "
            "bếp yêu thương, chợ phiên 0 đồng; ủng hộ các quỹ."
        ),
        columns=[
            C("kind"),
            C("organization", orgs="edit", width=30),
            C("programme", ref="programme", width=30),
            C("date"),
            C("beneficiary", width=30),
            C("beneficiary_unit", width=30),
            C("beneficiaries"),
            C("amount_vnd"),
            C("meals"),
            C("fund"),
            C("note"),
        ],
        list_columns=["kind", "organization", "date", "beneficiary", "beneficiaries", "amount_vnd", "meals"],
        scope="organization",
        natural_key=("organization", "kind", "date", "beneficiary", "programme", "fund"),
        filters=["kind", "programme", "organization"],
        date_field="date",
        indicators=("gifts_count", "gifts_vnd", "union_shelters", "meals_served", "donations_vnd"),
        validate=validate_support,
        select_related=("organization", "programme"),
    )
)


def validate_loan(values, instance, ctx):
    errors = {}
    amount, repaid = values.get("amount_vnd"), values.get("repaid_vnd") or 0
    if amount == 0:
        errors["amount_vnd"] = "Số tiền vay phải lớn hơn 0."
    if amount and repaid > amount:
        errors["repaid_vnd"] = (
            f"Số đã trả ({vn_number(repaid)} đồng) vượt số tiền vay ({vn_number(amount)} đồng): "
            "kiểm tra lại số đã trả."
        )
    if not values.get("borrower") and not values.get("borrower_name"):
        errors["borrower"] = "Ghi công đoàn cơ sở vay hoặc họ tên người vay."
    if values.get("term_months") == 0:
        errors["term_months"] = "Thời hạn vay phải từ 1 tháng trở lên."
    last, disbursed = values.get("last_repayment_date"), values.get("disbursed_date")
    if last and disbursed and last < disbursed:
        errors["last_repayment_date"] = "Ngày trả không được trước ngày giải ngân."
    return errors


def loan_extras(loan) -> list[tuple[str, str]]:
    return [
        ("Hạn trả", vn_date(loan.due_date)),
        ("Còn nợ", f"{vn_number(loan.outstanding_vnd)} đ"),
        ("Tình trạng", str(loan.status_label)),
    ]


register(
    Registry(
        slug="cho-vay",
        model=Loan,
        title=gettext_noop("Cho vay vốn"),
        item=gettext_noop("khoản vay"),
        group=GROUP,
        order=72,
        description=gettext_noop(
            "Khoản vay từ quỹ của LĐLĐ cho công đoàn cơ sở, đoàn viên: số tiền, thời hạn, trả nợ."
        ),
        columns=[
            C("lender", orgs="edit", width=30),
            C("borrower", width=30),
            C("borrower_name"),
            C("amount_vnd"),
            C("disbursed_date"),
            C("term_months"),
            C("repaid_vnd"),
            C("last_repayment_date"),
            C("purpose", width=30),
        ],
        list_columns=[
            "borrower",
            "borrower_name",
            "amount_vnd",
            "disbursed_date",
            "term_months",
            "repaid_vnd",
        ],
        scope="lender",
        natural_key=("lender", "borrower", "borrower_name", "disbursed_date"),
        filters=["lender"],
        date_field="disbursed_date",
        indicators=("loans_vnd",),
        validate=validate_loan,
        extras=loan_extras,
        select_related=("lender", "borrower"),
    )
)
