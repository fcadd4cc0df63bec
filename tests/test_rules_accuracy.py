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
    return _module()


def _module() -> ModuleType:
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


def _mutation(folder: Path, text: str, changed: str) -> Path:
    import json

    path = folder / "story__1.txt"
    path.write_text(text, encoding="utf-8")
    start = text.index(changed)
    path.with_suffix(".json").write_text(json.dumps({"start": start, "end": start + len(changed)}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "changed", "stage"),
    [
        ("Of the 40 staff surveyed, 25 said they were happy.", "25", "in a relation, judged consistent"),
        ("The mayor opened 12 new parks on Monday.", "12", "in no relation"),
        ("The mayor opened a new park on Monday.", "opened", "not in the fact table"),
    ],
)
def test_loss_stage_names_where_a_changed_figure_is_lost(tmp_path: Path, text: str, changed: str, stage: str) -> None:
    assert _module().loss_stage(_mutation(tmp_path, text, changed)) == stage


def test_relation_coverage_counts_figures_held_by_a_relation(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(
        "Of the 120 staff surveyed, 70 (58%) said yes. The firm opened 3 offices.", encoding="utf-8"
    )
    coverage = _module().relation_coverage(tmp_path)
    held, total = coverage.total
    assert coverage.by_kind["count"][1] >= 3
    assert 0 < held < total  # the survey's figures are related, the offices stand alone
