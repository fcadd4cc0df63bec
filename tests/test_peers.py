"""The extractor's F1 on the peer test sets meets the bars of issue 12 (bench/peers.py scores them).

Kind-checked F1 at least 0.95 on Recognizers-Text number + number-with-unit and on
quantulum3's set (scored on the kinds its cases list), and date/time detection F1 at
least 0.95 on Recognizers-Text datetime. A bar not met is marked xfail(strict=True)
with the measured F1 in its reason, so the gap stays visible.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _bench():  # bench/ is not a package: load the scorer by path
    spec = importlib.util.spec_from_file_location("bench_peers", ROOT / "bench" / "peers.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up while the class is built
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def scores():
    if not (SHARED / "peers").is_dir():
        pytest.skip(f"../shared not found: {SHARED}")
    bench = _bench()
    return bench, bench.score(SHARED)


def test_recognizers_number_and_numberwithunit(scores) -> None:
    bench, s = scores
    assert bench.combined(s, bench.FILES[:2]).f1 >= 0.95


def test_quantulum_quantities(scores) -> None:
    bench, s = scores
    assert s[("quantulum3/quantities.normalized.jsonl", "all")].f1 >= 0.95


@pytest.fixture(scope="module")
def detection():
    if not (SHARED / "peers").is_dir():
        pytest.skip(f"../shared not found: {SHARED}")
    bench = _bench()
    return bench.score(SHARED, kind_checked=False)


def test_recognizers_datetime_detection(detection) -> None:
    assert detection[("recognizers-text/datetime.jsonl", "all")].f1 >= 0.95


def test_every_category_is_scored(scores) -> None:
    bench, s = scores
    cats = {c for (_, c) in s}
    assert {"number", "percent", "currency", "dimension", "age", "temperature", "quantities", "datetime"} <= cats
