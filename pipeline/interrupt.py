"""SIGTERM and SIGINT interrupt a run the same way: an exception at once, inside the run.

SIGTERM is what ``systemctl stop``, ``docker stop`` and ``kill`` send. Python's default
for it ends the process on the spot, leaving the run shown as ``running``; raised as an
exception instead, the open write transaction rolls back, the run is recorded as
``interrupted`` and the command exits 130 like after Ctrl-C.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

EXIT_INTERRUPTED = 130


class Stop(KeyboardInterrupt):
    """Raised inside a run when SIGTERM arrives, so open transactions roll back."""


@contextlib.contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`Stop` (SIGINT raises KeyboardInterrupt already)."""

    def on_sigterm(signum, frame):
        raise Stop(signal.Signals(signum).name)

    previous = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
