"""Today's date, asked in one place.

Every part of casekit that needs today (a record dated ahead of it, a due date, a new case's id,
the site's reference day) calls `clock.today()` rather than `datetime.date.today()`, so that
the test suite can hold one day for the whole run: a run that crossed midnight compared the
day a test computed at collection with the day the code read minutes later, and failed.
"""

from __future__ import annotations

import datetime as dt
import time

_asked: tuple[int, dt.date] | None = None  # (the second asked in, the day it was)


def today() -> dt.date:
    """The local date now.

    Remembered for the second it was asked in: the PII scan asks for it about ten times a record
    (a resident number counts only when its birth date is past), and Python's `date.today()`
    reads the local time zone each time (0.75 µs, 1% of a check). A day starts on a whole second
    in every time zone, so within one second the date cannot change."""
    global _asked
    now = time.time()
    if _asked is None or _asked[0] != int(now):
        _asked = (int(now), dt.date.fromtimestamp(now))
    return _asked[1]
