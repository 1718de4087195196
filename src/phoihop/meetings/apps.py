"""App configuration for meetings."""

from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "phoihop.meetings"
    verbose_name = "Hội nghị sơ kết, tổng kết"
