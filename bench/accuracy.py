"""Accuracy of the rules: seed and mutations, LanguageTool agreement, findings per corpus article.

Run ``python bench/accuracy.py`` from the repository (needs ../shared). The
computation is in importable functions so that tests/test_rules_accuracy.py
can assert the same bars the script prints.

LanguageTool rule ids numcheck covers (and why the others are left out):

- ``DATE_WEEKDAY``, ``DATE_WEEKDAY_WITHOUT_YEAR`` (with LanguageTool's
  pinned "today", 2014-01-01) → NC301 weekday-mismatch;
- ``INVALID_DATE`` → NC302 invalid-date or NC303 inverted-range (LanguageTool
  files "January 10 – 1" under invalid dates);
- ``YEAR_20001`` → NC404 year-typo;
- ``METRIC_UNITS_EN_GENERAL`` / ``_US`` / ``_IMPERIAL`` rows that hold a
  bracketed conversion → NC501 conversion-mismatch. Rows without a
  conversion ("I am 6 feet tall.") ask to *add* a metric figure: a style
  suggestion, not a contradiction, so they are not counted.
- ``FROM_X_Y`` is a wording rule ("from 12–17 February" should say "from 12
  to 17") and is not counted; ``DATE_FUTURE_VERB_PAST``, ``DATE_NEW_YEAR``
  and the grammar rules are not numeric contradictions either.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from numcheck.engine import run
from numcheck.facts import extract
from numcheck.model import Fact
from numcheck.patterns import View
from numcheck.relations import build
from numcheck.rules import Rule, load_rules

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

LT_RULES: dict[str, tuple[str, ...]] = {
    "DATE_WEEKDAY": ("NC301",),
    "DATE_WEEKDAY_WITHOUT_YEAR": ("NC301",),
    "INVALID_DATE": ("NC302", "NC303"),
    "YEAR_20001": ("NC404",),
    "METRIC_UNITS_EN_GENERAL": ("NC501",),
    "METRIC_UNITS_EN_US": ("NC501",),
    "METRIC_UNITS_EN_IMPERIAL": ("NC501",),
}
_CONVERSION = re.compile(r"\d[^()]*\([^()]*\d[^()]*\)")


@dataclass
class Agreement:
    agree: int = 0
    total: int = 0
    by_rule: dict[str, list[int]] = field(default_factory=dict)  # rule id → [agree, total]
    disagreements: list[tuple[str, str, bool]] = field(default_factory=list)  # rule id, text, expected flag

    @property
    def rate(self) -> float:
        return self.agree / self.total if self.total else 0.0


def languagetool_agreement(shared: Path = SHARED, rules: Sequence[Rule] | None = None) -> Agreement:
    """Flag / no-flag agreement with LanguageTool's own examples for the rules numcheck covers."""
    rules = load_rules() if rules is None else rules
    out = Agreement()
    for line in (shared / "peers" / "languagetool" / "examples.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        codes = LT_RULES.get(row["rule_id"])
        if codes is None:
            continue
        if row["rule_id"].startswith("METRIC_UNITS") and not _CONVERSION.search(row["text"]):
            continue
        today = dt.date.fromisoformat(row["assumed_today"]) if row.get("assumed_today") else None
        findings = run(extract(row["text"]), rules, today=today)
        flagged = any(f.code in codes for f in findings)
        ok = flagged == bool(row["expect_flag"])
        tally = out.by_rule.setdefault(row["rule_id"], [0, 0])
        tally[0] += ok
        tally[1] += 1
        out.agree += ok
        out.total += 1
        if not ok:
            out.disagreements.append((row["rule_id"], row["text"], bool(row["expect_flag"])))
    return out


@dataclass
class CorpusResult:
    articles: int = 0
    serious: int = 0  # warnings and errors
    by_rule: Counter[str] = field(default_factory=Counter)
    findings: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # file, code, severity, text, message
    seconds: float = 0.0

    @property
    def per_article(self) -> float:
        return self.serious / self.articles if self.articles else 0.0


def corpus_findings(shared: Path = SHARED, rules: Sequence[Rule] | None = None) -> CorpusResult:
    """Every finding on the real articles of ../shared/corpus."""
    rules = load_rules() if rules is None else rules
    out = CorpusResult()
    start = time.perf_counter()
    for path in sorted((shared / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.articles += 1
        for f in run(extract(text, path.name), rules):
            out.by_rule[f"{f.code} {f.rule} ({f.severity})"] += 1
            out.findings.append((path.name, f.code, f.severity, f.text, f.message))
            if f.severity in ("warning", "error"):
                out.serious += 1
    out.seconds = time.perf_counter() - start
    return out


@dataclass
class Coverage:
    """How many figures of each kind stand in at least one relation (a figure in none can only be judged
    alone: its date, its range, its conversion): a recall ceiling that needs no mutation to measure."""

    by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind → (in a relation, all)

    @property
    def total(self) -> tuple[int, int]:
        return sum(x for x, _ in self.by_kind.values()), sum(n for _, n in self.by_kind.values())


def _related_figures(text: str, name: str) -> tuple[tuple[Fact, ...], set[int]]:
    """The fact table of a text and the indexes of its facts that some relation holds."""
    view = View(extract(text, name), None)
    held = {i for rels in build(view).values() for rel in rels for _, i in rel.roles}
    return view.facts, held


def relation_coverage(shared: Path = SHARED) -> Coverage:
    """Relation coverage over the real articles of ../shared/corpus, by kind of figure."""
    counts: Counter[tuple[str, bool]] = Counter()
    for path in sorted((shared / "corpus").glob("*.txt")):
        facts, held = _related_figures(path.read_text(encoding="utf-8"), path.name)
        for i, fact in enumerate(facts):
            counts[fact.kind, i in held] += 1
    kinds = sorted({k for k, _ in counts})
    return Coverage({k: (counts[k, True], counts[k, True] + counts[k, False]) for k in kinds})


def loss_stage(path: Path) -> str:
    """Where numcheck loses a missed mutation (its sidecar beside it): the changed figure is not in the fact
    table, is in no relation, or is in a relation that no judge found wrong."""
    meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    facts, held = _related_figures(path.read_text(encoding="utf-8"), path.name)
    changed = [i for i, f in enumerate(facts) if f.span.start < meta["end"] and f.span.end > meta["start"]]
    if not changed:
        return "not in the fact table"
    return "in a relation, judged consistent" if any(i in held for i in changed) else "in no relation"


def seed_and_mutations(shared: Path = SHARED, rules: Sequence[Rule] | None = None) -> dict[str, list[str]]:
    """Warning and error codes on the seed article and on each mutation."""
    rules = load_rules() if rules is None else rules
    folder = shared / "examples"
    out: dict[str, list[str]] = {}
    for path in [folder / "syria_refugees.txt", *sorted((folder / "mutations").glob("*.txt"))]:
        findings = run(extract(path.read_text(encoding="utf-8"), path.name), rules)
        out[path.name] = [f"{f.code} {f.message}" for f in findings if f.severity in ("warning", "error")]
    return out


@dataclass
class Recall:
    """Strict recall on the visible mutation set, as ../shared/mutations/score.py counts it."""

    n: int = 0
    strict: int = 0
    by_difficulty: dict[str, tuple[int, int]] = field(default_factory=dict)  # name → (strict, n)
    by_class: dict[str, tuple[int, int]] = field(default_factory=dict)
    originals: int = 0  # warnings/errors on the unmutated articles
    missed: list[str] = field(default_factory=list)  # "file [class, difficulty] from -> to"
    missed_files: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.strict / self.n if self.n else 0.0


def mutation_recall(shared: Path = SHARED) -> Recall:
    """Run the shared scorer over numcheck's own entry point (this interpreter) and read its JSON."""
    import subprocess

    scorer = shared / "mutations" / "score.py"
    cmd = f"{sys.executable} -m numcheck --format json {{files}}"
    done = subprocess.run(
        [sys.executable, str(scorer), "--cmd", cmd, "--json", "--quiet"],
        capture_output=True,
        text=True,
        check=True,
        cwd=scorer.parent,
    )
    data = json.loads(done.stdout)
    m = data["mutations"]
    out = Recall(n=m["n"], strict=m["strict"], originals=data["originals"]["findings"])
    out.by_difficulty = {k: (v["strict"], v["n"]) for k, v in sorted(m["by_difficulty"].items())}
    out.by_class = {k: (v["strict"], v["n"]) for k, v in sorted(m["by_class"].items())}
    for row in m["rows"]:
        if not row.get("strict"):
            out.missed.append(f"{row['file']} [{row['class']}, {row['difficulty']}] {row['from']!r} -> {row['to']!r}")
            out.missed_files.append(row["file"])
    return out


def main(argv: Sequence[str] = ()) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", type=Path, default=SHARED, help="the shared folder (default ../shared)")
    parser.add_argument("--misses", action="store_true", help="list the mutations not caught")
    args = parser.parse_args(list(argv))
    shared = args.shared
    if not shared.is_dir():
        print(f"../shared not found: {shared}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    rules = load_rules()
    print(f"{len(rules)} rules loaded\n")
    print("Seed article and mutations (warnings and errors):")
    for name, found in seed_and_mutations(shared, rules).items():
        print(f"  {name}: {'; '.join(found) if found else 'none'}")
    lt = languagetool_agreement(shared, rules)
    print(f"\nLanguageTool examples: {lt.agree}/{lt.total} verdicts agree ({lt.rate:.1%})")
    for rule_id, (ok, n) in sorted(lt.by_rule.items()):
        print(f"  {rule_id:28} {ok}/{n}")
    for rule_id, text, expected in lt.disagreements:
        print(f"  disagree {rule_id}: LanguageTool {'flags' if expected else 'passes'}: {text}")
    corpus = corpus_findings(shared, rules)
    print(
        f"\nCorpus: {corpus.articles} articles, {corpus.serious} warnings/errors "
        f"({corpus.per_article:.3f} per article; bar 0.02), {corpus.seconds:.1f} s "
        f"({corpus.seconds / max(corpus.articles, 1) * 1000:.0f} ms per article)"
    )
    for rule, n in sorted(corpus.by_rule.items()):
        print(f"  {rule:48} {n}")
    for file, code, severity, text, message in corpus.findings:
        print(f"  {file}: {code} {severity}: {text!r}: {message}")
    recall = mutation_recall(shared)
    print(
        f"\nMutations (../shared/mutations, strict recall, warnings and errors): "
        f"{recall.strict}/{recall.n} = {recall.rate:.1%}; "
        f"{recall.originals} warnings/errors on the unmutated originals"
    )
    for name, (hit, n) in recall.by_difficulty.items():
        print(f"  {name:28} {hit:3}/{n:<3} {hit / n:6.1%}")
    print()
    for name, (hit, n) in recall.by_class.items():
        print(f"  {name:28} {hit:3}/{n:<3} {hit / n:6.1%}")
    stages = Counter(loss_stage(shared / "mutations" / name) for name in recall.missed_files)
    print(f"\nWhere the {len(recall.missed_files)} misses are lost (the changed figure):")
    for stage, n in stages.most_common():
        print(f"  {stage:34} {n}")
    coverage = relation_coverage(shared)
    held, figures = coverage.total
    print(f"\nCorpus figures in at least one relation: {held}/{figures} = {held / max(figures, 1):.1%}")
    for kind, (hit, n) in coverage.by_kind.items():
        print(f"  {kind:12} {hit:5}/{n:<5} {hit / n:6.1%}")
    if args.misses:
        print("\nMissed:")
        for line in recall.missed:
            print(f"  {line}")
    print(f"\ntotal time {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
