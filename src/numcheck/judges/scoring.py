"""Judge ``scoring``: a side's score or a player's points against the scoring events told for them, each
event at its worth (vocab.toml [scoring]) plus the points named for a player."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.model import Hit, Span
from numcheck.patterns import View, format_number
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"scoring"})
ROLES = ("item",)
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"score", "counted", "why"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def _span(label: str) -> Span | None:
    a, _, b = label.partition(":")
    return Span(int(a), int(b)) if a.isdigit() and b.isdigit() else None


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    score, plus, told = rel.label("score"), rel.label("plus"), _span(rel.label("span"))
    # A gap told as a lead or a deficit is counted with its sign: a deficit that is a lead counts below 0.
    if not score.isdigit() or not plus.removeprefix("-").isdigit() or told is None:
        return None
    items = [view.facts[i] for i in rel.all("item")]
    if any(f.value is None or f.value != f.value.to_integral_value() for f in items):
        return None
    counted = sum((f.value for f in items if f.value is not None), Decimal(plus))
    if counted == int(score) or (rel.label("bound") == "at-least" and counted < int(score)):
        return None
    primary = _span(rel.label("at")) or (items[0].span if items else told)
    related = tuple(s for s in (told, *(f.span for f in items[1:])) if s != primary)
    text = view.doc.text
    fields = (
        ("score", rel.label("said") or text[told.start : told.end]),
        ("counted", format_number(counted)),
        ("why", rel.label("why")),
    )
    return Hit(primary, related, fields, "warning")
