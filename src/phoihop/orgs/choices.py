"""Choices for administrative units and organisations (names from the project glossary)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitLevel(models.TextChoices):
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện")
    COMMUNE = "commune", _("Cấp xã")


class OrgKind(models.TextChoices):
    PEOPLE_COMMITTEE = "people_committee", _("Ủy ban nhân dân")
    DEPARTMENT = "department", _("Sở, ngành, phòng, ban")
    PEOPLES_COUNCIL = "peoples_council", _("Hội đồng nhân dân")
    NATIONAL_FEDERATION = "national_federation", _("Tổng Liên đoàn Lao động Việt Nam")
    LABOUR_FEDERATION = "labour_federation", _("Liên đoàn Lao động")
    SECTORAL_UNION = "sectoral_union", _("Công đoàn ngành")
    UPPER_LEVEL_UNION = "upper_level_union", _("Công đoàn cấp trên trực tiếp cơ sở")
    REGIONAL_UNION = "regional_union", _("Công đoàn xã, phường, đặc khu / khu vực")
    GRASSROOTS_UNION = "grassroots_union", _("Công đoàn cơ sở")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    STATE_AGENCY = "state_agency", _("Cơ quan hành chính")
    PUBLIC_SERVICE_UNIT = "public_service_unit", _("Đơn vị sự nghiệp")
    PARTY_COMMITTEE = "party_committee", _("Cấp ủy Đảng")
    OTHER = "other", _("Tổ chức khác")


GOVERNMENT_KINDS = {OrgKind.PEOPLE_COMMITTEE, OrgKind.DEPARTMENT, OrgKind.PEOPLES_COUNCIL}
UNION_KINDS = {
    OrgKind.NATIONAL_FEDERATION,
    OrgKind.LABOUR_FEDERATION,
    OrgKind.SECTORAL_UNION,
    OrgKind.UPPER_LEVEL_UNION,
    OrgKind.REGIONAL_UNION,
    OrgKind.GRASSROOTS_UNION,
}


class OrgLevel(models.TextChoices):
    NATIONAL = "national", _("Trung ương")
    PROVINCE = "province", _("Cấp tỉnh, thành phố")
    DISTRICT = "district", _("Cấp quận, huyện")
    COMMUNE = "commune", _("Cấp xã, phường")
    GRASSROOTS = "grassroots", _("Cơ sở")


class Ownership(models.TextChoices):
    STATE = "state", _("Nhà nước")
    PRIVATE = "private", _("Ngoài nhà nước")
    FOREIGN = "foreign", _("Có vốn đầu tư nước ngoài (FDI)")
    PUBLIC_NON_STATE = "non_public", _("Ngoài công lập")
