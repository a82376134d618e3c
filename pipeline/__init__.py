"""pipeline: gather public reports on the same events and compare what each source says."""

import os

# One BLAS thread per process: spaCy's small matrices gain nothing from OpenBLAS threads,
# which oversubscribe the cores (measured on 2 cores: one process 1.8× faster, and
# --processes 2 then scales 1.7×). Set before numpy loads; a user's own setting wins.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

__version__ = "0.1.0"
