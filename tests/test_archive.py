"""`numcheck archive`: partitions on a real Dask cluster give exactly the serial run's findings (issue 16).

The cluster tests start a ``distributed.LocalCluster`` (a scheduler and two
worker processes talking TCP on localhost) and compare the archive's
findings with ``numcheck.check_paths`` on the same files: the whole corpus
through the command with ``--scheduler``, a run that loses a worker, a run
that is stopped and resumed, and the same articles as JSON Lines and
Parquet. The rest call the code a worker runs (``check_partition``) in this
process.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import numcheck
from numcheck import pipeline
from numcheck.articles import ArchiveError, Fields, Partition, parse_size, plan, read
from numcheck.files import read as read_file

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DRAFT = ROOT / "examples" / "draft.md"  # the project's own example: three findings
# Corpus articles with a finding (see README, Accuracy): a subset must hold some.
WITH_FINDINGS = ("bbc-business-304.txt", "bbc-entertainment-049.txt", "bbc-entertainment-335.txt")


def _corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the news corpus is not at {CORPUS} (it lives in ../shared beside the clone)")
    return CORPUS


def _subset(n: int) -> list[str]:
    """``n`` corpus articles, the three with findings among them, plus the example draft."""
    corpus = _corpus()
    names = sorted(p.name for p in corpus.glob("*.txt"))
    picked = sorted(set(names[:: max(1, len(names) // n)][:n]) | set(WITH_FINDINGS))
    return [str(DRAFT), *(str(corpus / name) for name in picked)]


# --- what the archive wrote, and what a serial run finds --------------------------------------


def _key(ident: str, record: dict[str, Any]) -> tuple[Any, ...]:
    return (ident, record["code"], record["start"], record["end"], record["message"], record["fingerprint"])


def _written(out: Path) -> tuple[list[tuple[Any, ...]], list[dict[str, Any]]]:
    """(finding keys in file order, error records) of a run's output directory."""
    findings: list[tuple[Any, ...]] = []
    errors: list[dict[str, Any]] = []
    for part in sorted((out / "findings").glob("part-*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if "error" in record:
                errors.append(record)
            else:
                findings.append(_key(record["id"], record))
    return findings, errors


def _serial(paths: list[str]) -> tuple[list[tuple[Any, ...]], int, int]:
    """(finding keys, articles, figures) of the library's serial check of ``paths``."""
    from numcheck.report import view
    from numcheck.report.json import finding_dict

    report = numcheck.check_paths(paths)
    keys = [_key(f.path, finding_dict(loc)) for f in report.files for loc in view(f).findings]
    assert all(f.error is None for f in report.files)
    return keys, len(report.files), sum(len(f.facts) for f in report.files)


# --- a real local cluster --------------------------------------------------------------


def _start_cluster() -> Any:
    distributed = pytest.importorskip("distributed", reason="the archive extra (dask[distributed]) is not installed")
    import logging

    return distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        protocol="tcp",
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    )


@pytest.fixture(scope="module")
def cluster() -> Any:
    c = _start_cluster()
    yield c
    c.close()


def _run(sources: list[str], out: Path, address: str, **kw: Any) -> Any:
    from numcheck import archive

    job = archive.Job(pipeline.Settings(), kw.pop("fields", Fields()))
    parts = plan(sources, partition_bytes=kw.pop("partition_bytes", 16 * 1024))
    with archive.client(address) as c:
        return archive.run(parts, out, job, c=c, **kw)


def test_the_corpus_through_the_command_with_scheduler_gives_the_serial_findings(cluster: Any, tmp_path: Path) -> None:
    corpus = str(_corpus())
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "numcheck", "archive", corpus, "--output", str(out)]
        + ["--scheduler", cluster.scheduler_address, "--partition-size", "96K", "--no-config"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    expected, articles, figures = _serial([corpus])
    found, errors = _written(out)
    assert found == expected and errors == []
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == articles and summary["figures"] == figures
    assert summary["findings"] == len(expected) and summary["complete"] == summary["partitions"] > 2
    assert f"Checked {articles} articles" in proc.stderr


def test_a_worker_killed_mid_run_is_replaced_and_its_partition_redone(tmp_path: Path) -> None:
    from numcheck import archive

    paths = _subset(60)
    cluster = _start_cluster()
    killed: list[int] = []
    try:
        with archive.client(cluster.scheduler_address) as c:
            pids = c.run(os.getpid)

            def kill_a_busy_worker(done: int, total: int) -> None:
                if killed or done < 1:
                    return
                busy = [w for w, keys in c.processing().items() if keys]
                assert busy, "no worker is checking a partition: the kill would test nothing"
                killed.append(pids[busy[0]])
                os.kill(pids[busy[0]], signal.SIGKILL)

            parts = plan(paths, partition_bytes=8 * 1024)
            summary = archive.run(
                parts, tmp_path / "out", archive.Job(pipeline.Settings()), c=c, progress=kill_a_busy_worker
            )
            assert killed
            assert summary.failed == () and summary.complete == len(parts)
            # The nanny started a new worker process in place of the dead one.
            deadline = time.monotonic() + 60
            while len(c.scheduler_info()["workers"]) < 2 and time.monotonic() < deadline:
                time.sleep(0.2)
            assert killed[0] not in c.run(os.getpid).values()
    finally:
        cluster.close()
    found, errors = _written(tmp_path / "out")
    expected, articles, _ = _serial(paths)
    assert found == expected and errors == [] and summary.articles == articles


class Stop(Exception):
    pass


def test_a_stopped_run_resumes_where_it_stopped(cluster: Any, tmp_path: Path) -> None:
    paths = _subset(40)
    out = tmp_path / "out"

    def stop_after_two(done: int, total: int) -> None:
        if done >= 2:
            raise Stop

    with pytest.raises(Stop):
        _run(paths, out, cluster.scheduler_address, progress=stop_after_two)
    written = sorted(p.name for p in (out / "stats").iterdir())
    assert len(written) == 2, written
    assert not list(out.rglob("*.tmp")) and not (out / "summary.json").exists()
    before = {p.name: p.stat().st_mtime_ns for p in (out / "findings").iterdir()}

    with pytest.raises(ArchiveError, match="--resume"):
        _run(paths, out, cluster.scheduler_address)
    summary = _run(paths, out, cluster.scheduler_address, resume=True)
    assert summary.resumed == 2 and summary.complete == summary.partitions > 4
    after = {p.name: p.stat().st_mtime_ns for p in (out / "findings").iterdir()}
    assert all(after[name] == mtime for name, mtime in before.items())  # not checked again
    found, errors = _written(out)
    expected, articles, figures = _serial(paths)
    assert found == expected and errors == []
    assert (summary.articles, summary.figures) == (articles, figures)

    with pytest.raises(ArchiveError, match="other sources or settings"):
        _run(paths[:-1], out, cluster.scheduler_address, resume=True)


def test_json_lines_and_parquet_give_the_findings_of_the_same_articles_as_files(cluster: Any, tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow", reason="the archive extra (pyarrow) is not installed")
    import pyarrow.parquet as pq

    paths = _subset(30)
    texts = [(p, read_file(p).text) for p in paths]
    expected, articles, figures = _serial(paths)

    jsonl = tmp_path / "articles.jsonl"
    with open(jsonl, "w", encoding="utf-8") as handle:
        for ident, text in texts:
            handle.write(json.dumps({"url": ident, "body": text, "outlet": "test"}) + "\n")
    table = pa.table({"url": [i for i, _ in texts], "body": [t for _, t in texts]})
    parquet = tmp_path / "articles.parquet"
    pq.write_table(table, parquet, row_group_size=4)

    for source in (jsonl, parquet):
        out = tmp_path / f"out-{source.suffix[1:]}"
        summary = _run(
            [str(source)],
            out,
            cluster.scheduler_address,
            fields=Fields(id="url", text="body"),
            partition_bytes=12 * 1024,
        )
        found, errors = _written(out)
        assert found == expected and errors == [], source.name
        assert (summary.articles, summary.figures, summary.partitions > 2) == (articles, figures, True), source.name


# --- what a worker does, in this process -------------------------------------------------------


def _check(partition: Partition, **job: Any) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    from numcheck.archive import Job, check_partition

    done = check_partition(0, partition, Job(pipeline.Settings(), **job))
    return [json.loads(line) for line in done.lines], done.counts


SHARE = "Of the 45 trustees, 27 (48%) backed the merger.\n"  # 27 of 45 is 60%: NC201


def test_an_article_that_hangs_or_raises_is_an_error_record_and_the_partition_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.analyse

    def stand_in(text: str, *args: Any) -> Any:
        if "HANG" in text:
            while True:  # stopped only by the watchdog
                time.sleep(0.01)
        if "BOOM" in text:
            raise RuntimeError("the checker broke")
        return real(text, *args)

    monkeypatch.setattr(pipeline, "analyse", stand_in)
    lines = [
        {"id": "a", "text": SHARE},
        {"id": "hangs", "text": "HANG " + SHARE},
        {"id": "b", "text": SHARE},
        {"id": "raises", "text": "BOOM " + SHARE},
        {"id": "c", "text": SHARE},
    ]
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    records, counts = _check(Partition("jsonl", path=str(src), end=src.stat().st_size), timeout=0.3)
    assert [(r["id"], r.get("code") or r["error"].split(":")[0]) for r in records] == [
        ("a", "NC201"),
        ("hangs", "timed out"),
        ("b", "NC201"),
        ("raises", "internal error"),
        ("c", "NC201"),
    ]
    assert counts["timeouts"] == 1 and counts["errors"] == 2 and counts["articles"] == 5
    assert counts["articles_with_warnings"] == 3 and counts["findings"] == {"NC201 share-mismatch error": 3}


def test_unreadable_lines_are_error_records_naming_where_they_are(tmp_path: Path) -> None:
    src = tmp_path / "mixed.jsonl"
    data = (
        b'{"id": 7, "text": "' + SHARE.strip().encode() + b'"}\n'
        b"{not json\n"
        b'["a list"]\n'
        b'{"id": "no-text", "body": "x"}\n'
        b"\n"
        b'{"id": "bytes", "text": "caf\xe9"}\n'
        b'{"id": "null", "text": null}\n'
    )
    src.write_bytes(data)
    starts = [0] + [i + 1 for i, b in enumerate(data) if b == ord("\n")]
    records, counts = _check(Partition("jsonl", path=str(src), end=len(data)))
    assert records[0]["id"] == "7" and records[0]["code"] == "NC201"
    assert [r["source"] for r in records[1:]] == [f"{src}:byte {starts[i]}" for i in (1, 2, 3, 5, 6)]
    assert [r["error"][:22] for r in records[1:]] == [
        "invalid JSON: Expectin",
        "not a JSON object but ",
        "no 'text' field",
        "invalid UTF-8 at byte ",
        "'text' is null",
    ]
    assert counts["articles"] == 6 and counts["errors"] == 5


def test_byte_range_partitions_hold_every_line_exactly_once(tmp_path: Path) -> None:
    src = tmp_path / "lines.jsonl"
    ids = [f"n{i}" for i in range(200)]
    src.write_text("".join(json.dumps({"id": f"n{i}", "text": "x" * (i % 37)}) + "\n" for i in range(200)), "utf-8")
    for size in (1, 17, 40, 41, 1000, 10**6):
        parts = plan([str(src)], partition_bytes=size)
        assert [a.id for p in parts for a in read(p)] == ids, size


def test_text_files_are_grouped_by_size_in_order(tmp_path: Path) -> None:
    for i in range(10):
        (tmp_path / f"{i:02d}.txt").write_text("y" * 100, encoding="utf-8")
    parts = plan([str(tmp_path)], partition_bytes=300)
    assert [len(p.paths) for p in parts] == [3, 3, 3, 1]
    assert [a.id for p in parts for a in read(p)] == [str(tmp_path / f"{i:02d}.txt") for i in range(10)]


def test_a_source_that_yields_nothing_stops_the_run_before_it_starts(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no such file"):
        plan([str(tmp_path / "missing.jsonl")])
    (tmp_path / "bad.parquet").write_bytes(b"not parquet")
    pytest.importorskip("pyarrow", reason="the archive extra (pyarrow) is not installed")
    with pytest.raises(ArchiveError, match="not a readable Parquet file"):
        plan([str(tmp_path / "bad.parquet")])


@pytest.mark.parametrize(("text", "size"), [("65536", 65536), ("64K", 65536), ("1M", 1 << 20), ("1MiB", 1 << 20)])
def test_partition_sizes(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "K", "0", "-1M", "lots"])
def test_bad_partition_sizes(text: str) -> None:
    with pytest.raises(ValueError, match="not a size"):
        parse_size(text)


# --- the base install stays light ----------------------------------------------------------------

_PROBE = (
    "import atexit, json, sys\n"
    "def _report():\n"
    "    found = sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed', 'pyarrow'})\n"
    "    sys.stderr.write('HEAVY=' + json.dumps(found) + '\\n')\n"
    "atexit.register(_report)\n"
    "from numcheck.cli import main\n"
)


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["archive", "--help"],
        ["check", "draft.md", "--no-config", "--format", "json"],
        ["facts", "draft.md"],
    ],
)
def test_commands_other_than_an_archive_run_import_neither_dask_nor_pyarrow(args: list[str]) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            _PROBE + "import numcheck\nnumcheck.check_text('27 of 45 (48%)')\nmain(sys.argv[1:])",
            *args,
        ],
        cwd=DRAFT.parent,
        capture_output=True,
        text=True,
    )
    assert proc.returncode in (0, 1), proc.stderr
    line = next(ln for ln in proc.stderr.splitlines() if ln.startswith("HEAVY="))
    assert json.loads(line.removeprefix("HEAVY=")) == []


def test_the_command_says_what_is_wrong_before_starting_a_cluster(tmp_path: Path) -> None:
    cases = [
        (["archive", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o")], "nope.jsonl: no such file or directory"),
        (["archive", str(DRAFT), "-o", str(tmp_path / "o"), "--partition-size", "big"], "--partition-size: not a size"),
    ]
    for args, message in cases:
        proc = subprocess.run([sys.executable, "-m", "numcheck", *args, "--no-config"], capture_output=True, text=True)
        assert proc.returncode == 2 and message in proc.stderr, (args, proc.stderr)
