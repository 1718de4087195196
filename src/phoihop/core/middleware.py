"""Vietnamese first: the interface language is Vietnamese unless the user picks English in the switcher."""


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
