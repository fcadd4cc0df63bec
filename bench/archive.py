"""Benchmark: an archive through serial --jobs 1, the process pool and a local Dask cluster (issue 16).

Run from the repository with the project's venv (the archive extra installed):

    .venv/bin/python bench/archive.py                 # 50 MB, growth at 12.5 and 25 MB (~15 min idle)
    .venv/bin/python bench/archive.py --mb 5 --growth 1,2.5   # a quick look

It copies every file of ../shared/corpus into bench/out/archive-input/ until
the copies hold ``--mb`` MB (each copy in its own folder, so file names stay
unique), then times three commands over it, one after another:

- serial:  ``numcheck --jobs 1 --format jsonl -o FILE DIR``
- pool:    ``numcheck --jobs N --format jsonl -o FILE DIR`` (the process pool)
- dask:    ``numcheck archive DIR --output OUT --workers N`` (a local cluster,
  cluster start-up and shut-down included)

and reports each run's wall time and MB/s, Dask's time over the pool's
(the issue's bar: at most 1.15x) and the findings each run wrote (they
must agree). Memory: while a command runs, the resident memory of each of
its child processes is sampled every 0.2 s; the peak of the largest child
is "per worker" (pool workers, Dask worker processes). The Dask run is
repeated on the first part of the archive at each ``--growth`` size, so
the peak per worker can be read against the archive's size.

The report goes to stdout and bench/out/archive.txt, raw numbers to
bench/out/archive.json. The machine's load average is printed before and
after: on a shared machine the times move with it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "bench" / "out"
MB = 1_000_000
SAMPLE_EVERY = 0.2  # seconds between memory samples of a run's children


def numcheck() -> list[str]:
    exe = Path(sys.executable).with_name("numcheck")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "numcheck"]


def build(target_mb: float, growth: Sequence[float]) -> tuple[Path, dict[float, list[Path]]]:
    """bench/out/archive-input/copy-NNN/… up to ``target_mb``; the copy folders making up each growth size."""
    files = sorted(p for p in CORPUS.glob("*.txt"))
    corpus_bytes = sum(p.stat().st_size for p in files)
    copies = -(-int(target_mb * MB) // corpus_bytes)
    top = OUT / "archive-input"
    if top.exists() and len(list(top.iterdir())) != copies:
        shutil.rmtree(top)
    for n in range(copies):
        d = top / f"copy-{n:03d}"
        if not d.exists():
            d.mkdir(parents=True)
            for p in files:
                shutil.copyfile(p, d / p.name)
    folders = sorted(top.iterdir())
    parts = {mb: folders[: max(1, -(-int(mb * MB) // corpus_bytes))] for mb in growth}
    return top, parts


def size_of(paths: Sequence[Path]) -> int:
    return sum(f.stat().st_size for p in paths for f in p.rglob("*") if f.is_file())


class Sampler:
    """Peak resident memory of every descendant of a process, sampled in a thread."""

    def __init__(self, pid: int) -> None:
        import psutil

        self._root = psutil.Process(pid)
        self.peaks: dict[int, int] = {}
        self.main = 0  # the command's own process
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        while not self._stop.wait(SAMPLE_EVERY):
            try:
                children = self._root.children(recursive=True)
                self.main = max(self.main, self._root.memory_info().rss)
            except psutil.Error:
                continue
            for child in children:
                try:
                    rss = child.memory_info().rss
                except psutil.Error:
                    continue
                self.peaks[child.pid] = max(self.peaks.get(child.pid, 0), rss)

    def stop(self) -> dict[int, int]:
        self._stop.set()
        self._thread.join()
        return self.peaks


def timed(cmd: Sequence[str]) -> dict:
    """Wall time, exit status and the largest child's peak memory of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    sampler = Sampler(proc.pid)
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    peaks = sampler.stop()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode(errors='replace')[-2000:]}")
    top = sorted(peaks.values(), reverse=True)
    return {
        "seconds": seconds,
        "status": proc.returncode,
        "main_peak_mb": round(sampler.main / 2**20, 1),
        "child_peak_mb": [round(p / 2**20, 1) for p in top[:4]],
    }


def jsonl_findings(path: Path) -> int:
    with open(path, encoding="utf-8") as handle:
        return sum(1 for line in handle if '"code"' in line)


def archive_findings(out: Path) -> int:
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))["findings"]


def load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50.0, help="archive size in MB (at least 50 for the issue's bar)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="pool jobs and Dask workers")
    ap.add_argument("--growth", default="12.5,25", help="smaller sizes (MB) the Dask run is repeated at")
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"skipped: the corpus is not at {CORPUS}")
        return 0
    try:
        import distributed  # noqa: F401
        import psutil  # noqa: F401
    except ImportError:
        print("needs the archive extra: pip install -e '.[archive]'")
        return 2
    growth = [float(x) for x in args.growth.split(",") if x.strip()]
    OUT.mkdir(parents=True, exist_ok=True)
    top, parts = build(args.mb, growth)
    total = size_of([top])
    n = args.workers
    lines = [
        f"numcheck archive benchmark: {total / MB:.1f} MB in {sum(1 for _ in top.rglob('*.txt')):,} files, "
        f"{n} workers; {platform.python_version()}, {os.cpu_count()} cores",
        f"before: {load()}",
        "",
    ]
    print("\n".join(lines), flush=True)
    runs: dict[str, dict] = {}
    nc = numcheck()
    common = ["--format", "jsonl", "--no-config", "-q", "--exit-zero"]

    def dask_run(name: str, sources: Sequence[Path]) -> dict:
        out = OUT / f"archive-run-{name}"
        shutil.rmtree(out, ignore_errors=True)
        r = timed([*nc, "archive", *map(str, sources), "--output", str(out), "--workers", str(n), "--no-config", "-q"])
        r["findings"] = archive_findings(out)
        return r

    for name, cmd, findings in (
        ("serial", [*nc, "--jobs", "1", *common, "-o", str(OUT / "archive-serial.jsonl"), str(top)], "serial"),
        ("pool", [*nc, "--jobs", str(n), *common, "-o", str(OUT / "archive-pool.jsonl"), str(top)], "pool"),
    ):
        r = timed(cmd)
        r["findings"] = jsonl_findings(OUT / f"archive-{findings}.jsonl")
        runs[name] = r
        print(f"{name}: {r['seconds']:.1f} s ({load()})", flush=True)
    runs["dask"] = dask_run("full", [top])
    print(f"dask: {runs['dask']['seconds']:.1f} s ({load()})", flush=True)
    grown: dict[float, dict] = {}
    for mb in growth:
        sources = parts[mb]
        grown[mb] = dask_run(f"{mb:g}", sources) | {"mb": size_of(sources) / MB}
        print(f"dask at {mb:g} MB: {grown[mb]['seconds']:.1f} s ({load()})", flush=True)

    table = [
        "| run | seconds | MB/s | × serial | findings | peak memory: command | peak memory: largest worker |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, label in (
        ("serial", "`--jobs 1`"),
        ("pool", f"`--jobs {n}` (process pool)"),
        ("dask", f"`archive --workers {n}` (local Dask)"),
    ):
        r = runs[name]
        worker = f"{r['child_peak_mb'][0]:.0f} MB" if r["child_peak_mb"] else "-"
        table.append(
            f"| {label} | {r['seconds']:.1f} | {total / MB / r['seconds']:.3f} | {runs['serial']['seconds'] / r['seconds']:.2f}× "
            f"| {r['findings']:,} | {r['main_peak_mb']:.0f} MB "
            f"| {worker} |"
        )
    overhead = runs["dask"]["seconds"] / runs["pool"]["seconds"] - 1
    verdict = "met" if overhead <= 0.15 else "MISSED"
    mem = ["| archive | seconds | peak memory per Dask worker |", "|---:|---:|---|"]
    for mb in sorted(grown):
        g = grown[mb]
        mem.append(
            f"| {g['mb']:.1f} MB | {g['seconds']:.1f} | {', '.join(f'{x:.0f} MB' for x in g['child_peak_mb'][:n])} |"
        )
    mem.append(
        f"| {total / MB:.1f} MB | {runs['dask']['seconds']:.1f} | "
        f"{', '.join(f'{x:.0f} MB' for x in runs['dask']['child_peak_mb'][:n])} |"
    )
    agree = len({r["findings"] for r in runs.values()}) == 1
    lines += [
        *table,
        "",
        f"Dask over the process pool: {overhead:+.1%} (bar: at most +15%, {verdict}); "
        f"findings {'agree' if agree else 'DIFFER'} across the three runs.",
        "",
        *mem,
        "",
        f"after: {load()}",
    ]
    report = "\n".join(lines) + "\n"
    print("\n" + report)
    (OUT / "archive.txt").write_text(report, encoding="utf-8")
    raw = {"mb": total / MB, "workers": n, "runs": runs, "growth": {str(k): v for k, v in grown.items()}}
    (OUT / "archive.json").write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
