"""`python -m bot web`: serve the chat page and pass its messages on to the Rasa server.

Standard library only. Same origin for page and webhook (no CORS); bounded request size; nothing
is logged, so no message text or address ends up anywhere.
"""
import json
import urllib.error
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from bot import ROOT

WEB_DIR = ROOT / "web"
MAX_BODY = 20_000
WEBHOOK = "/webhooks/rest/webhook"
# The page needs nothing from elsewhere; saying so stops injected scripts, frames and form posts.
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'self'; connect-src 'self'; base-uri 'none'; "
                               "form-action 'none'; frame-ancestors 'none'",
}


def _error(text: str) -> bytes:
    return json.dumps({"error": text}).encode("ascii")


class Handler(SimpleHTTPRequestHandler):
    rasa_url = "http://127.0.0.1:5005"

    def log_message(self, format, *args):  # noqa: A002 - never log requests, errors or addresses
        pass

    def list_directory(self, path):  # nothing to browse
        self.send_error(404)

    def end_headers(self):
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def _json(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _body_length(self):
        """Declared body length, or None when missing or not a sane number."""
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            return None
        return length if length >= 0 else None

    def do_POST(self):
        if self.path != WEBHOOK:
            return self._json(404, _error("ukjent adresse"))
        length = self._body_length()
        if length is None:
            return self._json(411, _error("mangler lengde"))
        if length > MAX_BODY:
            self.close_connection = True  # the unread body must not be taken as the next request
            return self._json(413, _error("meldingen er for stor"))
        self._forward(self.rfile.read(length))

    def _forward(self, body: bytes) -> None:
        request = urllib.request.Request(self.rasa_url + WEBHOOK, data=body,
                                         headers={"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=30) as reply:
                return self._json(reply.status, reply.read())
        except urllib.error.HTTPError as err:
            return self._json(err.code, err.read())
        except (urllib.error.URLError, OSError):
            return self._json(502, _error("Losen svarer ikke akkurat nå"))


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # the default prints the client's address
        pass


def serve(port: int, rasa_url: str, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    # A handler class per server: two servers in one process (the tests) each keep their own Rasa.
    handler = type("Handler", (Handler,), {"rasa_url": rasa_url.rstrip("/")})
    return QuietServer((host, port), partial(handler, directory=str(WEB_DIR)))


def add_parser(sub) -> None:
    parser = sub.add_parser("web", help="nettsiden for chat (videresender til Rasa-serveren)")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1", help="adressen siden lytter på")
    parser.add_argument("--rasa", default="http://127.0.0.1:5005")
    parser.set_defaults(func=run)


def run(args) -> int:
    server = serve(args.port, args.rasa, args.host)
    print(f"Losen på nett: http://{args.host}:{args.port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
