"""Every article in ../shared/corpus is read without an exception, spans true to the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from numcheck.facts import extract
from numcheck.model import KINDS

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _articles() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"../shared not found: {CORPUS}")
def test_corpus_is_there() -> None:
    assert len(_articles()) > 100


@pytest.mark.parametrize("path", _articles(), ids=lambda p: p.name)
def test_article_reads_and_spans_are_true(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = extract(text, str(path))
    assert doc.text == text
    starts = [f.span.start for f in doc.facts]
    assert starts == sorted(starts)
    for f in doc.facts:
        assert text[f.span.start : f.span.end] == f.text, f
        assert f.kind in KINDS, f
        assert 0 <= f.sentence < max(1, len(doc.sentences))
        if f.value is not None and f.interval.bounded and not f.is_range and f.hedge == "exact":
            assert f.interval.contains(f.value), f
