"""Checks on hand-built fact tables: intervals decide, never a fixed tolerance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from numcheck.engine import run
from numcheck.facts import extract
from numcheck.interval import hedged
from numcheck.model import Document, Fact, Sentence, Source, Span
from numcheck.rules import Rule, load_rules
from numcheck.source import split_sentences

RULES = {r.name: r for r in load_rules()}


def doc(text: str, *facts: tuple[str, str, str, str, str]) -> Document:
    """A document whose facts are (surface, kind, value, step, hedge), found in order in ``text``."""
    sentences = split_sentences(text)
    out: list[Fact] = []
    pos = 0
    for surface, kind, value, step, hedge in facts:
        start = text.index(surface, pos)
        pos = start + len(surface)
        si = max(i for i, s in enumerate(sentences) if s.span.start <= start)
        out.append(
            Fact(
                span=Span(start, pos),
                text=surface,
                kind=kind,
                value=D(value),
                unit="%" if kind == "percent" else None,
                hedge=hedge,
                interval=hedged(D(value), D(step), hedge),
                subject=None,
                sentence=si,
            )
        )
    return Document(Source("t.txt", text), tuple(sentences), tuple(out), text)


def codes(d: Document, *names: str, today: dt.date | None = None) -> list[str]:
    rules: list[Rule] = [RULES[n] for n in names]
    return [f.code for f in run(d, rules, today=today)]


@pytest.mark.parametrize(
    ("share", "step", "flagged"), [("58%", "1", False), ("58.3%", "0.1", False), ("48%", "1", True)]
)
def test_share_is_judged_at_its_written_precision(share: str, step: str, flagged: bool) -> None:
    text = f"Of the 120 staff, 70 ({share}) agreed."
    d = doc(
        text,
        ("120", "count", "120", "1", "exact"),
        ("70", "number", "70", "1", "exact"),
        (share, "percent", share.rstrip("%"), step, "exact"),
    )
    assert (codes(d, "share-mismatch") == ["NC201"]) is flagged


def test_share_message_carries_the_arithmetic() -> None:
    text = "Of the 120 staff, 70 (48%) agreed."
    d = doc(
        text,
        ("120", "count", "120", "1", "exact"),
        ("70", "number", "70", "1", "exact"),
        ("48%", "percent", "48", "1", "exact"),
    )
    (finding,) = run(d, [RULES["share-mismatch"]])
    assert finding.message == "70 of 120 is 58%, not 48%."
    # The figures, then the words that tie them together ("Of the 120 ...").
    assert finding.text == "48%" and [r.text for r in finding.related] == ["70", "120", "Of"]


def test_whole_found_by_its_noun_in_another_sentence() -> None:
    text = "The flood cut off 2.4 million, or 40% of the population, for a week. The province has a population of 12 million."
    d = doc(
        text,
        ("2.4 million", "count", "2400000", "100000", "about"),
        ("40%", "percent", "40", "1", "exact"),
        ("12 million", "count", "12000000", "1000000", "exact"),
    )
    (finding,) = run(d, [RULES["share-mismatch"]])
    assert finding.message == "2.4 million of 12 million is 20%, not 40%."


def test_about_agrees_with_a_nearby_precise_restatement() -> None:
    text = "Officials counted about 5.6 million migrants. A later census found 5.55 million migrants."
    d = doc(
        text,
        ("5.6 million", "count", "5600000", "100000", "about"),
        ("5.55 million", "count", "5550000", "10000", "exact"),
    )
    assert codes(d, "restated-figure") == []


def test_restated_figure_that_cannot_hold() -> None:
    # One keystroke apart and apart as intervals: one figure mistyped.
    text = "Officials counted 5.3 million migrants. The census found 5.6 million migrants."
    d = doc(
        text,
        ("5.3 million", "count", "5300000", "100000", "exact"),
        ("5.6 million", "count", "5600000", "100000", "exact"),
    )
    (finding,) = run(d, [RULES["restated-figure"]])
    assert finding.text == "5.6 million" and finding.related[0].text == "5.3 million"
    # Far apart: two counts (a sub-total, another group), not one figure restated.
    text = "Officials counted 3 million migrants. The census found 5.6 million migrants."
    d = doc(
        text,
        ("3 million", "count", "3000000", "1000000", "exact"),
        ("5.6 million", "count", "5600000", "100000", "exact"),
    )
    assert codes(d, "restated-figure") == []


def test_time_words_make_restated_figures_different_quantities() -> None:
    text = "Officials counted 5.3 million migrants last year. A census now finds 5.6 million migrants."
    d = doc(
        text,
        ("5.3 million", "count", "5300000", "100000", "exact"),
        ("5.6 million", "count", "5600000", "100000", "exact"),
    )
    assert codes(d, "restated-figure") == []


def test_part_exceeds_whole_and_hedges() -> None:
    text = "A further 26 million of the state's population of 23 million moved."
    d = doc(
        text,
        ("26 million", "count", "26000000", "1000000", "exact"),
        ("23 million", "count", "23000000", "1000000", "exact"),
    )
    assert codes(d, "part-exceeds-whole") == ["NC203"]
    d = doc(
        text,
        ("26 million", "count", "26000000", "1000000", "less than"),
        ("23 million", "count", "23000000", "1000000", "exact"),
    )
    assert codes(d, "part-exceeds-whole") == []


def test_disjoint_parts_use_their_lowest_readings() -> None:
    text = "The war killed half a million and drove about 5.6 million abroad. Another 6 million of the pre-war population of 10 million fled inside."
    facts = (
        ("half a million", "count", "500000", "100000", "about"),
        ("5.6 million", "count", "5600000", "100000", "about"),
        ("6 million", "count", "6000000", "1000000", "exact"),
    )
    d = doc(text, *facts, ("10 million", "count", "10000000", "1000000", "exact"))
    (finding,) = run(d, [RULES["parts-exceed-whole"]])
    assert "half a million + 5.6 million + 6 million" in finding.message and "12.1 million" in finding.message
    d = doc(text.replace("10 million", "23 million"), *facts, ("23 million", "count", "23000000", "1000000", "exact"))
    assert codes(d, "parts-exceed-whole") == []


def test_change_and_points_are_told_apart() -> None:
    text = "The rate rose from 20% to 25%, a rise of 5%."
    d = doc(
        text,
        ("20%", "percent", "20", "1", "exact"),
        ("25%", "percent", "25", "1", "exact"),
        ("5%", "percent", "5", "1", "exact"),
    )
    assert codes(d, "change-mismatch", "points-vs-percent") == ["NC208"]
    d = doc(
        text.replace("5%.", "25%."),
        ("20%", "percent", "20", "1", "exact"),
        ("25%", "percent", "25", "1", "exact"),
        ("25%", "percent", "25", "1", "exact"),
    )
    assert codes(d, "change-mismatch", "points-vs-percent") == []


def test_direction_against_endpoints() -> None:
    text = "Output fell from 40 to 52 units."
    d = doc(text, ("40", "number", "40", "1", "exact"), ("52", "number", "52", "1", "exact"))
    assert codes(d, "direction-mismatch") == ["NC210"]


def test_rules_that_need_now_are_silent_without_a_date() -> None:
    # The age relation reads what the extractor gives (a year after "born", an age), so extract it.
    d = extract("The sculptor, born in 1970, died aged 30.")
    assert codes(d, "age-mismatch") == []
    assert codes(d, "age-mismatch", today=dt.date(2022, 1, 1)) == ["NC305"]
    assert codes(d, "age-mismatch", today=dt.date(2000, 6, 1)) == []


def test_findings_are_sorted_and_deduplicated() -> None:
    text = "Of the 120 staff, 70 (48%) agreed. A majority (45%) objected."
    d = doc(
        text,
        ("120", "count", "120", "1", "exact"),
        ("70", "number", "70", "1", "exact"),
        ("48%", "percent", "48", "1", "exact"),
        ("45%", "percent", "45", "1", "exact"),
    )
    rules = [RULES["qualifier-mismatch"], RULES["share-mismatch"], RULES["share-mismatch"]]
    found = run(d, rules)
    assert [f.code for f in found] == ["NC201", "NC405"]
    assert [f.span.start for f in found] == sorted(f.span.start for f in found)


def test_empty_document_has_no_findings() -> None:
    empty = Document(Source("e.txt", ""), (), ())
    assert run(empty, list(RULES.values())) == ()


def test_sentence_without_facts() -> None:
    d = Document(Source("t.txt", "No figures here."), (Sentence(Span(0, 16), 0),), ())
    assert run(d, list(RULES.values())) == ()


def test_absurd_figures_never_raise() -> None:
    huge = "9" * 40
    text = f"A further {huge} of the town's population of 0.0000001 moved. It rose from 0 to {huge}, a rise of 0%."
    d = doc(
        text,
        (huge, "count", huge, "1", "exact"),
        ("0.0000001", "count", "0.0000001", "0.0000001", "exact"),
        ("0", "number", "0", "1", "exact"),
        (huge, "number", huge, "1", "exact"),
        ("0%", "percent", "0", "1", "exact"),
    )
    found = run(d, list(RULES.values()))
    assert all(f.message and "{" not in f.message for f in found)
