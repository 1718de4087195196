"""Builders for meetings test data."""

from __future__ import annotations

import datetime as dt

from . import actions
from .choices import AttendeeRole, MeetingKind


def meeting_data(world, **overrides) -> actions.MeetingData:
    """Hai Bà Trưng's final review of its 2017-2020 programme, as seed 000 tells it."""
    fields = dict(
        kind=MeetingKind.FINAL_REVIEW,
        title="Hội nghị tổng kết Chương trình phối hợp công tác giai đoạn 2017-2020",
        hosts=[world.hbt_gov, world.hbt_union],
        date=dt.date(2020, 9, 17),
        venue="Hội trường HĐND&UBND Quận",
        agreements_reviewed=[world.hbt_programme],
        attendees=[
            actions.AttendeeData(
                full_name="Nguyễn Thị Kim Dung", title="Chủ tịch LĐLĐ Quận", role=AttendeeRole.REPORTER
            ),
            actions.AttendeeData(
                full_name="Đặng Thị Phương Hoa",
                title="Phó Chủ tịch thường trực LĐLĐ thành phố Hà Nội",
                role=AttendeeRole.GUEST,
            ),
        ],
        agenda=["Báo cáo tổng kết", ("Phát biểu chỉ đạo", "Đặng Thị Phương Hoa")],
        conclusions="Khắc phục tồn tại, hạn chế của giai đoạn 2017-2020.",
        follow_ups=[actions.FollowUpData("Xây dựng giải pháp cho giai đoạn 2020-2025", world.hbt_union)],
    )
    fields.update(overrides)
    return actions.MeetingData(**fields)


def make_meeting(world, user=None, **overrides):
    return actions.create_meeting(user, meeting_data(world, **overrides))
