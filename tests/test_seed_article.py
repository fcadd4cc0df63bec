"""The seed article in ../shared yields every fact its editor listed, and no identifier."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from numcheck.facts import extract
from numcheck.model import Fact

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLE = SHARED / "examples" / "syria_refugees.txt"
EXPECTED = SHARED / "examples" / "syria_refugees.expected.json"

# The expected file's qualifiers are words; ours are interval.HEDGES names.
QUALIFIER_TO_HEDGE = {"approximately": "about", "about": "about", "more than": "more than", "vague-plural": "vague"}
# The expected file's kinds that name the same thing differently.
KIND_ALIASES = {"relative-time": {"relative"}}
_STOP = {"the", "of", "a", "an", "to", "and", "s"}


def _key_words(subject: str) -> list[str]:
    """Content words of an expected subject, without its parenthetical gloss."""
    main = re.sub(r"\(.*?\)", " ", subject)
    return [w for w in re.findall(r"[a-z0-9]+", main.lower().replace("’", "'").replace("'s", " ")) if w not in _STOP]


def _loosely_same_subject(expected: str, ours: str | None) -> bool:
    """True when a key word of the expected subject (its first four letters: "joins"/"joined") is in ours."""
    if not ours:
        return False
    ours_words = re.findall(r"[a-z0-9]+", ours.lower())
    return any(any(o.startswith(k[:4]) for o in ours_words) for k in _key_words(expected) if len(k) >= 3)


@pytest.fixture(scope="module")
def facts_and_text() -> tuple[list[Fact], str, dict]:
    if not ARTICLE.exists() or not EXPECTED.exists():
        pytest.skip(f"../shared not found: {SHARED}")
    text = ARTICLE.read_text(encoding="utf-8")
    return list(extract(text, str(ARTICLE)).facts), text, json.loads(EXPECTED.read_text(encoding="utf-8"))


def _expected_figures(expected: dict) -> list[dict]:
    return [e for e in expected["facts"] if e["kind"] != "identifier"]


def _find(facts: list[Fact], text: str, surface: str) -> list[Fact]:
    """Our facts overlapping any occurrence of ``surface`` in the text."""
    out = []
    for m in re.finditer(r"(?<![\w.])" + re.escape(surface), text):
        out += [f for f in facts if f.span.start < m.end() and m.start() < f.span.end]
    return out


def test_every_listed_fact_is_read_with_kind_value_hedge_subject(facts_and_text) -> None:
    facts, text, expected = facts_and_text
    problems = []
    for e in _expected_figures(expected):
        found = _find(facts, text, e["surface"])
        kinds = {e["kind"]} | KIND_ALIASES.get(e["kind"], set())
        matching = [f for f in found if f.kind in kinds]
        if not matching:
            problems.append(
                f"{e['surface']!r}: no fact of kind {e['kind']} (found {[(f.text, f.kind) for f in found]})"
            )
            continue
        f = matching[0]
        if isinstance(e["value"], (int, float)) and f.value != Decimal(str(e["value"])):
            problems.append(f"{e['surface']!r}: value {f.value} != {e['value']}")
        if e["kind"] == "weekday" and f.iso != e["value"]:
            problems.append(f"{e['surface']!r}: weekday {f.iso} != {e['value']}")
        if e["kind"] == "date" and f.iso != e["value"]:
            problems.append(f"{e['surface']!r}: date {f.iso} != {e['value']}")
        qualifier = e.get("qualifier")
        # "another" is a marker on an exact figure, not a hedge.
        want_hedge = "exact" if qualifier in (None, "another") else QUALIFIER_TO_HEDGE[qualifier]
        if f.hedge != want_hedge:
            problems.append(f"{e['surface']!r}: hedge {f.hedge} != {want_hedge}")
        if qualifier == "another" and "another" not in f.markers:
            problems.append(f"{e['surface']!r}: marker 'another' missing from {f.markers}")
        if qualifier == "vague-plural" and "lower_bound" in e and f.interval.low != Decimal(e["lower_bound"]):
            problems.append(f"{e['surface']!r}: vague lower bound {f.interval.low} != {e['lower_bound']}")
        if "subject" in e and not _loosely_same_subject(e["subject"], f.subject):
            problems.append(f"{e['surface']!r}: subject {f.subject!r} does not name {e['subject']!r}")
    assert not problems, "\n".join(problems)


def test_resolution_number_is_not_a_fact(facts_and_text) -> None:
    facts, text, _ = facts_and_text
    assert [m.start() for m in re.finditer("2254", text)], "the article mentions the resolution"
    assert _find(facts, text, "2254") == []


def test_spans_are_true_to_the_text(facts_and_text) -> None:
    facts, text, _ = facts_and_text
    assert all(text[f.span.start : f.span.end] == f.text for f in facts)
