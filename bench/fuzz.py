"""Long fuzz run (issue 6): many generated texts through the extractor and the rules engine.

    nice -n 19 .venv/bin/python bench/fuzz.py                 # 100,000 inputs
    .venv/bin/python bench/fuzz.py --count 2000 --seed 7      # a short run

Inputs are a fixed-seed mix of three kinds, in turn:

- random Unicode: characters from ASCII, Latin, every script's digits,
  spaces of every kind, punctuation, right-to-left letters, CJK, emoji and
  control characters;
- number-heavy sentences from a small grammar of news figures (counts,
  percentages, money, units, dates, hedges, ranges, brackets);
- mutations (insert, delete, replace, duplicate) of the project's own test
  sentences: string literals with a digit in tests/*.py and the flagged and
  clean examples of rules/*.toml.

Each text goes through ``extract`` and ``engine.run`` with a fixed reporting
date; every fact and finding span must lie inside the text and its text must
equal the text at the span. It prints the count, the exceptions and
violations (each kind once, with the first input that caused it; all are saved
to bench/out/fuzz-failures.jsonl), the time, and the five slowest inputs in
full (``repr``, so a slow input can be replayed), each timed again after the
run. The summary also goes to bench/out/fuzz.txt.

Before the clock starts, every project sentence goes through once as a
warm-up: the first figure with a unit loads pint (~0.3 s, far more on a
loaded machine) and patterns and rule templates compile on first use, costs
that would otherwise be charged to whichever input came first. (The 100,000
run that reported "slowest input 14617 ms (51 chars)" without the input most
likely charged pint's load to 'The trail is 16 km ( 16 km ( 16 km (10 miles)
long.', input #1007, the first to convert a unit: 0.3 s cold, 3 ms warm.)
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import heapq
import json
import random
import sys
import time
import tomllib
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
TODAY = dt.date(2024, 3, 14)
TOP = 5  # slowest inputs kept and printed

RANGES = [
    (0x20, 0x7E), (0x20, 0x7E), (0x30, 0x39), (0x30, 0x39), (0xA0, 0xFF), (0x0100, 0x017F),
    (0x0600, 0x06FF), (0x05D0, 0x05EA), (0x0966, 0x096F), (0x0E50, 0x0E59), (0xFF10, 0xFF19),
    (0x2000, 0x206F), (0x2150, 0x218B), (0x2070, 0x209C), (0x4E00, 0x4E50), (0x1F600, 0x1F64F),
    (0x00, 0x1F), (0x0300, 0x036F), (0x1D7CE, 0x1D7FF), (0x3000, 0x3000), (0x202A, 0x202E),
]
VOCAB = """the of and in to a people staff refugees children voted yes no rose fell from to by up down
about around nearly almost over more than less fewer at least most some half quarter third
one two three ten twelve twenty-three hundred thousand million billion bn m k dozen twice
doubled tripled percent per cent percentage points pp % £ $ € ¥ km miles mph kg lb C F °C
hours days weeks months years year-old aged Monday Tuesday Friday Sunday January March May
December 2015 2020 1990s yesterday today tomorrow ago later in on at between and or ( ) [ ] ,
. ; : — - – / " ' of whom including another total all each rise fall increase share""".split()


def random_unicode(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(0, 300)):
        lo, hi = rng.choice(RANGES)
        c = rng.randint(lo, hi)
        if 0xD800 <= c <= 0xDFFF:
            continue
        out.append(chr(c))
    return "".join(out)


def number(rng: random.Random) -> str:
    k = rng.randrange(9)
    if k == 0:
        return str(rng.randint(0, 100))
    if k == 1:
        return f"{rng.randint(0, 10**9):,}"
    if k == 2:
        return f"{rng.uniform(0, 1000):.{rng.randint(0, 3)}f}"
    if k == 3:
        return f"{rng.randint(0, 100)}%"
    if k == 4:
        return rng.choice("£$€") + f"{rng.uniform(0, 100):.1f}" + rng.choice(["m", "bn", "k", "", " million"])
    if k == 5:
        return f"{rng.randint(1, 31)} {rng.choice(['January', 'March', 'May', 'December'])} {rng.randint(1900, 2100)}"
    if k == 6:
        return f"{rng.randint(0, 100)}-{rng.randint(0, 200)}"
    if k == 7:
        return f"{rng.randint(1, 500)} {rng.choice(['km', 'miles', 'kg', 'hours', 'days', 'years', 'people'])}"
    return f"({rng.randint(0, 100)}%)"


def sentence(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(1, 6)):
        words = [number(rng) if rng.random() < 0.35 else rng.choice(VOCAB) for _ in range(rng.randint(1, 30))]
        sentences.append(" ".join(words).capitalize() + rng.choice([".", ".", "!", "?", "", ";"]))
    return rng.choice([" ", "\n", "\n\n"]).join(sentences)


def seeds() -> list[str]:
    """The project's own sentences: string literals in tests and rule examples."""
    found: set[str] = set()
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                s = node.value
                if 10 <= len(s) <= 400 and any(c.isdigit() for c in s) and " " in s:
                    found.add(s)
    for path in sorted((ROOT / "rules").glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        examples = data.get("examples", {})
        for key in ("flagged", "clean"):
            for s in examples.get(key, []) if isinstance(examples, dict) else []:
                if isinstance(s, str):
                    found.add(s.replace("<mark>", "").replace("</mark>", ""))
    return sorted(found) or ["Of the 120 staff, 70 (48%) voted yes."]


def mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 8)):
        pos = rng.randint(0, len(text))
        op = rng.randrange(5)
        piece = random_unicode(rng)[: rng.randint(1, 5)] or rng.choice(VOCAB)
        if op == 0:
            text = text[:pos] + piece + text[pos:]
        elif op == 1:
            text = text[:pos] + text[pos + rng.randint(1, 6) :]
        elif op == 2:
            text = text[:pos] + piece + text[pos + len(piece) :]
        elif op == 3:
            text = text[:pos] + text[pos : pos + rng.randint(1, 12)] * rng.randint(2, 6) + text[pos:]
        else:
            text = text[:pos] + number(rng) + text[pos:]
    return text


def inputs(seed: int, count: int, pool: Sequence[str]) -> Iterator[tuple[int, str, str, str]]:
    """(index, kind, text, path) for each input of a run: the same sequence for the same seed."""
    rng = random.Random(seed)
    paths = ["", "draft.txt", "draft.md", "page.html"]
    for i in range(count):
        kind = ("unicode", "grammar", "mutation")[i % 3]
        if kind == "unicode":
            text = random_unicode(rng)
        elif kind == "grammar":
            text = sentence(rng)
        else:
            text = mutate(rng, rng.choice(pool))
        yield i, kind, text, rng.choice(paths)


def violations(doc, findings, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    bad = []
    n = len(text)
    for f in doc.facts:
        if not (0 <= f.span.start <= f.span.end <= n) or f.text != text[f.span.start : f.span.end]:
            bad.append(f"fact span/text mismatch: {f.span} {f.text!r}")
    for f in findings:
        if not (0 <= f.span.start <= f.span.end <= n) or f.text != text[f.span.start : f.span.end]:
            bad.append(f"finding span/text mismatch: {f.code} {f.span} {f.text!r}")
        for r in f.related:
            if r.text != text[r.span.start : r.span.end]:
                bad.append(f"related span/text mismatch: {f.code} {r.span} {r.text!r}")
    return bad


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=20240314)
    ap.add_argument("--progress", type=int, default=10_000, help="print a line every N inputs")
    args = ap.parse_args(argv)

    from numcheck.engine import run
    from numcheck.facts import extract
    from numcheck.rules import load_rules

    rules = load_rules()
    pool = seeds()
    OUT.mkdir(parents=True, exist_ok=True)
    failures_file = OUT / "fuzz-failures.jsonl"
    kinds: dict[str, tuple[int, str]] = {}
    failures = 0
    chars = 0
    slowest: list[tuple[float, int, str, str]] = []  # a min-heap of the TOP slowest: (seconds, index, path, text)
    counts = {"unicode": 0, "grammar": 0, "mutation": 0}
    t0 = time.perf_counter()
    for text in pool:
        for path in ("", "page.html"):
            run(extract(text, path), rules, today=TODAY)
    print(f"  warm-up: {len(pool)} project sentences in {time.perf_counter() - t0:.1f} s", flush=True)
    t0 = time.perf_counter()
    with open(failures_file, "w", encoding="utf-8") as log:
        for i, kind, text, path in inputs(args.seed, args.count, pool):
            counts[kind] += 1
            chars += len(text)
            t = time.perf_counter()
            try:
                doc = extract(text, path)
                findings = run(doc, rules, today=TODAY)
                problems = violations(doc, findings, text)
            except Exception as err:  # noqa: BLE001 - counting them is the point
                tb = traceback.extract_tb(err.__traceback__)[-1]
                problems = [f"{type(err).__name__} at {Path(tb.filename).name}:{tb.lineno}: {str(err)[:120]}"]
            took = time.perf_counter() - t
            if len(slowest) < TOP:
                heapq.heappush(slowest, (took, i, path, text))
            elif took > slowest[0][0]:
                heapq.heapreplace(slowest, (took, i, path, text))
            if problems:
                failures += 1
                for p in problems:
                    key = p.split(":")[0] if " at " not in p else p.split(": ")[0]
                    n, first = kinds.get(key, (0, text))
                    kinds[key] = (n + 1, first)
                log.write(json.dumps({"i": i, "path": path, "text": text, "problems": problems}, ensure_ascii=False) + "\n")
            if args.progress and (i + 1) % args.progress == 0:
                el = time.perf_counter() - t0
                print(f"  {i + 1:>9,} inputs  {failures:>6,} failing  {el:8.1f} s", flush=True)
    elapsed = time.perf_counter() - t0
    top = sorted(slowest, reverse=True)
    worst = top[0] if top else (0.0, -1, "", "")
    lines = [
        f"command: python bench/fuzz.py {' '.join(argv if argv is not None else sys.argv[1:])}".rstrip(),
        f"fuzz: {args.count:,} inputs ({counts['unicode']:,} random Unicode, {counts['grammar']:,} grammar, "
        f"{counts['mutation']:,} mutations of {len(pool)} project sentences), seed {args.seed}",
        f"      {chars / 1e6:.1f} M characters in {elapsed:.1f} s ({args.count / max(elapsed, 1e-9):,.0f} inputs/s); "
        f"slowest input {worst[0] * 1000:.0f} ms ({len(worst[3])} chars): {worst[3]!r}",
        f"      {failures:,} failing inputs, {len(kinds)} distinct problems",
    ]
    for key, (n, first) in sorted(kinds.items(), key=lambda kv: -kv[1][0]):
        lines.append(f"      {n:>7,} × {key}   first on {first[:80]!r}")
    if failures:
        lines.append(f"      all failing inputs: {failures_file.relative_to(ROOT)}")
    lines.append(f"      {len(top)} slowest (ms in the run, ms timed again now, input number, path, chars, text):")
    for took, i, path, text in top:
        t = time.perf_counter()
        run(extract(text, path), rules, today=TODAY)
        again = time.perf_counter() - t
        lines.append(f"      {took * 1000:>9.0f} ms {again * 1000:>7.0f} ms  #{i:<7} {path or '-':<10} {len(text):>4}  {text!r}")
    for line in lines[1:]:
        print(line)
    (OUT / "fuzz.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
