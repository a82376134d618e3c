"""Worker processes of a multi-process analysis die with the process that started them.

spaCy's ``nlp.pipe(n_process=N)`` forks workers that wait on a queue for texts. When the parent is
killed (a ``kill -9``, the machine's OOM killer, a scheduler's timeout) nothing puts the sentinel on
that queue, and each worker, with a model in memory, would wait forever. On Linux a worker forked while
``workers_die_with_parent`` is active asks the kernel for SIGKILL when its parent dies; elsewhere the
guard does nothing (the start method there is spawn, and a spawned worker is no child of ours to set up).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
from collections.abc import Iterator

_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_guarding = False


def _die_with_parent() -> None:
    if not _guarding or not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request was in place
        os._exit(1)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_die_with_parent)


@contextlib.contextmanager
def workers_die_with_parent() -> Iterator[None]:
    """While active, a process forked from this one is killed when this one dies."""
    global _guarding
    _guarding = True
    try:
        yield
    finally:
        _guarding = False
