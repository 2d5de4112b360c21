"""Today's date, asked in one place.

Every part of casekit that needs today (a record dated ahead of it, a due date, a new case's id,
the site's reference day) calls `clock.today()` rather than `datetime.date.today()`, so that
the test suite can hold one day for the whole run: a run that crossed midnight compared the
day a test computed with the day the code read a minute later, and failed.
"""

from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    """The local date now."""
    return dt.date.today()
