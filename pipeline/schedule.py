"""Unattended runs: one run every interval (plus jitter), never two at once.

Runs never overlap: the next one starts only after the previous ended, and the
database lock keeps out runs started elsewhere (cron, a person). SIGTERM and SIGINT
stop the loop; a run in progress is interrupted at once and its open transaction rolls
back, so nothing is half-stored, and the next run finishes what it owed.
"""

from __future__ import annotations

import random
import re
import signal
import threading
import time
from collections.abc import Callable

from .errors import UsageError
from .interrupt import Stop

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}
MAX_DURATION = 366 * 86400  # longer waits overflow the timer and mean a typo anyway


def parse_duration(text: str) -> float:
    """'6h', '10m', '90s', '1.5h' or plain seconds → seconds, at most 366 days."""
    match = _DURATION.match(text or "")
    if not match:
        raise UsageError(f"cannot read the duration {text!r}: expected a number with s, m, h or d, like 6h or 10m")
    seconds = float(match.group(1)) * _SECONDS[match.group(2)]
    if seconds > MAX_DURATION:
        raise UsageError(f"the duration {text!r} is longer than the limit of 366 days")
    return seconds


def run_every(every: float, jitter: float, run_once: Callable[[], None], max_runs: int | None = None,
              log: Callable[[str], None] = print) -> tuple[int, str | None]:
    """Call ``run_once`` every ``every`` seconds (+ up to ``jitter``) until a signal or ``max_runs``.

    Return the runs completed and the name of the signal that stopped the loop (None when
    ``max_runs`` ended it).
    """
    stopping = threading.Event()
    stopped_by: list[str] = []
    running = threading.Event()

    def on_signal(signum, frame):
        stopped_by.append(signal.Signals(signum).name)
        stopping.set()
        if running.is_set():
            raise Stop(signal.Signals(signum).name)

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    done = 0
    try:
        while not stopping.is_set() and (max_runs is None or done < max_runs):
            started = time.monotonic()
            running.set()
            try:
                run_once()
            except Stop as stop:
                log(f"stopped by {stop}: the interrupted run's open write was rolled back")
                break
            finally:
                running.clear()
            done += 1
            if max_runs is not None and done >= max_runs:
                break
            wait = max(0.0, every + random.uniform(0, jitter) - (time.monotonic() - started))
            log(f"next run in {wait:.0f} s")
            stopping.wait(wait)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return done, (stopped_by[0] if stopped_by else None)
