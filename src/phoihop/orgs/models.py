"""Administrative units (old and new) and the organisations that sit on them."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import TimeStamped
from phoihop.core.text import fold

from .choices import OrgKind, OrgLevel, Ownership, UnitLevel

PATH_STEP = 6  # width of one segment of Organization.path: up to 999,999 children per parent


class AdminUnitQuerySet(models.QuerySet):
    def search(self, query: str) -> AdminUnitQuerySet:
        """Diacritic-insensitive: every word must start a word of the unit's name or of its province's name."""
        words = fold(query).split()
        if not words:
            return self.none()
        condition = Q()
        for word in words:
            condition &= word_prefix_q("name_folded", word) | word_prefix_q("province__name_folded", word)
        return self.filter(condition)

    def current(self) -> AdminUnitQuerySet:
        return self.filter(is_legacy=False)

    def legacy(self) -> AdminUnitQuerySet:
        return self.filter(is_legacy=True)


# What officials type for the words every other unit name carries ("cđcs", "ldld", "ubnd"), folded: such a word
# matches the abbreviation as written in a name or the words it stands for.
ABBREVIATIONS = {
    "cdcs": "cong doan co so",
    "cd": "cong doan",
    "ldld": "lien doan lao dong",
    "tld": "tong lien doan",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "ctcp": "cong ty co phan",
    "cty": "cong ty",
    "htx": "hop tac xa",
    "bv": "benh vien",
    "thcs": "trung hoc co so",
    "thpt": "trung hoc pho thong",
    "mn": "mam non",
}


def word_prefix_q(field: str, word: str) -> Q:
    """`word` starts a word of the folded text in `field` ("ba" matches "hai ba trung", not "bach mai")."""
    return Q(**{f"{field}__startswith": word}) | Q(**{f"{field}__contains": " " + word})


class AdminUnit(models.Model):
    """An official province, district or commune, current (after 1/7/2025) or legacy (before it)."""

    code = models.CharField(
        _("mã"), max_length=16, help_text=_("Mã hành chính: tỉnh 2 số, huyện 3 số, xã 5 số")
    )
    name = models.CharField(_("tên"), max_length=120, help_text=_("Tên chính thức, ví dụ: Quận Hai Bà Trưng"))
    short_name = models.CharField(
        _("tên riêng"), max_length=120, blank=True, help_text=_("Ví dụ: Hai Bà Trưng")
    )
    division_type = models.CharField(
        _("loại"),
        max_length=40,
        help_text=_("tỉnh, thành phố trực thuộc trung ương, quận, huyện, xã, phường …"),
    )
    level = models.CharField(_("cấp"), max_length=10, choices=UnitLevel.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    province = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("tỉnh, thành phố"),
        help_text=_("Đơn vị cấp tỉnh chứa đơn vị này (trống với chính cấp tỉnh)"),
    )
    is_legacy = models.BooleanField(_("đơn vị cũ (trước 01/7/2025)"), default=False)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    name_folded = models.CharField(max_length=200, db_index=True, editable=False)
    successors = models.ManyToManyField(
        "self", through="AdminUnitSuccession", symmetrical=False, related_name="predecessors", blank=True
    )

    objects = AdminUnitQuerySet.as_manager()

    class Meta:
        ordering = ["is_legacy", "level", "name"]
        constraints = [
            models.UniqueConstraint(fields=["code", "level", "is_legacy"], name="adminunit_code_unique")
        ]
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)

    @property
    def label(self) -> str:
        """ "Phường Bạch Mai, Quận Hai Bà Trưng, Thành phố Hà Nội (cũ)": the name with the units above it."""
        parts = [self.name]
        if self.parent_id:
            parts.append(self.parent.name)
            if self.province_id and self.province_id != self.parent_id:
                parts.append(self.province.name)
        label = ", ".join(parts)
        return f"{label} (cũ)" if self.is_legacy else label

    def current_units(self) -> list[AdminUnit]:
        """The units of today that cover this (legacy) unit, following the old→new mapping."""
        if not self.is_legacy:
            return [self]
        return list(self.successors.select_related("parent").order_by("level", "name"))


class AdminUnitSuccession(models.Model):
    """Old→new mapping from the 2025 reform: many-to-many, with partly merged units flagged."""

    old = models.ForeignKey(AdminUnit, on_delete=models.CASCADE, related_name="succession_to")
    new = models.ForeignKey(AdminUnit, on_delete=models.CASCADE, related_name="succession_from")
    is_partly_merged = models.BooleanField(_("sáp nhập một phần"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["old", "new"], name="adminunit_succession_unique")]
        verbose_name = _("sáp nhập đơn vị hành chính")
        verbose_name_plural = _("sáp nhập đơn vị hành chính")

    def __str__(self):
        return f"{self.old} → {self.new}"


class OrganizationQuerySet(models.QuerySet):
    def visible_to(self, user) -> OrganizationQuerySet:
        from phoihop.core.permissions import visible_organizations

        return visible_organizations(user, self)

    def subtree_of(self, org: Organization, include_self: bool = True) -> OrganizationQuerySet:
        qs = self.filter(path__startswith=org.path)
        return qs if include_self else qs.exclude(pk=org.pk)

    def near(self, orgs) -> OrganizationQuerySet:
        """These units and the units directly under them: what a unit's own forms usually speak of."""
        condition = Q(pk__in=[])
        for org in orgs:
            condition |= Q(path__startswith=org.path, depth__lte=org.depth + 1)
        return self.filter(condition)

    def search(self, query: str) -> OrganizationQuerySet:
        """Diacritic-insensitive search: every word starts a word of the name or of the unit it sits on.

        An organisation on a merged legacy unit is also found by the name of today's unit ("Vĩnh Long" finds the
        federation of the former tỉnh Bến Tre). A common abbreviation ("cđcs", "ldld", "ubnd") also finds the words it
        stands for. Matches in the organisation's own name come first.
        """
        folded = fold(query)
        words = folded.split()
        if not words:
            return self
        condition = Q()
        for word in words:
            successors = AdminUnitSuccession.objects.filter(word_prefix_q("new__name_folded", word))
            matches = (
                word_prefix_q("name_folded", word)
                | word_prefix_q("admin_unit__name_folded", word)
                | Q(admin_unit_id__in=successors.values("old_id"))
            )
            if word in ABBREVIATIONS:
                matches |= word_prefix_q("name_folded", ABBREVIATIONS[word])
            condition &= matches
        in_name = Q(name_folded__contains=folded)
        return (
            self.filter(condition)
            .annotate(
                search_rank=models.Case(
                    models.When(in_name, then=0), default=1, output_field=models.IntegerField()
                )
            )
            .order_by("search_rank", "depth", "name")
        )


class Organization(TimeStamped):
    """A people's committee, department, labour federation, union, enterprise or agency, placed in one tree."""

    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=80, blank=True)
    abbreviation = models.CharField(
        _("chữ viết tắt trên văn bản"),
        max_length=20,
        blank=True,
        help_text=_("Ví dụ: UBND, LĐLĐ (dùng trong số ký hiệu văn bản)"),
    )
    kind = models.CharField(_("loại tổ chức"), max_length=30, choices=OrgKind.choices)
    level = models.CharField(_("cấp"), max_length=12, choices=OrgLevel.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("đơn vị cấp trên"),
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    admin_unit = models.ForeignKey(
        AdminUnit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organizations",
        verbose_name=_("địa bàn"),
    )
    counterpart = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cơ quan phối hợp cùng cấp"),
        help_text=_("Ví dụ: LĐLĐ quận phối hợp với UBND quận"),
    )
    valid_from = models.DateField(_("thành lập"), null=True, blank=True)
    valid_to = models.DateField(_("giải thể / chấm dứt"), null=True, blank=True)
    tax_code = models.CharField(
        _("mã số thuế"),
        max_length=14,
        blank=True,
        validators=[
            RegexValidator(
                r"^\d{10}(-\d{3})?$",
                _("Mã số thuế gồm 10 chữ số, hoặc 10 chữ số và 3 số đuôi (ví dụ 0101234567-001)."),
            )
        ],
    )
    ownership = models.CharField(_("loại hình sở hữu"), max_length=12, choices=Ownership.choices, blank=True)
    employees = models.PositiveIntegerField(_("số lao động"), null=True, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    name_folded = models.CharField(max_length=400, db_index=True, editable=False, default="")

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = _("tổ chức")
        verbose_name_plural = _("tổ chức")
        indexes = [
            models.Index(fields=["kind", "level"]),
            # LIKE 'prefix%' subtree queries need pattern ops on PostgreSQL (ignored elsewhere).
            models.Index(fields=["path"], name="org_path_prefix_idx", opclasses=["varchar_pattern_ops"]),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        from .rules import validate_organization

        validate_organization(self, require_unit=False)

    def save(self, *args, **kwargs):
        self.name_folded = fold(f"{self.name} {self.short_name}")
        super().save(*args, **kwargs)
        self._set_path()

    def _set_path(self):
        if self.pk >= 10**PATH_STEP:
            raise ValueError("Organization ids beyond the path width; widen PATH_STEP with a migration")
        segment = f"{self.pk:0{PATH_STEP}d}."
        prefix = self.parent.path if self.parent_id else ""
        path = prefix + segment
        if path != self.path:
            old = self.path
            Organization.objects.filter(pk=self.pk).update(path=path, depth=path.count("."))
            if old:
                # Moving a unit moves its subtree: rewrite the descendants' paths in one pass.
                for child in (
                    Organization.objects.filter(path__startswith=old).exclude(pk=self.pk).only("pk", "path")
                ):
                    new_child = path + child.path[len(old) :]
                    Organization.objects.filter(pk=child.pk).update(
                        path=new_child, depth=new_child.count(".")
                    )
            self.path, self.depth = path, path.count(".")

    def ancestors(self, include_self: bool = False) -> models.QuerySet:
        step = PATH_STEP + 1
        prefixes = [self.path[: i + step] for i in range(0, len(self.path), step)]
        if not include_self:
            prefixes = prefixes[:-1]
        return Organization.objects.filter(path__in=prefixes).order_by("path")

    @property
    def is_active(self) -> bool:
        from django.utils import timezone

        return self.valid_to is None or self.valid_to >= timezone.localdate()


class Person(TimeStamped):
    """A named official or worker, with the position the sources give them."""

    full_name = models.CharField(_("họ và tên"), max_length=120)
    title = models.CharField(_("chức vụ"), max_length=300, blank=True)
    title_as_of = models.DateField(
        _("chức vụ tại ngày"), null=True, blank=True, help_text=_("Ngày của nguồn ghi chức vụ này")
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        verbose_name=_("đơn vị"),
    )
    name_folded = models.CharField(max_length=200, db_index=True, editable=False, default="")

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")

    def __str__(self):
        return f"{self.full_name} – {self.title}" if self.title else self.full_name

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.full_name)
        super().save(*args, **kwargs)
