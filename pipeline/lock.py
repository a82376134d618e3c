"""One run at a time per database, whoever starts it (cron, a timer, a person).

An advisory ``flock`` on ``<database>.lock``: the kernel drops it when the process
dies, even by SIGKILL, so a crash never leaves a stale lock behind. The lock is taken on
the database's resolved path, so a symlink or a second spelling of the path meets the
same lock. The lock file is removed when the run ends (a killed run leaves an empty,
unlocked one that the next run reuses).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from .errors import LockHeld, StoreError


def lock_path_of(db_path: str | Path) -> Path:
    resolved = Path(db_path).resolve()
    return resolved.with_name(resolved.name + ".lock")


@contextlib.contextmanager
def run_lock(db_path: str | Path) -> Iterator[Path]:
    lock_path = lock_path_of(db_path)
    while True:
        try:
            lock_path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(lock_path, "a+")
        except OSError as exc:
            raise StoreError(f"cannot create the lock file {lock_path}: {exc}") from exc
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise LockHeld(f"another run is using {db_path} ({holder}); try again when it has finished") from None
        # The holder before us may have removed the file between our open and our flock:
        # then we hold a lock nobody else can see; start again on the file now at the path.
        try:
            same = os.stat(lock_path).st_ino == os.fstat(handle.fileno()).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        handle.close()
    with handle:
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {dt.datetime.now().isoformat(timespec='seconds')}")
        handle.flush()
        try:
            yield lock_path
        finally:
            with contextlib.suppress(OSError):
                lock_path.unlink()  # while still holding it: see the inode check above
            fcntl.flock(handle, fcntl.LOCK_UN)


def run_in_progress(db_path: str | Path) -> str | None:
    """Who holds the run lock ("pid 123 since …"), or None; never creates or takes the lock."""
    lock_path = lock_path_of(db_path)
    try:
        handle = open(lock_path)
    except OSError:
        return None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return handle.read().strip() or "another process"
        fcntl.flock(handle, fcntl.LOCK_UN)
        return None
