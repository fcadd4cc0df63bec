"""Every rule's examples are its tests: flagged sentences get a finding on the marked span, clean ones none."""

from __future__ import annotations

import datetime as dt

import pytest

from numcheck.engine import run
from numcheck.facts import extract
from numcheck.rules import Rule, load_rules, unmark

RULES = load_rules()


def _cases(kind: str) -> list[tuple[Rule, str]]:
    return [(r, s) for r in RULES for s in (r.examples.flagged if kind == "flagged" else r.examples.clean)]


def _today(rule: Rule) -> dt.date | None:
    return dt.date.fromisoformat(rule.examples.today) if rule.examples.today else None


def test_every_rule_has_both_kinds_of_example() -> None:
    assert RULES, "no bundled rules found"
    for rule in RULES:
        assert rule.examples.flagged and rule.examples.clean, rule.name


@pytest.mark.parametrize(
    ("rule", "sentence"), _cases("flagged"), ids=lambda x: x.name if isinstance(x, Rule) else x[:50]
)
def test_flagged_example(rule: Rule, sentence: str) -> None:
    text, mark = unmark(sentence)
    assert mark is not None
    findings = [f for f in run(extract(text), [rule], today=_today(rule)) if f.code == rule.code]
    assert findings, f"{rule.name} did not flag: {text}"
    assert any(f.span.start < mark[1] and mark[0] < f.span.end for f in findings), (
        f"{rule.name} flagged {[f.text for f in findings]}, expected {text[mark[0] : mark[1]]!r}"
    )
    for f in findings:
        assert "{" not in f.message and f.message.strip(), f.message


@pytest.mark.parametrize(("rule", "sentence"), _cases("clean"), ids=lambda x: x.name if isinstance(x, Rule) else x[:50])
def test_clean_example(rule: Rule, sentence: str) -> None:
    findings = [f for f in run(extract(sentence), [rule], today=_today(rule)) if f.code == rule.code]
    assert not findings, f"{rule.name} flagged clean text: {[(f.text, f.message) for f in findings]}"
