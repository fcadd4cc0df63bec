"""Score numcheck's extractor on the peer test sets in ../shared/peers.

Scoring follows ../shared/peers/README.md ("How to score an extractor"):

* a prediction matches an expected item when their spans overlap and their
  values agree (relative difference at most 1e-6); durations compare in
  seconds (year = 365 days, month = 30 days); a quantulum3 range (mid-point
  with ``raw.uncertainty``) matches a prediction equal to its mid-point or
  either end; date/time items (value null) match on overlap alone;
* kind-checked: kinds must agree too (age and duration are one kind; all
  date/time kinds but duration are one kind);
* one-to-one matching, largest overlap first; FN = unmatched expected; FP =
  unmatched predictions whose kind is in the case's scope (``*``: all);
  unit-only items (value null, not date/time) are left out.

Scope: each case lists the kinds its ``expected`` is exhaustive for. quantulum3's
cases list number, percent, range, currency, dimension, temperature, duration and
age: a date, time, relative day, ordinal, frequency or multiple read from one of
its sentences is neither a hit nor a false positive (quantulum3 does not annotate
them). A year or decade counts as a date there. Our kinds outside every peer
taxonomy (multiple, score) are never in scope.

Our kinds map to peer kinds as follows: count, number, share → number;
percent, points → percent; money → currency; measure → temperature when its
unit is a temperature, duration when a time, else dimension; duration → duration;
age → age; ordinal → ordinal; date, year, decade, weekday, time, relative →
date; frequency → date (a Recognizers-Text "set"), agreeing with a quantulum3
dimension too ("four times per week"); multiple and score → themselves (no peer
kind). A bare year or decade ("2013", "the 1960s") is a date to
Recognizers-Text and a number to quantulum3: it agrees with either (``agreeing_kinds``), and counts as a date for false positives. Money
with a rate unit ("$15.4/hour", unit "USD / hour") is a dimension, as
quantulum3 files a price per unit. Minor currency units on the peer
side (cent, penny, pence, dime) are converted to the major unit, as numcheck
reports money in major units ("50 cents" is 0.50 USD); so are quantulum3's
counting units ("a dozen" is 1 dozen to it, 12 to numcheck).

Run: ``.venv/bin/python bench/peers.py`` (prints P/R/F1 per file and
category, kind-checked and detection-only). ``score()`` returns the numbers
for tests/test_peers.py.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from numcheck.facts import extract
from numcheck.model import Fact
from numcheck.units import UNITS

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FILES = (
    "recognizers-text/number.jsonl",
    "recognizers-text/numberwithunit.jsonl",
    "quantulum3/quantities.normalized.jsonl",
    "recognizers-text/datetime.jsonl",
)
DATE_KINDS = frozenset({"date", "daterange", "time", "timerange", "datetime", "datetimerange", "set", "timezone", "datetimealt"})
OUR_DATE_KINDS = frozenset({"date", "year", "decade", "weekday", "time", "relative"})
SECONDS = {
    "second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 7 * 86400, "month": 30 * 86400,
    "year": 365 * 86400, "decade": 3650 * 86400, "century": 36500 * 86400,
    "megayear": 365 * 86400 * 10**6, "gigayear": 365 * 86400 * 10**9,
}
PEER_MINOR = {"cent": 0.01, "penny": 0.01, "pence": 0.01, "dime": 0.1}
# quantulum3 counts in dimensionless counting units ("a dozen" is 1 dozen); numcheck
# reports the count (12). Like cents to dollars, the peer's value is converted.
PEER_COUNTING = {"dozen": 12, "baker's dozen": 13, "gross": 144}


def peer_kind(f: Fact) -> str:
    if f.kind in ("count", "number", "share"):
        return "number"
    if f.kind in ("percent", "points"):
        return "percent"
    if f.kind == "money":
        # A price per unit ("$15.4/hour", unit "USD / hour") is currency over a dimension, not a
        # sum of money: quantulum3 files "dollar per hour" under its entity, not under currency.
        return "dimension" if f.unit and "/" in f.unit else "currency"
    if f.kind == "measure":
        dim = UNITS[f.unit].dim if f.unit in UNITS else ""
        return {"temperature": "temperature", "time": "duration"}.get(dim, "dimension")
    if f.kind in OUR_DATE_KINDS or f.kind == "frequency":
        return "date"  # a frequency is a "set" to Recognizers-Text
    return f.kind  # duration, age, ordinal, multiple


def agreeing_kinds(f: Fact) -> set[str]:
    """The peer-kind families a prediction may match."""
    fams = {family(peer_kind(f))}
    if f.kind in ("year", "decade"):
        fams.add("number")
    if f.kind == "frequency":
        fams.add("dimension")  # quantulum3: "four times per week" is 4 per week
    return fams


def family(kind: str) -> str:
    if kind in ("age", "duration"):
        return "age"
    if kind in DATE_KINDS:
        return "date"
    return kind


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


def _close(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def _our_values(f: Fact) -> list[float]:
    """Our value, and for a range its two written ends (a range's interval is exactly its ends)."""
    if f.value is None:
        return []
    vals = [float(f.value)]
    if f.is_range and f.interval.bounded:
        vals += [float(f.interval.low), float(f.interval.high)]  # type: ignore[arg-type]
    unit = (f.unit or "").lower()
    if f.kind in ("duration", "age") and unit in SECONDS:
        # In seconds; the value as written stays too, for peer ages given without a unit ("age 87").
        vals = vals + [v * SECONDS[unit] for v in vals]
    return vals


def _expected_values(e: dict) -> list[float]:
    v = e["value"]
    if v is None:
        return []
    vals = [float(v)]
    unc = (e.get("raw") or {}).get("uncertainty") if isinstance(e.get("raw"), dict) else None
    if unc:
        vals += [float(v) - float(unc), float(v) + float(unc)]
    unit = (e.get("unit") or "").lower()
    if e["kind"] in ("duration", "age"):
        u = unit.rstrip("s") if unit not in SECONDS else unit
        if u in SECONDS and unit != "second":
            vals = [x * SECONDS[u] for x in vals]
    if e["kind"] == "currency" and unit in PEER_MINOR:
        vals = [x * PEER_MINOR[unit] for x in vals]
    if e["kind"] == "number" and unit in PEER_COUNTING:
        vals = [x * PEER_COUNTING[unit] for x in vals]
    return vals


def _agree(f: Fact, e: dict) -> bool:
    if e["value"] is None:
        return True  # date/time: detection by overlap
    return any(_close(a, b) for a in _our_values(f) for b in _expected_values(e))


def _match(facts: list[Fact], expected: list[dict], scope: list[str], kind_checked: bool) -> Score:
    sc = Score()
    items = [e for e in expected if not (e["value"] is None and e["kind"] not in DATE_KINDS)]
    pairs = []
    for i, f in enumerate(facts):
        for j, e in enumerate(items):
            ov = min(f.span.end, e["end"]) - max(f.span.start, e["start"])
            if ov <= 0:
                continue
            if kind_checked and family(e["kind"]) not in agreeing_kinds(f):
                continue
            if e["kind"] not in DATE_KINDS and not _agree(f, e):
                continue
            pairs.append((-ov, i, j))
    pairs.sort()
    used_f: set[int] = set()
    used_e: set[int] = set()
    for _, i, j in pairs:
        if i in used_f or j in used_e:
            continue
        used_f.add(i)
        used_e.add(j)
    sc.tp = len(used_e)
    sc.fn = len(items) - len(used_e)
    sc.misses = [f"{e['surface']!r}={e['value']} {e['kind']}" for j, e in enumerate(items) if j not in used_e]
    scope_fams = {family(s) for s in scope}
    for i, f in enumerate(facts):
        if i in used_f:
            continue
        if "*" in scope or family(peer_kind(f)) in scope_fams:
            sc.fp += 1
            sc.extras.append(f"{f.text!r}={f.value} {f.kind}/{peer_kind(f)}")
    return sc


def score(shared: Path = SHARED, *, kind_checked: bool = True, verbose: bool = False) -> dict[tuple[str, str], Score]:
    """{(file, category): Score} for every peer file; ``(file, "all")`` sums the categories."""
    out: dict[tuple[str, str], Score] = {}
    for name in FILES:
        path = shared / "peers" / name
        if not path.exists():
            continue
        per: dict[str, Score] = defaultdict(Score)
        total = Score()
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            facts = list(extract(case["text"]).facts)
            sc = _match(facts, case["expected"], case["scope"], kind_checked)
            per[case["category"]].add(sc)
            total.add(sc)
            if verbose and (sc.misses or sc.extras):
                print(f"[{case['id']}] {case['text'][:110]!r}\n    missed: {sc.misses}\n    extra:  {sc.extras}")
        for cat, s in sorted(per.items()):
            out[(name, cat)] = s
        out[(name, "all")] = total
    return out


def combined(scores: dict[tuple[str, str], Score], names: tuple[str, ...]) -> Score:
    total = Score()
    for (name, cat), s in scores.items():
        if name in names and cat == "all":
            total.add(s)
    return total


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    if not (SHARED / "peers").exists():
        print(f"../shared/peers not found at {SHARED}", file=sys.stderr)
        return 2
    for checked in (True, False):
        label = "kind-checked" if checked else "detection (span + value, any kind)"
        scores = score(kind_checked=checked, verbose=verbose and checked)
        print(f"\n== {label} ==")
        print(f"{'file':42} {'category':12} {'TP':>5} {'FP':>5} {'FN':>5} {'P':>6} {'R':>6} {'F1':>6}")
        for (name, cat), s in scores.items():
            print(f"{name:42} {cat:12} {s.tp:5} {s.fp:5} {s.fn:5} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")
        rt = combined(scores, FILES[:2])
        print(f"{'recognizers-text number + numberwithunit':55} {rt.tp:5} {rt.fp:5} {rt.fn:5} {rt.precision:6.3f} {rt.recall:6.3f} {rt.f1:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
