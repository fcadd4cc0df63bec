"""The command line: the only code in numcheck that prints or exits.

``numcheck [OPTIONS] PATH...`` checks files; ``numcheck facts``, ``numcheck
rules`` and ``numcheck explain`` show the fact table and the rules. Exit
status: 0 nothing at or above ``--fail-on``; 1 something is; 2 usage,
configuration, input or internal error (a crash never exits 1); 130 on Ctrl-C.

Only typer and the standard library are imported at the top: everything
else (rich, the extractor, the rules) loads inside the functions that use
it, because editors run this on every save.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from numcheck.config import Config
    from numcheck.model import FileReport, Report

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
STDIN = "-"
# Below this much work a process pool costs more than it saves. Each worker
# loads the rules, compiles the regexes it needs and, once a figure has a unit,
# builds its pint registry: 0.15-0.75 s of CPU more than a serial run
# (measured on the corpus: 8 files +0.14 s, 32 files +0.56 s, 128 files +0.76 s),
# which two workers win back only past ~0.8 s of checking, about 200 KB of news.
PARALLEL_MIN_FILES = 128
PARALLEL_MIN_BYTES = 200 * 1024
# A progress bar only when there is enough to wait for.
PROGRESS_MIN_FILES = 20


class Format(str, Enum):
    text = "text"
    concise = "concise"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"


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


SUBCOMMANDS = ("check", "facts", "rules", "explain")


class DefaultGroup(TyperGroup):
    """``numcheck PATH...`` means ``numcheck check PATH...``: checking is the default command."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args or (args[0] not in SUBCOMMANDS and args[0] != "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=DefaultGroup,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Check the numbers in a piece of writing against each other.",
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


# --- the pipeline --------------------------------------------------------------


def _decode_stdin(data: bytes, name: str) -> str:
    from numcheck.files import decode

    return decode(data, name)


@dataclass(frozen=True)
class Job:
    """What every file of a run is checked with; pickled once per chunk for worker processes."""

    # Rule folders, not Rule objects: rules hold compiled patterns and mapping
    # proxies that do not pickle, so each worker loads its own (once, see rules_for).
    rule_dirs: tuple[str, ...]
    today: dt.date | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # Only the json format and --facts print facts; without them a big run
    # keeps neither facts nor the text of files with nothing to report.
    keep_facts: bool = True


def finish(file: FileReport, job: Job) -> FileReport:
    """Suppression comments and --select/--ignore, then drop what the output will not need."""
    from dataclasses import replace

    from numcheck.suppress import apply

    if file.error is not None:
        return file
    file = select_findings(apply(file), job.select, job.ignore)
    if not job.keep_facts:
        file = replace(file, facts=(), text=file.text if file.findings else "")
    return file


def pipeline(text: str, path: str, rules: Sequence[Any], today: dt.date | None) -> FileReport:
    """Fact table, then rules: the library's ``check_text`` (tests swap this for a stand-in)."""
    from numcheck import check_text

    return check_text(text, path, rules=rules, today=today)


def check_pieces(text: str, path: str, job: Job, rules: Sequence[Any]) -> FileReport:
    """Check a long text piece by piece (``engine.pieces``): one report, spans into the whole text.

    The first piece's dateline (if any) is the reporting date of every
    piece; facts are kept only when the output prints them.
    """
    from dataclasses import replace

    from numcheck.dates import reporting_date
    from numcheck.engine import pieces
    from numcheck.model import Document, FileReport, Related, Source, Span
    from numcheck.source import prepare

    today = job.today
    facts: list[Any] = []
    findings: list[Any] = []
    for i, (start, end) in enumerate(pieces(text)):
        part = text[start:end]
        checked = pipeline(part, path, rules, today)
        if i == 0 and today is None:
            today = reporting_date(Document(Source(path, part), (), checked.facts, prepare(part, path)), checked.facts)
        for f in checked.findings:
            findings.append(
                replace(
                    f,
                    span=Span(f.span.start + start, f.span.end + start),
                    related=tuple(Related(Span(r.span.start + start, r.span.end + start), r.text) for r in f.related),
                )
            )
        if job.keep_facts:
            facts.extend(replace(f, span=Span(f.span.start + start, f.span.end + start)) for f in checked.facts)
    return FileReport(path, text, tuple(facts), tuple(findings))


def check_source(text: str, path: str, job: Job, rules: Sequence[Any]) -> FileReport:
    """Check one text; an unexpected failure becomes that file's error, not a crash of the run."""
    from numcheck.engine import PIECE_CHARS
    from numcheck.model import FileReport

    try:
        if len(text) > PIECE_CHARS:
            # An archive, not an article: in pieces, for bounded memory and linear time.
            return finish(check_pieces(text, path, job, rules), job)
        return finish(pipeline(text, path, rules, job.today), job)
    except RecursionError:
        return FileReport(path, text, (), (), error="internal error: text nested too deeply to check")
    except Exception as err:  # noqa: BLE001 - one bad file must not stop the others
        return FileReport(path, text, (), (), error=f"internal error: {type(err).__name__}: {err}")


def _check_stdin(name: str, job: Job, rules: Sequence[Any]) -> FileReport:
    from numcheck.files import InputError
    from numcheck.model import FileReport

    try:
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
        text = _decode_stdin(data, name)
    except InputError as err:
        return FileReport(name, "", (), (), error=err.reason)
    return check_source(text, name, job, rules)


def check_file(path: str, job: Job, rules: Sequence[Any]) -> FileReport:
    """Read and check one file."""
    from numcheck.files import InputError, read
    from numcheck.model import FileReport

    try:
        source = read(path)
    except InputError as err:
        return FileReport(err.path, "", (), (), error=err.reason)
    return check_source(source.text, source.path, job, rules)


def check_in_worker(path: str, job: Job) -> FileReport:
    """``check_file`` in a --jobs worker process, with that worker's copy of the rules."""
    return check_file(path, job, rules_for(job.rule_dirs))


def _ignore_sigint() -> None:
    # Workers leave Ctrl-C to the parent, which prints the one line and stops them.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_files(items: Sequence[Any], job: Job, rules: Sequence[Any], jobs: int, progress: bool) -> list[FileReport]:
    """Check every discovered item in order; a pool for big runs, same order as serial."""
    from numcheck.model import FileReport

    paths = [i for i in items if isinstance(i, str)]
    size = 0
    for p in paths:
        try:
            size += os.path.getsize(p)
        except OSError:
            pass
    parallel = jobs > 1 and len(paths) > 1 and (len(paths) >= PARALLEL_MIN_FILES or size >= PARALLEL_MIN_BYTES)

    def problem(item: Any) -> FileReport:
        return FileReport(item.path, "", (), (), error=item.reason)

    bar = _progress(len(paths)) if progress and len(paths) >= PROGRESS_MIN_FILES else None
    out: list[FileReport] = []
    try:
        if parallel:
            from concurrent.futures import ProcessPoolExecutor
            from functools import partial

            # Import the pipeline before the pool forks, so workers inherit it
            # instead of each paying for the imports (and regex compiles) again.
            import numcheck.engine  # noqa: F401
            import numcheck.facts  # noqa: F401

            chunk = max(1, len(paths) // (jobs * 8))
            pool = ProcessPoolExecutor(max_workers=min(jobs, len(paths)), initializer=_ignore_sigint)
            try:
                results = pool.map(partial(check_in_worker, job=job), paths, chunksize=chunk)
                for item in items:
                    out.append(next(results) if isinstance(item, str) else problem(item))
                    if bar is not None:
                        bar.advance()
            except BaseException:
                for proc in list(getattr(pool, "_processes", {}).values()):
                    proc.terminate()  # do not wait for work nobody will read
                pool.shutdown(wait=False, cancel_futures=True)
                raise
            pool.shutdown()
        else:
            for item in items:
                out.append(check_file(item, job, rules) if isinstance(item, str) else problem(item))
                if bar is not None:
                    bar.advance()
    finally:
        if bar is not None:
            bar.close()
    return out


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


def matches(code: str, prefixes: Sequence[str]) -> bool:
    return any(p == "ALL" or code.startswith(p) for p in prefixes)


def select_findings(file: FileReport, select: Sequence[str], ignore: Sequence[str]) -> FileReport:
    """Keep findings whose code matches --select (all when empty) and not --ignore."""
    from dataclasses import replace

    kept = tuple(f for f in file.findings if (not select or matches(f.code, select)) and not matches(f.code, ignore))
    return file if len(kept) == len(file.findings) else replace(file, findings=kept)


def _codes_option(values: Sequence[str] | None, option: str) -> tuple[str, ...]:
    from numcheck.config import ConfigError, codes

    try:
        return codes(list(values or []), "command line", option)
    except ConfigError as err:
        _fail(f"{option}: {err.reason}")


def _check_known(prefixes: Sequence[str], known: Sequence[str], where: str) -> None:
    """A code or prefix that names no rule is almost always a typo: say so."""
    for p in prefixes:
        if p != "ALL" and not any(k.startswith(p) for k in known):
            _fail(f"{where}: {p!r} matches no rule (see `numcheck rules`)")


def _load_config(config: Path | None, no_config: bool) -> Config:
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


def read_rules(dirs: tuple[str, ...]) -> tuple[Any, ...]:
    """The bundled rules plus the rule folders ``dirs``; raises RuleError."""
    from numcheck.rules import load_rules

    return tuple(load_rules([Path(d) for d in dirs]))


@lru_cache(maxsize=8)
def rules_for(dirs: tuple[str, ...]) -> tuple[Any, ...]:
    """The rules in a worker process, loaded once per worker (the parent has checked them)."""
    return read_rules(dirs)


def _load_rules(extra: Sequence[str]) -> tuple[Any, ...]:
    from numcheck.rules import RuleError

    try:
        return read_rules(tuple(str(d) for d in extra))
    except RuleError as err:
        _fail(f"rule error: {err}")


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    from numcheck.config import ConfigError, parse_date

    try:
        return parse_date(value, "command line", "--date")
    except ConfigError as err:
        _fail(f"--date: {err.reason}")


def _input_problems(report: Report) -> int:
    n = 0
    for f in report.files:
        if f.error is not None:
            _err(f"{f.path}: {f.error}")
            n += 1
    return n


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
            help="text, concise, json, jsonl, sarif or github. [default: text]",
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
        typer.Option("--changed-since", metavar="REF", help="Only findings with a figure on a line changed since REF."),
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
) -> None:
    """Check the figures in PATH... against each other."""

    from numcheck.model import Report, severity_rank
    from numcheck.report import MACHINE_FORMATS, REPORTERS, Options, summary_line
    from numcheck.suppress import META_RULES

    if not paths:
        _fail("no PATH given (use - to read stdin); try `numcheck --help`")
    if stdin_filename is not None and STDIN not in paths:
        _fail("--stdin-filename needs - among the paths")
    if paths.count(STDIN) > 1:
        _fail("- (stdin) can be given only once")
    cfg = _load_config(config, no_config)
    cli_select = _codes_option(select, "--select")
    cli_ignore = _codes_option(ignore, "--ignore")
    selected = cli_select or cfg.select
    ignored = (*cfg.ignore, *cli_ignore)
    threshold = fail_on.value if fail_on is not None else cfg.fail_on or "error"
    today = _date(date) if date is not None else cfg.date
    rule_dirs = tuple(str(d) for d in (*cfg.extra_rules, *(extra_rules or [])))
    rules = _load_rules(rule_dirs)
    known = [r.code for r in rules] + [m.code for m in META_RULES]
    _check_known(selected, known, "--select" if cli_select else f"{cfg.path}: select")
    _check_known(cli_ignore, known, "--ignore")
    _check_known(cfg.ignore, known, f"{cfg.path}: ignore")

    known_findings = None
    if baseline is not None:
        from numcheck.baseline import BaselineError, load

        try:
            known_findings = load(baseline)
        except BaselineError as err:
            _fail(f"baseline error: {err}")
    changes = None
    if changed_since is not None:
        from numcheck.gitdiff import GitError
        from numcheck.gitdiff import changed_since as git_changes

        try:
            changes = git_changes(changed_since)
        except GitError as err:
            _fail(f"--changed-since {changed_since}: {err}")

    from numcheck.files import InputError, discover

    try:
        items = discover([p for p in paths], cfg.include if not include else include, (*cfg.exclude, *(exclude or [])))
    except InputError as err:
        _fail(f"{err.path}: {err.reason}")
    if not items and not quiet:
        # Not an error (a folder of other files is fine), but a typo'd include is worth a word.
        _err("no files to check: the paths hold no file matching the include patterns")
    stdin_name = stdin_filename or STDIN
    n_jobs = jobs or os.cpu_count() or 1
    show_progress = not quiet and _isatty(sys.stderr)
    fmt = (output_format or Format.text).value
    job = Job(rule_dirs, today, selected, ignored, keep_facts=fmt == "json" or (fmt == "text" and facts))
    checked = iter(run_files([i for i in items if i != STDIN], job, rules, n_jobs, show_progress))
    reports: list[FileReport] = []
    stdin_index = -1
    # Reports follow the order of the paths given, stdin in its place among them.
    for item in items:
        if item == STDIN:
            stdin_index = len(reports)
            reports.append(_check_stdin(stdin_name, job, rules))
        else:
            reports.append(next(checked))

    # Suppression and selection define "the findings"; a baseline written now
    # records all of them, whatever --baseline or --changed-since would hide.
    selected_files = reports
    problems = _input_problems(Report(files=tuple(selected_files)))
    if write_baseline is not None:
        from numcheck.baseline import dumps, entries

        found = entries(f for f in selected_files if f.error is None)
        try:
            Path(write_baseline).write_text(dumps(found), encoding="utf-8")
        except OSError as err:
            _fail(f"cannot write baseline {write_baseline}: {err.strerror or err}")
        if not quiet:
            _err(f"wrote {len(found)} finding{'s' if len(found) != 1 else ''} to {write_baseline}")
        raise typer.Exit(EXIT_ERROR if problems else EXIT_OK)

    finished: list[FileReport] = []
    for index, file in enumerate(selected_files):
        if file.error is None:
            if known_findings is not None:
                from numcheck.baseline import subtract

                file = subtract(file, known_findings)
            if changes is not None and index != stdin_index:
                from numcheck.gitdiff import keep_changed

                file = keep_changed(file, changes)
        finished.append(file)
    report = Report(files=tuple(finished))

    tty = _isatty(sys.stdout)
    from numcheck import __version__

    options = Options(
        color=use_color(color, os.environ, tty) if fmt == "text" else False,
        width=_width(tty),
        facts=facts,
        rules=(*rules, *META_RULES),
        version=__version__,
    )
    _write(sys.stdout, REPORTERS[fmt](report, options))
    if fmt in MACHINE_FORMATS or fmt == "concise":
        if not quiet:
            _write(sys.stderr, summary_line(report) + "\n")
    if problems:
        raise typer.Exit(EXIT_ERROR)
    rank = severity_rank(threshold)
    failing = any(severity_rank(f.severity) >= rank for file in report.files for f in file.findings)
    raise typer.Exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


@app.command("facts")
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
    from numcheck.facts import extract
    from numcheck.files import InputError, discover, read
    from numcheck.model import FileReport, Report

    out: list[FileReport] = []
    try:
        items = discover(paths, (), ())
    except InputError as err:
        _fail(f"{err.path}: {err.reason}")
    for item in items:
        if not isinstance(item, str):
            out.append(FileReport(item.path, "", (), (), error=item.reason))
            continue
        try:
            if item == STDIN:
                name = stdin_filename or STDIN
                text = _decode_stdin(sys.stdin.buffer.read(), name)
            else:
                source = read(item)
                name, text = source.path, source.text
        except InputError as err:
            out.append(FileReport(err.path, "", (), (), error=err.reason))
            continue
        doc = extract(text, name)
        out.append(FileReport(name, text, doc.facts, ()))
    report = Report(tuple(out))
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


def _all_rules(extra: Sequence[str]) -> list[Any]:
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
            dumps([{"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary} for r in rules])
            + "\n",
        )
        return
    name_width = max((len(r.name) for r in rules), default=0)
    lines = [f"{r.code}  {r.severity:<7}  {r.name:<{name_width}}  {r.summary}" for r in rules]
    _write(sys.stdout, "".join(line.rstrip() + "\n" for line in lines))


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


@app.command("explain")
def explain_command(
    code: Annotated[str, typer.Argument(help="A rule code, e.g. NC201.")],
    extra_rules: Annotated[
        list[str] | None, typer.Option("--extra-rules", metavar="DIR", help="Another folder of rule TOML files.")
    ] = None,
) -> None:
    """Explain one rule: what it flags, why it matters, and its examples."""
    import textwrap

    wanted = code.strip().upper()
    rule = next((r for r in _all_rules(extra_rules or []) if r.code == wanted), None)
    if rule is None:
        _fail(f"no rule {code!r} (see `numcheck rules`)")
    flagged, clean = _examples(rule)
    out = [f"{rule.code} {rule.name} ({rule.severity})", "", rule.summary, ""]
    if rule.why:
        out += [
            "Why it matters:",
            *textwrap.wrap(" ".join(rule.why.split()), 78, initial_indent="  ", subsequent_indent="  "),
            "",
        ]

    def item(example: str) -> str:
        return "  - " + example.strip().replace("\n", "\n    ")

    if flagged:
        out += ["Flagged (the marked figure):", *map(item, flagged), ""]
    if clean:
        out += ["Not flagged:", *map(item, clean), ""]
    if not rule.code.startswith("NC0"):  # NC0xx are about suppression comments themselves
        out += [f"Silence one occurrence with <!-- numcheck-disable-next-line {rule.code}: your reason -->"]
    _write(sys.stdout, "\n".join(out) + "\n")


def _version(value: bool) -> None:
    if value:
        from numcheck import __version__

        _write(sys.stdout, f"numcheck {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Check the numbers in a piece of writing against each other."""


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Console-script entry point: run the app and turn every outcome into an exit status."""
    try:
        status = app(args=list(argv) if argv is not None else None, prog_name="numcheck", standalone_mode=False)
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
    sys.exit(status if isinstance(status, int) else EXIT_OK)
