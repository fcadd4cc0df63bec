"""Judge ``part-within-whole``: a part cannot be larger than its whole ("32 out of 23 agencies")."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.judges.arith import near_interval, value_interval
from numcheck.model import Hit
from numcheck.patterns import View, compile_templates, entirely_above, format_number, point, round_to
from numcheck.relations import Relation, same_family

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"part"})
ROLES = ("part", "whole")
PARAMS: dict[str, tuple[type, Any]] = {"templates": (list, [])}
FIELDS = frozenset({"part", "whole", "sum"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {"templates": compile_templates("templates", params["templates"], ROLES)}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    pi, wi = rel.get("part"), rel.get("whole")
    if pi is None or wi is None:
        return None
    part, whole = view.facts[pi], view.facts[wi]
    if part.is_range or whole.is_range or not same_family(part, whole):
        return None
    # "almost 34,000 of those 31,000": the part's one-sided hedge is read near its printed figure.
    if not entirely_above(near_interval(part), value_interval(whole)):
        return None
    pv, wv = point(part), point(whole)
    share = f"{format_number(round_to(pv / wv * 100, Decimal(1)))}%" if pv and wv else "more than 100%"
    return Hit(part.span, (whole.span,), (("part", part.text), ("whole", whole.text), ("sum", share)))
