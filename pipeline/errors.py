"""Every error the pipeline raises on purpose.

    PipelineError                 base: catch this to catch everything below
    ├── ConfigError               sources.yaml is unreadable or invalid (carries every problem found)
    ├── ModelNotFound             no spaCy English model is importable
    ├── LexiconError              a language's lexicon has a bad entry (pipeline/nlp/language.py)
    ├── ExtractError              a page has no article text we can use
    │   └── SoftPage              a 200 page that is a consent wall, paywall stub or soft 404
    ├── ArchiveError              the web archive cannot be read or written
    ├── StoreError                the database cannot be opened or written
    │   └── LockHeld              another run holds the database lock
    └── UsageError                a command was given something it cannot use

Each message says what failed, on which input, and what to do about it.
"""

from __future__ import annotations


class PipelineError(Exception):
    """Base of all errors raised on purpose by pipeline."""


class ConfigError(PipelineError):
    """``sources.yaml`` is invalid; ``problems`` lists every ``(place, message)`` found."""

    def __init__(self, path: str, problems: list[tuple[str, str]]):
        self.path = path
        self.problems = problems
        lines = [f"{path}: {place}: {message}" for place, message in problems]
        super().__init__("\n".join(lines))


class ModelNotFound(PipelineError):
    pass


class ExtractError(PipelineError):
    outcome = "extract_error"  # what the fetch log records


class SoftPage(ExtractError):
    """A 200 page that is not the article; the last good version stays current."""

    outcome = "soft_page"


class ArchiveError(PipelineError):
    pass


class StoreError(PipelineError):
    pass


class LockHeld(StoreError):
    pass


class UsageError(PipelineError):
    pass
