"""The accuracy bars of issue 3, computed by bench/accuracy.py (skipped without ../shared)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _bench() -> ModuleType:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found: {SHARED}")
    path = Path(__file__).resolve().parents[1] / "bench" / "accuracy.py"
    spec = importlib.util.spec_from_file_location("numcheck_bench_accuracy", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules.
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_languagetool_agreement_at_least_95_percent() -> None:
    bench = _bench()
    result = bench.languagetool_agreement(SHARED)
    assert result.total >= 80, "fewer LanguageTool examples than expected were selected"
    assert result.rate >= 0.95, result.disagreements


def test_corpus_at_most_one_warning_per_50_articles() -> None:
    bench = _bench()
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared/corpus not found")
    result = bench.corpus_findings(SHARED)
    assert result.articles >= 400
    # Issue 13's bar: at most 0.02 warnings or errors per real article, each one read.
    assert result.per_article <= 0.02, [f for f in result.findings if f[2] != "note"]


def test_seed_clean_and_each_mutation_flagged() -> None:
    bench = _bench()
    found = bench.seed_and_mutations(SHARED)
    assert found.pop("syria_refugees.txt") == []
    assert found and all(found.values()), found


# Strict recall on the visible mutation set when this floor was last raised (bench/accuracy.py prints
# the figure); a change that loses caught errors fails here. Raise it as recall improves.
RECALL_FLOOR = 0.70  # 179/250 = 0.716 on 2026-12-05


def test_mutation_recall_does_not_fall() -> None:
    bench = _bench()
    if not (SHARED / "mutations" / "score.py").is_file():
        pytest.skip("../shared/mutations not found")
    result = bench.mutation_recall(SHARED)
    assert result.n >= 200
    assert result.rate >= RECALL_FLOOR, (result.strict, result.n, result.by_class)
