"""Progress bars on stderr for long stages; silent when stderr is not a terminal."""

from __future__ import annotations

import sys

from tqdm import tqdm


class Progress:
    def __init__(self, total: int, label: str, enabled: bool = True):
        self._bar = tqdm(total=total, desc=label, unit="doc", file=sys.stderr, leave=False,
                         disable=None if enabled else True)

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self._bar.close()

    def advance(self, n: int = 1) -> None:
        self._bar.update(n)
