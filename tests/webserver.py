"""Run `python -m bot web`'s server in a thread for tests."""
import threading

from stack import free_port

from bot.commands.web import serve


def start_web(rasa_url: str):
    port = free_port()
    server = serve(port, rasa_url)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{port}"
