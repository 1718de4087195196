"""Vietnamese first: the interface language is Vietnamese unless the user picks English in the switcher."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import translation


class VietnameseFirstMiddleware:
    """Hide the browser's Accept-Language from LocaleMiddleware.

    Office PCs often run an English browser; their users still expect Vietnamese. The language switcher sets the
    language cookie, which LocaleMiddleware still honours.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class TokenCallMiddleware:
    """What the page middleware gives an API call made with a token, and nothing more (core.handlers).

    No user until the token names one, as AuthenticationMiddleware leaves it without a session; and Vietnamese,
    as LocaleMiddleware would choose with no language cookie: the thread may have served a page in English last.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.user = AnonymousUser()
        translation.activate(settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
