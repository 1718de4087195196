"""Builders for test and demo data: plain functions, no fixture files."""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth import get_user_model

from phoihop.accounts.choices import Role
from phoihop.accounts.models import Membership
from phoihop.orgs.choices import OrgKind, OrgLevel
from phoihop.orgs.models import Organization
from phoihop.programs.choices import AgreementKind
from phoihop.programs.models import Agreement, AgreementParty, ContentArea

_seq = itertools.count(1)


def make_org(
    name: str | None = None,
    kind: str = OrgKind.LABOUR_FEDERATION,
    level: str = OrgLevel.DISTRICT,
    parent: Organization | None = None,
    **fields,
) -> Organization:
    return Organization.objects.create(
        name=name or f"Đơn vị {next(_seq)}", kind=kind, level=level, parent=parent, **fields
    )


def make_user(username: str, org: Organization | None = None, role: str = Role.EDITOR, **fields):
    user = get_user_model().objects.create_user(username=username, password="matkhau-thu-nghiem", **fields)
    if org is not None:
        Membership.objects.create(user=user, organization=org, role=role)
    return user


def make_agreement(
    parties: list[Organization],
    number: str = "",
    kind: str = AgreementKind.PROGRAMME,
    start: int = 2017,
    end: int = 2020,
    signed: dt.date | None = None,
    content_areas: int = 0,
    **fields,
) -> Agreement:
    agreement = Agreement.objects.create(
        kind=kind,
        number=number,
        title=fields.pop("title", "Chương trình phối hợp thử nghiệm"),
        signed_date=signed or dt.date(start, 6, 1),
        period_start_year=start,
        period_end_year=end,
        **fields,
    )
    for i, org in enumerate(parties):
        AgreementParty.objects.create(agreement=agreement, organization=org, order=i, is_lead=i == 0)
    for i in range(content_areas):
        ContentArea.objects.create(agreement=agreement, order=i + 1, title=f"Nội dung {i + 1}")
    return agreement


class World:
    """Three personas on a small tree.

    Alice edits for LĐLĐ quận Hai Bà Trưng; Bob approves at LĐLĐ thành phố Hà Nội (Alice's parent);
    Charlie edits for LĐLĐ huyện Mỹ Đức, a sibling district, and must see nothing of Hai Bà Trưng.
    """

    def __init__(self):
        self.city_union = make_org(
            "Liên đoàn Lao động thành phố Hà Nội", level=OrgLevel.PROVINCE, abbreviation="LĐLĐ"
        )
        self.city_gov = make_org(
            "Ủy ban nhân dân thành phố Hà Nội",
            kind=OrgKind.PEOPLE_COMMITTEE,
            level=OrgLevel.PROVINCE,
            abbreviation="UBND",
        )
        self.hbt_union = make_org(
            "Liên đoàn Lao động quận Hai Bà Trưng", parent=self.city_union, abbreviation="LĐLĐ"
        )
        self.hbt_gov = make_org(
            "Ủy ban nhân dân quận Hai Bà Trưng",
            kind=OrgKind.PEOPLE_COMMITTEE,
            parent=self.city_gov,
            abbreviation="UBND",
        )
        self.md_union = make_org(
            "Liên đoàn Lao động huyện Mỹ Đức", parent=self.city_union, abbreviation="LĐLĐ"
        )
        self.md_gov = make_org(
            "Ủy ban nhân dân huyện Mỹ Đức",
            kind=OrgKind.PEOPLE_COMMITTEE,
            parent=self.city_gov,
            abbreviation="UBND",
        )
        self.hbt_grassroots = make_org(
            "Công đoàn cơ sở Công ty May Hai Bà Trưng",
            kind=OrgKind.GRASSROOTS_UNION,
            level=OrgLevel.GRASSROOTS,
            parent=self.hbt_union,
        )
        self.alice = make_user("alice", self.hbt_union, Role.EDITOR)
        self.bob = make_user("bob", self.city_union, Role.APPROVER)
        self.charlie = make_user("charlie", self.md_union, Role.EDITOR)
        self.admin = get_user_model().objects.create_superuser(
            "root", "root@example.org", "matkhau-thu-nghiem"
        )
        self.city_programme = make_agreement(
            [self.city_gov, self.city_union],
            "145/CTr-UBND-LĐLĐ",
            start=2016,
            end=2020,
            signed=dt.date(2016, 7, 28),
        )
        self.hbt_programme = make_agreement(
            [self.hbt_gov, self.hbt_union],
            "03/CTr-UBND-LĐLĐ",
            start=2017,
            end=2020,
            signed=dt.date(2017, 6, 1),
            parent=self.city_programme,
        )
        self.md_programme = make_agreement(
            [self.md_gov, self.md_union],
            "01/CTr-UBND-LĐLĐ",
            start=2016,
            end=2020,
            signed=dt.date(2016, 5, 20),
            parent=self.city_programme,
        )


def shared_dir():
    """The project's shared folder (seed articles, annotated gold): $PHOIHOP_SHARED, else beside the checkout."""
    import os
    from pathlib import Path

    if os.environ.get("PHOIHOP_SHARED"):
        return Path(os.environ["PHOIHOP_SHARED"])
    checkout = Path(__file__).resolve().parents[3]
    for candidate in (checkout.parent / "shared", checkout / "shared", Path("/work/shared")):
        if (candidate / "seeds").is_dir():
            return candidate
    return checkout.parent / "shared"
