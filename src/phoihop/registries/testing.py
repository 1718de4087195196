"""Builders for registry test and demo data: plain functions, one record each, no fixture files."""

from __future__ import annotations

import datetime as dt
import itertools

from stdnum.vn import mst

from phoihop.core.testing import make_org
from phoihop.orgs.choices import OrgKind, OrgLevel, Ownership

from .choices import (
    CommendationForm,
    EducationKind,
    InspectionKind,
    Occasion,
    RecipientKind,
    RecognitionKind,
    RecognitionLevel,
    SupportKind,
    WorkplaceKind,
)
from .models import (
    Commendation,
    CommendationRecipient,
    DedicatedWork,
    EducationSession,
    GiftProgramme,
    Initiative,
    Inspection,
    Loan,
    Movement,
    MovementParticipant,
    Recognition,
    SkillsContest,
    Support,
    WorkplaceYear,
)

_seq = itertools.count(1)


def valid_tax_code(seed: int) -> str:
    """A 10-digit enterprise tax code (MST) with a correct check digit, different for each seed."""
    for n in itertools.count(seed * 7 + 1000001):
        body = f"01{n % 10_000_000:07d}"
        check = mst.calc_check_digit(body)
        if len(check) == 1:
            return body + check
    raise AssertionError("unreachable")


def make_enterprise(parent, name: str | None = None, ownership: str = Ownership.PRIVATE, **fields):
    n = next(_seq)
    fields.setdefault("tax_code", valid_tax_code(n))
    return make_org(
        name or f"Công ty TNHH Thử nghiệm {n}",
        kind=OrgKind.ENTERPRISE,
        level=OrgLevel.GRASSROOTS,
        parent=parent,
        ownership=ownership,
        **fields,
    )


def make_movement(
    org, name: str = "Lao động giỏi, lao động sáng tạo", start=dt.date(2017, 1, 1), end=None, **f
):
    return Movement.objects.create(
        name=name, launched_by=org, level=org.level, start_date=start, end_date=end, **f
    )


def make_participant(movement, org, target: int | None = None, cluster: str = ""):
    return MovementParticipant.objects.create(
        movement=movement, organization=org, target_initiatives=target, cluster=cluster
    )


def make_initiative(unit, title: str | None = None, level: str = RecognitionLevel.GRASSROOTS, **fields):
    fields.setdefault("recognised_date", dt.date(2019, 5, 10) if level else None)
    return Initiative.objects.create(
        title=title or f"Cải tiến quy trình số {next(_seq)}",
        authors=fields.pop("authors", "Nguyễn Văn An; Trần Thị Bình"),
        unit=unit,
        recognition_level=level,
        **fields,
    )


def make_recognition(
    unit, kind: str = RecognitionKind.GOOD_WORKER, level: str = RecognitionLevel.GRASSROOTS, **f
):
    f.setdefault("recognised_date", dt.date(2019, 4, 28))
    return Recognition.objects.create(
        kind=kind, person_name=f.pop("person_name", f"Lê Văn Cường {next(_seq)}"), unit=unit, level=level, **f
    )


def make_contest(org, participants: int = 50, **f):
    return SkillsContest.objects.create(
        title=f.pop("title", f"Hội thi thợ giỏi {next(_seq)}"),
        organiser=org,
        held_date=f.pop("held_date", dt.date(2019, 9, 20)),
        level=f.pop("level", RecognitionLevel.GRASSROOTS),
        participants=participants,
        **f,
    )


def make_work(unit, **f):
    return DedicatedWork.objects.create(
        name=f.pop("name", f"Công trình nhà văn hóa số {next(_seq)}"),
        unit=unit,
        occasion=f.pop("occasion", "Chào mừng Đại hội Công đoàn các cấp"),
        dedicated_date=f.pop("dedicated_date", dt.date(2013, 7, 28)),
        **f,
    )


def make_commendation(keeper, issuer, form: str = CommendationForm.GIAY_KHEN, **f):
    return Commendation.objects.create(
        organization=keeper,
        issuer=issuer,
        form=form,
        decision_number=f.pop("decision_number", f"{next(_seq)}/QĐ-UBND"),
        decision_date=f.pop("decision_date", dt.date(2020, 9, 15)),
        reason=f.pop("reason", "Đã có thành tích trong thực hiện chương trình phối hợp giai đoạn 2017-2020"),
        **f,
    )


def make_recipient(commendation, org, kind: str = RecipientKind.COLLECTIVE, **f):
    if kind == RecipientKind.INDIVIDUAL:
        f.setdefault("person_name", f"Phạm Thị Dung {next(_seq)}")
    return CommendationRecipient.objects.create(commendation=commendation, organization=org, kind=kind, **f)


def make_programme(org, **f):
    return GiftProgramme.objects.create(
        name=f.pop("name", f"Tết Sum vầy {next(_seq)}"),
        organiser=org,
        occasion=f.pop("occasion", Occasion.TET),
        start_date=f.pop("start_date", dt.date(2021, 1, 15)),
        end_date=f.pop("end_date", dt.date(2021, 2, 10)),
        **f,
    )


def make_support(org, kind: str = SupportKind.GIFT, amount: int = 500_000, **f):
    f.setdefault("beneficiary", "Đoàn viên có hoàn cảnh khó khăn")
    if kind == SupportKind.CHARITY_KITCHEN:
        f.setdefault("meals", 100)
    if kind == SupportKind.DONATION:
        f.setdefault("fund", "Quỹ vắc xin phòng Covid-19")
    return Support.objects.create(
        organization=org, kind=kind, amount_vnd=amount, date=f.pop("date", dt.date(2021, 2, 1)), **f
    )


def make_loan(lender, borrower, amount: int = 100_000_000, **f):
    return Loan.objects.create(
        lender=lender,
        borrower=borrower,
        amount_vnd=amount,
        disbursed_date=f.pop("disbursed_date", dt.date(2014, 3, 1)),
        term_months=f.pop("term_months", 24),
        **f,
    )


def make_workplace_year(org, year: int = 2019, held: bool = True, **f):
    f.setdefault("workplace_kind", WorkplaceKind.ENTERPRISE)
    return WorkplaceYear.objects.create(
        organization=org, year=year, conference_date=dt.date(year, 3, 15) if held else None, **f
    )


def make_session(org, participants: int = 100, **f):
    return EducationSession.objects.create(
        organization=org,
        date=f.pop("date", dt.date(2021, 10, 5)),
        kind=f.pop("kind", EducationKind.LEGAL),
        topic=f.pop("topic", f"Tuyên truyền Bộ luật Lao động năm 2019 (đợt {next(_seq)})"),
        participants=participants,
        **f,
    )


def make_inspection(org, **f):
    return Inspection.objects.create(
        organization=org,
        date=f.pop("date", dt.date(2019, 6, 12)),
        kind=f.pop("kind", InspectionKind.CHECK),
        team=f.pop("team", "Đoàn kiểm tra liên ngành LĐLĐ quận – Phòng Lao động – Thương binh và Xã hội"),
        **f,
    )
