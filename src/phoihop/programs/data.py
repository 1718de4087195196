"""Plain input records for the write path: forms, the API, importers and the demo all fill these."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .choices import TaskFrequency, TaskStatus


@dataclass
class PartyData:
    organization_id: int
    is_lead: bool = False
    signing_prefix: str = ""
    signatory_name: str = ""
    signatory_title: str = ""


@dataclass
class ContentAreaData:
    title: str
    description: str = ""
    id: int | None = None


@dataclass
class ChapterData:
    number: int
    title: str


@dataclass
class ArticleData:
    number: int
    title: str
    body: str = ""
    chapter: int | None = None  # the chapter's number, so new chapters can be referred to before they exist


@dataclass
class TaskData:
    title: str
    lead_id: int
    content_area: int | None = None  # the content area's order number (1, 2, 3 …) in the same agreement
    description: str = ""
    cooperating_ids: list[int] = field(default_factory=list)
    frequency: str = TaskFrequency.ONCE
    deadline: dt.date | None = None
    status: str = TaskStatus.PLANNED
    id: int | None = None


@dataclass
class AgreementData:
    """One agreement with its parts. A nested list left as None means "keep what is there" on update."""

    kind: str
    title: str
    period_start_year: int
    period_end_year: int
    number: str = ""
    signed_date: dt.date | None = None
    is_signed: bool = False
    place: str = ""
    summary: str = ""
    structure: str = ""
    parent_id: int | None = None
    predecessor_id: int | None = None
    parties: list[PartyData] | None = None
    content_areas: list[ContentAreaData] | None = None
    chapters: list[ChapterData] | None = None
    articles: list[ArticleData] | None = None
    tasks: list[TaskData] | None = None

    @classmethod
    def from_agreement(cls, agreement) -> AgreementData:
        """The current state of an agreement, to change a few fields and pass to update_agreement."""
        return cls(
            kind=agreement.kind,
            title=agreement.title,
            period_start_year=agreement.period_start_year,
            period_end_year=agreement.period_end_year,
            number=agreement.number,
            signed_date=agreement.signed_date,
            is_signed=agreement.is_signed,
            place=agreement.place,
            summary=agreement.summary,
            structure=agreement.structure,
            parent_id=agreement.parent_id,
            predecessor_id=agreement.predecessor_id,
        )
