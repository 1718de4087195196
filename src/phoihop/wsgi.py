"""WSGI entry point (`phoihop serve` runs it under granian; any WSGI server can)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "phoihop.settings")

from phoihop.core.handlers import Application  # noqa: E402  (after the settings module is named)

application = Application(get_wsgi_application())
