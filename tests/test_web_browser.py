"""The chat page in a real browser (Debian's Chromium, driven by Playwright; nothing downloads a browser)."""
import shutil
import tempfile
from pathlib import Path

import pytest

from stack import free_port
from webserver import start_web

pytestmark = pytest.mark.stack

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("no Chromium at /usr/bin/chromium (scripts/setup_browser.sh installs it from Debian's packages)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        profile = tempfile.mkdtemp(prefix="losen-chromium-")
        context = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=ARGS,
                                                       viewport={"width": 390, "height": 844})
        yield context
        context.close()


@pytest.fixture(scope="module")
def site(stack):
    server, url = start_web(stack.url)
    yield url
    server.shutdown()


def bot_texts(page):
    return page.locator(".msg.bot").all_inner_texts()


def send(page, text, expect_bots):
    page.fill("#text", text)
    page.click(".send")
    page.wait_for_function(f"document.querySelectorAll('.msg.bot').length >= {expect_bots}", timeout=60_000)


def test_crisis_message_gets_113_first_and_screenshot(browser, site):
    page = browser.new_page()
    page.goto(site + "/")
    assert page.locator("a[href='tel:113']").first.is_visible()
    assert page.locator("a[href='tel:116117']").first.is_visible()
    before = page.locator(".msg.bot").count()
    send(page, "hjelp, mamma våkner ikke", before + 2)
    assert "113" in bot_texts(page)[before]
    assert page.locator(".msg.bot a[href='tel:113']").count() >= 1  # numbers in bot text are links
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat-390.png"), full_page=True)
    page.close()


def test_buttons_are_buttons_and_clickable(browser, site):
    page = browser.new_page()
    page.goto(site + "/")
    send(page, "hei", 3)
    button = page.locator(".buttons button", has_text="Jeg er under 18")
    count = page.locator(".msg.bot").count()
    button.click()
    page.wait_for_function(f"document.querySelectorAll('.msg.bot').length > {count}", timeout=60_000)
    assert page.locator(".msg.me").last.inner_text() == "Jeg er under 18"
    page.close()


def test_script_in_a_message_is_shown_as_text(browser, site):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d), d.dismiss()))
    page.goto(site + "/")
    scripts_before = page.locator("script").count()
    send(page, "<script>alert(1)</script>", 2)
    assert page.locator(".msg.me").last.inner_text() == "<script>alert(1)</script>"
    assert page.locator("script").count() == scripts_before and not dialogs
    page.close()


def test_quick_exit_leaves_and_is_not_in_history(browser, site):
    page = browser.new_page()
    page.goto(site + "/exit.html")
    page.goto(site + "/")
    page.evaluate("document.getElementById('exit').setAttribute('data-exit-url', '/exit.html?neutral')")
    page.click("#exit")
    page.wait_for_url("**/exit.html?neutral")
    page.go_back()
    assert "/exit.html" in page.url  # back goes to what came before, never to the chat
    page.close()


def test_unreachable_bot_shows_numbers(browser):
    server, url = start_web(f"http://127.0.0.1:{free_port()}")
    try:
        page = browser.new_page()
        page.goto(url + "/")
        page.fill("#text", "hei")
        page.click(".send")
        page.wait_for_selector("#offline:not([hidden])", timeout=20_000)
        text = page.inner_text("#offline")
        assert "113" in text and "116 117" in text and "116 123" in text
        page.close()
    finally:
        server.shutdown()
