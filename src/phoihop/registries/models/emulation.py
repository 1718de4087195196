"""Emulation movements, initiatives, recognitions (good workers, good deeds), skills contests, dedicated works."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from phoihop.orgs.choices import OrgLevel

from ..choices import InitiativeField, RecognitionKind, RecognitionLevel
from ..dedup import title_key
from .base import RegistryRecord

ORG = "orgs.Organization"


class Movement(RegistryRecord):
    """An emulation movement or campaign (“Công nhân giỏi”, one million initiatives …) launched by a body."""

    name = models.CharField(_("tên phong trào"), max_length=300)
    slogan = models.CharField(_("khẩu hiệu, chủ đề"), max_length=500, blank=True)
    launched_by = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="movements", verbose_name=_("đơn vị phát động")
    )
    level = models.CharField(_("cấp phát động"), max_length=12, choices=OrgLevel.choices)
    start_date = models.DateField(_("ngày bắt đầu"))
    end_date = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    agreement = models.ForeignKey(
        "programs.Agreement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="movements",
        verbose_name=_("thuộc văn bản phối hợp"),
    )
    description = models.TextField(_("nội dung"), blank=True)

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")

    def __str__(self):
        return self.name

    def search_text(self):
        return f"{self.name} {self.slogan}"

    def covers(self, day) -> bool:
        return day >= self.start_date and (self.end_date is None or day <= self.end_date)


class MovementParticipant(RegistryRecord):
    """A unit taking part in a movement, its emulation cluster and its target number of initiatives."""

    movement = models.ForeignKey(
        Movement, on_delete=models.CASCADE, related_name="participants", verbose_name=_("phong trào")
    )
    organization = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="movement_entries", verbose_name=_("đơn vị tham gia")
    )
    cluster = models.CharField(_("cụm, khối thi đua"), max_length=120, blank=True)
    target_initiatives = models.PositiveIntegerField(_("chỉ tiêu sáng kiến"), null=True, blank=True)
    target_note = models.CharField(_("chỉ tiêu khác"), max_length=300, blank=True)

    class Meta:
        ordering = ["movement", "cluster", "organization__name"]
        constraints = [
            models.UniqueConstraint(fields=["movement", "organization"], name="movement_participant_unique")
        ]
        verbose_name = _("đơn vị tham gia phong trào")
        verbose_name_plural = _("đơn vị tham gia, chỉ tiêu")

    def __str__(self):
        return f"{self.organization} – {self.movement}"

    def search_text(self):
        return f"{self.cluster} {self.target_note}"


class Initiative(RegistryRecord):
    """An initiative (sáng kiến): title, authors, unit, when and at which level it was recognised, its benefit."""

    title = models.CharField(_("tên sáng kiến"), max_length=500)
    title_key = models.CharField(max_length=500, editable=False, default="")
    authors = models.CharField(
        _("tác giả"), max_length=500, help_text=_("Nhiều tác giả cách nhau bằng dấu ;")
    )
    unit = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="initiatives", verbose_name=_("đơn vị")
    )
    field = models.CharField(
        _("lĩnh vực"), max_length=20, choices=InitiativeField.choices, default=InitiativeField.TECHNICAL
    )
    registered_date = models.DateField(_("ngày đăng ký"), null=True, blank=True)
    recognised_date = models.DateField(_("ngày công nhận"), null=True, blank=True)
    recognition_level = models.CharField(
        _("cấp công nhận"), max_length=12, choices=RecognitionLevel.choices, blank=True
    )
    benefit_vnd = models.BigIntegerField(_("giá trị làm lợi (đồng)"), null=True, blank=True)
    movement = models.ForeignKey(
        Movement,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
        verbose_name=_("phong trào"),
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        ordering = ["-recognised_date", "-registered_date", "-pk"]
        indexes = [
            models.Index(fields=["unit", "title_key"]),
            models.Index(fields=["movement", "unit"]),
            models.Index(fields=["recognised_date"]),
            models.Index(fields=["registered_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(benefit_vnd__isnull=True) | models.Q(benefit_vnd__gte=0),
                name="initiative_benefit_not_negative",
            )
        ]
        verbose_name = _("sáng kiến")
        verbose_name_plural = _("sáng kiến")

    def __str__(self):
        return self.title

    def search_text(self):
        return f"{self.title} {self.authors}"

    def prepare(self):
        self.title_key = title_key(self.title)
        super().prepare()


class Recognition(RegistryRecord):
    """A person recognised as a good worker, a good-deed example or for creative labour, at some level."""

    kind = models.CharField(_("danh hiệu"), max_length=12, choices=RecognitionKind.choices)
    person_name = models.CharField(_("họ và tên"), max_length=120)
    person_title = models.CharField(_("chức danh, nghề nghiệp"), max_length=200, blank=True)
    unit = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="recognitions", verbose_name=_("đơn vị")
    )
    level = models.CharField(_("cấp công nhận"), max_length=12, choices=RecognitionLevel.choices)
    recognised_date = models.DateField(_("ngày công nhận"))
    movement = models.ForeignKey(
        Movement,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recognitions",
        verbose_name=_("phong trào"),
    )
    note = models.CharField(_("thành tích"), max_length=500, blank=True)

    class Meta:
        ordering = ["-recognised_date", "person_name"]
        indexes = [models.Index(fields=["unit", "recognised_date"])]
        verbose_name = _("gương điển hình được công nhận")
        verbose_name_plural = _("công nhân giỏi, người tốt việc tốt")

    def __str__(self):
        return f"{self.person_name} – {self.get_kind_display()}"

    def search_text(self):
        return f"{self.person_name} {self.person_title} {self.note}"


class SkillsContest(RegistryRecord):
    """A skills contest, good-craftsman contest or technical demonstration held by one unit."""

    title = models.CharField(_("tên hội thi"), max_length=300)
    organiser = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="skills_contests", verbose_name=_("đơn vị tổ chức")
    )
    held_date = models.DateField(_("ngày tổ chức"))
    level = models.CharField(_("cấp hội thi"), max_length=12, choices=RecognitionLevel.choices)
    trade = models.CharField(_("nghề, nội dung thi"), max_length=200, blank=True)
    participants = models.PositiveIntegerField(_("số người tham gia"))
    winners = models.TextField(
        _("người đoạt giải"), blank=True, help_text=_("Mỗi người một dòng: họ tên – giải")
    )
    movement = models.ForeignKey(
        Movement,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contests",
        verbose_name=_("phong trào"),
    )

    class Meta:
        ordering = ["-held_date", "title"]
        verbose_name = _("hội thi tay nghề")
        verbose_name_plural = _("hội thi tay nghề, thi thợ giỏi")

    def __str__(self):
        return self.title

    def search_text(self):
        return f"{self.title} {self.trade} {self.winners}"


class DedicatedWork(RegistryRecord):
    """A works (công trình) named and plaqued in honour of an occasion."""

    name = models.CharField(_("tên công trình"), max_length=300)
    unit = models.ForeignKey(
        ORG, on_delete=models.PROTECT, related_name="dedicated_works", verbose_name=_("đơn vị thực hiện")
    )
    occasion = models.CharField(_("chào mừng sự kiện"), max_length=300)
    dedicated_date = models.DateField(_("ngày gắn biển"))
    value_vnd = models.BigIntegerField(_("giá trị công trình (đồng)"), null=True, blank=True)
    movement = models.ForeignKey(
        Movement,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="works",
        verbose_name=_("phong trào"),
    )

    class Meta:
        ordering = ["-dedicated_date", "name"]
        verbose_name = _("công trình gắn biển")
        verbose_name_plural = _("công trình gắn biển")

    def __str__(self):
        return self.name

    def search_text(self):
        return f"{self.name} {self.occasion}"
