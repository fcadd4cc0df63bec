"""The checking pipeline: texts and files to reports, the same for the library and every command.

    Settings ─► check_source(text, path)   pieces for a long text, fact table, rules,
                                           suppression comments, --select/--ignore
             ─► check_files(paths)         discovery, reading, a process pool for big
                                           runs (same order as serial), then the
                                           baseline and --changed-since filters

``numcheck.check_text`` and ``numcheck.check_paths`` call these, and so does
``numcheck`` on the command line, so the library and the CLI give the same
findings. The pipeline is silent: problems in a user's text become a
FileReport's ``error``; problems in the run's own inputs (rule files,
baseline, git, paths) are raised for the caller to report; progress goes to
an optional callback.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from numcheck.model import FileReport, Finding, Related, Report, Sentence, Span

if TYPE_CHECKING:
    from numcheck.config import Config
    from numcheck.files import InputProblem

STDIN = "-"
# Below this much work a process pool costs more than it saves. Each worker
# loads the rules, compiles the regexes it needs and, once a figure has a unit,
# builds its pint registry: 0.15-0.75 s of CPU more than a serial run
# (measured on the corpus: 8 files +0.14 s, 32 files +0.56 s, 128 files +0.76 s),
# which two workers win back only past ~0.8 s of checking, about 200 KB of news.
PARALLEL_MIN_FILES = 128
PARALLEL_MIN_BYTES = 200 * 1024

# progress(done, total): called after each file of a run, in order.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Settings:
    """Everything a run is checked with, from configuration and flags; pickled for worker processes.

    Rule folders, not Rule objects: rules hold compiled patterns that do not
    pickle, so each worker loads its own once (``rules_for``).
    """

    extra_rules: tuple[str, ...] = ()  # rule folders besides the bundled rules
    today: dt.date | None = None  # the reporting date; None: each text's dateline
    select: tuple[str, ...] = ()  # codes or prefixes to keep ("NC2", "ALL"); empty keeps all
    ignore: tuple[str, ...] = ()  # codes or prefixes to drop
    include: tuple[str, ...] = ()  # globs of files taken under directories; empty: files.DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()  # globs of paths to skip
    force_exclude: bool = False  # exclude applies to paths named outright too (pre-commit)
    respect_gitignore: bool = True  # directory walks and globs skip what git ignores
    stdin_filename: str | None = None  # the name shown for "-"; its suffix picks the markup
    baseline: str | None = None  # a baseline file: hide the findings it records
    changed_since: str | None = None  # a git revision: keep findings with a figure on a changed line
    jobs: int = 1  # worker processes for a big run
    # (code or prefix, severity): findings of that code get that severity; the longest prefix wins.
    severity: tuple[tuple[str, str], ...] = ()
    # (glob, codes): codes or prefixes ignored in the files the glob matches (as ruff's per-file-ignores).
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The folder per-file-ignores globs are relative to (the config file's); None: paths as given.
    root: str | None = None
    # Only the json format and --facts print facts; without them a big run
    # keeps neither facts nor the text of files with nothing to report.
    keep_facts: bool = True

    @classmethod
    def from_config(cls, config: Config, **flags: Any) -> Settings:
        """Settings from a config file, with command-line ``flags`` (same names) on top.

        Flags left out or None keep the file's value; ``select``, ``include``
        and ``today`` replace it, ``ignore``, ``exclude`` and ``extra_rules``
        add to it (as ruff's --extend-* do).
        """
        given = {k: v for k, v in flags.items() if v is not None}
        merged: dict[str, Any] = {
            "select": tuple(given.pop("select", ())) or config.select,
            "include": tuple(given.pop("include", ())) or config.include,
            "today": given.pop("today", None) or config.date,
            "ignore": (*config.ignore, *given.pop("ignore", ())),
            "exclude": (*config.exclude, *given.pop("exclude", ())),
            "extra_rules": (*config.extra_rules, *(str(d) for d in given.pop("extra_rules", ()))),
            "severity": config.severity,
            "per_file_ignores": config.per_file_ignores,
            "root": config.root,
        }
        return cls(**merged, **given)


# --- rules ---------------------------------------------------------------------


def read_rules(dirs: tuple[str, ...]) -> tuple[Any, ...]:
    """The bundled rules plus the rule folders ``dirs``; raises RuleError."""
    from numcheck.rules import load_rules

    return tuple(load_rules([Path(d) for d in dirs]))


@lru_cache(maxsize=8)
def rules_for(dirs: tuple[str, ...]) -> tuple[Any, ...]:
    """The rules in a worker process, loaded once per worker (the parent has checked them)."""
    return read_rules(dirs)


def matches(code: str, prefixes: Sequence[str]) -> bool:
    return any(p == "ALL" or code.startswith(p) for p in prefixes)


# --- one text ------------------------------------------------------------------


def analyse(text: str, path: str, rules: Sequence[Any], today: dt.date | None) -> FileReport:
    """Fact table, then rules, on one piece of text (tests swap this for a stand-in)."""
    from numcheck.engine import run
    from numcheck.facts import extract

    doc = extract(text, path)
    findings = run(doc, rules, today=today)
    return FileReport(path=path, text=text, facts=doc.facts, findings=with_sentences(findings, doc.sentences))


def with_sentences(findings: Sequence[Finding], sentences: Sequence[Sentence]) -> tuple[Finding, ...]:
    """Each finding with the span of the sentence its figure starts in (when that sentence holds it)."""
    from bisect import bisect_right

    if not findings or not sentences:
        return tuple(findings)
    starts = [s.span.start for s in sentences]
    out: list[Finding] = []
    for f in findings:
        i = bisect_right(starts, f.span.start) - 1
        s = sentences[i].span if i >= 0 else None
        out.append(replace(f, sentence=s) if s is not None and s.contains(f.span) else f)
    return tuple(out)


def _shift(span: Span | None, by: int) -> Span | None:
    return None if span is None else Span(span.start + by, span.end + by)


def _in_pieces(text: str, path: str, settings: Settings, rules: Sequence[Any]) -> FileReport:
    """Check a long text piece by piece (``engine.pieces``): one report, spans into the whole text.

    The first piece's dateline (if any) is the reporting date of every
    piece; facts are kept only when the output prints them.
    """
    from numcheck.dates import reporting_date
    from numcheck.engine import pieces
    from numcheck.model import Document, Source
    from numcheck.source import prepare

    today = settings.today
    facts: list[Any] = []
    findings: list[Any] = []
    for i, (start, end) in enumerate(pieces(text)):
        part = text[start:end]
        checked = analyse(part, path, rules, today)
        if i == 0 and today is None:
            today = reporting_date(Document(Source(path, part), (), checked.facts, prepare(part, path)), checked.facts)
        for f in checked.findings:
            findings.append(
                replace(
                    f,
                    span=Span(f.span.start + start, f.span.end + start),
                    related=tuple(Related(Span(r.span.start + start, r.span.end + start), r.text) for r in f.related),
                    sentence=_shift(f.sentence, start),
                )
            )
        if settings.keep_facts:
            facts.extend(replace(f, span=Span(f.span.start + start, f.span.end + start)) for f in checked.facts)
    return FileReport(path, text, tuple(facts), tuple(findings))


def ignored_in(path: str, settings: Settings) -> tuple[str, ...]:
    """The codes ``settings.per_file_ignores`` ignores in ``path``."""
    if not settings.per_file_ignores:
        return ()
    from numcheck.files import path_matches

    return tuple(
        code
        for glob, codes in settings.per_file_ignores
        if path_matches((glob,), path, settings.root)
        for code in codes
    )


def _with_severity(finding: Finding, overrides: tuple[tuple[str, str], ...]) -> Finding:
    """``finding`` with the severity of the longest code prefix in ``overrides`` that matches it."""
    best = max((p for p in overrides if finding.code.startswith(p[0])), key=lambda p: len(p[0]), default=None)
    return finding if best is None or best[1] == finding.severity else replace(finding, severity=best[1])


def _finish(file: FileReport, settings: Settings) -> FileReport:
    """Suppression comments and select/ignore, then drop what the output will not need."""
    from numcheck.suppress import apply

    file = apply(file)
    ignore = (*settings.ignore, *ignored_in(file.path, settings))
    kept = tuple(
        f
        for f in file.findings
        if (not settings.select or matches(f.code, settings.select)) and not matches(f.code, ignore)
    )
    if settings.severity:
        kept = tuple(_with_severity(f, settings.severity) for f in kept)
    if kept != file.findings:
        file = replace(file, findings=kept)
    if not settings.keep_facts:
        file = replace(file, facts=(), text=file.text if file.findings else "")
    return file


def check_source(
    text: str, path: str = "", settings: Settings | None = None, rules: Sequence[Any] | None = None
) -> FileReport:
    """Check one text as the command line checks a file.

    ``path`` is the name reported and picks how markup is blanked (``.md``,
    ``.html``, ``.rst``). ``rules`` default to the bundled rules plus
    ``settings.extra_rules``. An unexpected failure becomes the report's
    ``error``, not an exception. The baseline and changed-lines filters are
    a run's (``check_files``), not a text's.
    """
    from numcheck.engine import PIECE_CHARS

    settings = settings or Settings()
    if rules is None:
        rules = rules_for(settings.extra_rules)
    try:
        if len(text) > PIECE_CHARS:
            # An archive, not an article: in pieces, for bounded memory and linear time.
            return _finish(_in_pieces(text, path, settings, rules), settings)
        return _finish(analyse(text, path, rules, settings.today), settings)
    except RecursionError:
        return FileReport(path, text, (), (), error="internal error: text nested too deeply to check")
    except Exception as err:  # noqa: BLE001 - one bad file must not stop the others
        return FileReport(path, text, (), (), error=f"internal error: {type(err).__name__}: {err}")


# --- many files ----------------------------------------------------------------


def check_file(path: str, settings: Settings, rules: Sequence[Any]) -> FileReport:
    """Read and check one file (``-``: standard input, named ``settings.stdin_filename``)."""
    from numcheck.files import InputError, decode, decode_stream, read

    try:
        if path == STDIN:
            import sys

            name = settings.stdin_filename or STDIN
            stream = sys.stdin
            if hasattr(stream, "buffer"):
                text = decode_stream(stream.buffer, name)
            else:
                text = decode(stream.read().encode("utf-8"), name)
        else:
            source = read(path)
            name, text = source.path, source.text
    except InputError as err:
        return FileReport(err.path, "", (), (), error=err.reason)
    return check_source(text, name, settings, rules)


def _check_in_worker(path: str, settings: Settings) -> FileReport:
    """``check_file`` in a worker process, with that worker's copy of the rules."""
    return check_file(path, settings, rules_for(settings.extra_rules))


def _ignore_sigint() -> None:
    # Workers leave Ctrl-C to the parent, which stops them.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _quiet_manager(pool: Any) -> None:
    """Keep a stopped pool's manager thread from printing a traceback under "numcheck: interrupted".

    Stopping a run terminates the workers and cancels the work nobody will read. On Python 3.11 the
    pool's manager thread may then find its workers gone and set "broken pool" on a future already
    cancelled, which raises InvalidStateError in that thread (about 1 run in 6 when the interrupt
    comes while the pool is busy). Nothing is lost: the run is over. Exceptions of every other thread
    are still reported.
    """
    import threading

    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is None:
        return
    previous = threading.excepthook

    def hook(args: threading.ExceptHookArgs) -> None:
        if args.thread is not manager:
            previous(args)

    threading.excepthook = hook


def _parallel(paths: Sequence[str], jobs: int) -> bool:
    if jobs <= 1 or len(paths) <= 1:
        return False
    if len(paths) >= PARALLEL_MIN_FILES:
        return True
    size = 0
    for p in paths:
        try:
            size += os.path.getsize(p)
        except OSError:
            pass
    return size >= PARALLEL_MIN_BYTES


def _problem(item: InputProblem) -> FileReport:
    return FileReport(item.path, "", (), (), error=item.reason)


def _check_items(
    items: Sequence[str | InputProblem], settings: Settings, rules: Sequence[Any], progress: Progress | None
) -> list[FileReport]:
    """Every discovered item in order; a pool for big runs, same order as serial.

    Standard input is read in this process, at its place among the files.
    """
    files = [i for i in items if isinstance(i, str) and i != STDIN]
    total = len(items)
    out: list[FileReport] = []

    def done(report: FileReport) -> None:
        out.append(report)
        if progress is not None:
            progress(len(out), total)

    if not _parallel(files, settings.jobs):
        for item in items:
            done(check_file(item, settings, rules) if isinstance(item, str) else _problem(item))
        return out

    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    # Import the pipeline before the pool forks, so workers inherit it
    # instead of each paying for the imports (and regex compiles) again.
    import numcheck.engine  # noqa: F401
    import numcheck.facts  # noqa: F401

    chunk = max(1, len(files) // (settings.jobs * 8))
    pool = ProcessPoolExecutor(max_workers=min(settings.jobs, len(files)), initializer=_ignore_sigint)
    try:
        results = pool.map(partial(_check_in_worker, settings=settings), files, chunksize=chunk)
        for item in items:
            if not isinstance(item, str):
                done(_problem(item))
            elif item == STDIN:
                done(check_file(item, settings, rules))
            else:
                done(next(results))
    except BaseException:
        _quiet_manager(pool)
        for proc in list(getattr(pool, "_processes", {}).values()):
            proc.terminate()  # do not wait for work nobody will read
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return out


def check_files(
    paths: Sequence[str],
    settings: Settings | None = None,
    rules: Sequence[Any] | None = None,
    progress: Progress | None = None,
) -> Report:
    """Check files, directories (recursive), globs and ``-`` (stdin), in the order given.

    A path that yields no file or a file that cannot be read becomes a
    FileReport with ``error`` set, at its place. Then findings recorded in
    ``settings.baseline`` are hidden, and with ``settings.changed_since``
    only findings with a figure on a line changed since that revision are
    kept (standard input counts as all new). Raises RuleError, BaselineError,
    GitError or InputError (a path discovery cannot use) before checking
    anything.
    """
    from numcheck.files import discover

    settings = settings or Settings()
    if rules is None:
        rules = read_rules(settings.extra_rules)
    recorded = None
    if settings.baseline is not None:
        from numcheck.baseline import load_entries

        recorded = load_entries(settings.baseline)
    changes = None
    if settings.changed_since is not None:
        from numcheck.gitdiff import changed_since

        changes = changed_since(settings.changed_since)
    items = discover(
        list(paths),
        settings.include,
        settings.exclude,
        respect_gitignore=settings.respect_gitignore,
        force_exclude=settings.force_exclude,
    )
    files = _check_items(items, settings, rules, progress)
    used = None
    if settings.baseline is not None and recorded is not None:
        from numcheck.baseline import counts, project_root, subtract, use

        # Baseline paths are relative to the project root, wherever the run starts.
        root = project_root(settings.root)
        known = counts(recorded)
        kept = [file if file.error is not None else subtract(file, known, root) for file in files]
        used = use(settings.baseline, recorded, files, kept, root)
        files = kept
    if changes is not None:
        from numcheck.gitdiff import keep_changed

        files = [
            file if file.error is not None or item == STDIN else keep_changed(file, changes)
            for file, item in zip(files, items)
        ]
    return Report(files=tuple(files), baseline=used)
