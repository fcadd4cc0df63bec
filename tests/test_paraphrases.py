"""The phrasing-family grid of bench/paraphrases.py: no consistent paraphrase is flagged, and the
planted errors are caught at least as often as when the grid was written."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import numcheck

# 43 of 52 are flagged (42 when the grid was written); a change that loses a family shows here.
FLAGGED_FLOOR = 43


def _grid() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "bench" / "paraphrases.py"
    spec = importlib.util.spec_from_file_location("numcheck_bench_paraphrases", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GRID = _grid()
ROWS = [(family, t, good, bad) for family, rows in GRID.FAMILIES.items() for t, good, bad in rows]


@pytest.fixture(scope="module")
def rules() -> tuple[numcheck.Rule, ...]:
    return numcheck.load_rules()


@pytest.mark.parametrize(("family", "template", "good", "bad"), ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_consistent_paraphrase_is_clean(family: str, template: str, good: dict, bad: dict, rules) -> None:
    assert GRID.severe(template.format(**good), rules) == 0, template.format(**good)


def test_planted_errors_are_caught_at_least_as_often_as_before(rules) -> None:
    flagged = sum(GRID.severe(t.format(**bad), rules) > 0 for _, t, _, bad in ROWS)
    assert flagged >= FLAGGED_FLOOR, f"{flagged}/{len(ROWS)} paraphrased errors flagged (floor {FLAGGED_FLOOR})"
