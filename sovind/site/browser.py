"""Headless Chromium on the built book: one way to start it and one local server, for every caller.

The PDF (:mod:`sovind.site.pdf`), the screenshots (:mod:`sovind.site.screenshots`),
the browser tests and ``make bench`` all open the book in Debian's ``chromium``
with the same flags (no network of its own, no first-run or background work),
from a localhost server that writes no line per request.
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # no line per request
        pass


@contextmanager
def serving(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free localhost port for the ``with`` block; yield its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def launch(playwright: Any) -> Any:
    """Start headless Chromium with the book's flags; the error says how to install it if it is missing."""
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError("chromium not found: `make chromium` installs Debian's package with apt-get")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
