"""Check an archive on a Dask cluster: partitions in, JSON Lines findings and a summary out.

    articles.plan(sources) ─► partitions ─► Dask: check_partition() on the workers
                                               (pipeline.check_source / check_file per article,
                                                a watchdog for articles that run too long)
                           ◄── records and counts ◄┘
    this process writes   DIR/findings/part-NNNNN.jsonl   one record per finding, one per failed article
                          DIR/stats/part-NNNNN.json       the partition's counts; written last: "done"
                          DIR/summary.json                the whole run's counts

The same code runs on a local cluster started here (``workers`` processes on
this machine) and on an existing cluster (``scheduler``); Dask replaces a
worker that dies and runs its partition again. Only this process writes the
output, each file under a temporary name then renamed, so nothing is ever
half written, and a run that stops can be finished with ``resume``: complete
partitions are kept, the rest are checked. Dask (and pyarrow, for Parquet)
are imported only by a run, never by ``import numcheck``.
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from numcheck.articles import ArchiveError, Article, Fields, Partition, digest, read

if TYPE_CHECKING:
    from numcheck.model import FileReport
    from numcheck.pipeline import Settings

FORMAT_VERSION = 1
# No news article takes a minute: at ~0.2 MB/s that is ~12 MB of text. One
# that does is almost surely pathological input, and a minute is what a run
# loses on it.
ARTICLE_TIMEOUT = 60.0
# How often the watchdog looks at the clock: a timed-out article is stopped
# within this much of its deadline (the deadline itself is ``timeout``).
WATCH_INTERVAL = 0.25
# Times a partition is run again after it raised (worker deaths are counted
# by Dask's own ``distributed.scheduler.allowed-failures``, 3 by default).
RETRIES = 1
SEVERE = ("warning", "error")  # "articles with at least one warning" counts these


@dataclass(frozen=True)
class Job:
    """What every partition is checked with; pickled to the workers with each task."""

    settings: Settings
    fields: Fields = Fields()
    timeout: float = ARTICLE_TIMEOUT


@dataclass(frozen=True)
class Done:
    """One checked partition: its output lines and its counts."""

    index: int
    lines: tuple[str, ...]
    counts: dict[str, Any]


@dataclass(frozen=True)
class Summary:
    """The counts of a whole run (summary.json), from every complete partition."""

    output: str
    partitions: int
    complete: int
    resumed: int  # partitions found complete from an earlier run and not checked again
    failed: tuple[tuple[int, str], ...]  # (partition, reason): not written; --resume tries again
    articles: int
    figures: int
    errors: int  # articles that could not be read or checked, timeouts included
    timeouts: int
    findings: int
    by_severity: dict[str, int]
    by_rule: tuple[tuple[str, str, str, int], ...]  # (code, rule, severity, count), most frequent first
    articles_with_warnings: int
    dashboard: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "partitions": self.partitions,
            "complete": self.complete,
            "failed": [{"partition": i, "reason": r} for i, r in self.failed],
            "articles": self.articles,
            "figures": self.figures,
            "errors": self.errors,
            "timeouts": self.timeouts,
            "findings": self.findings,
            "by_severity": self.by_severity,
            "by_rule": [{"code": c, "rule": n, "severity": s, "count": k} for c, n, s, k in self.by_rule],
            "articles_with_warnings": self.articles_with_warnings,
        }


# --- on a worker: one partition --------------------------------------------------------


class ArticleTimeout(BaseException):
    """Raised inside a worker's thread by the watchdog; BaseException so ``except Exception`` cannot swallow it."""


class _Watchdog:
    """Stops the article a thread is checking once it has run ``seconds``.

    A Dask task runs in a worker's thread, where signals (SIGALRM) cannot
    reach, so a watchdog thread raises ``ArticleTimeout`` in it
    (``PyThreadState_SetAsyncExc``). Python delivers it at the next bytecode;
    a single regex match runs to its end first, and every bundled pattern is
    linear in its input (bench/robust.py), so that wait is bounded.
    """

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds
        self._lock = threading.Lock()
        self._running: tuple[int, float] | None = None  # (thread id, deadline)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="numcheck-watchdog", daemon=True)

    def __enter__(self) -> _Watchdog:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @contextmanager
    def article(self) -> Iterator[None]:
        with self._lock:
            self._running = (threading.get_ident(), time.monotonic() + self._seconds)
        try:
            yield
        finally:
            with self._lock:
                self._running = None

    def _watch(self) -> None:
        import ctypes

        while not self._stop.wait(min(WATCH_INTERVAL, self._seconds)):
            with self._lock:
                if self._running is not None and time.monotonic() >= self._running[1]:
                    ident = self._running[0]
                    # Fire once: the article is over for the thread whatever it does next.
                    self._running = None
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(ArticleTimeout))


def _record(ident: str, extra: dict[str, Any]) -> str:
    from numcheck.report.json import dumps

    return dumps({"version": FORMAT_VERSION, "id": ident, **extra}, indent=None)


def _check(article: Article, job: Job, rules: Sequence[Any]) -> FileReport:
    from numcheck.pipeline import check_file, check_source

    if article.path is not None:
        return check_file(article.path, job.settings, rules)
    assert article.text is not None
    # The id is the name the pipeline reports, and its suffix (if any) picks the markup.
    return check_source(article.text, article.id, job.settings, rules)


def check_partition(index: int, partition: Partition, job: Job) -> Done:
    """Read and check every article of one partition (runs on a worker).

    An article that cannot be read, raises inside the checker or runs past
    ``job.timeout`` becomes an error record, and the partition goes on.
    """
    from numcheck.pipeline import rules_for
    from numcheck.report import view
    from numcheck.report.json import finding_dict

    rules = rules_for(job.settings.extra_rules)
    lines: list[str] = []
    tally: dict[str, int] = {}
    counts: dict[str, Any] = {"articles": 0, "figures": 0, "errors": 0, "timeouts": 0, "articles_with_warnings": 0}

    def failed(article: Article, reason: str) -> None:
        counts["errors"] += 1
        lines.append(_record(article.id, {"source": article.source, "error": reason}))

    with _Watchdog(job.timeout) as watchdog:
        for article in read(partition, job.fields):
            counts["articles"] += 1
            if article.error is not None:
                failed(article, article.error)
                continue
            try:
                with watchdog.article():
                    report = _check(article, job, rules)
            except ArticleTimeout:
                counts["timeouts"] += 1
                failed(article, f"timed out: still being checked after {job.timeout:g} s")
                continue
            if report.error is not None:
                failed(article, report.error)
                continue
            counts["figures"] += len(report.facts)
            if not report.findings:
                continue
            for loc in view(report).findings:
                f = loc.finding
                key = f"{f.code} {f.rule} {f.severity}"
                tally[key] = tally.get(key, 0) + 1
                lines.append(_record(article.id, finding_dict(loc)))
            if any(f.severity in SEVERE for f in report.findings):
                counts["articles_with_warnings"] += 1
    counts["findings"] = dict(sorted(tally.items()))
    return Done(index, tuple(lines), counts)


# --- here: the output directory ------------------------------------------------------------


def _name(index: int) -> str:
    return f"part-{index:05d}"


class Output:
    """The run's directory: plan.json, findings/, stats/, summary.json; every write atomic."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.findings = self.root / "findings"
        self.stats = self.root / "stats"

    def write(self, path: Path, data: str) -> None:
        """``data`` to a temporary name beside ``path``, flushed to disk, then renamed over it."""
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
        with open(tmp, "w", encoding="utf-8", errors="surrogateescape") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)

    def prepare(self, plan_key: dict[str, Any], resume: bool) -> set[int]:
        """Create or reopen the directory; the partitions already complete (only with ``resume``)."""
        plan_file = self.root / "plan.json"
        if plan_file.exists():
            if not resume:
                raise ArchiveError(
                    f"{self.root}: holds an earlier run; --resume to finish it, or choose another --output"
                )
            try:
                earlier = json.loads(plan_file.read_text(encoding="utf-8"))
            except (OSError, ValueError) as err:
                raise ArchiveError(f"{plan_file}: cannot read the earlier run's plan: {err}") from None
            if earlier != plan_key:
                raise ArchiveError(
                    f"{self.root}: the earlier run checked other sources or settings; "
                    "--resume needs the same ones (or choose another --output)"
                )
        elif self.root.exists() and any(self.root.iterdir()):
            raise ArchiveError(f"{self.root}: not empty and not a numcheck archive run")
        for d in (self.root, self.findings, self.stats):
            d.mkdir(parents=True, exist_ok=True)
            for stale in d.glob(".*.tmp"):  # left by a run that was killed mid-write
                stale.unlink()
        if not plan_file.exists():
            self.write(plan_file, json.dumps(plan_key, indent=2) + "\n")
        return {i for i in range(plan_key["partitions"]) if self.complete(i)} if resume else set()

    def complete(self, index: int) -> bool:
        return (self.stats / f"{_name(index)}.json").exists() and (self.findings / f"{_name(index)}.jsonl").exists()

    def save(self, done: Done) -> None:
        """Findings first, counts last: a partition with counts is complete."""
        self.write(self.findings / f"{_name(done.index)}.jsonl", "".join(line + "\n" for line in done.lines))
        self.write(self.stats / f"{_name(done.index)}.json", json.dumps(done.counts, sort_keys=True) + "\n")

    def counts(self, index: int) -> dict[str, Any]:
        counts: dict[str, Any] = json.loads((self.stats / f"{_name(index)}.json").read_text(encoding="utf-8"))
        return counts


def _summarise(out: Output, total: int, resumed: int, failed: dict[int, str], dashboard: str | None) -> Summary:
    from numcheck.model import SEVERITIES

    sums = {"articles": 0, "figures": 0, "errors": 0, "timeouts": 0, "articles_with_warnings": 0}
    rules: dict[str, int] = {}
    complete = 0
    for i in range(total):
        if not out.complete(i):
            continue
        complete += 1
        c = out.counts(i)
        for k in sums:
            sums[k] += c[k]
        for key, n in c["findings"].items():
            rules[key] = rules.get(key, 0) + n
    # Keys are "code name severity".
    rows = sorted(
        (cast(tuple[str, str, str, int], (*key.split(" "), n)) for key, n in rules.items()),
        key=lambda r: (-r[3], r[0], r[2]),
    )
    by_severity = {s: 0 for s in reversed(SEVERITIES)}
    for _, _, sev, n in rows:
        by_severity[sev] = by_severity.get(sev, 0) + n
    return Summary(
        output=str(out.root),
        partitions=total,
        complete=complete,
        resumed=resumed,
        failed=tuple(sorted(failed.items())),
        findings=sum(by_severity.values()),
        by_severity=by_severity,
        by_rule=tuple((c, n, s, k) for c, n, s, k in rows),
        dashboard=dashboard,
        **sums,
    )


# --- the cluster -----------------------------------------------------------------------------


def _dask() -> Any:
    try:
        import distributed
    except ImportError:
        raise ArchiveError("checking an archive needs Dask: pip install 'numcheck[archive]'") from None
    return distributed


@contextmanager
def client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A Dask client: of the cluster at ``scheduler``, else of a local cluster of ``workers`` processes.

    A local cluster's workers are processes with one thread each (checking is
    pure Python: threads would share one core), restarted by their nanny if
    they die, without Dask's statistical profiler (see below); its dashboard
    listens on a free port. A cluster at ``scheduler`` is used as configured.
    """
    import logging

    distributed = _dask()
    if scheduler is not None:
        try:
            c = distributed.Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as err:
            raise ArchiveError(f"--scheduler {scheduler}: cannot connect: {err}") from None
        try:
            yield c
        finally:
            c.close()
        return
    import dask

    # Dask's statistical profiler keeps a call tree per second for its last
    # 1,000 seconds: with numcheck's deep stacks a worker grew ~0.1 MB a
    # second with it (77 -> 101 MB over a 13 -> 51 MB archive) and stayed flat
    # without it (66 MB at 6 and 12 MB). The dashboard's other pages remain.
    with dask.config.set({"distributed.worker.profile.enabled": False}):
        cluster = distributed.LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
    c = distributed.Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


def dashboard_of(c: Any) -> str | None:
    """The dashboard's address, when the scheduler serves one (it needs bokeh)."""
    try:
        if "dashboard" not in c.scheduler_info().get("services", {}):
            return None
        return str(c.dashboard_link)
    except Exception:  # noqa: BLE001 - a missing dashboard is not worth failing a run for
        return None


Progress = Callable[[int, int], None]  # (partitions complete, partitions in the run)


def plan_key(partitions: Sequence[Partition], job: Job) -> dict[str, Any]:
    """What a resumed run must share with the run it finishes: sources, cuts, fields and settings."""
    return {
        "version": FORMAT_VERSION,
        "partitions": len(partitions),
        "plan": digest(partitions),
        "fields": {"id": job.fields.id, "text": job.fields.text},
        "settings": repr(job.settings),
    }


def run(
    partitions: Sequence[Partition],
    output: str | os.PathLike[str],
    job: Job,
    *,
    c: Any,
    resume: bool = False,
    progress: Progress | None = None,
) -> Summary:
    """Check ``partitions`` on the cluster of client ``c`` and write the results under ``output``.

    Raises ArchiveError for an output directory that cannot be used. A
    partition Dask gives up on (its worker died too often, or it raised on
    every try) is listed in ``Summary.failed`` and left unwritten for
    ``resume``. Interrupted (KeyboardInterrupt), it cancels what is left;
    what was written stays complete.
    """
    distributed = _dask()
    job = replace(job, settings=replace(job.settings, keep_facts=True))  # figures are counted from facts
    out = Output(output)
    done = out.prepare(plan_key(partitions, job), resume)
    todo = [i for i in range(len(partitions)) if i not in done]
    total = len(partitions)
    finished = len(done)
    if progress is not None:
        progress(finished, total)
    failed: dict[int, str] = {}
    token = uuid.uuid4().hex[:8]
    futures = c.map(
        check_partition,
        todo,
        [partitions[i] for i in todo],
        job=job,
        key=[f"numcheck-{_name(i)}-{token}" for i in todo],
        retries=RETRIES,
        pure=False,
    )
    index_of = {f.key: i for f, i in zip(futures, todo)}
    try:
        for future, result in distributed.as_completed(futures, with_results=True, raise_errors=False):
            if isinstance(result, Done):
                out.save(result)
            else:
                failed[index_of[future.key]] = f"{type(result).__name__}: {result}"
            future.release()
            finished += 1
            if progress is not None:
                progress(finished, total)
    except BaseException:
        c.cancel(futures)
        raise
    summary = _summarise(out, total, len(done), failed, dashboard_of(c))
    out.write(out.root / "summary.json", json.dumps(summary.to_dict(), indent=2) + "\n")
    return summary


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def describe(summary: Summary) -> str:
    """The summary in a few lines for a person (the CLI prints this to stderr)."""
    lines = [
        f"Checked {plural(summary.articles, 'article')} ({plural(summary.figures, 'figure')}) "
        f"in {plural(summary.complete, 'partition')} of {summary.partitions}"
        + (f", {summary.resumed:,} from the earlier run" if summary.resumed else "")
        + ".",
    ]
    sev = ", ".join(f"{n:,} {s}{'' if n == 1 else 's'}" for s, n in summary.by_severity.items() if n)
    lines.append(
        f"{plural(summary.findings, 'finding')}" + (f" ({sev})" if sev else "") + "; "
        f"{plural(summary.articles_with_warnings, 'article')} with at least one warning or error."
    )
    for code, name, severity, n in summary.by_rule:
        lines.append(f"  {n:>8,}  {code}  [{severity}] {name}")
    if summary.errors:
        lines.append(
            f"{plural(summary.errors, 'article')} could not be checked"
            + (f" ({summary.timeouts:,} timed out)" if summary.timeouts else "")
            + ': see the records with an "error" field.'
        )
    for i, reason in summary.failed:
        lines.append(f"partition {i} failed: {reason}")
    if summary.failed:
        lines.append("run again with --resume to check the failed partitions")
    lines.append(
        f"Findings: {Path(summary.output) / 'findings'}/*.jsonl; summary: {Path(summary.output) / 'summary.json'}"
    )
    return "\n".join(lines) + "\n"
