"""Browser tests: Playwright driving Debian's chromium (no browser download) against the live test server."""

import os
import shutil

import pytest

# Playwright's sync API keeps an event loop running in this thread; the ORM calls made by fixtures are still
# synchronous, so Django's async-safety guard is lifted for browser tests only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "matkhau-thu-nghiem"


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: run `make sysdeps` (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="vi-VN", accept_downloads=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def login(page):
    """Log a user in through the real login form: `login("alice")`."""

    def do_login(username: str, password: str = PASSWORD):
        page.goto("/tai-khoan/dang-nhap/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        page.wait_for_url(lambda url: "dang-nhap" not in url)
        return page

    return do_login


@pytest.fixture
def reference_data(transactional_db):
    """The catalogue and the administrative units come from data migrations; a transactional test's flush
    empties them, so every browser test puts them back first."""
    from phoihop.orgs.admin_units import ensure_admin_units
    from phoihop.reporting.testing import ensure_catalogue

    ensure_admin_units(log=lambda message: None)
    ensure_catalogue()


@pytest.fixture
def world(reference_data):
    """The personas, committed so that the live server's thread sees them."""
    from phoihop.core.testing import World

    return World()
