"""The ``pipeline`` command: thin commands that own printing and exit codes.

Exit codes: 0 done (a run that completed is 0 even when some sources failed: they are
reported); 1 the run itself could not complete; 2 bad input (sources file, arguments);
3 another run holds the database lock; 4 the run completed but not one page, feed or
sitemap could be fetched (no network, every host down); 130 interrupted by SIGINT (Ctrl-C)
or SIGTERM.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import os
import sqlite3
import sys
from pathlib import Path

import click

from . import __version__
from .config import load_config, select_story
from .demo import DEMO_ARCHIVE, DEMO_SOURCES
from .discover import DEFAULT_MAX_NEW
from .errors import ConfigError, LockHeld, PipelineError, UsageError
from .export import export as export_comparison
from .extract_command import extract_target, render
from .fetch import FetchSettings
from .interrupt import EXIT_INTERRUPTED, sigterm_interrupts
from .lock import run_in_progress
from .models import IncludeRules, Story
from .runner import RunOptions, RunReport, run_pipeline
from .schedule import parse_duration, run_every
from .store import Store, check_database

EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED, EXIT_NOTHING_FETCHED = 1, 2, 3, 4


class Failure(click.ClickException):
    """An error printed as one clear line, with our exit code."""

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        # click reads exit_code from the instance; its stubs (8.5) declare a class variable.
        setattr(self, "exit_code", exit_code)  # noqa: B010

    def show(self, file=None) -> None:
        click.echo(f"Error: {self.format_message()}", err=True)


# click >= 8.2 raises this for a bare 'pipeline'; older versions print the help themselves.
class _NeverRaised(Exception):
    pass


_NO_ARGS: type[Exception] = getattr(click.exceptions, "NoArgsIsHelpError", _NeverRaised)


class OneLineErrors(click.Group):
    """Bad arguments are one line too (click would print usage and a blank line first)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _NO_ARGS as exc:  # bare 'pipeline': click shows the help
            exc.show()
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
            click.echo(f"Error: {exc.format_message()}{hint}", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


class FiniteFloat(click.ParamType):
    """A float in [low, high]; 'inf' and 'nan' are refused (nan would compare as in range)."""

    name = "seconds"

    def __init__(self, low: float, high: float):
        self.low, self.high = low, high

    def convert(self, value, param, ctx):
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number", param, ctx)
        if not math.isfinite(number) or not self.low <= number <= self.high:
            self.fail(f"{value!r} is not a number from {self.low:g} to {self.high:g}", param, ctx)
        return number


def check_contact(ctx, param, value: str) -> str:
    # It goes into the User-Agent header, which is ASCII only.
    if not value.isascii() or not value.isprintable() or not value.strip():
        raise click.BadParameter("expected a URL or an e-mail address in plain ASCII "
                                 "(write non-ASCII letters as punycode or %-escapes)")
    return value


def fail_on(exc: PipelineError) -> Failure:
    if isinstance(exc, LockHeld):
        return Failure(str(exc), EXIT_LOCKED)
    if isinstance(exc, (ConfigError, UsageError)):
        return Failure(str(exc), EXIT_USAGE)
    return Failure(str(exc), EXIT_FAILED)


def parse_day(ctx, param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pipeline")
def cli() -> None:
    """Gather public reports on the same events and compare what each source says.

    \b
    Typical use:
      pipeline demo                      build and open the bundled fictional demo
      pipeline run --config sources.yaml fetch, extract, analyse and align a story
      pipeline serve                     explore the result in Datasette
      pipeline export -o claims.csv      write the comparison as CSV
    """


db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
                         default=Path("db/pipeline.db"), show_default=True, help="SQLite database file.")


DEMO_DB = Path("db/demo.db")


def require_database(db_path: Path, next_step: str) -> None:
    """Stop with one line when the database is missing, pointing at the demo's if that is here."""
    if db_path.exists():
        return
    hint = f"run '{next_step}' first"
    if db_path == Path("db/pipeline.db") and DEMO_DB.exists():
        hint = f"the demo's database is here: add --db {DEMO_DB}"
    raise Failure(f"no database at {db_path}: {hint}", EXIT_USAGE)


def run_options(func):
    """The options shared by `run` and `schedule`."""
    options = [
        click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
                     default=Path("sources.yaml"), show_default=True, help="Stories and their sources."),
        db_option,
        click.option("--story", help="Only this story id (default: every story in the file)."),
        click.option("--offline", is_flag=True, help="Replay pages from the web archive; no network."),
        click.option("--archive", "archive_dir", type=click.Path(file_okay=False, path_type=Path),
                     help="Folder of WARC files, may be shared by several databases "
                          "[default: 'archive' beside the database]."),
        click.option("--concurrency", type=click.IntRange(1, 64), default=8, show_default=True,
                     help="Requests in flight at once across hosts (one per host at a time)."),
        click.option("--delay", type=FiniteFloat(0, 3600), default=1.0, show_default=True,
                     help="Minimum seconds between two requests to the same host (0 to 3600)."),
        click.option("--max-new", type=click.IntRange(1, 100_000),
                     help=f"New articles taken from one feed or sitemap per run, newest first; the rest "
                          f"wait for the next runs [default: the source's include.max_new, else "
                          f"{DEFAULT_MAX_NEW}]."),
        click.option("--recheck-days", type=click.IntRange(0, 36_500), default=30, show_default=True,
                     help="Fetch an article found in a feed or sitemap again (for revisions) for this many "
                          "days after it was found; older ones are kept as stored. Listed URLs: every run."),
        click.option("--processes", type=click.IntRange(1, 32), default=1, show_default=True,
                     help="Processes for the language analysis: on two cores, 2 cuts its time by about a third "
                          "to a half; each process holds its own model (about 250 MB)."),
        click.option("--contact", default="https://github.com/pipeline-news/pipeline", show_default=True,
                     callback=check_contact, help="Contact URL sent in the User-Agent (ASCII)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def prepare_run(config_path, db_path, story, offline, archive_dir, concurrency, delay, max_new, recheck_days,
                processes, contact):
    try:
        stories = select_story(load_config(config_path), story)
        check_writable_database(db_path)
    except PipelineError as exc:
        raise fail_on(exc) from None
    if max_new is not None:
        stories = [with_max_new(s, max_new) for s in stories]
    options = RunOptions(
        offline=offline,
        archive_dir=archive_dir or db_path.parent / "archive",
        fetch=FetchSettings(min_delay=delay, concurrency=concurrency, contact_url=contact),
        processes=processes,
        recheck_days=recheck_days,
    )
    return stories, options


def check_writable_database(db_path: Path) -> None:
    """A run writes: refuse a file it must not change (another program's, read-only) up front."""
    if db_path.is_file() and not os.access(db_path, os.W_OK):
        raise UsageError(f"{db_path} is read-only: a run must write to it; pass --db with a writable file")
    check_database(db_path, must_exist=False)


def with_max_new(story: Story, max_new: int) -> Story:
    """--max-new for every source that does not set its own include.max_new."""
    sources = []
    for source in story.sources:
        rules = source.include or IncludeRules()
        if rules.max_new is None:
            source = dataclasses.replace(source, include=dataclasses.replace(rules, max_new=max_new))
        sources.append(source)
    return dataclasses.replace(story, sources=tuple(sources))


@cli.command()
@run_options
def run(db_path, **settings) -> None:
    """Fetch (or replay), extract, analyse and align every source of the stories.

    Each stage only does what changed since the last run: unchanged pages are not
    extracted again, analysed texts are not analysed again. A source that fails is
    recorded with its reason and the run goes on. Exit code 0 when the run completed
    (failed sources are listed), 1 when it could not, 2 for bad input, 3 when another
    run holds the database, 4 when not one page, feed or sitemap could be fetched, 130 when
    SIGTERM or Ctrl-C interrupted it (the run is marked interrupted; the next run finishes
    what it left).

    \b
    Limits: a sources file of at most 1 MB, 20 levels of nesting and 100 YAML aliases;
    at most --max-new new articles per feed or sitemap per run (newest first, the rest
    on later runs); a 200 page that is a consent wall, paywall or soft 404 never
    replaces the last good version (outcome soft_page); --db must be a pipeline
    database (or not exist yet) and writable.
    """
    stories, options = prepare_run(db_path=db_path, **settings)
    report = _run(stories, db_path, options)
    print_report(report, db_path)
    if nothing_fetched(report):
        sys.exit(EXIT_NOTHING_FETCHED)


@cli.command()
@run_options
@click.option("--every", default="6h", show_default=True,
              help="Time between run starts: 90s, 10m, 6h, 1d (at most 366d).")
@click.option("--jitter", default="0s", show_default=True,
              help="Add up to this much at random to each wait (at most 366d).")
@click.option("--runs", "max_runs", type=click.IntRange(1), help="Stop after this many runs [default: never].")
def schedule(db_path, every, jitter, max_runs, **settings) -> None:
    """Run in the foreground every --every, never overlapping, until SIGTERM or Ctrl-C.

    A run cut short by a signal rolls back its open write and is marked interrupted
    (exit code 130, also when the signal came between runs); a run that finds the
    database locked by another process is skipped with a message and the loop goes on.
    """
    try:
        every_s = parse_duration(every)
    except PipelineError as exc:
        raise Failure(f"--every: {exc}", EXIT_USAGE) from None
    try:
        jitter_s = parse_duration(jitter)
    except PipelineError as exc:
        raise Failure(f"--jitter: {exc}", EXIT_USAGE) from None
    stories, options = prepare_run(db_path=db_path, **settings)
    options.progress = False

    def once() -> None:
        try:
            print_report(run_pipeline(stories, db_path, options), db_path)
        except LockHeld as exc:
            click.echo(f"skipped: {exc}", err=True)
        except PipelineError as exc:
            click.echo(f"run failed: {exc}", err=True)

    done, signal_name = run_every(every_s, jitter_s, once, max_runs=max_runs, log=lambda m: click.echo(m, err=True))
    click.echo(f"schedule stopped after {done} runs" + (f" by {signal_name}" if signal_name else ""), err=True)
    if signal_name:
        sys.exit(EXIT_INTERRUPTED)


def _run(stories, db_path: Path, options: RunOptions) -> RunReport:
    try:
        with sigterm_interrupts():
            return run_pipeline(stories, db_path, options)
    except PipelineError as exc:
        raise fail_on(exc) from None
    except KeyboardInterrupt:
        raise Failure("interrupted: what was stored so far is kept; run again to finish", EXIT_INTERRUPTED) from None


def failure_counts(report: RunReport) -> tuple[int, int, int]:
    """Failed pages, feeds and sitemaps, counted apart (feed and sitemap outcomes are prefixed)."""
    feeds = sum(n for outcome, n in report.failures.items() if outcome.startswith("feed_"))
    sitemaps = sum(n for outcome, n in report.failures.items() if outcome.startswith("sitemap_"))
    return report.failed - feeds - sitemaps, feeds, sitemaps


def pages_reached(report: RunReport) -> int:
    """Pages that answered: new or changed, not modified (304), or unchanged."""
    return report.fetched + report.not_modified + report.unchanged


def nothing_fetched(report: RunReport) -> bool:
    """Every page, feed and sitemap of the run failed: no network, or every host down."""
    return report.failed > 0 and pages_reached(report) == 0 and report.discovered == 0 and (
        report.urls == 0 or failure_counts(report)[0] >= report.urls)


def run_fetched_nothing(run: dict) -> bool:
    """A stored run in which every fetch failed (the runs table's counts)."""
    reached = sum(run[k] or 0 for k in ("fetched", "not_modified", "unchanged", "discovered"))
    return (run["failed"] or 0) > 0 and reached == 0


def print_report(report: RunReport, db_path: Path) -> None:
    got = "replayed from the archive" if report.offline else "fetched"
    pages_failed, feeds_failed, sitemaps_failed = failure_counts(report)
    click.echo(
        f"Run {report.run_id} {report.status}: {pages_reached(report)} of {report.urls} pages {got} "
        f"({report.fetched} new or changed, {report.not_modified} not modified, {report.unchanged} unchanged; "
        f"{pages_failed} failed); "
        f"{report.new_documents} new documents, {report.new_versions} new versions; "
        f"{report.analysed} analysed; {report.events} events updated."
    )
    if feeds_failed or sitemaps_failed:
        click.echo(f"  feeds failed: {feeds_failed}; sitemaps failed: {sitemaps_failed}")
    if report.discovered or report.copies or report.fact_changes:
        click.echo(f"  {report.discovered} new articles discovered, {report.copies} syndicated copies linked, "
                   f"{report.fact_changes} facts changed in revised pages.")
    if report.partial:
        click.echo(f"  {report.partial} texts too long to analyse whole: only their beginning was analysed "
                   "(see analyses.note).")
    for outcome, count in sorted(report.failures.items()):
        click.echo(f"  failed ({outcome}): {count}")
    for url, reason in report.failed_urls[:20]:
        click.echo(f"    {url}: {reason}")
    if len(report.failed_urls) > 20:
        click.echo(f"    ... and {len(report.failed_urls) - 20} more (see the fetch_log table)")
    if nothing_fetched(report):
        click.echo("Nothing could be fetched: no page, feed or sitemap answered. Is the network up?")
    click.echo(f"Database: {db_path}")


@cli.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("db/demo.db"), show_default=True, help="Where to build the demo database.")
@click.option("--no-serve", is_flag=True, help="Only build the database, do not start Datasette.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
def demo(db_path, no_serve, port) -> None:
    """Build the bundled FICTIONAL demo story from its web archive (no network), then serve it."""
    try:
        stories = load_config(DEMO_SOURCES)
        check_writable_database(db_path)
    except PipelineError as exc:
        raise fail_on(exc) from None
    options = RunOptions(offline=True, archive_dir=db_path.parent / "archive", replay_from=(DEMO_ARCHIVE,),
                         fetch=FetchSettings(min_delay=0))
    report = _run(stories, db_path, options)
    print_report(report, db_path)
    if not no_serve:
        _serve(db_path, "127.0.0.1", port, public=False)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; only loopback unless you say otherwise.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--public", is_flag=True,
              help="For sharing: the database opened immutable (no writes), no download of the database file, "
                   "no arbitrary SQL. Says so when it starts.")
def serve(db_path, host, port, public) -> None:
    """Explore a database in Datasette: the story page at /, an event page per event
    (/event/<id>), archived copies (/archive/<document>/<version>) and the comparison views."""
    require_database(db_path, "pipeline run' or 'pipeline demo")
    try:
        check_database(db_path)
    except PipelineError as exc:
        raise fail_on(exc) from None
    _serve(db_path, host, port, public)


def _serve(db_path: Path, host: str, port: int, public: bool) -> None:
    from .serve import INTERRUPTED, serve_database  # Datasette is imported only when serving

    try:
        code = serve_database(db_path, host=host, port=port, public=public)
    except PipelineError as exc:
        raise fail_on(exc) from None
    if code == INTERRUPTED:
        raise Failure("stopped: Datasette shut down", code)
    if code != 0:
        raise Failure(f"Datasette exited with code {code} while serving {db_path} on port {port}", code)


@cli.command()
@db_option
@click.option("--runs", "limit", type=click.IntRange(1, 1000), default=5, show_default=True,
              help="How many recent runs to show.")
@click.option("--failing-after", type=click.IntRange(1), default=3, show_default=True,
              help="Flag a source whose documents failed this many runs in a row.")
def status(db_path, limit, failing_after) -> None:
    """Recent runs and the health of every source. Reads only: the database is opened
    read-only and never upgraded."""
    require_database(db_path, "pipeline run")
    try:
        with Store(db_path, read_only=True) as store, store.snapshot():
            runs, health = store.last_runs(limit), store.source_health()
    except PipelineError as exc:
        raise fail_on(exc) from None
    except sqlite3.Error as exc:
        raise Failure(f"cannot read {db_path} ({exc}): run 'pipeline run' once to upgrade it", EXIT_FAILED) from None
    click.echo("Recent runs:")
    for run in runs:
        click.echo(run_line(run))
    not_fetched = runs[0]["id"] if runs and run_fetched_nothing(runs[0]) else None
    click.echo("Sources:")
    for health_row in health:
        click.echo(source_lines(health_row, failing_after, not_fetched))


def run_line(run: dict) -> str:
    """One stored run for `status`: when, how it ended, pages reached of those tried."""
    reached = sum(run[k] or 0 for k in ("fetched", "not_modified", "unchanged"))
    return (f"  #{run['id']} {run['started']} → {run['ended'] or '…'} {run['status']}: "
            f"{reached} of {run['urls'] or 0} pages fetched, "
            f"{run['new_versions'] or 0} new versions, {run['failed'] or 0} failed"
            + ("  NOTHING FETCHED" if run_fetched_nothing(run) else ""))


def source_lines(health: dict, failing_after: int, not_fetched_in: int | None) -> str:
    """One source's health for `status`, flagged when failing (with its last error) or when
    the last run fetched nothing at all."""
    flag = "  FAILING" if (health["consecutive_failures"] or 0) >= failing_after else ""
    if not_fetched_in is not None:
        flag += f"  NOT FETCHED in run #{not_fetched_in}"
    line = (f"  {health['source_id']:<28} {health['with_text'] or 0}/{health['documents']} with text, "
            f"last success {health['last_success'] or 'never'}, "
            f"{health['consecutive_failures'] or 0} failures in a row{flag}")
    if flag and health["last_errors"]:
        line += f"\n      last error: {health['last_errors']}"
    return line


@cli.command()
@click.argument("target")
@click.option("--published", callback=parse_day, help="Publication date (YYYY-MM-DD) to resolve dates against.")
@click.option("--format", "output", type=click.Choice(["json", "table"]), default="json", show_default=True)
def extract(target, published, output) -> None:
    """Extract dates, figures and entities from a file, a URL or - (standard input).

    HTML goes through the same article extraction as 'run'; plain text is used as is.
    """
    try:
        result = extract_target(target, published)
    except PipelineError as exc:
        raise fail_on(exc) from None
    click.echo(render(result, output))


@cli.command()
@db_option
@click.option("--story", help="Only this story id.")
@click.option("--event", "event_id", help="Only this event id (see the events table).")
@click.option("--format", "fmt", type=click.Choice(["long", "wide", "json"]), default="long", show_default=True,
              help="long: one row per claim; wide: one row per event, one column per source; json: long as JSON.")
@click.option("--changes", is_flag=True,
              help="Instead: the fact changes found in revised pages (killed: 164 → 225), as CSV.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write [default: standard output].")
def export(db_path, story, event_id, fmt, changes, output) -> None:
    """Write the comparison of sources as CSV (safe to open in spreadsheets) or JSON.

    \b
    long columns: story,event_id,event,event_kind,claim_type,counted,source,source_kind,
                  published,value,low,high,unit,approx,as_of,date,attributed_to,sentence,url
    wide columns: story,event_id,event,event_kind,<one per source>,low,best,high,spread,n_sources

    Reads only: the database is opened read-only and never upgraded; a run going on
    meanwhile is not seen half-way (one read transaction), and a note says it is running.
    """
    require_database(db_path, "pipeline run")
    if changes:
        fmt = "changes"
    try:
        with Store(db_path, read_only=True) as store, store.snapshot():
            running = run_in_progress(db_path)
            if running:
                click.echo(f"note: a run is in progress ({running}); this export is the database as it was "
                           "before that run finished", err=True)
            if output is None:
                n = export_comparison(store, fmt, sys.stdout, story, event_id)
            else:
                with open(output, "w", encoding="utf-8", newline="") as out:
                    n = export_comparison(store, fmt, out, story, event_id)
    except PipelineError as exc:
        raise fail_on(exc) from None
    except OSError as exc:
        raise Failure(f"cannot write {output}: {exc.strerror}", EXIT_USAGE) from None
    except sqlite3.Error as exc:
        raise Failure(f"cannot read {db_path} ({exc}): run 'pipeline run' once to upgrade it", EXIT_FAILED) from None
    click.echo(f"{n} rows written to {output or 'standard output'}", err=True)


def main() -> None:  # pragma: no cover - console entry point
    cli(prog_name="pipeline")


if __name__ == "__main__":  # pragma: no cover
    main()
