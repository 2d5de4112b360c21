"""Progress on a terminal for work that takes a while (check, build, export).

    from casekit.progress import progress

    with progress("사례집 검사 중", total=len(files)) as bar:
        for f in files:
            ...
            bar.advance()

Nothing is shown for the first `delay` seconds (default 2), so quick commands stay silent; after
that one line on stderr is redrawn a few times a second ("사례집 검사 중… 120/480 (25%) 3초"),
and cleared when the work ends. Without `total` (or without calls to `advance`) the line shows
only the time spent. It is never shown when stderr is not a terminal (a pipe, a file, a CI log),
when the CI variable is set (CI=true, as GitHub Actions, GitLab CI and most others set it), with
TERM=dumb, or when the caller passes enabled=False (say, while stdout carries JSON to the same
terminal). It writes only to stderr, never to stdout, so JSON, JUnit and SARIF stay clean.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from types import TracebackType
from typing import Any, TextIO

from casekit.core.workers import pausable

DELAY = 2.0  # seconds of silence before anything is shown
INTERVAL = 0.25  # seconds between redraws


def wanted(stream: TextIO) -> bool:
    """Whether progress may be drawn on `stream`: a terminal, outside CI, not a dumb terminal."""
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


class Progress:
    def __init__(self, label: str, total: int | None = None, *, stream: TextIO | None = None,
                 delay: float | None = None, interval: float = INTERVAL, enabled: bool = True) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.delay = DELAY if delay is None else delay  # read when used: one setting for every caller
        self.interval = interval
        self.enabled = enabled and wanted(self.stream)
        self.shown = False
        self._start = 0.0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._pausable: Any = None

    def advance(self, n: int = 1) -> None:
        self.done += n  # read by the drawing thread; a torn read only shows a stale count

    def line(self) -> str:
        seconds = int(time.monotonic() - self._start)
        if self.total:
            share = min(self.done, self.total) * 100 // self.total
            return f"{self.label}… {self.done}/{self.total} ({share}%) {seconds}초"
        return f"{self.label}… {seconds}초"

    def _draw(self) -> None:
        if self._stop.wait(self.delay):
            return
        while True:
            with self._lock:
                if self._stop.is_set():
                    return
                self.stream.write("\r\x1b[K" + self.line())
                self.stream.flush()
                self.shown = True
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> Progress:
        self._start = time.monotonic()
        if self.enabled:
            self._thread = threading.Thread(target=self._draw, name="casekit-progress", daemon=True)
            # it writes only while holding _lock: a check may fork its workers meanwhile
            self._pausable = pausable(self._thread, self._lock)
            self._pausable.__enter__()
            self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._pausable.__exit__(None, None, None)
        with self._lock:
            if self.shown:  # leave the terminal as it was: the line is erased
                self.stream.write("\r\x1b[K")
                self.stream.flush()


def progress(label: str, total: int | None = None, *, stream: TextIO | None = None, delay: float | None = None,
             enabled: bool = True) -> Progress:
    """A `Progress` for a `with` block; see the module's text."""
    return Progress(label, total, stream=stream, delay=delay, enabled=enabled)
