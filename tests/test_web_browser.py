"""The chat page in a real browser: Debian's Chromium driven by Playwright (nothing downloads a browser).

Conversations run against the real stack (trained model, action server, Rasa server) behind
`python -m bot web`; the quick-exit and offline tests need no Rasa and point the page at a dead port.
"""
import json
import re
from pathlib import Path

import pytest
from stack import free_port
from webserver import start_web

from bot.malform import detect_malform

pytestmark = pytest.mark.stack

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
PHONE_VIEW = {"width": 390, "height": 844}
REPLY_TIMEOUT = 90_000  # the first message also waits for Rasa to warm up


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("no Chromium at /usr/bin/chromium: scripts/setup_browser.sh installs it from Debian's packages")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed in .venv")
    with sync_api.sync_playwright() as p:
        # launch() gives every run a fresh temporary user-data-dir, removed on close.
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport=PHONE_VIEW)
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()


@pytest.fixture(scope="module")
def site(stack):
    # One message first: a cold Rasa server's first turn can outlast the channel's reply budget
    # and be cut short, which would make whichever test comes first see the fallback.
    stack.send("warm-up", "hei", timeout=120)
    server, url = start_web(stack.url)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def dead_site():
    server, url = start_web(f"http://127.0.0.1:{free_port()}")  # nothing listens there
    yield url
    server.shutdown()
    server.server_close()


def bot_count(page) -> int:
    return page.locator(".msg.bot").count()


def wait_for_reply(page, before: int) -> None:
    # Locator waits, not wait_for_function: the page's CSP forbids the eval that would need.
    page.locator(".msg.bot").nth(before).wait_for(state="attached", timeout=REPLY_TIMEOUT)
    page.locator("#typing").wait_for(state="hidden", timeout=REPLY_TIMEOUT)


def say(page, text: str) -> list:
    """Send text as a person would and return the bot's new messages."""
    before = bot_count(page)
    page.fill("#text", text)
    page.click(".send")
    wait_for_reply(page, before)
    return page.locator(".msg.bot .text").all_inner_texts()[before:]


def in_viewport(page, selector: str, clear_of_bars: bool = False) -> bool:
    """Whole element on screen; with clear_of_bars, also not under the pinned top bar."""
    box = page.locator(selector).bounding_box()
    top = page.locator(".pinned").bounding_box()["height"] if clear_of_bars else 0
    return box is not None and box["y"] >= top - 1 and box["y"] + box["height"] <= page.viewport_size["height"]


def sent_messages(page) -> list:
    """Record every body the page posts to the webhook."""
    bodies = []
    page.on("request", lambda r: bodies.append(json.loads(r.post_data)) if r.method == "POST" else None)
    return bodies


def test_crisis_message_gets_113_first_as_a_link_and_a_screenshot(page, site):
    page.goto(site + "/")
    assert page.locator("header h1").inner_text() == "Losen"
    assert page.locator("nav a[href='tel:113']").is_visible() and page.locator("nav a[href='tel:116117']").is_visible()
    replies = say(page, "hjelp, mamma våkner ikke")
    assert "113" in replies[0]
    assert page.locator(".msg.bot").nth(1).locator("a[href='tel:113']").count() >= 1
    assert page.locator(".msg.me .text").last.inner_text() == "hjelp, mamma våkner ikke"
    assert in_viewport(page, ".msg.bot >> nth=1", clear_of_bars=True)  # the answer's start is not scrolled past
    # However long the conversation, the way out, 113 and the input stay on screen.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    for selector in ("#exit", "nav a[href='tel:113']", "nav a[href='tel:116117']", "#text"):
        assert in_viewport(page, selector), selector
    # What the phone shows: the person's message and the answer under it, between the pinned bars.
    page.evaluate("[...document.querySelectorAll('.msg.me')].pop().scrollIntoView({block: 'start'})")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat-390.png"))


def test_bot_buttons_are_buttons_that_send_their_payload(page, site):
    page.goto(site + "/")
    bodies = sent_messages(page)
    say(page, "hei")
    button = page.locator(".msg.bot .buttons button", has_text="Jeg er under 18").last
    assert button.evaluate("b => b.tagName") == "BUTTON"
    before = bot_count(page)
    button.click()
    wait_for_reply(page, before)
    assert page.locator(".msg.me .text").last.inner_text() == "Jeg er under 18"
    assert bodies[-1]["message"] == '/choose_audience{"audience": "child"}'


def test_markup_in_a_message_is_shown_as_text(page, site):
    page.goto(site + "/")
    scripts_before = page.locator("script").count()
    for text in ("<script>alert(1)</script>", '<img src=x onerror="alert(2)">'):
        say(page, text)
        assert page.locator(".msg.me .text").last.inner_text() == text
    assert page.locator("script").count() == scripts_before
    assert page.locator("#log img").count() == 0 and page.dialogs == []


def test_keyboard_alone_can_chat_and_use_buttons(page, site):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "exit"  # the way out comes first
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"  # focus is seen
    for _ in range(10):
        if page.evaluate("document.activeElement.id") == "text":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "text"
    before = bot_count(page)
    page.keyboard.type("hei")
    page.keyboard.press("Enter")
    wait_for_reply(page, before)
    page.locator(".msg.bot .buttons button").last.focus()
    before = bot_count(page)
    page.keyboard.press("Enter")
    wait_for_reply(page, before)
    assert page.locator(".msg.me").count() == 2


def test_delete_clears_the_screen_and_starts_a_new_conversation(page, site):
    page.goto(site + "/")
    bodies = sent_messages(page)
    say(page, "hei")
    page.click("#clear")
    assert page.locator(".msg.me").count() == 0 and bot_count(page) == 1  # only the greeting
    say(page, "hei")
    first, second = bodies[0]["sender"], bodies[-1]["sender"]
    assert first != second and all(re.fullmatch(r"[0-9a-f]{32}", s) for s in (first, second))
    stored = page.evaluate("[document.cookie, localStorage.length, sessionStorage.length]")
    assert stored == ["", 0, 0] and page.context.cookies() == []


def test_layout_at_320px_targets_and_contrast(page, site):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site + "/")
    say(page, "hei")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    controls = page.locator("header button, nav a, .buttons button, .send, #text, #clear, .malform button")
    assert controls.count() >= 9
    for box in (controls.nth(i).bounding_box() for i in range(controls.count())):
        assert box["height"] >= 44 and box["width"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 320
    selector = "h1, .tagline, .exit, .call, .msg .text, .buttons button, .send, #text, .clear, .note, .malform button"
    low = page.evaluate(CONTRAST_JS, selector)
    assert low == [], low
    page.click(".malform button[data-malform='nn']")  # the pressed button is filled: its contrast too
    low = page.evaluate(CONTRAST_JS, selector)
    assert low == [], low


def test_quick_exit_replaces_the_page_and_leaves_no_history(page, dead_site):
    page.goto(dead_site + "/exit.html?before")
    page.goto(dead_site + "/")
    page.fill("#text", "noe privat")
    length = page.evaluate("history.length")
    page.evaluate("document.getElementById('exit').dataset.exitUrl = '/exit.html?neutral'")
    page.click("#exit")
    page.wait_for_url("**/exit.html?neutral")
    assert page.evaluate("history.length") == length  # replaced, not added
    page.go_back()
    assert page.url.endswith("/exit.html?before")  # back skips the chat
    page.go_forward()
    assert page.url.endswith("/exit.html?neutral")


def test_escape_twice_quickly_exits_but_once_does_not(page, dead_site):
    page.goto(dead_site + "/")
    page.evaluate("document.getElementById('exit').dataset.exitUrl = '/exit.html?esc'")
    page.keyboard.press("Escape")
    page.wait_for_timeout(1200)
    page.keyboard.press("Escape")  # two presses far apart: stay
    page.wait_for_timeout(300)
    assert page.url.endswith("/")
    page.keyboard.press("Escape")
    page.wait_for_url("**/exit.html?esc", timeout=5_000)


def test_unreachable_bot_says_so_and_shows_numbers_to_call(page, dead_site):
    page.goto(dead_site + "/")
    page.fill("#text", "hei")
    page.click(".send")
    page.wait_for_selector("#offline:not([hidden])", timeout=20_000)
    text = page.inner_text("#offline")
    assert "svarer ikke" in text and "113" in text and "116 117" in text and "116 123" in text
    links = page.locator("#offline a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert links == ["tel:113", "tel:116117", "tel:116123"]
    assert page.locator("#typing").is_hidden()
    for i in range(3):
        assert page.locator("#offline a").nth(i).bounding_box()["height"] >= 44


# ------------------------------------------------------------------ målform (issue 18)
# What the page's own texts say in each standard (web/texts.js), written out here again so a change
# there is a change that a test sees.
PAGE_NN = {"#text": "Skriv kva som skjer …", ".tagline": "Ein anonym chatbot, ikkje eit menneske.",
           "#typing": "Losen skriv …", "#clear": "Slett samtalen", ".send": "Send",
           ".note": "Ingenting blir lagra i nettlesaren din. «Lukk raskt» eller Esc to gonger tek deg til yr.no."}
PAGE_NB = {"#text": "Skriv hva som skjer …", ".tagline": "En anonym chatbot, ikke et menneske.",
           "#typing": "Losen skriver …", "#clear": "Slett samtalen", ".send": "Send",
           ".note": "Ingenting lagres i nettleseren din. «Lukk raskt» eller Esc to ganger tar deg til yr.no."}
BOKMAL_ONLY = re.compile(r"\b(jeg|ikke|hva|hvem|hvor|noen|nå|hjemme|være|svarer|puster)\b", re.IGNORECASE)
NYNORSK_ONLY = re.compile(r"\b(eg|ikkje|kva|kven|kvar|nokon|heime|vere|svarar|pustar)\b", re.IGNORECASE)


def page_words(page) -> dict:
    """The fixed texts as the page has them now (hidden ones too), and its language."""
    shown = {selector: page.locator(selector).text_content().strip() for selector in PAGE_NN if selector != "#text"}
    shown["#text"] = page.get_attribute("#text", "placeholder")
    return shown


def page_state(page) -> tuple:
    return (page.evaluate("document.documentElement.lang"), page.get_attribute("#exit", "aria-label"),
            page.locator("#offline p").text_content(), page.get_attribute(".malform [aria-pressed='true']", "data-malform"))


def test_a_nynorsk_conversation_gets_a_nynorsk_page_and_113_first(page, site):
    page.goto(site + "/")
    assert page_words(page) == PAGE_NB and page_state(page)[0] == "nb"
    # Written in nynorsk as a frightened partner might, without asking for nynorsk.
    first = say(page, "Hei. Eg er heime hos kjærasten min og eg er så redd")
    assert page_words(page) == PAGE_NN  # the page follows the conversation
    assert page_state(page) == ("nn", "Lukk raskt: byter til ei nøytral side",
                                "Orsak, Losen svarar ikkje akkurat no. Du kan ringje nokon som svarar heile døgnet:", "nn")
    assert page.locator("nav a[href='tel:113']").inner_text() == "Livsfare? Ring 113"
    replies = first + say(page, "Han har drukke heile kvelden og teke nokre tablettar, og no pustar han ikkje")
    danger = replies[len(first):]
    assert danger[0].startswith("Ring 113 no."), danger[0]  # 113 first, in nynorsk
    assert page.locator(".msg.bot").nth(len(first) + 1).locator("a[href='tel:113']").count() >= 1
    assert not any(BOKMAL_ONLY.search(r) for r in replies), replies
    assert detect_malform("\n".join(replies)) == "nn"
    langs = page.locator(".msg.bot").evaluate_all("items => items.slice(1).map(i => i.lang)")  # after the greeting
    assert set(langs) == {"nn"}
    assert in_viewport(page, f".msg.bot >> nth={len(first) + 1}", clear_of_bars=True)
    page.evaluate("[...document.querySelectorAll('.msg.me')].pop().scrollIntoView({block: 'start'})")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat-390-nynorsk.png"))


def test_a_bokmal_conversation_keeps_a_bokmal_page(page, site):
    page.goto(site + "/")
    replies = say(page, "Jeg vet ikke hva jeg skal gjøre, kjæresten min har drukket hele kvelden")
    danger = say(page, "nå puster han nesten ikke")
    assert danger[0].startswith("Ring 113 nå."), danger[0]
    assert not any(NYNORSK_ONLY.search(r) for r in replies + danger), replies + danger
    assert detect_malform("\n".join(replies + danger)) == "nb"
    assert page_words(page) == PAGE_NB
    assert page_state(page) == ("nb", "Lukk raskt: bytter til en nøytral side",
                                "Beklager, Losen svarer ikke akkurat nå. Du kan ringe noen som svarer hele døgnet:", "nb")


def test_the_person_can_choose_the_pages_standard_and_the_choice_holds(page, dead_site):
    page.goto(dead_site + "/")
    greeting = page.locator(".msg.bot .text").first
    assert greeting.inner_text().startswith("Hei, jeg heter Losen")
    page.click(".malform button[data-malform='nn']")
    assert page_words(page) == PAGE_NN and page_state(page)[0] == "nn"
    assert greeting.inner_text().startswith("Hei, eg heiter Losen")  # nothing else said yet: the greeting too
    page.fill("#text", "hei")  # Losen is unreachable here: the numbers to call, in nynorsk
    page.click(".send")
    page.wait_for_selector("#offline:not([hidden])", timeout=20_000)
    assert page.inner_text("#offline p").startswith("Orsak, Losen svarar ikkje")
    assert "naudtelefon" in page.inner_text("#offline") and "116 123" in page.inner_text("#offline")
    page.click("#clear")  # a new conversation keeps the person's choice
    assert page_state(page)[0] == "nn" and page.locator(".msg.bot .text").first.inner_text().startswith("Hei, eg")
    page.click(".malform button[data-malform='nb']")
    assert page_words(page) == PAGE_NB and page_state(page)[3] == "nb"


def test_the_persons_choice_reaches_losen_and_holds_against_the_words(page, site):
    page.goto(site + "/")
    posted = sent_messages(page)
    page.click(".malform button[data-malform='nn']")
    replies = say(page, "jeg vet ikke hva jeg skal gjøre")  # written in bokmål, answered as chosen
    assert posted[-1]["metadata"] == {"malform": "nn"}
    assert not any(BOKMAL_ONLY.search(r) for r in replies), replies
    assert page_words(page) == PAGE_NN and page_state(page)[0] == "nn"


# WCAG 2.1 contrast of each element's text against the first opaque background behind it.
CONTRAST_JS = """selector => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const low = [];
  document.querySelectorAll(selector).forEach(el => {
    if (!el.getClientRects().length) return;
    const r = ratio(rgb(getComputedStyle(el).color).slice(0, 3), background(el));
    if (r < 4.5) low.push(el.className + ' ' + r.toFixed(2));
  });
  const text = document.getElementById('text');
  const ph = ratio(rgb(getComputedStyle(text, '::placeholder').color).slice(0, 3), background(text));
  if (ph < 4.5) low.push('placeholder ' + ph.toFixed(2));
  return low;
}"""
