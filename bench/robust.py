"""Full-size hostile inputs (issue 6): seconds per MB for each, and a check that time grows linearly.

    .venv/bin/python bench/robust.py              # full size (minutes)
    .venv/bin/python bench/robust.py --scale 10   # every case 10x smaller
    .venv/bin/python bench/robust.py --regex-only # only the regex audit

Each case is built at its full size and at a quarter of it, run through the
extractor and the rules engine in a child process (so a hang is cut off by
``--timeout`` instead of stopping the benchmark), and reported as seconds
per MB at both sizes. A case whose time per MB at full size is more than
twice that at a quarter is flagged SUPERLINEAR (linear: about 1×;
quadratic: about 4×); between 1.3× (the noise on this machine) and 2× it is
marked "check". The unit tests (tests/test_robust.py) run the same
shapes scaled down for correctness only; nothing there is timed.

The regex audit finds every compiled pattern at the top level of
numcheck's modules and runs it over repeated hostile units ("1,", "(",
"one hundred and ", ...) at 1× and 4× length, flagging superlinear growth:
the catastrophic-backtracking check for the bundled patterns.
Output goes to stdout and bench/out/robust.txt.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import re
import subprocess
import sys
import textwrap
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
MB = 1_000_000

# Our own sentences (never text from ../shared), varied so facts are not all alike.
_SENTENCES = [
    "Of the {a} staff, {b} ({p}%) voted yes on Monday {d} March 2024.",
    "Spending rose from £{a}m to £{b}m, a {p}% rise, over {d} years.",
    "About {a},{b:03d} people left, more than half of them children.",
    "It is {d} miles ({b} km) from the coast and {p}°C at noon.",
    "Turnout fell {d} percentage points, from {p}% to {b}%.",
]


def _news(size: int, newline: bool = True) -> str:
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        s = _SENTENCES[i % len(_SENTENCES)].format(a=100 + i % 900, b=i % 997, p=i % 100, d=1 + i % 28)
        s += "\n\n" if newline and i % 6 == 5 else " "
        if not newline:
            s = s.replace(". ", "; ")
        parts.append(s)
        total += len(s)
        i += 1
    return "".join(parts)[:size]


def _digits() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Nd")


def _spaces() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs")


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# name -> (full size in characters, builder(size) -> text)
CASES: dict[str, tuple[int, Callable[[int], str]]] = {
    "100 MB file (news-like, paragraphs)": (100 * MB, _news),
    "10 MB line, no newline": (10 * MB, lambda n: _news(n, newline=False)),
    "million-digit number": (MB, lambda n: "A total of " + "7" * n + " people."),
    "1,1,1,... x 10^6": (2 * MB, lambda n: _fill("1,", n)),
    "1.1.1.... x 10^6": (2 * MB, lambda n: _fill("1.", n)),
    "1 1 1 ... x 10^6": (2 * MB, lambda n: _fill("1 ", n)),
    "1-1-1-... x 10^6": (2 * MB, lambda n: _fill("1-", n)),
    "nested brackets x 10^6": (2 * MB, lambda n: "(" * (n // 2) + "42" + ")" * (n // 2)),
    "every Unicode digit, repeated": (MB, lambda n: _fill(_digits() + " ", n)),
    "every Unicode space, repeated": (MB, lambda n: _fill("".join(f"1{s}000 " for s in _spaces()), n)),
    "right-to-left text": (MB, lambda n: _fill("ارتفع عدد اللاجئين إلى 5.6 مليون في 2016، أي 48% منهم. ", n)),
    "number words stacked": (MB, lambda n: _fill("one hundred and ", n)),
    "scale words stacked": (MB, lambda n: "5 " + _fill("million ", n)),
    "hedges stacked": (MB, lambda n: _fill("about nearly more than ", n) + " 5"),
    "dates back to back": (MB, lambda n: _fill("1 May 2020 Monday ", n)),
    "percent signs": (MB, lambda n: _fill("12% ", n)),
    "a word with no spaces": (MB, lambda n: _fill("a1", n)),
    "backticks and tags": (MB, lambda n: _fill("`<", n)),
}

# Runs in a child: build one case, extract and run the rules, print seconds.
CHILD = textwrap.dedent(
    """\
    import json, sys, time
    sys.path.insert(0, {bench!r})
    import robust
    from numcheck.facts import extract
    from numcheck.engine import run
    from numcheck.rules import load_rules
    rules = load_rules()
    name, size, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    text = robust.CASES[name][1](size)
    extract("warm 12% of 40 people.", path)
    t0 = time.perf_counter()
    doc = extract(text, path)
    t1 = time.perf_counter()
    findings = run(doc, rules)
    t2 = time.perf_counter()
    print(json.dumps({{"chars": len(text), "bytes": len(text.encode("utf-8")), "facts": len(doc.facts),
                      "findings": len(findings), "extract": t1 - t0, "rules": t2 - t1}}))
    """
)


def run_case(name: str, size: int, timeout: float, path: str) -> dict:
    code = CHILD.format(bench=str(ROOT / "bench"))
    try:
        res = subprocess.run(
            [sys.executable, "-c", code, name, str(size), path], capture_output=True, text=True, timeout=timeout, cwd=ROOT
        )
    except subprocess.TimeoutExpired:
        return {"error": f"TIMEOUT > {timeout:.0f} s"}
    if res.returncode != 0:
        tail = (res.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": f"EXCEPTION: {tail[:120]}"}
    return json.loads(res.stdout)


def cases(scale: float, timeout: float, only: Sequence[str], lines: list[str]) -> None:
    lines.append(f"Hostile inputs through extract + rules (scale 1/{scale:g}, timeout {timeout:.0f} s per run)")
    head = f"{'case':<38}{'size':>9}{'facts':>9}{'s/MB @1/4':>11}{'s/MB @1':>9}{'growth':>8}  verdict"
    lines.append(head)
    print(head, flush=True)
    for name, (full, _build) in CASES.items():
        if only and not any(o.lower() in name.lower() for o in only):
            continue
        size = max(1000, int(full / scale))
        small = run_case(name, size // 4, timeout, "")
        big = run_case(name, size, timeout, "") if "error" not in small else {"error": "skipped (small failed)"}
        if "error" in small or "error" in big:
            row = f"{name:<38}{size / MB:>8.2f}M{'':>9}{'':>11}{'':>9}{'':>8}  {small.get('error') or big.get('error')}"
        else:
            per_small = (small["extract"] + small["rules"]) / (small["bytes"] / MB)
            per_big = (big["extract"] + big["rules"]) / (big["bytes"] / MB)
            growth = per_big / per_small if per_small > 0 else 1.0
            # Noise here is up to about 1.3x; between that and 2x a small quadratic part may hide
            # (a list slice per word once gave 1.67x at 10 MB and 1.6x more at 100 MB): look at it.
            verdict = "SUPERLINEAR" if growth > 2 else "check" if growth > 1.3 else "linear"
            row = f"{name:<38}{big['bytes'] / MB:>8.2f}M{big['facts']:>9}{per_small:>11.2f}{per_big:>9.2f}{growth:>7.2f}×  {verdict}"
        lines.append(row)
        print(row, flush=True)


# --- regex audit ---------------------------------------------------------------

UNITS = [
    "1", "1,", "1.", "1 ", "1-", "1/", "1:", " ", "a", "a ", "aa.", "(", "((1", "[", "`", "``x", "<", "<a ", "&#",
    "-", "% ", "£1", "$1.", "one ", "hundred and ", "twenty-", "million ", ", ", ". ", "\n", "\n\n ", "'", '"',
    "Mr. ", "U.S.", "12:", "1e", "1,000 ", "1 000 ", "about ", "more than ", "per cent ", "http://a", "a@b.",
    "    x\n", "---\n", "<!--", "Monday ", "May 2020 ", "2020-",
]


def patterns() -> list[tuple[str, re.Pattern, bool]]:
    """Every top-level compiled pattern: (module.NAME, pattern, whether the module scans with it).

    Patterns compiled on first use (``dates._c``) count too: their object has
    ``finditer``/``match`` and the pattern text in ``source``.

    A pattern only ever used with ``.match``/``.fullmatch`` at a position (or
    through ``dates._scan_before``, which does that) is anchored: a quadratic scan over it is not how it runs, so only its
    anchored cost matters. Any other use (search, finditer, sub, split, or
    passing it to a function) counts as scanning.
    """
    import numcheck

    found: list[tuple[str, re.Pattern, bool]] = []
    names = [m.name for m in pkgutil.walk_packages(numcheck.__path__, "numcheck.")]
    for modname in sorted(names):
        if modname.endswith(("cli", "__main__")):
            continue
        try:
            mod = importlib.import_module(modname)
        except Exception as err:  # noqa: BLE001 - report and go on
            print(f"  (cannot import {modname}: {err})", file=sys.stderr)
            continue
        try:
            source = Path(mod.__file__ or "").read_text(encoding="utf-8")
        except OSError:
            source = ""
        for attr, value in sorted(vars(mod).items()):
            # A pattern compiled on first use (dates._Lazy) keeps its text in .source.
            text = getattr(value, "pattern", None) if hasattr(value, "pattern") else getattr(value, "source", None)
            if hasattr(value, "finditer") and hasattr(value, "match") and isinstance(text, str):
                uses = re.findall(r"\b" + re.escape(attr) + r"\b(\.\w+)?", source)
                # The definition itself is one bare use; every other use must be .match/.fullmatch.
                # dates._scan_before(rx, ...) is .match at word starts a few words before a unit
                # word, up to a few characters after it: an anchored use, not a scan.
                anchored_calls = len(re.findall(r"\b_scan_before\(\s*" + re.escape(attr) + r"\b", source))
                bare = sum(1 for u in uses if not u) - anchored_calls
                scanned = bare > 1 or any(u not in ("", ".match", ".fullmatch", ".pattern") for u in uses)
                found.append((f"{modname}.{attr}", value, scanned))
    return found


def _time(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _growth(run: Callable[[str], object], unit: str, n: int) -> tuple[float, float]:
    """(time at 4n / time at n, time at 4n); stops early when 1× is already slow."""
    t1 = _time(lambda: run(_fill(unit, n)))
    if t1 > 0.5:
        return 16.0, t1 * 16
    t4 = _time(lambda: run(_fill(unit, 4 * n)))
    return t4 / max(t1, 1e-4), t4


def audit(n: int, lines: list[str]) -> None:
    lines.append("")
    lines.append(f"Regex audit: each top-level pattern over each hostile unit repeated to {n:,} and {4 * n:,} chars")
    lines.append("  (anchored = .match at the start; scan = finditer, only for patterns the module scans with)")
    flagged = 0
    pats = patterns()
    for label, pat, scanned in pats:
        worst: tuple[float, str, float, str] = (0.0, "", 0.0, "")
        for unit in UNITS:
            modes = [("anchored", lambda t, pat=pat: pat.match(t))]
            if scanned:
                modes.append(("scan", lambda t, pat=pat: sum(1 for _ in pat.finditer(t))))
            for mode, run in modes:
                growth, t4 = _growth(run, unit, n)
                # Below 50 ms the ratio is noise; linear is ~4× for 4× the text.
                if t4 > 0.05 and growth > 8 and growth > worst[0]:
                    worst = (growth, unit, t4, mode)
        if worst[0]:
            flagged += 1
            row = (f"  RISKY {label} ({worst[3]}): {worst[0] / 4:.1f}× time per char at 4× length "
                   f"on {worst[1]!r} repeated ({worst[2]:.2f} s at {4 * n:,} chars)")
            lines.append(row)
            print(row, flush=True)
    lines.append(f"  {len(pats)} patterns audited ({sum(s for _, _, s in pats)} scanned), {flagged} superlinear")
    print(lines[-1], flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="divide every full size by this")
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds allowed per child run")
    ap.add_argument("--only", action="append", default=[], help="run only cases whose name contains this")
    ap.add_argument("--regex-only", action="store_true")
    ap.add_argument("--no-regex", action="store_true")
    ap.add_argument("--regex-size", type=int, default=2_000)
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    lines = [f"command: python bench/robust.py {' '.join(argv if argv is not None else sys.argv[1:])}".rstrip()]
    if not args.regex_only:
        cases(args.scale, args.timeout, args.only, lines)
    if not args.no_regex:
        audit(args.regex_size, lines)
    (OUT / "robust.txt").write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
