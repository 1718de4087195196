"""Logging in through the browser lands on the home page."""

from playwright.sync_api import expect


def test_alice_logs_in_and_sees_her_unit(world, page, login):
    login("alice")
    expect(page.locator("h1")).to_contain_text("Xin chào")
    expect(page.locator("body")).to_contain_text("Liên đoàn Lao động quận Hai Bà Trưng")
