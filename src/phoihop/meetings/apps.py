"""App configuration for meetings."""

from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "phoihop.meetings"
    verbose_name = "Hội nghị sơ kết, tổng kết"

    def ready(self):
        from phoihop.orgs.forms import register_scope

        from .actions import host_choices

        # A meeting's hosts: the user's units and partners, and any province- or national-level body.
        register_scope("host", lambda user, params: host_choices(user))
