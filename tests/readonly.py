"""Make a file or folder read-only for a test, even when the tests run as root.

Root ignores permission bits, so as root the immutable attribute (``chattr +i``) is used;
the test is skipped where neither works.
"""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[Path]:
    import pytest

    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        try:
            yield path
        finally:
            path.chmod(mode)
        return
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("cannot make a path read-only as root here (chattr +i failed)")
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)
