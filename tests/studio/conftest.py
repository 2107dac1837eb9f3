"""A real studio (uvicorn on a free port of 127.0.0.1) in a thread, and raw HTTP to talk to it."""

from __future__ import annotations

import http.client
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import pytest

from ..conftest import EXAMPLES, KAART


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str


class Running:
    """A studio serving `root`; `request` sends raw HTTP with the cookie unless told otherwise."""

    def __init__(self, root: Path, kaart: Path | None = KAART) -> None:
        import uvicorn

        from ekc_docs.studio.app import create_app
        from ekc_docs.studio.session import Studio

        self.root = root
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.token = "test-token-123"
        self.studio = Studio(root, kaart)
        app = create_app(self.studio, self.token, self.port)
        self.server = uvicorn.Server(
            uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
        )
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.listener]}, daemon=True
        )
        self.thread.start()
        while not self.server.started:
            time.sleep(0.01)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"{self.origin}/?token={self.token}"

    def request(
        self,
        method: str,
        path: str,
        body: dict[str, str | list[str]] | None = None,
        *,
        headers: dict[str, str] | None = None,
        cookie: bool = True,
    ) -> Answer:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {"Host": f"127.0.0.1:{self.port}"}
        if cookie:
            sent["Cookie"] = f"ekc_studio={self.token}"
        data = None
        if method == "POST":
            sent["Origin"] = self.origin
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            data = urlencode(body or {}, doseq=True)
            sent["Content-Length"] = str(len(data.encode()))
        sent.update(headers or {})
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for key, value in sent.items():
            if value is not None:
                connection.putheader(key, value)
        connection.endheaders(data.encode() if data is not None else None)
        response = connection.getresponse()
        answer = Answer(
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            response.read().decode("utf-8", "replace"),
        )
        connection.close()
        return answer

    def form(self, path: str) -> dict[str, list[str]]:
        """The values a browser would submit for the edit page at `path`."""
        page = self.request("GET", path)
        assert page.status == 200, page.body
        parser = FormReader()
        parser.feed(page.body)
        return parser.values

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


class FormReader(HTMLParser):
    """The submitted values of the page's main form (#formulier), as a browser sends them."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self.inside = False
        self.textarea: str | None = None
        self.select: str | None = None
        self.names: list[str] = []
        self.controls: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form" and a.get("id") == "formulier":
            self.inside = True
        if not self.inside:
            return
        name = a.get("name")
        if tag in ("input", "select", "textarea") and name:
            self.controls.append({"tag": tag, **a})
            self.values.setdefault(name, [])
        if tag == "input" and name and "disabled" not in a:
            if a.get("type") == "checkbox":
                if "checked" in a:
                    self.values[name].append(a.get("value") or "on")
            else:
                self.values[name].append(a.get("value") or "")
        elif tag == "textarea" and name:
            self.textarea = name
            self.values[name].append("")
        elif tag == "select" and name:
            self.select = name
            self.values[name].append("")
        elif tag == "option" and self.select and "selected" in a:
            self.values[self.select][-1] = a.get("value") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data: str) -> None:
        if self.textarea:
            text = self.values[self.textarea][-1] + data
            self.values[self.textarea][-1] = (
                text.removeprefix("\n") if not self.values[self.textarea][-1] else text
            )


@pytest.fixture
def case_root(tmp_path: Path) -> Path:
    """A folder with copies of the example cases."""
    root = tmp_path / "casussen"
    shutil.copytree(EXAMPLES, root)
    return root


@pytest.fixture
def running(case_root: Path) -> Iterator[Running]:
    studio = Running(case_root)
    yield studio
    studio.stop()
