"""Test-only fault injection: die (or get a signal) at a chosen point of a run.

The crash tests need kill points that are exact and reproducible from a seed, which a
timer cannot give. ``PIPELINE_FAULT`` (read when this module is imported, or set with
:func:`arm`) names the point:

* ``write:N`` — the Nth write boundary of the store. Every write transaction has two:
  just before its commit (the transaction must roll back) and just after it.
* ``stage:NAME`` — the end of a stage of the runner (``collected``, ``linked``,
  ``analysed``, ``aligned``, ``located``).

An optional third part names the signal the process sends itself: ``KILL`` (default),
``TERM`` or ``INT``. Unset, every checkpoint is one comparison and a counter increment.
"""

from __future__ import annotations

import os
import signal

_armed: tuple[str, str, signal.Signals] | None = None
writes = 0  # write boundaries passed since the last arm(): the tests' range of kill points


def arm(spec: str | None) -> None:
    """Set (or with ``None`` clear) the fault point and restart the write count."""
    global _armed, writes
    writes = 0
    if not spec:
        _armed = None
        return
    kind, _, rest = spec.partition(":")
    where, _, sig = rest.partition(":")
    _armed = (kind, where, signal.Signals[f"SIG{sig or 'KILL'}"])


def write_boundary() -> None:
    global writes
    writes += 1
    if _armed is not None and _armed[0] == "write" and _armed[1] == str(writes):
        os.kill(os.getpid(), _armed[2])


def stage_done(name: str) -> None:
    if _armed is not None and _armed[0] == "stage" and _armed[1] == name:
        os.kill(os.getpid(), _armed[2])


arm(os.environ.get("PIPELINE_FAULT"))
