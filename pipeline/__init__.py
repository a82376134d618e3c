"""pipeline: gather public reports on the same events and compare what each source says."""

__version__ = "0.1.0"
