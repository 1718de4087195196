"""API calls made with a token take the short middleware chain of core.handlers; everything else the pages' chain.
The WSGI application itself is called, as a server calls it."""

import json

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory
from django.utils import translation

from phoihop.accounts.models import ApiToken
from phoihop.core.handlers import is_token_call
from phoihop.core.testing import make_user
from phoihop.programs.choices import AgreementKind
from phoihop.reporting.models import Report
from phoihop.reporting.testing import make_form, make_report
from phoihop.wsgi import application


def call(method: str, path: str, body: dict | None = None, **headers):
    """Status, headers and JSON of one request through phoihop.wsgi.application."""
    factory = getattr(RequestFactory(), method)
    extra = {"content_type": "application/json"} if body is not None else {}
    environ = factory(path, json.dumps(body) if body is not None else None, **extra, **headers).environ
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = int(status.split()[0]), dict(response_headers)

    # As Django's test client does: the test's transaction keeps its connection through the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        result = application(environ, start_response)
        content = b"".join(result)
        result.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], json.loads(content) if content else None


def bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user, 'thử nghiệm')[1]}"}


def test_which_requests_are_token_calls(settings):
    api, page = {"PATH_INFO": "/api/v1/reporting/reports"}, {"PATH_INFO": "/bao-cao/"}
    assert is_token_call({**api, "HTTP_AUTHORIZATION": "Bearer ph_x"})
    assert is_token_call({**api, "HTTP_AUTHORIZATION": "bearer ph_x"})
    assert is_token_call({**api, "HTTP_X_API_KEY": "ph_x"})
    assert not is_token_call(api)  # a browser's call, by its session
    assert not is_token_call({**api, "HTTP_AUTHORIZATION": "Basic eDp5"})
    assert not is_token_call({**page, "HTTP_AUTHORIZATION": "Bearer ph_x"})
    both = {**api, "HTTP_AUTHORIZATION": "Bearer ph_x", "HTTP_COOKIE": f"{settings.SESSION_COOKIE_NAME}=abc"}
    assert not is_token_call(both)  # a session beside the token: the pages' chain, as before
    assert is_token_call({**both, "HTTP_COOKIE": "csrftoken=abc"})


def test_token_calls_run_every_page_middleware_but_the_browsers(settings):
    assert settings.BROWSER_ONLY_MIDDLEWARE <= set(settings.MIDDLEWARE)  # no stale name hides a removal
    assert settings.API_TOKEN_MIDDLEWARE == [
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
        "phoihop.core.middleware.TokenCallMiddleware",
    ]


@pytest.mark.django_db
def test_a_submission_by_token_answers_as_through_the_pages_chain(world):
    report = make_report(make_form(world.city_union, organizations=[world.hbt_union]), world.hbt_union)
    body = {"values": [{"indicator": "good_workers", "option": "grassroots", "value": "1.065"}]}
    status, headers, data = call(
        "post", f"/api/v1/reporting/reports/{report.pk}/submit", body, **bearer(world.alice)
    )
    assert status == 200, data
    assert data["status"] == "submitted" and data["changed"] == 1
    assert Report.objects.get(pk=report.pk).status == "submitted"
    # The pages' security headers; none of what the page middleware adds (language negotiation, cookies).
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["X-Frame-Options"] == "DENY"
    assert "Content-Language" not in headers and "Set-Cookie" not in headers
    # The same call with the session cookie name in it goes through the pages' chain.
    other = make_report(
        make_form(world.city_union, organizations=[world.hbt_union], code="bieu-2"), world.hbt_union
    )
    cookie = {"HTTP_COOKIE": "sessionid=khong-co"}
    status, headers, data = call(
        "post", f"/api/v1/reporting/reports/{other.pk}/submit", body, **bearer(world.alice), **cookie
    )
    assert status == 200 and headers["Content-Language"] == "vi"


@pytest.mark.django_db
def test_a_token_call_has_no_user_but_the_tokens_and_speaks_vietnamese(world):
    status, _headers, data = call("get", "/api/v1/agreements", HTTP_AUTHORIZATION="Bearer ph_sai")
    assert status == 401 and data == {"detail": "Unauthorized"}
    # A thread that served a page in English last: the call still answers in Vietnamese.
    translation.activate("en")
    try:
        status, _headers, data = call("get", "/api/v1/agreements", **bearer(world.bob))
    finally:
        translation.deactivate()
    assert status == 200, data
    data = data["items"]  # one page of the list
    with translation.override("vi"):
        vietnamese = {kind: str(label) for kind, label in AgreementKind.choices}
    assert [a["kind_label"] for a in data] == [vietnamese[a["kind"]] for a in data]
    assert "Chương trình phối hợp" in {a["kind_label"] for a in data}
    # A user of no unit: nothing, as through the pages' chain.
    status, _headers, data = call("get", "/api/v1/agreements", **bearer(make_user("khach")))
    assert status == 200 and data["items"] == []
