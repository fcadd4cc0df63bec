"""Judge ``tally``: a stated count equals what the text counts for it, the figures added up plus the
things counted without a figure (names listed, a one-off "only win")."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.interval import Interval
from numcheck.judges.arith import near_interval, value_interval
from numcheck.model import Hit
from numcheck.patterns import View, format_number, point
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"tally"})
ROLES = ("total",)
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"total", "counted", "why"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    ti = rel.get("total")
    plus = rel.label("plus")
    if ti is None or not plus.isdigit():
        return None
    facts = view.facts
    total = facts[ti]
    items = [facts[i] for i in rel.all("item")]
    if total.value is None or any(f.value is None for f in items):
        return None
    extra = Decimal(plus)
    # "over 700 ... and 100 more" against "over 900": hedges read near their printed figure.
    read = near_interval if rel.label("near") else value_interval
    acc = Interval(extra, extra)
    for f in items:
        acc = acc + read(f)
    tiv = read(total) if total.kind != "ordinal" else Interval(total.value, total.value)
    if acc.overlaps(tiv):
        return None
    if rel.label("bound") == "at-least" and tiv.low is not None and acc.high is not None and tiv.low >= acc.high:
        return None  # "three times, in 2004 and 2005": more occasions than years is no error
    if rel.label("bound") == "at-most" and tiv.high is not None and acc.low is not None and tiv.high <= acc.low:
        return None  # "she won two tie-breaks" of a match with three: a side's own may be fewer
    shown = sum(((point(f) or Decimal(0)) for f in items), extra)
    return Hit(
        total.span,
        tuple(f.span for f in items),
        (("total", total.text), ("counted", format_number(shown)), ("why", rel.label("why"))),
        "warning",
    )
