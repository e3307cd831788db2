"""The web page's server and static facts, without a browser."""
import re

import requests

from bot import ROOT
from bot.catalogue import load_catalogue
from stack import free_port
from webserver import start_web


def test_every_tel_link_on_the_page_is_an_active_catalogue_number():
    numbers = {c.value.replace(" ", "") for s in load_catalogue(strict=True).offerable() for c in s.channels
               if c.type == "phone"}
    html = (ROOT / "web" / "index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="tel:(\d+)"', html))
    assert {"113", "116117", "116123"} <= links
    assert links <= numbers


def test_page_has_no_third_party_resources():
    for name in ("index.html", "losen.js", "losen.css"):
        text = (ROOT / "web" / name).read_text(encoding="utf-8")
        assert not re.search(r'(src|href)="https?://', text), name
        assert "innerHTML" not in text and "localStorage" not in text and "document.cookie" not in text


def test_server_serves_the_page_and_says_when_rasa_is_down():
    server, url = start_web(f"http://127.0.0.1:{free_port()}")
    try:
        page = requests.get(url + "/", timeout=5)
        assert page.status_code == 200 and "Lukk raskt" in page.text
        assert page.headers["Cache-Control"] == "no-store"
        down = requests.post(url + "/webhooks/rest/webhook", json={"sender": "x", "message": "hei"}, timeout=10)
        assert down.status_code == 502 and "error" in down.json()
        big = requests.post(url + "/webhooks/rest/webhook", data=b"x" * 30_000, timeout=10)
        assert big.status_code == 413
    finally:
        server.shutdown()
