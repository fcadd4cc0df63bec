"""Judge ``remainder``: "the remaining 43%" is 100% less the shares named before it."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.interval import Interval
from numcheck.model import Hit
from numcheck.patterns import View, as_percent, format_number, point
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"remainder"})
ROLES = ("rest",)
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"rest", "parts", "computed"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    ri = rel.get("rest")
    items = rel.all("item")
    if ri is None or not items:
        return None
    facts = view.facts
    rest = as_percent(facts[ri])
    if rest is None:
        return None
    acc = Interval(Decimal(0), Decimal(0))
    shown = Decimal(0)
    for i in items:
        iv = as_percent(facts[i])
        if iv is None or iv.low is None or iv.high is None:
            return None  # "more than half": the rest is not pinned down
        acc = acc + iv
        shown += (point(facts[i]) or Decimal(0)) if facts[i].kind == "percent" else (facts[i].value or Decimal(0)) * 100
    left = Interval(Decimal(100), Decimal(100)) - acc
    if left.overlaps(rest):
        return None
    parts = " + ".join(facts[i].text for i in items)
    return Hit(
        facts[ri].span,
        tuple(facts[i].span for i in items),
        (("rest", facts[ri].text), ("parts", parts), ("computed", format_number(100 - shown) + "%")),
    )
