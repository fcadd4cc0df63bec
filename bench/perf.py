"""Benchmark: cold start, throughput and growth of numcheck against its floor and quantulum3; counted instructions.

Run from the repository with the project's venv:

    .venv/bin/python bench/perf.py            # everything (several minutes)
    .venv/bin/python bench/perf.py --quick    # fewer runs, 1 MB and 10 MB only
    .venv/bin/python bench/perf.py --parts instructions --against ../main   # the 0.8x bar, by instructions

It prints one report with three tables (issue 5) and, last, issue 15's table
of targets against what this run measured, and writes it, with the raw numbers
as JSON, to bench/out/perf.txt and bench/out/perf.json.

Ratios use CPU time (user + system of the child, from wait4), and the commands
of a ratio run in turn (A B C A B C ...): on a machine shared with other work,
wall time says more about the neighbours than about numcheck.

- Cold start: median wall and CPU time of the ``numcheck`` command on the seed
  article (../shared/examples/syria_refugees.txt), of ``python -c pass``, of a
  minimal typer "hello" script written to a temporary folder, and of quantulum3
  parsing the same text in a fresh process (every third round).
- Throughput: articles/s and MB/s over every ``*.txt`` in ../shared/corpus,
  by the CLI with ``--jobs 1`` and ``--jobs 2``, by the library in one process
  (facts and rules; facts alone), and by quantulum3's ``parser.parse``.
- Growth: time and peak memory (ru_maxrss of the child) of ``numcheck
  --jobs 1 --format concise`` on 1, 10 and 100 MB made by concatenating the
  corpus, as one file and as many files (built under bench/out/growth/;
  ``--growth-inputs one`` runs the one file only).
  concise, because json prints every fact and so holds the whole fact table.
- Instructions (``--parts instructions``, not in the default parts): the
  instructions valgrind counts in ``numcheck --jobs 1 --format json`` over
  every Nth article of ../shared/corpus (``--every``, default 10; start-up
  included), for this tree and, with ``--against``, for the other tree, and
  the ratio other/this: this tree's throughput as a share of the other's.
  This is the figure to quote for the issue's bar (corpus throughput no worse
  than 0.8× of main's): on a shared 2-core machine CPU seconds of the same
  tree swing by ±20% from run to run, a count of instructions repeats to
  well under 1%. Each tree runs its own CLI (``<tree>/.venv/bin/numcheck``,
  else ``python -m numcheck``) with PYTHONPATH=<tree>/src and
  PYTHONHASHSEED=0 and a fresh start-up cache folder of its own, after
  ``python -m compileall -q <tree>/src`` and one uncounted warm-up run over
  the same files (so neither compiling bytecode nor filling the start-up
  cache is counted). ``--valgrind-tool cachegrind``
  (the default, with its cache simulation off) is the cheapest valgrind tool
  that counts instructions, about half of callgrind's time for the same
  count. Skipped with a message when valgrind or the corpus is missing.
- Each part's wall time is printed at its end, so a long run says where
  its time went.

Children run without PYTHONDONTWRITEBYTECODE (see CHILD_ENV): with it set,
every start recompiles the bytecode of modules that have no .pyc yet.

quantulum3 is installed only in bench/.venv-quantulum, a virtualenv this
script creates with pip (PyPI must be reachable); it is never a dependency
of numcheck. Parts whose inputs are missing are skipped with a message.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"
QVENV = ROOT / "bench" / ".venv-quantulum"
SEED = SHARED / "examples" / "syria_refugees.txt"
CORPUS = SHARED / "corpus"
MB = 1_000_000

# Every child runs with bytecode caching on. PYTHONDONTWRITEBYTECODE=1 (set in
# some shells and CI images) makes each cold start recompile every module that
# has no .pyc yet, for numcheck, typer and quantulum3 alike; that measures the
# compiler, not the start-up a user with an installed package sees.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# numcheck's start-up cache in a folder of this benchmark's own (each run's warm-up fills it),
# unless NUMCHECK_CACHE_DIR is set: a user's cache holds one version's patterns, but a shared
# development account's holds every working tree's and edit's, up to the limit (measured:
# 588 compiled patterns took 36 ms to load, the 156 one run needs 2 ms), and the benchmark
# should measure numcheck, not what other trees left there.
CHILD_ENV.setdefault("NUMCHECK_CACHE_DIR", str(OUT / "cache"))

TYPER_HELLO = textwrap.dedent(
    """\
    import typer

    app = typer.Typer()


    @app.command()
    def hello(name: str = "world") -> None:
        print(f"hello {name}")


    if __name__ == "__main__":
        app()
    """
)

# Runs in quantulum3's own venv: parse each file, stop after a time budget.
QUANTULUM_THROUGHPUT = textwrap.dedent(
    """\
    import json, sys, time, warnings
    warnings.simplefilter("ignore")
    from quantulum3 import parser
    budget = float(sys.argv[1])
    files = sys.argv[2:]
    n = size = 0
    t0 = time.perf_counter()
    for path in files:
        text = open(path, encoding="utf-8").read()
        parser.parse(text)
        n += 1
        size += len(text.encode("utf-8"))
        if time.perf_counter() - t0 > budget:
            break
    print(json.dumps({"articles": n, "bytes": size, "seconds": time.perf_counter() - t0}))
    """
)

# Runs in numcheck's venv: the library over the corpus in one process, after imports and rules load.
LIBRARY_THROUGHPUT = textwrap.dedent(
    """\
    import json, sys, time
    import numcheck
    from numcheck.facts import extract
    rules = numcheck.load_rules()
    files = sys.argv[2:]
    texts = [open(p, encoding="utf-8").read() for p in files]
    size = sum(len(t.encode("utf-8")) for t in texts)
    numcheck.check_text(texts[0], files[0], rules=rules)  # warm: pint registry, lazy imports
    t0 = time.perf_counter()
    if sys.argv[1] == "facts":
        for path, text in zip(files, texts):
            extract(text, path)
    else:
        for path, text in zip(files, texts):
            numcheck.check_text(text, path, rules=rules)
    print(json.dumps({"articles": len(texts), "bytes": size, "seconds": time.perf_counter() - t0}))
    """
)


def note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- running children --------------------------------------------------------


def run_timed(
    cmd: Sequence[str], *, stdin: str | None = None, timeout: float = 3600, env: dict[str, str] | None = None
) -> tuple[float, int, int, float]:
    """Wall seconds, peak RSS in MB-ish (KiB / 1024), exit status and CPU seconds (user + system) of one child run.

    CPU time is what the ratios use: on a shared machine a child's wall time
    grows with everyone else's load, its own CPU time much less.
    """
    stdin_handle = open(stdin, "rb") if stdin else subprocess.DEVNULL
    try:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            stdin=stdin_handle,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=CHILD_ENV if env is None else env,
        )
        # wait4 gives this child's own rusage (ru_maxrss in KiB on Linux).
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.002)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        if proc.returncode not in (0, 1):
            note(f"  ! {' '.join(cmd[:3])}... exited {proc.returncode}: {err.strip()[-300:]}")
        return wall, usage.ru_maxrss // 1024, proc.returncode, usage.ru_utime + usage.ru_stime
    finally:
        if stdin:
            stdin_handle.close()  # type: ignore[union-attr]


def median_wall(cmd: Sequence[str], runs: int) -> float | None:
    """Median wall seconds, or None when the command fails (exit other than 0 or 1)."""
    timed = median_times(cmd, runs)
    return None if timed is None else timed[0]


def median_times(cmd: Sequence[str], runs: int) -> tuple[float, float] | None:
    """Median wall and median CPU seconds, or None when the command fails (exit other than 0 or 1)."""
    if run_timed(cmd)[2] not in (0, 1):  # also warms the page cache; not counted
        return None
    results = [run_timed(cmd) for _ in range(runs)]
    if any(r[2] not in (0, 1) for r in results):
        return None
    return statistics.median(r[0] for r in results), statistics.median(r[3] for r in results)


def paired_times(
    cmds: dict[str, Sequence[str]],
    runs: int,
    every: dict[str, int] | None = None,
    envs: dict[str, dict[str, str]] | None = None,
) -> dict[str, tuple[float, float] | None]:
    """Median wall and CPU seconds of each command, run in turn (A B C A B C ...) so that a
    change in the machine's load falls on all of them alike. ``every[name] = k`` runs that
    command only every k-th round (quantulum3 takes seconds per start); ``envs[name]`` is that
    command's environment. None: it failed."""
    every = every or {}
    envs = envs or {}
    out: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
    failed: set[str] = set()
    for name, cmd in cmds.items():  # warm the page cache; not counted
        if run_timed(cmd, env=envs.get(name))[2] not in (0, 1):
            failed.add(name)
    for r in range(runs):
        for name, cmd in cmds.items():
            if name in failed or r % every.get(name, 1):
                continue
            wall, _, status, cpu = run_timed(cmd, env=envs.get(name))
            if status not in (0, 1):
                failed.add(name)
            out[name].append((wall, cpu))
    return {
        name: None
        if name in failed or not got
        else (statistics.median(w for w, _ in got), statistics.median(c for _, c in got))
        for name, got in out.items()
    }


def numcheck_cmd() -> list[str] | None:
    exe = Path(sys.executable).parent / "numcheck"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("numcheck")
    return [found] if found else None


def quantulum_python(allow_install: bool) -> Path | None:
    """quantulum3's own interpreter, creating its venv on first use."""
    py = QVENV / "bin" / "python"
    if not py.exists():
        if not allow_install:
            note("quantulum3: bench/.venv-quantulum absent and --no-install given: skipped")
            return None
        note("quantulum3: creating bench/.venv-quantulum (pip install quantulum3) ...")
        try:
            subprocess.run([sys.executable, "-m", "venv", str(QVENV)], check=True, env=CHILD_ENV)
            # Never committed: the venv is a local benchmark tool.
            (QVENV / ".gitignore").write_text("*\n")
            subprocess.run(
                [str(py), "-m", "pip", "install", "-q", "quantulum3"], check=True, timeout=900, env=CHILD_ENV
            )
        except (subprocess.SubprocessError, OSError) as err:
            note(f"quantulum3: could not install ({err}): skipped")
            shutil.rmtree(QVENV, ignore_errors=True)
            return None
    probe = subprocess.run(
        [str(py), "-W", "ignore", "-c", "import quantulum3, importlib.metadata as m; print(m.version('quantulum3'))"],
        capture_output=True,
        text=True,
        env=CHILD_ENV,
    )
    if probe.returncode != 0:
        note(f"quantulum3: not importable in bench/.venv-quantulum: skipped ({probe.stderr.strip()[-200:]})")
        return None
    note(f"quantulum3 {probe.stdout.strip()} in bench/.venv-quantulum")
    return py


# --- the three parts ---------------------------------------------------------


# Issue 15's table: every row is printed by one run, each ratio from that run's paired measurements.
TARGET_COLD_RATIO = 2.0  # numcheck cold start <= 2x a minimal typer command
TARGET_QUANTULUM_RATIO = 20.0  # quantulum3's cold start >= 20x numcheck's
TARGET_MB_S = 1.5  # corpus, CLI --jobs 1, facts + rules + JSON
TARGET_PEAK_MB = 300  # one 100 MB file
TARGET_GROWTH = 1.3  # s/MB at the largest size within 1.3x of the smallest: linear


def cold_start(runs: int, qpy: Path | None, lines: list[str], data: dict) -> None:
    lines.append(f"1. Cold start on examples/syria_refugees.txt: medians of {runs} rounds, commands in turn")
    if not SEED.exists():
        lines.append(f"   skipped: {SEED} not found (../shared absent)")
        return
    nc = numcheck_cmd()
    with tempfile.TemporaryDirectory() as tmp:
        hello = Path(tmp) / "hello.py"
        hello.write_text(TYPER_HELLO)
        cmds: dict[str, Sequence[str]] = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "typer hello (minimal typer command)": [sys.executable, str(hello)],
        }
        if nc:
            cmds[f"numcheck {SEED.name}"] = [*nc, str(SEED)]
        if qpy:
            script = f"import warnings; warnings.simplefilter('ignore')\nfrom quantulum3 import parser\nparser.parse(open({str(SEED)!r}, encoding='utf-8').read())"
            cmds["quantulum3 parse, fresh process"] = [str(qpy), "-c", script]
        # quantulum3 takes seconds per start: every third round only (at least 3 runs).
        timed = paired_times(cmds, runs, {"quantulum3 parse, fresh process": 3 if runs >= 9 else 1})
    if not nc:
        timed["numcheck (command not installed)"] = None
    if not qpy:
        timed["quantulum3 (unavailable)"] = None
    typer = timed.get("typer hello (minimal typer command)")
    typer_cpu = typer[1] if typer else float("nan")
    lines.append(f"   {'command':<40}{'wall':>9}{'CPU':>9}{'CPU × typer hello':>19}")
    for name, got in timed.items():
        if got is None:
            status = "skipped" if "unavailable" in name or "not installed" in name else "failed"
            lines.append(f"   {name:<40}{status:>9}{'-':>9}{'-':>19}")
        else:
            lines.append(f"   {name:<40}{got[0] * 1000:>6.0f} ms{got[1] * 1000:>6.0f} ms{got[1] / typer_cpu:>18.2f}×")
        data.setdefault("cold_start_ms", {})[name] = None if got is None else round(got[0] * 1000, 1)
        data.setdefault("cold_start_cpu_ms", {})[name] = None if got is None else round(got[1] * 1000, 1)
    nc_t = timed.get(f"numcheck {SEED.name}")
    q_t = timed.get("quantulum3 parse, fresh process")
    targets = data.setdefault("targets", {})
    if nc_t is not None and typer is not None:
        targets["cold"] = nc_t[1] / typer_cpu
    if nc_t is not None and q_t is not None:
        targets["quantulum"] = q_t[1] / nc_t[1]


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def throughput(runs: int, qpy: Path | None, qbudget: float, lines: list[str], data: dict) -> None:
    lines.append("")
    lines.append(
        "2. Throughput over ../shared/corpus/*.txt (median of CLI runs; library and quantulum3 timed inside the process)"
    )
    files = corpus_files()
    if not files:
        lines.append(f"   skipped: no corpus at {CORPUS} (../shared absent)")
        return
    size = sum(f.stat().st_size for f in files)
    lines.append(f"   {len(files)} articles, {size / MB:.2f} MB")
    nc = numcheck_cmd()
    rows: list[tuple[str, int, int, float]] = []
    names = [str(f) for f in files]
    cli_cpu: dict[int, float] = {}
    if nc:
        for jobs in (1, 2):
            cmd = [*nc, "--jobs", str(jobs), "--quiet", "--format", "json", *names]
            got = median_times(cmd, runs)
            if got is None:
                lines.append(f"   numcheck CLI --jobs {jobs}: failed (see the message above)")
            else:
                rows.append((f"numcheck CLI --jobs {jobs} (whole run)", len(files), size, got[0]))
                cli_cpu[jobs] = got[1]
    for mode, label in (("rules", "numcheck library: facts + rules"), ("facts", "numcheck library: facts only")):
        res = subprocess.run(
            [sys.executable, "-c", LIBRARY_THROUGHPUT, mode, *names],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=CHILD_ENV,
        )
        if res.returncode == 0:
            d = json.loads(res.stdout)
            rows.append((label, d["articles"], d["bytes"], d["seconds"]))
        else:
            lines.append(f"   {label}: failed: {res.stderr.strip().splitlines()[-1:]}")
    if qpy:
        res = subprocess.run(
            [str(qpy), "-c", QUANTULUM_THROUGHPUT, str(qbudget), *names], capture_output=True, text=True, env=CHILD_ENV
        )
        if res.returncode == 0:
            d = json.loads(res.stdout)
            rows.append(
                (
                    f"quantulum3 parser.parse ({d['articles']} articles, {qbudget:.0f} s budget)",
                    d["articles"],
                    d["bytes"],
                    d["seconds"],
                )
            )
        else:
            lines.append(f"   quantulum3: failed: {res.stderr.strip().splitlines()[-1:]}")
    else:
        lines.append("   quantulum3: unavailable, skipped")
    lines.append(f"   {'run':<58}{'seconds':>9}{'articles/s':>12}{'MB/s':>9}")
    rates: dict[str, float] = {}
    for name, n, b, secs in rows:
        rates[name] = b / MB / secs
        lines.append(f"   {name:<58}{secs:>9.2f}{n / secs:>12.1f}{b / MB / secs:>9.3f}")
        data.setdefault("throughput", {})[name] = {"articles": n, "bytes": b, "seconds": round(secs, 3)}
    one = rates.get("numcheck CLI --jobs 1 (whole run)")
    two = rates.get("numcheck CLI --jobs 2 (whole run)")
    if 1 in cli_cpu:
        cpu_rate = size / MB / cli_cpu[1]
        lines.append(f"   numcheck CLI --jobs 1, CPU time (user + system): {cli_cpu[1]:.2f} s = {cpu_rate:.3f} MB/s")
        data.setdefault("targets", {})["throughput"] = cpu_rate
        data["throughput_cli_jobs1_cpu_s"] = round(cli_cpu[1], 3)
    if one and two:
        lines.append(
            f"   target --jobs 2 >= 1.7× --jobs 1: {two / one:.2f}× ({'met' if two >= 1.7 * one else 'MISSED'})"
        )
    q = next((r for k, r in rates.items() if k.startswith("quantulum3")), None)
    lib = rates.get("numcheck library: facts only")
    if q and lib:
        lines.append(
            f"   target numcheck facts >= 20× quantulum3: {lib / q:.0f}× ({'met' if lib >= 20 * q else 'MISSED'})"
        )


def build_inputs(sizes: Sequence[int]) -> dict[int, tuple[Path, Path]]:
    """For each size in MB: one concatenated file and a folder of article-sized files."""
    files = corpus_files()
    texts = [f.read_bytes() for f in files]
    root = OUT / "growth"
    made: dict[int, tuple[Path, Path]] = {}
    for mb in sizes:
        one = root / f"one-{mb}MB.txt"
        many = root / f"many-{mb}MB"
        target = mb * MB
        if not (one.exists() and one.stat().st_size >= target and (many / ".complete").exists()):
            note(f"growth: writing {mb} MB inputs under {root.relative_to(ROOT)} ...")
            shutil.rmtree(many, ignore_errors=True)
            many.mkdir(parents=True)
            written = 0
            i = 0
            with open(one, "wb") as out:
                while written < target:
                    t = texts[i % len(texts)]
                    out.write(t)
                    out.write(b"\n")
                    (many / f"{i:06d}.txt").write_bytes(t)
                    written += len(t) + 1
                    i += 1
            (many / ".complete").write_text("")
        made[mb] = (one, many)
    return made


def growth(
    sizes: Sequence[int], lines: list[str], data: dict, kinds: Sequence[str] = ("one file", "many files")
) -> None:
    lines.append("")
    # concise, not json: json prints every fact, so its memory is the size of the
    # output; concise keeps only findings, which is what checking has to hold.
    lines.append("3. Growth: numcheck --jobs 1 --format concise, one run each (corpus concatenated); s/MB is CPU time")
    if not corpus_files():
        lines.append(f"   skipped: no corpus at {CORPUS} (../shared absent)")
        return
    nc = numcheck_cmd()
    if not nc:
        lines.append("   skipped: numcheck command not installed")
        return
    inputs = build_inputs(sizes)
    lines.append(f"   {'input':<26}{'wall s':>9}{'CPU s':>9}{'CPU s/MB':>10}{'peak MB':>9}{'exit':>6}")
    per_mb: dict[str, dict[int, float]] = {k: {} for k in kinds}
    peaks: dict[str, dict[int, int]] = {k: {} for k in kinds}
    for mb in sizes:
        one, many = inputs[mb]
        for label, path in (("one file", one), ("many files", many)):
            if label not in kinds:
                continue
            real_mb = (one.stat().st_size) / MB
            wall, peak, status, cpu = run_timed([*nc, "--jobs", "1", "--quiet", "--format", "concise", str(path)])
            if status not in (0, 1):
                lines.append(f"   {f'{mb} MB, {label}':<26}  failed (exit {status})")
                continue
            per_mb[label][mb] = cpu / real_mb
            peaks[label][mb] = peak
            count = "" if label == "one file" else f" ({sum(1 for _ in many.glob('*.txt'))})"
            lines.append(
                f"   {f'{mb} MB, {label}{count}':<26}{wall:>9.1f}{cpu:>9.1f}{cpu / real_mb:>10.3f}{peak:>9}{status:>6}"
            )
            data.setdefault("growth", {})[f"{mb}MB {label}"] = {
                "seconds": round(wall, 2),
                "cpu_seconds": round(cpu, 2),
                "peak_mb": peak,
                "exit": status,
            }
    lo, hi = min(sizes), max(sizes)
    targets = data.setdefault("targets", {})
    for label in per_mb:
        if lo == hi or lo not in per_mb[label] or hi not in per_mb[label]:
            continue
        ratio = per_mb[label][hi] / per_mb[label][lo]
        lines.append(f"   {label}: CPU s/MB at {hi} MB is {ratio:.2f}× that at {lo} MB")
        if label == "one file":
            targets["growth"] = (ratio, lo, hi)
    for label in peaks:
        if hi in peaks[label]:
            lines.append(f"   {label}: peak memory at {hi} MB: {peaks[label][hi]} MB")
            if label == "one file":
                targets["peak"] = (peaks[label][hi], hi)


def target_table(data: dict, lines: list[str]) -> None:
    """Issue 15's table, every row from this run (CPU-time ratios, each measured in turn with its pair)."""
    got = data.get("targets", {})
    rows: list[tuple[str, str, str, bool | None]] = []

    def row(name: str, target: str, value: str | None, ok: bool | None) -> None:
        rows.append((name, target, value if value is not None else "not run", ok))

    cold = got.get("cold")
    row(
        "cold start, seed article vs typer hello (CPU)",
        f"<= {TARGET_COLD_RATIO:g}×",
        f"{cold:.2f}×" if cold else None,
        cold <= TARGET_COLD_RATIO if cold else None,
    )
    q = got.get("quantulum")
    row(
        "quantulum3 cold start vs numcheck (CPU)",
        f">= {TARGET_QUANTULUM_RATIO:g}× slower",
        f"{q:.1f}× slower" if q else None,
        q >= TARGET_QUANTULUM_RATIO if q else None,
    )
    mbs = got.get("throughput")
    row(
        "corpus, CLI --jobs 1, facts + rules + JSON (CPU)",
        f">= {TARGET_MB_S:g} MB/s",
        f"{mbs:.2f} MB/s" if mbs else None,
        mbs >= TARGET_MB_S if mbs else None,
    )
    peak = got.get("peak")
    row(
        f"peak memory, one {peak[1] if peak else 100} MB file",
        f"<= {TARGET_PEAK_MB} MB",
        f"{peak[0]} MB" if peak else None,
        (peak[0] <= TARGET_PEAK_MB and peak[1] >= 100) if peak else None,
    )
    g = got.get("growth")
    row(
        f"growth {g[1]} MB -> {g[2]} MB, CPU s/MB" if g else "growth 1 MB -> 100 MB, CPU s/MB",
        f"<= {TARGET_GROWTH:g}× (linear)",
        f"{g[0]:.2f}×" if g else None,
        (g[0] <= TARGET_GROWTH and g[2] >= 100) if g else None,
    )
    lines += ["", "Targets (issue 15), all from this run:"]
    lines.append(f"   {'':<50}{'target':>20}{'measured':>16}   ")
    for name, target, value, ok in rows:
        verdict = "-" if ok is None else ("met" if ok else "MISSED")
        lines.append(f"   {name:<50}{target:>20}{value:>16}   {verdict}")
    if peak and peak[1] < 100 or g and g[2] < 100:
        lines.append("   (sizes below 100 MB were run: memory and growth verdicts need --sizes 1,10,100)")
    data["target_rows"] = [{"row": n, "target": t, "measured": v, "met": ok} for n, t, v, ok in rows]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


_LIBRARY_RUN = """
import glob, sys, time
from numcheck import check_text
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(sys.argv[1] + "/*.txt"))]
t0 = time.process_time()
for t in texts:
    check_text(t)
print(time.process_time() - t0, sum(len(t.encode("utf-8")) for t in texts))
"""


def against(other: Path, runs: int, lines: list[str], data: dict) -> None:
    """Library throughput (facts + rules, CPU seconds) of this tree and of ``other`` (a checkout's root),
    run in turn A B A B ... so the ratio holds when the machine's speed drifts."""
    if not CORPUS.is_dir():
        note("corpus not found: --against skipped")
        return
    ours, theirs = [], []
    size = 0
    for _ in range(runs):
        for src, into in ((ROOT / "src", ours), (other / "src", theirs)):
            env = dict(CHILD_ENV, PYTHONPATH=str(src))
            if into is theirs:
                env["NUMCHECK_CACHE_DIR"] = str(OUT / "cache-other")
            done = subprocess.run(
                [sys.executable, "-c", _LIBRARY_RUN, str(CORPUS)], env=env, capture_output=True, text=True, check=True
            )
            cpu, size_text = done.stdout.split()
            into.append(float(cpu))
            size = int(size_text)
    a, b = statistics.median(ours), statistics.median(theirs)
    lines += [
        f"Throughput against {other} (library, facts + rules, CPU s over the corpus, median of {runs} paired runs):",
        f"  this tree {a:.2f} s = {size / a / MB:.2f} MB/s; other {b:.2f} s = {size / b / MB:.2f} MB/s; "
        f"ratio (this/other throughput) {b / a:.2f}x",
        "",
    ]
    data["against"] = {"other": str(other), "ours_s": a, "theirs_s": b, "ratio": round(b / a, 3)}
    if not SEED.exists():
        return
    # Cold start of each tree's `python -m numcheck` on the seed article, in turn.
    cmd = [sys.executable, "-m", "numcheck", str(SEED)]
    timed = paired_times(
        {"this tree": cmd, "other": cmd},
        max(runs, 9),
        envs={
            "this tree": dict(CHILD_ENV, PYTHONPATH=str(ROOT / "src")),
            "other": dict(CHILD_ENV, PYTHONPATH=str(other / "src"), NUMCHECK_CACHE_DIR=str(OUT / "cache-other")),
        },
    )
    mine, theirs_t = timed["this tree"], timed["other"]
    if mine and theirs_t:
        lines[-1:-1] = [
            f"Cold start against {other} (python -m numcheck on the seed article, CPU, median of {max(runs, 9)} paired runs):",
            f"  this tree {mine[1] * 1000:.0f} ms; other {theirs_t[1] * 1000:.0f} ms; ratio (other/this) {theirs_t[1] / mine[1]:.2f}x",
        ]
        data["against"]["cold_cpu_ms"] = {"this": round(mine[1] * 1000, 1), "other": round(theirs_t[1] * 1000, 1)}


# --- counted instructions (valgrind) -----------------------------------------

INSTRUCTION_BAR = 0.8  # the issue: corpus throughput no worse than 0.8x of main's
VALGRIND_TOOLS = {
    # tool: its options; the count lands in the out file (summary: / totals:) and in the log (I refs:)
    "cachegrind": ["--tool=cachegrind", "--cache-sim=no", "--branch-sim=no", "--cachegrind-out-file={out}"],
    "callgrind": ["--tool=callgrind", "--callgrind-out-file={out}"],
}


def parse_instructions(text: str) -> int | None:
    """Total instructions (the Ir event) in valgrind's output, or None when it has none.

    Reads a cachegrind out file (``events: Ir ...`` then ``summary: N ...``), a callgrind
    out file (``events:`` then ``totals: N ...``; its ``summary:`` line is read too), or a
    log: ``==pid== I   refs:      6,450,123,456`` (both tools) or callgrind's
    ``==pid== Collected : N`` (the events in the order its ``Events    :`` line names).
    """
    events: list[str] = ["Ir"]
    log_events: list[str] = ["Ir"]
    found: int | None = None
    for raw in text.splitlines():
        line = re.sub(r"^==\d+==\s*", "", raw).strip()
        if line.startswith("events:"):
            events = line.split(":", 1)[1].split()
        elif line.startswith("Events"):
            log_events = line.split(":", 1)[1].split()
        elif line.startswith(("summary:", "totals:")):
            values = line.split(":", 1)[1].split()
            if "Ir" in events and len(values) > events.index("Ir"):
                return int(values[events.index("Ir")])
        elif m := re.match(r"I\s+refs:\s*([\d,]+)$", line):
            found = int(m.group(1).replace(",", ""))
        elif line.startswith("Collected") and found is None:
            values = line.split(":", 1)[1].split()
            if "Ir" in log_events and len(values) > log_events.index("Ir"):
                found = int(values[log_events.index("Ir")])
    return found


def tree_cli(tree: Path, cache: Path) -> tuple[list[str], str, dict[str, str]]:
    """A tree's ``numcheck`` command, its interpreter and the environment that makes it run that tree's src/."""
    venv = tree / ".venv" / "bin"
    python = str(venv / "python") if (venv / "python").exists() else sys.executable
    cmd = [str(venv / "numcheck")] if (venv / "numcheck").exists() else [python, "-m", "numcheck"]
    # PYTHONHASHSEED fixed: set and dict-of-set orders follow string hashes, and the count with them.
    env = dict(CHILD_ENV, PYTHONPATH=str(tree / "src"), NUMCHECK_CACHE_DIR=str(cache), PYTHONHASHSEED="0")
    return cmd, python, env


def count_instructions(cmd: Sequence[str], env: dict[str, str], tool: str) -> tuple[int | None, str]:
    """Instructions valgrind counts in one run of ``cmd`` (the count, or None and why)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{tool}.out"
        opts = [o.format(out=out) for o in VALGRIND_TOOLS[tool]]
        res = subprocess.run(
            ["valgrind", *opts, *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env
        )
        log = res.stderr.decode("utf-8", "replace")
        if res.returncode not in (0, 1):
            return None, f"exited {res.returncode}: {log.strip()[-300:]}"
        got = parse_instructions(out.read_text(errors="replace")) if out.exists() else None
        if got is None:
            got = parse_instructions(log)
        return got, "" if got is not None else "no instruction count in valgrind's output"


def count_tree(label: str, tree: Path, names: Sequence[str], tool: str, lines: list[str]) -> int | None:
    """Instructions of one tree's ``numcheck --jobs 1 --format json`` over ``names``, after its warm-up."""
    # A fresh start-up cache folder per tree and run: a shared one holds every tree's and edit's
    # entries, and loading those is counted (two trees in one folder: +0.3%).
    with tempfile.TemporaryDirectory(prefix="numcheck-cache-") as cache:
        cmd, python, env = tree_cli(tree, Path(cache))
        probe = subprocess.run(
            [python, "-c", "import numcheck; print(numcheck.__file__)"], capture_output=True, text=True, env=env
        )
        where = Path(probe.stdout.strip()).resolve() if probe.returncode == 0 else None
        if where is None or not where.is_relative_to(tree / "src"):
            lines.append(f"   {label}: skipped, numcheck imports from {where or probe.stderr.strip()[-200:]}")
            return None
        # Compile the tree's bytecode and fill its start-up cache first: neither is counted.
        subprocess.run([python, "-m", "compileall", "-q", str(tree / "src")], env=env, stdout=subprocess.DEVNULL)
        full = [*cmd, "--jobs", "1", "--format", "json", *names]
        if run_timed(full, env=env)[2] not in (0, 1):
            lines.append(f"   {label}: failed (see the message above)")
            return None
        note(f"instructions: counting {label} under valgrind ...")
        got, why = count_instructions(full, env, tool)
    if got is None:
        lines.append(f"   {label}: failed: {why}")
    else:
        lines.append(f"   {label:<50}{got:>18,} instructions")
    return got


def instructions(other: Path | None, every: int, tool: str, lines: list[str], data: dict) -> None:
    lines.append("")
    files = corpus_files()[::every]
    size = sum(f.stat().st_size for f in files)
    lines.append(
        f"4. Counted instructions: numcheck --jobs 1 --format json over one corpus article in {every} "
        f"({len(files)} articles, {size / MB:.2f} MB), start-up included; valgrind --tool={tool}"
    )
    if not files:
        lines.append(f"   skipped: no corpus at {CORPUS} (../shared absent)")
        return
    if not shutil.which("valgrind"):
        lines.append("   skipped: valgrind not found on PATH (apt-get install valgrind)")
        return
    trees = [("this tree", ROOT)] + ([("other", other.resolve())] if other is not None else [])
    names = [str(f) for f in files]
    counts: dict[str, int] = {}
    result: dict = {"every": every, "articles": len(files), "bytes": size, "tool": tool}
    for label, tree in trees:
        got = count_tree(f"{label} ({tree})", tree, names, tool, lines)
        if got is not None:
            counts[label] = got
            result["this" if label == "this tree" else "other"] = {"tree": str(tree), "instructions": got}
    if "this tree" in counts and "other" in counts:
        ratio = counts["other"] / counts["this tree"]
        result["ratio"] = round(ratio, 4)
        lines.append(
            f"   ratio other/this (this tree's throughput as a share of the other's): {ratio:.3f}× "
            f"(bar >= {INSTRUCTION_BAR:g}× of main's: {'met' if ratio >= INSTRUCTION_BAR else 'MISSED'}, if the other is main)"
        )
    data["instructions"] = result


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10, help="cold-start and CLI throughput runs per command (median)")
    ap.add_argument("--sizes", default=None, help="growth sizes in MB, comma-separated [1,10,100]")
    ap.add_argument("--quantulum-budget", type=float, default=120.0, help="seconds quantulum3 may spend on the corpus")
    ap.add_argument("--no-quantulum", action="store_true", help="skip quantulum3 entirely")
    ap.add_argument("--no-install", action="store_true", help="do not create the quantulum3 venv")
    ap.add_argument("--quick", action="store_true", help="3 runs, sizes 1,10, 30 s quantulum3 budget")
    ap.add_argument(
        "--parts", default="cold,throughput,growth", help="which parts to run (also: instructions, against)"
    )
    ap.add_argument(
        "--growth-inputs",
        choices=("both", "one"),
        default="both",
        help="growth on one concatenated file and many files (both), or the one file only",
    )
    ap.add_argument(
        "--against",
        type=Path,
        default=None,
        help="another checkout's root: compare library throughput in one run (with --parts instructions: "
        "count that tree's instructions beside this one's, and run the library comparison only if 'against' is named)",
    )
    ap.add_argument(
        "--every", type=int, default=10, help="instructions: count over every Nth corpus article [10]", metavar="N"
    )
    ap.add_argument(
        "--valgrind-tool", choices=sorted(VALGRIND_TOOLS), default="cachegrind", help="instructions: valgrind tool"
    )
    args = ap.parse_args(argv)
    if args.every < 1:
        ap.error("--every must be at least 1")
    if args.quick:
        args.runs, args.quantulum_budget = 3, 30.0
    if args.sizes is None:
        args.sizes = "1,10" if args.quick else "1,10,100"
    sizes = [int(s) for s in args.sizes.split(",") if s]
    kinds = ("one file", "many files") if args.growth_inputs == "both" else ("one file",)
    parts = set(args.parts.split(","))
    if args.against and "instructions" not in parts:
        parts.add("against")
    OUT.mkdir(parents=True, exist_ok=True)
    if not SHARED.exists():
        note(f"../shared not found at {SHARED}: the parts that need its texts are skipped")
    wants_q = bool(parts & {"cold", "throughput"})
    qpy = None if args.no_quantulum or not SHARED.exists() or not wants_q else quantulum_python(not args.no_install)
    lines = [
        "numcheck performance (bench/perf.py)",
        f"machine: {machine()}",
        f"command: {' '.join(['python', 'bench/perf.py', *(argv if argv is not None else sys.argv[1:])])}",
        "",
    ]
    data: dict = {"machine": machine()}
    steps = (
        ("cold", lambda: cold_start(args.runs, qpy, lines, data)),
        ("throughput", lambda: throughput(max(3, args.runs // 3), qpy, args.quantulum_budget, lines, data)),
        ("growth", lambda: growth(sizes, lines, data, kinds)),
        ("against", lambda: against(args.against, max(3, args.runs // 3), lines, data) if args.against else None),
        ("instructions", lambda: instructions(args.against, args.every, args.valgrind_tool, lines, data)),
    )
    for name, step in steps:
        if name in parts:
            t0 = time.perf_counter()
            step()
            took = time.perf_counter() - t0
            lines.append(f"   (part {name}: {took:.0f} s)")
            data.setdefault("part_seconds", {})[name] = round(took, 1)
            note(f"{name}: done in {took:.0f} s")
    if parts & {"cold", "throughput", "growth"}:  # issue 15's table is of those parts' figures
        target_table(data, lines)
    try:
        load = os.getloadavg()
        lines.append(
            f"load average at the end (1/5/15 min): {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores"
        )
    except OSError:
        pass
    report = "\n".join(lines) + "\n"
    print(report, end="")
    (OUT / "perf.txt").write_text(report)
    (OUT / "perf.json").write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
