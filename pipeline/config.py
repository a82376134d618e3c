"""``sources.yaml`` → :class:`~pipeline.models.Story` records.

Every problem in the file is collected before anything is raised, each with its place
(line and field path) and what was expected, so a user fixes the file in one go.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError, UsageError
from .models import SOURCE_KINDS, IncludeRules, Source, Story
from .urls import is_http_url, without_credentials

# Limits checked before a sources file is parsed: a file that breaks one is refused with
# one line instead of eating memory (/dev/zero, "billion laughs") or the stack.
MAX_CONFIG_BYTES = 1_000_000
MAX_ALIASES = 100  # YAML *references; a real sources file needs none or a few
MAX_VALUES = 100_000  # values once every alias is expanded
MAX_DEPTH = 20  # nested lists and mappings; a sources file needs 6


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so a bad one (2022-13-45) is our error, not a crash."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
STORY_KEYS = {"id", "title", "description", "sources"}
SOURCE_KEYS = {"id", "name", "kind", "country", "language", "urls", "feeds", "sitemaps", "include", "published",
               "allow_private"}
INCLUDE_KEYS = {"url_patterns", "keywords", "since", "until", "max_new"}


class _Marks:
    """Line numbers of every node of the YAML file, by field path."""

    def __init__(self, root: yaml.Node | None):
        self.lines: dict[tuple, int] = {}
        self.duplicates: list[tuple[tuple, int, int]] = []  # (path, first line, repeated line)
        if root is not None:
            self._walk(root, ())

    def _walk(self, node: yaml.Node, path: tuple) -> None:
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else f"<{key_node.tag} key>"
                key_path = path + (key,)
                if key_path in self.lines:  # YAML would silently keep only the last one
                    self.duplicates.append((key_path, self.lines[key_path], key_node.start_mark.line + 1))
                    continue
                self._walk(value_node, key_path)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self._walk(item, path + (index,))

    def place(self, path: tuple) -> str:
        probe = path
        while probe not in self.lines and probe:
            probe = probe[:-1]
        line = self.lines.get(probe)
        dotted = _dotted(path) or "(top level)"
        return f"line {line}, {dotted}" if line else dotted


def _dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_config(path: str | Path) -> list[Story]:
    """Read and validate a sources file; raise :class:`ConfigError` listing every problem."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:  # bounded: /dev/zero or a huge file never fills memory
            data = handle.read(MAX_CONFIG_BYTES + 1)
        if len(data) > MAX_CONFIG_BYTES:
            raise ConfigError(str(path), [("file", f"is larger than {MAX_CONFIG_BYTES:,} bytes; "
                                                   "a sources file is a few kilobytes")])
        text = data.decode("utf-8")
    except IsADirectoryError:
        raise ConfigError(str(path), [("file", "is a directory: pass --config with the path of a YAML file")]) from None
    except FileNotFoundError:
        raise ConfigError(str(path), [("file", "not found: pass --config with the path of your sources.yaml")]) \
            from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), [("file", f"cannot be read as UTF-8 text ({exc})")]) from None
    return parse_config(text, str(path))


def parse_config(text: str, name: str = "sources.yaml") -> list[Story]:
    try:
        _check_shape(text, name)
        root = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "file"
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(name, [(where, f"YAML syntax error: {problem}")]) from None
    marks = _Marks(root)
    checker = _Checker(marks)
    for key_path, first, line in marks.duplicates:
        checker.problems.append((f"line {line}, {_dotted(key_path)}",
                                 f"duplicate key '{key_path[-1]}' (first on line {first}); write it once"))
    stories = checker.stories(data)
    if checker.problems:
        raise ConfigError(name, checker.problems)
    return stories


def _check_shape(text: str, name: str) -> None:
    """Refuse alias bombs and deep nesting from the event stream, before anything is built.

    Counts the values the file would have with every alias written out ("billion laughs"
    has 9 levels of 9 aliases: few aliases, a billion values).
    """
    sizes: dict[str, int] = {}  # anchor -> values it expands to
    stack: list[list] = [[None, 0]]  # open collections: [anchor, values so far]
    aliases = 0

    def refuse(event: yaml.Event, message: str) -> None:
        line = event.start_mark.line + 1 if event.start_mark else "?"
        raise ConfigError(name, [(f"line {line}", message)])

    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            stack[-1][1] += sizes.get(event.anchor or "", 1)
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                sizes[event.anchor] = 1
            stack[-1][1] += 1
        elif isinstance(event, yaml.CollectionStartEvent):
            stack.append([event.anchor, 1])
            if len(stack) - 1 > MAX_DEPTH:
                refuse(event, f"lists and mappings nested more than {MAX_DEPTH} deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            anchor, size = stack.pop()
            if anchor:
                sizes[anchor] = size
            stack[-1][1] += size
        else:
            continue
        if aliases > MAX_ALIASES or stack[-1][1] > MAX_VALUES:
            refuse(event, f"YAML aliases (*name) expand to too much (more than {MAX_ALIASES} aliases or "
                          f"{MAX_VALUES:,} values); write the values out")


class _Checker:
    def __init__(self, marks: _Marks):
        self.marks = marks
        self.problems: list[tuple[str, str]] = []
        self.source_ids: dict[str, tuple] = {}

    def problem(self, path: tuple, message: str) -> None:
        self.problems.append((self.marks.place(path), message))

    def stories(self, data: Any) -> list[Story]:
        if not isinstance(data, dict) or "stories" not in data:
            self.problem((), "expected a mapping with a 'stories' list at the top level")
            return []
        items = data["stories"]
        if not isinstance(items, list) or not items:
            self.problem(("stories",), "expected a non-empty list of stories")
            return []
        stories: list[Story] = []
        seen: dict[str, str] = {}
        for index, item in enumerate(items):
            story = self.story(item, ("stories", index))
            if story is None:
                continue
            if story.id in seen:
                self.problem(("stories", index, "id"), f"duplicate story id '{story.id}' (first at {seen[story.id]})")
            seen.setdefault(story.id, self.marks.place(("stories", index, "id")))
            stories.append(story)
        return stories

    def story(self, item: Any, path: tuple) -> Story | None:
        if not isinstance(item, dict):
            self.problem(path, "expected a story mapping with id, title, description and sources")
            return None
        self.unknown_keys(item, STORY_KEYS, path)
        story_id = self.identifier(item, path)
        title = self.text(item, "title", path)
        description = self.text(item, "description", path, required=False)
        raw_sources = item.get("sources")
        sources: list[Source] = []
        if not isinstance(raw_sources, list) or not raw_sources:
            self.problem(path + ("sources",), "expected a non-empty list of sources")
        else:
            for index, raw in enumerate(raw_sources):
                source = self.source(raw, path + ("sources", index))
                if source is not None:
                    sources.append(source)
        if story_id is None:
            return None
        return Story(id=story_id, title=title or story_id, description=description or "", sources=tuple(sources))

    def source(self, item: Any, path: tuple) -> Source | None:
        if not isinstance(item, dict):
            self.problem(path, "expected a source mapping with id, name, kind, country, language and urls")
            return None
        self.unknown_keys(item, SOURCE_KEYS, path)
        source_id = self.identifier(item, path)
        if source_id is not None:
            if source_id in self.source_ids:
                first = self.marks.place(self.source_ids[source_id])
                self.problem(path + ("id",), f"duplicate source id '{source_id}' (first at {first})")
            else:
                self.source_ids[source_id] = path + ("id",)
        name = self.text(item, "name", path)
        kind = item.get("kind")
        if kind not in SOURCE_KINDS:
            shown = "missing" if kind is None else f"got '{kind}'"
            self.problem(path + ("kind",), f"expected one of {', '.join(SOURCE_KINDS)}; {shown}")
        country = self.text(item, "country", path)
        language = self.text(item, "language", path)
        urls = self.url_list(item, "urls", path, required=True)
        feeds = self.url_list(item, "feeds", path, required=False)
        sitemaps = self.url_list(item, "sitemaps", path, required=False)
        include = self.include(item.get("include"), path + ("include",))
        published = self.published(item, path, urls)
        allow_private = item.get("allow_private", False)
        if not isinstance(allow_private, bool):
            self.problem(path + ("allow_private",), f"expected true or false, got {allow_private!r}")
            allow_private = False
        if "urls" in item and not any(item.get(key) for key in ("urls", "feeds", "sitemaps")):
            self.problem(path + ("urls",), "a source needs at least one URL in urls, feeds or sitemaps")
        if source_id is None or name is None or country is None or language is None or kind not in SOURCE_KINDS:
            return None
        return Source(
            id=source_id, name=name, kind=kind, country=country, language=language,
            urls=tuple(urls), feeds=tuple(feeds), published=published, allow_private=allow_private,
            sitemaps=tuple(sitemaps), include=include,
        )

    def unknown_keys(self, item: dict, allowed: set[str], path: tuple) -> None:
        for key in item:
            if key not in allowed:
                self.problem(path + (key,), f"unknown field '{key}'; expected one of {', '.join(sorted(allowed))}")

    def identifier(self, item: dict, path: tuple) -> str | None:
        value = item.get("id")
        if value is None:
            self.problem(path + ("id",), "missing id: expected lowercase letters, digits and dashes")
            return None
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.problem(path + ("id",), f"expected lowercase letters, digits and dashes, got {value!r}")
            return None
        return value

    def text(self, item: dict, key: str, path: tuple, required: bool = True) -> str | None:
        value = item.get(key)
        if value is None:
            if required:
                self.problem(path + (key,), f"missing {key}: expected a text")
            return None
        if not isinstance(value, (str, int)) or isinstance(value, bool) or not str(value).strip():
            self.problem(path + (key,), f"expected a non-empty text, got {value!r}")
            return None
        return str(value).strip()

    def url_list(self, item: dict, key: str, path: tuple, required: bool) -> list[str]:
        value = item.get(key)
        if value is None:
            if required and not item.get("feeds") and not item.get("sitemaps"):
                self.problem(path + (key,), f"missing {key}: expected a list of http(s) URLs")
            return []
        if not isinstance(value, list):
            self.problem(path + (key,), f"expected a list of http(s) URLs, got {type(value).__name__}")
            return []
        urls = []
        for index, url in enumerate(value):
            if not isinstance(url, str) or not is_http_url(url):
                self.problem(path + (key, index), f"malformed URL {url!r}: expected http:// or https:// and a host")
            else:
                urls.append(without_credentials(url.strip()))
        return urls

    def include(self, value: Any, path: tuple) -> IncludeRules | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self.problem(path, "expected a mapping with url_patterns, keywords, since and/or until")
            return None
        self.unknown_keys(value, INCLUDE_KEYS, path)
        patterns = self.string_list(value, "url_patterns", path)
        for index, pattern in enumerate(patterns):
            try:
                re.compile(pattern)
            except re.error as exc:
                self.problem(path + ("url_patterns", index), f"not a valid regular expression: {exc}")
        bounds = {key: self.day(value.get(key), path + (key,)) for key in ("since", "until")}
        max_new = value.get("max_new")
        if max_new is not None and (not isinstance(max_new, int) or isinstance(max_new, bool)
                                    or not 1 <= max_new <= 100_000):
            self.problem(path + ("max_new",), f"expected a whole number from 1 to 100000, got {max_new!r}")
            max_new = None
        return IncludeRules(tuple(patterns), tuple(self.string_list(value, "keywords", path)), **bounds,
                            max_new=max_new)

    def string_list(self, item: dict, key: str, path: tuple) -> list[str]:
        value = item.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(path + (key,), "expected a list of non-empty texts")
            return []
        return value

    def day(self, value: Any, path: tuple) -> dt.date | None:
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            pass
        try:  # a full timestamp names its day too
            return dt.datetime.fromisoformat(str(value)).date()
        except ValueError:
            self.problem(path, f"expected a date as YYYY-MM-DD, got {value!r}")
            return None

    def published(self, item: dict, path: tuple, urls: list[str]) -> dict[str, dt.date]:
        value = item.get("published")
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(path + ("published",), "expected a mapping of URL: YYYY-MM-DD")
            return {}
        out = {}
        for url, day in value.items():
            place = path + ("published", url)
            url = without_credentials(str(url).strip())
            if url not in urls:
                self.problem(place, f"{url!r} is not one of this source's urls")
            day = self.day(day, place)
            if day is not None:
                out[url] = day
        return out


def select_story(stories: list[Story], story_id: str | None) -> list[Story]:
    """All stories, or the one named; a clear error for an unknown id."""
    if story_id is None:
        return stories
    chosen = [story for story in stories if story.id == story_id]
    if not chosen:
        known = ", ".join(story.id for story in stories)
        raise UsageError(f"unknown story '{story_id}'; this file has: {known}")
    return chosen
