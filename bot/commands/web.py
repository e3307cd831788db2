"""`python -m bot web`: serve the chat page and pass its messages on to the Rasa server.

Standard library only. Same origin for page and webhook (no CORS); bounded request size; no
request is logged, so no message text or address ends up anywhere.
"""
import urllib.error
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from bot import ROOT

WEB_DIR = ROOT / "web"
MAX_BODY = 20_000
WEBHOOK = "/webhooks/rest/webhook"


class Handler(SimpleHTTPRequestHandler):
    rasa_url = "http://127.0.0.1:5005"

    def log_message(self, format, *args):  # noqa: A002 - never log requests (anonymity)
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", "default-src 'self'; connect-src 'self'")
        super().end_headers()

    def _json(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        if self.path != WEBHOOK:
            return self._json(404, b'{"error": "ukjent adresse"}')
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._json(413, b'{"error": "meldingen er for stor"}')
        body = self.rfile.read(length)
        request = urllib.request.Request(self.rasa_url + WEBHOOK, data=body,
                                         headers={"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=30) as reply:
                return self._json(reply.status, reply.read())
        except urllib.error.HTTPError as err:
            return self._json(err.code, err.read())
        except (urllib.error.URLError, OSError):
            return self._json(502, b'{"error": "Losen svarer ikke akkurat n\\u00e5"}')


def serve(port: int, rasa_url: str, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    handler = partial(Handler, directory=str(WEB_DIR))
    Handler.rasa_url = rasa_url.rstrip("/")
    return ThreadingHTTPServer((host, port), handler)


def add_parser(sub) -> None:
    parser = sub.add_parser("web", help="nettsiden for chat (videresender til Rasa-serveren)")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--rasa", default="http://127.0.0.1:5005")
    parser.set_defaults(func=run)


def run(args) -> int:
    server = serve(args.port, args.rasa)
    print(f"Losen på nett: http://127.0.0.1:{args.port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0
