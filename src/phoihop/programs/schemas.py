"""Pydantic schemas of the agreements API (the edge: input becomes programs.data records)."""

from __future__ import annotations

import datetime as dt

from ninja import Schema
from pydantic import Field

from .choices import TaskFrequency, TaskStatus
from .data import AgreementData, ArticleData, ChapterData, ContentAreaData, PartyData, TaskData


class PartyIn(Schema):
    organization_id: int
    is_lead: bool = False
    signing_prefix: str = Field("", description="TM., KT., Q., TL., TUQ. hoặc để trống")
    signatory_name: str = ""
    signatory_title: str = ""


class PartyOut(PartyIn):
    organization_name: str


class ContentAreaIn(Schema):
    id: int | None = Field(None, description="Giữ nội dung đã có (khi sửa); bỏ trống để thêm mới")
    title: str
    description: str = ""


class ContentAreaOut(Schema):
    id: int
    order: int
    title: str
    description: str


class ChapterIn(Schema):
    number: int
    title: str


class ArticleIn(Schema):
    number: int
    title: str
    body: str = ""
    chapter: int | None = Field(None, description="Số chương chứa điều này")


class TaskIn(Schema):
    title: str
    lead_id: int
    content_area: int | None = Field(None, description="Số thứ tự nội dung phối hợp (1, 2, 3 …)")
    description: str = ""
    cooperating_ids: list[int] = []
    frequency: TaskFrequency = TaskFrequency.ONCE
    deadline: dt.date | None = None
    status: TaskStatus = TaskStatus.PLANNED
    id: int | None = Field(None, description="Giữ nhiệm vụ đã có (khi sửa cả văn bản)")

    def to_data(self) -> TaskData:
        return TaskData(
            id=self.id,
            title=self.title,
            lead_id=self.lead_id,
            content_area=self.content_area,
            description=self.description,
            cooperating_ids=list(self.cooperating_ids),
            frequency=str(self.frequency.value if hasattr(self.frequency, "value") else self.frequency),
            deadline=self.deadline,
            status=str(self.status.value if hasattr(self.status, "value") else self.status),
        )


class TaskOut(Schema):
    id: int
    title: str
    description: str
    content_area: int | None
    lead_id: int
    lead_name: str
    cooperating_ids: list[int]
    frequency: str
    deadline: dt.date | None
    status: str
    is_overdue: bool


class AgreementIn(Schema):
    kind: str = Field(..., description="programme, regulation, joint_programme, annual_plan")
    title: str
    period_start_year: int
    period_end_year: int
    number: str = Field("", description="Ví dụ 03/CTr-UBND-LĐLĐ")
    signed_date: dt.date | None = None
    is_signed: bool = Field(False, description="Đã ký nhưng không rõ ngày ký")
    place: str = ""
    summary: str = ""
    structure: str = ""
    parent_id: int | None = None
    predecessor_id: int | None = None
    parties: list[PartyIn] | None = Field(None, description="Bắt buộc khi tạo; bỏ qua khi sửa để giữ nguyên")
    content_areas: list[ContentAreaIn] | None = None
    chapters: list[ChapterIn] | None = None
    articles: list[ArticleIn] | None = None
    tasks: list[TaskIn] | None = None

    def to_data(self) -> AgreementData:
        def rows(items, make):
            return None if items is None else [make(item) for item in items]

        return AgreementData(
            kind=self.kind,
            title=self.title,
            period_start_year=self.period_start_year,
            period_end_year=self.period_end_year,
            number=self.number,
            signed_date=self.signed_date,
            is_signed=self.is_signed,
            place=self.place,
            summary=self.summary,
            structure=self.structure,
            parent_id=self.parent_id,
            predecessor_id=self.predecessor_id,
            parties=rows(self.parties, lambda p: PartyData(**p.dict())),
            content_areas=rows(self.content_areas, lambda a: ContentAreaData(**a.dict())),
            chapters=rows(self.chapters, lambda c: ChapterData(**c.dict())),
            articles=rows(self.articles, lambda a: ArticleData(**a.dict())),
            tasks=rows(self.tasks, lambda t: t.to_data()),
        )


class AgreementSummary(Schema):
    id: int
    kind: str
    kind_label: str
    number: str
    title: str
    signed_date: dt.date | None
    is_signed: bool
    period_start_year: int
    period_end_year: int
    status: str
    status_label: str
    parent_id: int | None
    predecessor_id: int | None
    parties: list[PartyOut]


class AgreementOut(AgreementSummary):
    place: str
    summary: str
    structure: str
    number_seq: int | None
    number_kind: str
    number_issuers: str
    successor_ids: list[int]
    implementation_ids: list[int]
    content_areas: list[ContentAreaOut]
    chapters: list[ChapterIn]
    articles: list[ArticleIn]
    tasks: list[TaskOut]
    warnings: list[str] = []


class AttachmentOut(Schema):
    id: int
    original_name: str
    description: str
    size: int
    sha256: str
    content_type: str
    created_at: dt.datetime
    download_url: str


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] = {}
