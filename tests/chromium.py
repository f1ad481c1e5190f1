"""A small driver for headless Chromium (Debian's ``chromium`` package) over the DevTools protocol.

Chromium is started with ``--remote-debugging-pipe``: it reads protocol commands from file
descriptor 3 and writes answers and events to descriptor 4, each message JSON ended by a NUL
byte.  No websocket, no downloaded browser, standard library only.

    with Chromium.start(tmp_path) as browser:
        page = browser.open("http://127.0.0.1:8000/")
        page.evaluate("document.title")
"""
from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

BINARY = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--mute-audio", "--hide-scrollbars",
         "--remote-debugging-pipe")


def _above_four(fd: int) -> int:
    """``fd`` moved to a number above 4, so that bash's ``3<&N 4>&M`` cannot clobber it."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class BrowserError(RuntimeError):
    """Chromium answered a command with an error, died, or a wait ran out."""


class Chromium:
    """One headless Chromium process; commands go through :meth:`call`."""

    def __init__(self, proc: subprocess.Popen, commands: int, answers: int):
        self.proc, self.commands, self.answers = proc, commands, answers
        self.buffer, self.events, self.next_id = b"", [], 0

    @classmethod
    def start(cls, profile: Path) -> Chromium:
        """Chromium with its profile in ``profile``, descriptors 3 and 4 wired to two pipes."""
        command_read, command_write = os.pipe()
        answer_read, answer_write = os.pipe()
        command_read, answer_write = (_above_four(fd) for fd in (command_read, answer_write))
        shell = f'exec "$0" "$@" 3<&{command_read} 4>&{answer_write} {command_read}<&- {answer_write}>&-'
        proc = subprocess.Popen(["bash", "-c", shell, BINARY, *FLAGS, f"--user-data-dir={profile}",
                                 "about:blank"], pass_fds=(command_read, answer_write),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(command_read)
        os.close(answer_write)
        return cls(proc, command_write, answer_read)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(BrowserError, OSError):
            self.call("Browser.close", timeout=5)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self.commands, self.answers):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.answers], [], [], left)[0]:
                raise BrowserError("Chromium did not answer in time")
            chunk = os.read(self.answers, 1 << 20)
            if not chunk:
                raise BrowserError("Chromium closed its protocol pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float = 30) -> dict:
        """Send one command and wait for its answer (events that come meanwhile are kept)."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def wait_event(self, method: str, session: str, timeout: float = 30) -> dict:
        """The first event ``method`` of ``session`` since the events were last cleared."""
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events:
                if event.get("method") == method and event.get("sessionId") == session:
                    return event
            self.events.append(self._read(deadline))

    def open(self, url: str, width: int = 1280, height: int = 900) -> Page:
        """A new tab showing ``url`` (loaded) at ``width`` x ``height`` CSS pixels."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        page.call("Page.enable")
        page.call("Runtime.enable")
        page.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": height,
                                                         "deviceScaleFactor": 1, "mobile": False})
        page.navigate(url)
        return page


class Page:
    """One tab, addressed by its protocol session."""

    def __init__(self, browser: Chromium, session: str):
        self.browser, self.session = browser, session

    def call(self, method: str, params: dict | None = None, timeout: float = 30) -> dict:
        return self.browser.call(method, params, self.session, timeout)

    def navigate(self, url: str, timeout: float = 30) -> None:
        self.browser.events.clear()
        self.call("Page.navigate", {"url": url})
        self.browser.wait_event("Page.loadEventFired", self.session, timeout)

    def loading(self, expression: str, timeout: float = 30) -> None:
        """Run ``expression``, which loads another document (a link clicked, a form sent); wait for it."""
        self.browser.events.clear()
        self.evaluate(expression)
        self.browser.wait_event("Page.loadEventFired", self.session, timeout)

    def evaluate(self, expression: str):
        """The value of a JavaScript expression in the page (promises awaited)."""
        answer = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in answer:
            raise BrowserError(f"{expression}: {answer['exceptionDetails'].get('exception', answer)}")
        return answer["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 30):
        """Poll until the JavaScript ``expression`` is truthy; its value."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                value = self.evaluate(expression)
            except BrowserError:  # the page is between two documents
                value = None
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"waited {timeout} s for {expression}")
            time.sleep(0.1)

    def screenshot(self) -> bytes:
        """The page as PNG bytes (the whole page, not only the viewport)."""
        data = self.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})["data"]
        return base64.b64decode(data)
