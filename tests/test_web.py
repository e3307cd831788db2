"""The web page's server and static facts, without a browser or a model."""
import argparse
import json
import re
import socket
import threading
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
import simplemma
import yaml
from stack import free_port
from webserver import start_web

from bot import ROOT
from bot.catalogue import load_catalogue
from bot.malform import detect_malform, tokens

WEB = ROOT / "web"
PAGE_FILES = ("index.html", "texts.js", "losen.js")
WEBHOOK = "/webhooks/rest/webhook"
# Numbers as the page shows them in text (the same shapes losen.js turns into links).
PHONE = re.compile(r"\b\d{3} ?\d{2} ?\d{3}\b|\b\d{2} ?\d{2} ?\d{2} ?\d{2}\b|\b116 ?\d{3}\b|\b11[023]\b")


class FakeRasa(BaseHTTPRequestHandler):
    """Answers like Rasa's REST channel and remembers what it was sent."""
    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        FakeRasa.received.append(body)
        message = json.loads(body)["message"]
        status, reply = (500, b'{"error": "boom"}') if message == "fail" else \
            (200, json.dumps([{"recipient_id": "x", "text": "Ring 113."}]).encode())
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


@pytest.fixture()
def fake_rasa():
    FakeRasa.received = []
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), FakeRasa)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture()
def site(fake_rasa):
    server, url = start_web(fake_rasa)
    yield url
    server.shutdown()
    server.server_close()


def active_phone_numbers() -> set:
    return {c.value.replace(" ", "") for s in load_catalogue(strict=True).offerable() for c in s.channels
            if c.type == "phone"}


def test_every_tel_link_on_the_page_is_an_active_catalogue_number():
    links = set()
    for path in WEB.iterdir():
        links |= set(re.findall(r"tel:(\+?\d+)", path.read_text(encoding="utf-8")))
    assert {"113", "116117", "116123"} <= links
    assert links <= active_phone_numbers()


def test_every_number_written_in_the_page_is_an_active_catalogue_number():
    written = set()
    for name in PAGE_FILES:
        text = (WEB / name).read_text(encoding="utf-8").replace("&nbsp;", " ")
        text = re.sub(r"/\(.*\)/g;", "", text)  # the phone pattern itself is not a number
        written |= {n.replace(" ", "") for n in PHONE.findall(text)}
    assert "113" in written and "116123" in written
    assert written <= active_phone_numbers()


def test_page_has_no_third_party_resources_and_no_html_from_text():
    for name in PAGE_FILES + ("losen.css",):
        text = (WEB / name).read_text(encoding="utf-8")
        assert not re.search(r'\b(src|href)=["\']?https?://|url\(["\']?https?://', text), name
        for risky in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                      "localStorage", "document.cookie", "pushState", "@import"):
            assert risky not in text, (name, risky)


def test_page_is_accessible_by_construction():
    html = (WEB / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nb">' in html and 'name="viewport"' in html
    assert re.search(r'<ol id="log"[^>]*aria-live="polite"', html)
    assert "<title>Losen</title>" in html  # a tab title that says nothing about rus or krise
    assert '<label for="text"' in html and "<h1>Losen</h1>" in html
    assert "ikke et menneske" in html and "Lukk raskt" in html and "Slett samtalen" in html
    # the målform buttons say which is on, to screen readers too
    assert re.search(r'<div class="malform" role="group" aria-label="[^"]+"', html)
    assert re.findall(r'data-malform="(nn|nb)" lang="\1" aria-pressed="(?:true|false)"', html) == ["nb", "nn"]


# --------------------------------------------------------------- the page's texts in both standards
def page_texts() -> dict:
    """web/texts.js: JSON inside one assignment."""
    source = (WEB / "texts.js").read_text(encoding="utf-8")
    return json.loads(source[source.index("{"):source.rindex("}") + 1])


class Marked(HTMLParser):
    """(attribute, key, what index.html shows for it) for every element marked for a page text."""

    def __init__(self):
        super().__init__()
        self.found, self.open = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-label" in attrs:
            self.found.append(("data-label", attrs["data-label"], attrs.get("aria-label")))
        if "data-placeholder" in attrs:
            self.found.append(("data-placeholder", attrs["data-placeholder"], attrs.get("placeholder")))
        if tag not in ("meta", "link", "br", "img", "input", "hr", "wbr", "source"):  # void: no end tag
            self.open.append([tag, attrs.get("data-text"), ""])

    def handle_endtag(self, tag):
        opened, key, text = self.open.pop()
        assert opened == tag, (opened, tag)
        if key:
            self.found.append(("data-text", key, " ".join(text.split())))
        if self.open:
            self.open[-1][2] += text

    def handle_data(self, data):
        if self.open:
            self.open[-1][2] += data


def marked_in_html() -> list:
    parser = Marked()
    parser.feed((WEB / "index.html").read_text(encoding="utf-8"))
    return parser.found


def test_every_page_text_has_bokmal_and_nynorsk():
    texts = page_texts()
    assert len(texts) >= 15
    for key, text in texts.items():
        assert set(text) == {"nb", "nn"} and all(isinstance(t, str) and t.strip() for t in text.values()), key
    # what differs from bokmål where nynorsk has its own forms (issue 18's examples)
    assert texts["tagline"]["nn"] == "Ein anonym chatbot, ikkje eit menneske."
    assert texts["typing"]["nn"] == "Losen skriv …" and texts["placeholder"]["nn"] == "Skriv kva som skjer …"
    assert texts["exitLabel"]["nn"] == "Lukk raskt: byter til ei nøytral side"


def test_nynorsk_page_texts_are_nynorsk_words():
    """No bokmål-only form (data/malform.yml's list) in a nynorsk text, and every word one that
    simplemma's nynorsk table knows, but for names and two compounds it lacks (both are in
    Nynorskordboka)."""
    texts = page_texts()
    bokmal = set(yaml.safe_load((ROOT / "data" / "malform.yml").read_text(encoding="utf-8"))["bokmal"])
    not_in_table = {"chatbot", "esc", "livsfare", "legevakt"}
    for key, text in texts.items():
        words = tokens(text["nn"])
        assert not set(words) & bokmal, (key, set(words) & bokmal)
        assert [w for w in words if w not in not_in_table and not simplemma.is_known(w, lang="nn")] == [], key
    nynorsk = " ".join(t["nn"] for t in texts.values())
    bokmal_text = " ".join(t["nb"] for t in texts.values())
    assert detect_malform(nynorsk) == "nn" and detect_malform(bokmal_text) == "nb"


def test_index_html_shows_the_bokmal_of_texts_js_until_the_script_runs():
    texts = page_texts()
    found = marked_in_html()
    assert {"data-text", "data-label", "data-placeholder"} == {attribute for attribute, _, _ in found}
    for attribute, key, shown in found:
        assert key in texts, (attribute, key)
        assert shown == texts[key]["nb"], (attribute, key, shown)
    # every text is used: by index.html, or by losen.js (the greeting)
    script = (WEB / "losen.js").read_text(encoding="utf-8")
    used = {key for _, key, _ in found} | set(re.findall(r'say\("(\w+)"\)', script))
    assert used == set(texts)


def test_proxy_passes_the_message_and_the_reply_unchanged(site):
    payload = {"sender": "abc", "message": '/choose_audience{"audience": "child"}'}
    reply = requests.post(site + WEBHOOK, json=payload, timeout=10)
    assert reply.status_code == 200 and reply.json() == [{"recipient_id": "x", "text": "Ring 113."}]
    assert json.loads(FakeRasa.received[-1]) == payload


def test_two_servers_in_one_process_each_keep_their_own_rasa(site):
    other, _ = start_web(f"http://127.0.0.1:{free_port()}")  # started later, pointing at nothing
    try:
        reply = requests.post(site + WEBHOOK, json={"sender": "a", "message": "hei"}, timeout=10)
        assert reply.status_code == 200 and FakeRasa.received
    finally:
        other.shutdown()
        other.server_close()


def test_proxy_passes_rasa_errors_on(site):
    reply = requests.post(site + WEBHOOK, json={"sender": "a", "message": "fail"}, timeout=10)
    assert reply.status_code == 500


def test_proxy_limits_size_and_refuses_bad_requests(site):
    assert requests.post(site + WEBHOOK, data=b"x" * 30_000, timeout=10).status_code == 413
    assert requests.post(site + "/other", json={}, timeout=10).status_code == 404
    for length in ("abc", "-5"):
        with socket.create_connection(("127.0.0.1", int(site.rsplit(":", 1)[1])), timeout=5) as conn:
            conn.sendall(f"POST {WEBHOOK} HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\n\r\n".encode())
            assert b" 411 " in conn.recv(1000).split(b"\r\n")[0] + b" "
    assert not FakeRasa.received  # nothing of it reached Rasa


def test_server_serves_the_page_with_safe_headers_and_says_when_rasa_is_down():
    server, url = start_web(f"http://127.0.0.1:{free_port()}")
    try:
        page = requests.get(url + "/", timeout=5)
        assert page.status_code == 200 and "Lukk raskt" in page.text
        assert page.headers["Cache-Control"] == "no-store"
        assert "default-src 'self'" in page.headers["Content-Security-Policy"]
        assert page.headers["Referrer-Policy"] == "no-referrer" and "Set-Cookie" not in page.headers
        down = requests.post(url + WEBHOOK, json={"sender": "x", "message": "hei"}, timeout=10)
        assert down.status_code == 502 and down.json()["error"] == "Losen svarer ikke akkurat nå"
    finally:
        server.shutdown()
        server.server_close()


def test_nothing_is_logged_neither_text_nor_address(site, capfd):
    secret = "mamma drikker hver kveld"
    requests.post(site + WEBHOOK, json={"sender": "s", "message": secret}, timeout=10)
    requests.get(site + "/finnes-ikke?" + secret.replace(" ", "+"), timeout=10)
    requests.post(site + WEBHOOK, data=b"x" * 30_000, timeout=10)
    with socket.create_connection(("127.0.0.1", int(site.rsplit(":", 1)[1])), timeout=5) as conn:
        conn.sendall(b"GARBAGE " + secret.encode() + b"\r\n\r\n")  # a malformed request is not logged either
        conn.recv(1000)
    out, err = capfd.readouterr()
    assert secret not in out + err and "mamma" not in out + err and "127.0.0.1" not in out + err
    assert out + err == ""


def test_cli_web_command_takes_port_and_rasa_url():
    from bot.commands import web

    parser = argparse.ArgumentParser()
    web.add_parser(parser.add_subparsers())
    args = parser.parse_args(["web", "--port", "9999", "--rasa", "http://127.0.0.1:1"])
    assert args.port == 9999 and args.rasa == "http://127.0.0.1:1" and args.func.__module__ == "bot.commands.web"
