"""The command line: the only code in numcheck that prints or exits.

``numcheck [OPTIONS] PATH...`` checks files; ``numcheck facts``, ``numcheck
rules`` and ``numcheck explain`` show the fact table and the rules. Exit
status: 0 nothing at or above ``--fail-on``; 1 something is; 2 usage,
configuration, input or internal error (a crash never exits 1); 130 on Ctrl-C.

Only typer and the standard library are imported at the top: everything
else (rich, the extractor, the rules) loads inside the functions that use
it, because editors run this on every save.

This module alone has no ``from __future__ import annotations``: typer reads
each command's parameters from its annotations, and string annotations made
it compile and evaluate ~40 of them on every start (~7 ms); evaluated when
the module is imported, they come compiled from its .pyc. Names imported only
for type checking are quoted.
"""

import copy
import gc
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from numcheck.report import REPORTERS

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from numcheck.config import Config
    from numcheck.model import Report

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
STDIN = "-"
# A progress bar only when there is enough to wait for.
PROGRESS_MIN_FILES = 20


# The --format choices are the names in the one registry of formats.
Format = Enum("Format", {name: name for name in REPORTERS}, type=str)  # type: ignore[misc]


class FailOn(str, Enum):
    note = "note"
    warning = "warning"
    error = "error"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class FactsFormat(str, Enum):
    auto = "auto"
    table = "table"
    json = "json"


class RulesFormat(str, Enum):
    text = "text"
    json = "json"


# Options of numcheck itself; anything else before a command name means `check`.
ROOT_OPTIONS = ("--version", "--help", "-h")
HELP_OPTIONS = ["-h", "--help"]


class DefaultGroup(TyperGroup):
    """``numcheck PATH...`` means ``numcheck check PATH...``: checking is the default command."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ROOT_OPTIONS):
            args = ["check", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=DefaultGroup,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": HELP_OPTIONS},
    help="Check the numbers in a piece of writing against each other.",
    epilog="`numcheck PATH...` is short for `numcheck check PATH...`; `numcheck check --help` lists its options.",
)


# --- output helpers ------------------------------------------------------------


def _write(stream: Any, text: str) -> None:
    """Write UTF-8 whatever the locale says, so the same input gives the same bytes."""
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is not None:
            stream.flush()
            buffer.write(text.encode("utf-8", "surrogateescape"))
            buffer.flush()
        else:
            stream.write(text)
            stream.flush()
    except BrokenPipeError:
        # The reader went away (numcheck ... | head). Point the stream at
        # /dev/null so the flush at exit is quiet; the exit status still
        # says what was found.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
        except (OSError, AttributeError, ValueError):
            pass


def _err(message: str) -> None:
    _write(sys.stderr, f"numcheck: {message}\n")


def _fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    _err(message)
    raise typer.Exit(code)


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def use_color(choice: Color, env: dict[str, str] | os._Environ[str], tty: bool) -> bool:
    """--color, then NO_COLOR, then FORCE_COLOR, then whether stdout is a terminal."""
    if choice is Color.always:
        return True
    if choice is Color.never:
        return False
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR") not in (None, "", "0"):
        return True
    return tty


def _width(tty: bool) -> int:
    """The terminal's width on a terminal; else COLUMNS or 100, never the wall of a pipe."""
    if tty:
        import shutil

        return shutil.get_terminal_size((100, 24)).columns
    try:
        return max(40, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return 100


# --- progress ------------------------------------------------------------------


class _Bar:
    """A rich progress bar on stderr, only ever shown on a terminal."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("checking"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(file=sys.stderr),
            transient=True,
        )
        self._task = self._progress.add_task("checking", total=total)
        self._progress.start()

    def advance(self) -> None:
        self._progress.advance(self._task)

    def close(self) -> None:
        self._progress.stop()


def _progress(total: int) -> _Bar:
    return _Bar(total)


def _codes_option(values: "Sequence[str] | None", option: str) -> tuple[str, ...]:
    from numcheck.config import ConfigError, codes

    try:
        return codes(list(values or []), "command line", option)
    except ConfigError as err:
        _fail(f"{option}: {err.reason}")


def _check_known(prefixes: "Sequence[str]", known: "Sequence[str]", where: str) -> None:
    """A code or prefix that names no rule is almost always a typo: say so."""
    for p in prefixes:
        if p != "ALL" and not any(k.startswith(p) for k in known):
            _fail(f"{where}: {p!r} matches no rule (see `numcheck rules`)")


def _load_config(config: Path | None, no_config: bool) -> "Config":
    from numcheck.config import Config, ConfigError, find, load

    try:
        if no_config:
            return Config()
        if config is not None:
            return load(config)
        found = find(Path.cwd())
        return load(found) if found is not None else Config()
    except ConfigError as err:
        _fail(f"configuration error: {err}")


def _load_rules(extra: "Sequence[str]") -> tuple[Any, ...]:
    from numcheck.pipeline import read_rules
    from numcheck.rules import RuleError

    try:
        return read_rules(tuple(str(d) for d in extra))
    except RuleError as err:
        _fail(f"rule error: {err}")


def _date(value: str | None) -> "dt.date | None":
    if value is None:
        return None
    from numcheck.config import ConfigError, parse_date

    try:
        return parse_date(value, "command line", "--date")
    except ConfigError as err:
        _fail(f"--date: {err.reason}")


def _input_problems(report: "Report") -> int:
    n = 0
    for f in report.files:
        if f.error is not None:
            _err(f"{f.path}: {f.error}")
            n += 1
    return n


def _run_error(err: Exception, settings: Any) -> str | None:
    """The message for an error in a run's own inputs (not its files); None for anything else."""
    from numcheck.files import InputError

    if isinstance(err, InputError):
        return f"{err.path}: {err.reason}"
    # Imported only when used: a plain run never loads baselines or git.
    if settings.baseline is not None:
        from numcheck.baseline import BaselineError

        if isinstance(err, BaselineError):
            return f"baseline error: {err}"
    if settings.changed_since is not None:
        from numcheck.gitdiff import GitError

        if isinstance(err, GitError):
            return f"--changed-since {settings.changed_since}: {err}"
    return None


# --- garbage collection ----------------------------------------------------------
#
# When numcheck is the process's own command line (``main()`` without arguments),
# the cyclic garbage collector is paused while it starts: importing ~95 modules and
# building their tables, patterns and classes allocates hundreds of thousands of
# objects that live until the process ends, and every full collection walked all of
# them again for nothing (~9 ms of a ~130 ms start). The texts are checked with it
# running as usual, over that start-up heap frozen (``gc.freeze``: collections skip
# it), and before exiting everything is frozen again, so that the interpreter's
# final collections do not walk the whole heap only to let the process end (~20 ms).

_gc_paused = False


def _pause_gc() -> None:
    global _gc_paused
    if gc.isenabled():
        gc.disable()
        _gc_paused = True


def _resume_gc() -> None:
    """Start-up is over: collect again, except what start-up built."""
    global _gc_paused
    if _gc_paused:
        _gc_paused = False
        gc.freeze()
        gc.enable()


def _run(paths: "Sequence[str]", settings: Any, rules: "Sequence[Any]", quiet: bool) -> "Report":
    """The library's check_files, with its errors as CLI messages and a progress bar on a terminal."""
    from numcheck.pipeline import check_files

    if _gc_paused:
        # What checking the first text would import is start-up too.
        import numcheck.facts  # noqa: F401

        if rules:
            import numcheck.engine  # noqa: F401
        _resume_gc()

    bar: list[_Bar] = []

    def progress(done: int, total: int) -> None:
        if not bar and total >= PROGRESS_MIN_FILES:
            bar.append(_progress(total))
        if bar:
            bar[0].advance()

    show = not quiet and _isatty(sys.stderr)
    try:
        report = check_files(paths, settings, rules, progress if show else None)
    except Exception as err:
        message = _run_error(err, settings)
        if message is None:
            raise
        _fail(message)
    finally:
        if bar:
            bar[0].close()
    if not report.files and not quiet:
        # Only --force-exclude empties a run without a problem: pre-commit naming only excluded files.
        _err("no files to check: every path given is excluded (--force-exclude)")
    return report


def _emit(text: str, output_file: Path | None) -> None:
    """The report to stdout, or to ``--output-file`` (UTF-8, as the bytes on stdout would be)."""
    if output_file is None:
        _write(sys.stdout, text)
        return
    try:
        output_file.write_bytes(text.encode("utf-8", "surrogateescape"))
    except OSError as err:
        _fail(f"cannot write {output_file}: {err.strerror or err}")


def _statistics(report: "Report", json: bool) -> str:
    """Findings per code, most frequent first (ruff's --statistics): aligned lines, or a JSON list."""
    from numcheck.report import statistics

    rows = statistics(report)
    if json:
        from numcheck.report.json import dumps

        items = [{"code": c, "name": n, "severity": s, "count": k} for c, n, s, k in rows]
        return dumps(items, flat_depth=1) + "\n"
    width = max((len(str(k)) for *_, k in rows), default=1)
    return "".join(f"{k:>{width}}  {c}  [{s}] {n}\n" for c, n, s, k in rows)


# --- commands ------------------------------------------------------------------

EPILOG = (
    "Other commands: `numcheck facts PATH` (the fact table), `numcheck rules` (every rule), "
    "`numcheck explain CODE` (one rule with examples), `numcheck --version`. Exit status: 0 clean, 1 findings at or "
    "above --fail-on, 2 usage/config/input/internal error, 130 interrupted."
)


@app.command("check", epilog=EPILOG)
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="PATH...", help="Files, directories (recursive), quoted globs, or - for stdin."),
    ] = None,
    output_format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "--output-format",
            "-f",
            help="Output format. [default: text]",
            case_sensitive=False,
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", metavar="CODES", help="Only these codes or prefixes (NC2,NC301). Repeatable."),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", metavar="CODES", help="Skip these codes or prefixes. Repeatable.")
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            metavar="SEVERITY",
            help="note, warning or error: lowest severity that fails the run (exit 1). [default: error]",
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", "--today", metavar="YYYY-MM-DD", help="Reporting date for rules that need 'now'."),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", metavar="FILE", help="Read this config file instead of searching for one."),
    ] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore configuration files.")] = False,
    include: Annotated[
        list[str] | None,
        typer.Option("--include", metavar="GLOB", help="Glob of files to check inside directories. Repeatable."),
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", metavar="GLOB", help="Glob of paths to skip. Repeatable.")
    ] = None,
    force_exclude: Annotated[
        bool,
        typer.Option(
            "--force-exclude",
            help="Apply the exclude patterns to paths named on the command line too (for pre-commit).",
        ),
    ] = False,
    respect_gitignore: Annotated[
        bool,
        typer.Option(
            "--respect-gitignore/--no-respect-gitignore", help="Skip files git ignores when walking directories."
        ),
    ] = True,
    extra_rules: Annotated[
        list[str] | None, typer.Option("--extra-rules", metavar="DIR", help="Another folder of rule TOML files.")
    ] = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option("--stdin-filename", metavar="NAME", help="Name shown for - (stdin); its suffix picks the markup."),
    ] = None,
    baseline: Annotated[
        str | None, typer.Option("--baseline", metavar="FILE", help="Report only findings not in this baseline.")
    ] = None,
    write_baseline: Annotated[
        str | None,
        typer.Option(
            "--write-baseline", metavar="FILE", help="Record the current findings as the baseline and exit 0."
        ),
    ] = None,
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since",
            metavar="REF",
            help="Only findings with a figure on a line this branch changed since it left REF "
            "(as git diff REF...HEAD, plus uncommitted edits), or in A...B.",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, metavar="N", help="Files checked in parallel. [default: number of cores]"),
    ] = None,
    color: Annotated[Color, typer.Option("--color", help="Colour in the text format.")] = Color.auto,
    facts: Annotated[bool, typer.Option("--facts", help="Text format: show each file's fact table too.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary or progress on stderr.")] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even with findings (errors in use or input still exit 2).")
    ] = False,
    output_file: Annotated[
        Path | None,
        typer.Option("--output-file", "-o", metavar="FILE", help="Write the report to FILE instead of stdout."),
    ] = None,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics", help="Print the number of findings per code instead of the findings (text or json)."
        ),
    ] = False,
) -> None:
    """Check the figures in PATH... against each other."""

    from dataclasses import replace

    from numcheck.model import severity_rank
    from numcheck.pipeline import Settings
    from numcheck.report import Options, summary_line
    from numcheck.suppress import META_RULES

    if not paths:
        _fail("no PATH given (use - to read stdin); try `numcheck --help`")
    if stdin_filename is not None and STDIN not in paths:
        _fail("--stdin-filename needs - among the paths")
    if paths.count(STDIN) > 1:
        _fail("- (stdin) can be given only once")
    cfg = _load_config(config, no_config)
    fmt = output_format.value if output_format is not None else "text"
    reporter = REPORTERS[fmt]
    if statistics and fmt not in ("text", "concise", "json"):
        _fail(f"--statistics prints text or json, not {fmt}")
    cli_ignore = _codes_option(ignore, "--ignore")
    settings = Settings.from_config(
        cfg,
        select=_codes_option(select, "--select"),
        ignore=cli_ignore,
        today=_date(date),
        include=include,
        exclude=exclude,
        force_exclude=force_exclude,
        respect_gitignore=respect_gitignore,
        extra_rules=extra_rules,
        stdin_filename=stdin_filename,
        baseline=baseline,
        changed_since=changed_since,
        jobs=jobs or os.cpu_count() or 1,
        keep_facts=not statistics and (reporter.facts or (reporter.styled and facts)),
    )
    threshold = fail_on.value if fail_on is not None else cfg.fail_on or "error"
    rules = _load_rules(settings.extra_rules)
    known = [r.code for r in rules] + [m.code for m in META_RULES]
    _check_known(settings.select, known, "--select" if select else f"{cfg.path}: select")
    _check_known(cli_ignore, known, "--ignore")
    _check_known(cfg.ignore, known, f"{cfg.path}: ignore")
    _check_known([code for code, _ in cfg.severity], known, f"{cfg.path}: severity")
    for glob, codes in cfg.per_file_ignores:
        _check_known(codes, known, f"{cfg.path}: per-file-ignores.{glob!r}")

    if write_baseline is not None:
        # Suppression and selection define "the findings"; a baseline written now
        # records all of them, whatever --baseline or --changed-since would hide.
        settings = replace(settings, baseline=None, changed_since=None)
    report = _run(paths, settings, rules, quiet)
    problems = _input_problems(report)
    if write_baseline is not None:
        from numcheck.baseline import dumps, entries, project_root

        found = entries((f for f in report.files if f.error is None), project_root(settings.root))
        try:
            Path(write_baseline).write_text(dumps(found), encoding="utf-8")
        except OSError as err:
            _fail(f"cannot write baseline {write_baseline}: {err.strerror or err}")
        if not quiet:
            _err(f"wrote {len(found)} finding{'s' if len(found) != 1 else ''} to {write_baseline}")
        raise typer.Exit(EXIT_ERROR if problems else EXIT_OK)

    tty = output_file is None and _isatty(sys.stdout)
    from numcheck import __version__

    options = Options(
        color=use_color(color, os.environ, tty) if reporter.styled else False,
        width=_width(tty),
        facts=facts,
        rules=(*rules, *META_RULES),
        version=__version__,
    )
    if statistics:
        _emit(_statistics(report, json=fmt == "json"), output_file)
    else:
        _emit(reporter(report, options), output_file)
    if (statistics or not reporter.summary) and not quiet:
        _write(sys.stderr, summary_line(report) + "\n")
    if report.baseline is not None and not quiet:
        from numcheck.report import baseline_lines

        _write(sys.stderr, "".join(line + "\n" for line in baseline_lines(report.baseline)))
    if problems:
        raise typer.Exit(EXIT_ERROR)
    rank = severity_rank(threshold)
    failing = any(severity_rank(f.severity) >= rank for file in report.files for f in file.findings)
    raise typer.Exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


@app.command("facts", short_help="Print the fact table of PATH...: every figure and what it means.")
def facts_command(
    paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Files, directories, or - for stdin.")],
    output_format: Annotated[
        FactsFormat,
        typer.Option("--format", "-f", help="table on a terminal, json in a pipe, unless chosen."),
    ] = FactsFormat.auto,
    stdin_filename: Annotated[str | None, typer.Option("--stdin-filename", help="Name shown for -.")] = None,
    color: Annotated[Color, typer.Option("--color", help="Colour in the table.")] = Color.auto,
) -> None:
    """Print the fact table: every figure with its kind, value, interval and subject."""
    from numcheck.pipeline import Settings

    # The check pipeline with no rules: the same reading, pieces and reporting date.
    report = _run(paths, Settings(stdin_filename=stdin_filename), (), quiet=True)
    out = report.files
    problems = _input_problems(report)
    tty = _isatty(sys.stdout)
    fmt = output_format
    if fmt is FactsFormat.auto:
        fmt = FactsFormat.table if tty else FactsFormat.json
    if fmt is FactsFormat.json:
        from numcheck.report.json import SCHEMA_VERSION, dumps, file_dict

        doc_out = {
            "version": SCHEMA_VERSION,
            "files": [{"path": d["path"], "facts": d["facts"]} for d in (file_dict(f) for f in out if f.error is None)],
        }
        _write(sys.stdout, dumps(doc_out) + "\n")
    else:
        from numcheck.report import Options
        from numcheck.report.text import render_facts

        _write(sys.stdout, render_facts(report, Options(color=use_color(color, os.environ, tty), width=_width(tty))))
    raise typer.Exit(EXIT_ERROR if problems else EXIT_OK)


@app.command("archive", short_help="Check an archive (files, JSON Lines, Parquet) on a Dask cluster.")
def archive_command(
    sources: Annotated[
        list[str],
        typer.Argument(
            metavar="SOURCE...", help="Files, directories, quoted globs; .jsonl/.ndjson and .parquet files."
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="DIR", help="Where findings and the summary go.")],
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, metavar="N", help="Local cluster's worker processes. [default: cores]"),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", metavar="ADDRESS", help="Run on this Dask cluster (tcp://host:8786)."),
    ] = None,
    id_field: Annotated[str, typer.Option("--id-field", metavar="NAME", help="JSON/Parquet field of the id.")] = "id",
    text_field: Annotated[
        str, typer.Option("--text-field", metavar="NAME", help="JSON/Parquet field of the text.")
    ] = "text",
    resume: Annotated[bool, typer.Option("--resume", help="Finish a stopped run: keep complete partitions.")] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.01, metavar="SECONDS", help="Longest one article may take.")
    ] = 60.0,
    partition_size: Annotated[
        str, typer.Option("--partition-size", metavar="SIZE", help="Text per partition (64K, 1M).")
    ] = "1M",
    select: Annotated[list[str] | None, typer.Option("--select", metavar="CODES", help="Only these codes.")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", metavar="CODES", help="Skip these codes.")] = None,
    date: Annotated[str | None, typer.Option("--date", "--today", metavar="YYYY-MM-DD", help="Reporting date.")] = None,
    include: Annotated[
        list[str] | None, typer.Option("--include", metavar="GLOB", help="Files in directories.")
    ] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", metavar="GLOB", help="Paths to skip.")] = None,
    extra_rules: Annotated[list[str] | None, typer.Option("--extra-rules", metavar="DIR", help="More rules.")] = None,
    config: Annotated[Path | None, typer.Option("--config", metavar="FILE", help="Config file to read.")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore configuration files.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")] = False,
) -> None:
    """Check an archive on a Dask cluster: JSON Lines findings and a summary in DIR (numcheck[archive])."""
    _resume_gc()
    from numcheck import archive
    from numcheck.articles import ArchiveError, Fields, parse_size, plan
    from numcheck.pipeline import Settings

    try:
        size = parse_size(partition_size)
    except ValueError as err:
        _fail(f"--partition-size: {err}")
    settings = Settings.from_config(
        _load_config(config, no_config),
        select=_codes_option(select, "--select"),
        ignore=_codes_option(ignore, "--ignore"),
        today=_date(date),
        include=include,
        exclude=exclude,
        extra_rules=extra_rules,
    )
    _load_rules(settings.extra_rules)  # a bad rule file stops the run before it starts
    bar: list[_Bar] = []
    shown = [0]

    def progress(done: int, total: int) -> None:  # partitions, not articles: a partition is one task
        if not bar:
            bar.append(_progress(total))
        for _ in range(done - shown[0]):
            bar[0].advance()
        shown[0] = done

    try:
        parts = plan(sources, partition_bytes=size, include=settings.include, exclude=settings.exclude)
        with archive.client(scheduler, workers) as client:
            board = archive.dashboard_of(client)
            if board is not None and not quiet:
                _err(f"Dask dashboard: {board}")
            job = archive.Job(settings, Fields(id_field, text_field), timeout)
            show = not quiet and _isatty(sys.stderr)
            summary = archive.run(parts, output, job, c=client, resume=resume, progress=progress if show else None)
    except ArchiveError as err:
        _fail(str(err))
    except KeyboardInterrupt:
        _err(f"stopped; complete partitions are kept: add --resume to finish the run in {output}")
        raise
    finally:
        if bar:
            bar[0].close()
    if not quiet:
        _write(sys.stderr, archive.describe(summary))
    raise typer.Exit(EXIT_ERROR if summary.failed else EXIT_OK)


def _all_rules(extra: "Sequence[str]") -> list[Any]:
    from numcheck.suppress import META_RULES

    return sorted([*_load_rules(extra), *META_RULES], key=lambda r: r.code)


@app.command("rules")
def rules_command(
    output_format: Annotated[RulesFormat, typer.Option("--format", "-f", help="text or json.")] = RulesFormat.text,
    extra_rules: Annotated[
        list[str] | None, typer.Option("--extra-rules", metavar="DIR", help="Another folder of rule TOML files.")
    ] = None,
) -> None:
    """List every rule: code, severity, name and summary."""
    rules = _all_rules(extra_rules or [])
    if output_format is RulesFormat.json:
        from numcheck.report.json import dumps

        _write(
            sys.stdout,
            dumps(
                [
                    {"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary} | _kind(r)
                    for r in rules
                ]
            )
            + "\n",
        )
        return
    name_width = max((len(r.name) for r in rules), default=0)
    lines = [f"{r.code}  {r.severity:<7}  {r.name:<{name_width}}  {r.summary}" for r in rules]
    _write(sys.stdout, "".join(line.rstrip() + "\n" for line in lines))


def _kind(rule: Any) -> dict[str, str]:
    """What a rule runs: its relation and judge, its check kind, or nothing for numcheck's own rules."""
    if getattr(rule, "judge", ""):
        return {"relation": rule.relation, "judge": rule.judge}
    if getattr(rule, "check", ""):
        return {"check": rule.check}
    return {}


def _examples(rule: Any) -> tuple[list[str], list[str]]:
    """A rule's flagged and clean examples, whatever shape the rule keeps them in."""
    flagged = getattr(rule, "flagged", None)
    clean = getattr(rule, "clean", None)
    ex = getattr(rule, "examples", None)
    if callable(ex):
        ex = ex()
    if flagged is None and ex is not None:
        flagged = getattr(ex, "flagged", None) if not isinstance(ex, dict) else ex.get("flagged")
        clean = getattr(ex, "clean", None) if not isinstance(ex, dict) else ex.get("clean")
    return [str(getattr(e, "text", e)) for e in flagged or ()], [str(getattr(e, "text", e)) for e in clean or ()]


@app.command("explain", short_help="Explain one rule, with its examples.")
def explain_command(
    code: Annotated[str, typer.Argument(metavar="CODE", help="A rule code, e.g. NC201.")],
    extra_rules: Annotated[
        list[str] | None, typer.Option("--extra-rules", metavar="DIR", help="Another folder of rule TOML files.")
    ] = None,
    color: Annotated[Color, typer.Option("--color", help="Highlight the flagged figures in colour.")] = Color.auto,
) -> None:
    """Explain one rule: what it flags, why it matters, and its examples."""
    from numcheck.report import Options
    from numcheck.report.text import render_rule

    wanted = code.strip().upper()
    rule = next((r for r in _all_rules(extra_rules or []) if r.code == wanted), None)
    if rule is None:
        _fail(f"no rule {code!r} (see `numcheck rules`)")
    flagged, clean = _examples(rule)
    today = getattr(getattr(rule, "examples", None), "today", None)
    tty = _isatty(sys.stdout)
    options = Options(color=use_color(color, os.environ, tty), width=_width(tty))
    _write(sys.stdout, render_rule(rule, flagged, clean, today, options))


def _version(value: bool) -> None:
    if value:
        from numcheck import __version__

        _write(sys.stdout, f"numcheck {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.command("help")
def help_command(
    ctx: typer.Context,
    command: Annotated[str | None, typer.Argument(metavar="[COMMAND]", help="A command, e.g. check.")] = None,
) -> None:
    """Show the help of numcheck or of one command."""
    root = ctx.parent if ctx.parent is not None else ctx
    group = root.command
    if command is None:
        _write(sys.stdout, group.get_help(root) + "\n")
        return
    sub = group.get_command(root, command) if isinstance(group, TyperGroup) else None
    if sub is None:
        _fail(f"no command {command!r} (see `numcheck help`)")
    _write(sys.stdout, sub.get_help(typer.Context(sub, info_name=command, parent=root)) + "\n")


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Check the numbers in a piece of writing against each other."""


def _app_for(args: "Sequence[str]") -> typer.Typer:
    """The app with only the command ``args`` runs, or all of them when the root help may list them.

    typer builds every registered command before it parses anything; the ones a
    run does not use cost ~1.5 ms of each start. Which one runs is what
    ``DefaultGroup`` decides: a command's name first, else ``check``.
    """
    first = args[0] if args else None
    if first in ROOT_OPTIONS or first == "help":
        return app
    names = [c.name for c in app.registered_commands]
    wanted = first if first in names else "check"
    one = copy.copy(app)
    one.registered_commands = [c for c in app.registered_commands if c.name == wanted]
    return one


def main(argv: "Sequence[str] | None" = None) -> NoReturn:
    """Console-script entry point: run the app and turn every outcome into an exit status."""
    own = argv is None  # the process's own command line: the process ends when this returns
    args = list(argv) if argv is not None else sys.argv[1:]
    if own:
        _pause_gc()
    try:
        status = _app_for(args)(args=args, prog_name="numcheck", standalone_mode=False)
    except typer.TyperException as err:  # usage errors: bad option, missing argument
        show = getattr(err, "show", None)
        if callable(show):
            show()
        else:
            _err(str(err))
        status = getattr(err, "exit_code", EXIT_ERROR) or EXIT_ERROR
        if status == EXIT_FINDINGS:  # only findings may exit 1
            status = EXIT_ERROR
    except (KeyboardInterrupt, typer.Abort):
        status = EXIT_INTERRUPTED
    except Exception as err:  # noqa: BLE001 - a crash must exit 2, never 1
        _err(f"internal error: {type(err).__name__}: {err}")
        status = EXIT_ERROR
    if status == EXIT_INTERRUPTED:
        _err("interrupted")
    _resume_gc()
    code = status if isinstance(status, int) else EXIT_OK
    if own:
        gc.freeze()
        _end(code)
    sys.exit(code)


def _end(code: int) -> None:
    """End the process now, when nothing else runs in it; else return (the caller exits as usual).

    An interpreter's shutdown tears down every module and object of the heap
    one at a time (~4 ms of a ~100 ms run) for a process that ends anyway.
    What of it matters here is done first, in its order: the at-exit functions
    (the start-up cache is saved there) and the standard streams flushed. With
    another thread alive, or a stream that cannot be flushed, the interpreter
    shuts down as usual and reports it as usual.
    """
    import atexit
    import threading

    if threading.active_count() != 1 and code != EXIT_INTERRUPTED:
        return
    # On an interrupt a parallel run's pool may still have its manager thread: the usual shutdown would
    # wake it through a pipe its workers' end has already closed and print "Exception ignored in
    # threading" under the one line "numcheck: interrupted". Its workers are terminated; end now.
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:  # noqa: BLE001 - the usual shutdown reports it
        return
    os._exit(code)
