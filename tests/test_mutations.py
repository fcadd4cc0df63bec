"""The seed article is clean; each mutation of it gets a finding on the changed figure, with arithmetic."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from numcheck.engine import run
from numcheck.facts import extract
from numcheck.rules import load_rules

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = SHARED / "examples"


def _need_shared() -> None:
    if not EXAMPLES.is_dir():
        pytest.skip(f"../shared not found: {EXAMPLES}")


def test_seed_article_has_no_warning_or_error() -> None:
    _need_shared()
    text = (EXAMPLES / "syria_refugees.txt").read_text(encoding="utf-8")
    findings = run(extract(text, "syria_refugees.txt"), load_rules())
    serious = [(f.code, f.text, f.message) for f in findings if f.severity in ("warning", "error")]
    assert serious == []


def _mutations() -> list[Path]:
    folder = EXAMPLES / "mutations"
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


@pytest.mark.parametrize("path", _mutations(), ids=lambda p: p.stem)
def test_mutation_is_flagged_on_the_changed_figure(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    seed = (EXAMPLES / "syria_refugees.txt").read_text(encoding="utf-8")
    # The changed region: where the mutated text first and last differs from the seed.
    start = next(i for i, (a, b) in enumerate(zip(text, seed)) if a != b)
    end_from_back = next(i for i, (a, b) in enumerate(zip(reversed(text), reversed(seed))) if a != b)
    changed = (start, len(text) - end_from_back)
    # Widen to the whole figure the change falls in ("6" → "26" changes one digit).
    while changed[0] > 0 and re.match(r"[\d.,%]", text[changed[0] - 1]):
        changed = (changed[0] - 1, changed[1])
    findings = run(extract(text, path.name), load_rules())
    hits = [
        f
        for f in findings
        if f.severity in ("warning", "error")
        and any(s.start < changed[1] and changed[0] < s.end for s in [f.span, *(r.span for r in f.related)])
    ]
    assert hits, f"no finding covers the change in {path.name}: {[(f.code, f.text) for f in findings]}"
    for want in expected["expect"]:
        region = text.index(want["span_contains"])
        assert any(region <= f.span.start and f.span.end <= region + len(want["span_contains"]) for f in hits)
    # The message shows the arithmetic: at least two figures in it.
    assert any(len(re.findall(r"\d", f.message)) >= 3 for f in hits), [f.message for f in hits]
