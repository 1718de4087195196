"""The WSGI application: pages through every middleware, API calls that carry a token through the few they need.

A call with `Authorization: Bearer …` or `X-API-Key` and no session cookie has no session, no CSRF cookie, no
messages, no language to negotiate and no login form to guard: the page middleware (sessions, locale, CSRF,
messages, htmx, axes, static files) would each run and find nothing to do, about a sixteenth of the instructions an
API submission runs in the application (bench/api_submission_cost.py --instructions). Such a call goes to a
second Django handler built from API_TOKEN_MIDDLEWARE (settings): the pages' middleware but those that serve only a
browser, then Vietnamese and no user until the token names one. Every other request, an API call in a logged-in
browser included, goes through the page handler as before.
"""

from __future__ import annotations

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler

API_PATH = "/api/"


def is_token_call(environ: dict) -> bool:
    """An API call that names its caller by a token alone (no session cookie beside it)."""
    if not environ.get("PATH_INFO", "").startswith(API_PATH):
        return False
    bearer = environ.get("HTTP_AUTHORIZATION", "")[:7].lower() == "bearer "
    if not (bearer or environ.get("HTTP_X_API_KEY")):
        return False
    return f"{settings.SESSION_COOKIE_NAME}=" not in environ.get("HTTP_COOKIE", "")


class TokenCallHandler(WSGIHandler):
    """Django's WSGI handler with the middleware of API_TOKEN_MIDDLEWARE instead of MIDDLEWARE."""

    def load_middleware(self, is_async=False):
        # BaseHandler builds its chain from settings.MIDDLEWARE; it reads the shorter list while it does, once, as the
        # application is created (before any request is served).
        pages = settings.MIDDLEWARE
        settings.MIDDLEWARE = settings.API_TOKEN_MIDDLEWARE
        try:
            super().load_middleware(is_async)
        finally:
            settings.MIDDLEWARE = pages


class Application:
    """Sends each request to the page handler or, for a token call, to the token handler."""

    def __init__(self, pages: WSGIHandler):
        self.pages = pages
        self.token_calls = TokenCallHandler()

    def __call__(self, environ, start_response):
        handler = self.token_calls if is_token_call(environ) else self.pages
        return handler(environ, start_response)
