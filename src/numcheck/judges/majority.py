"""Judge ``overall-majority``: a majority told with the seats won and the seats there are.

"Labour would win 367 of the 650 seats, giving it a majority of 84": a majority over all the rest is the
seats won less the seats of everyone else, 367 − 283 = 84. Some writers count it over half instead (367 −
325 = 42), so either reading passes; a majority that is neither, or a majority where the seats won are not
more than half, cannot be right.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR
from typing import TYPE_CHECKING, Any

from numcheck.judges.arith import value_interval
from numcheck.model import Hit
from numcheck.patterns import View, format_number
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"overall-majority"})
ROLES = ("part", "whole", "majority")
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"part", "whole", "majority", "computed"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    pi, wi, mi = rel.get("part"), rel.get("whole"), rel.get("majority")
    if pi is None or wi is None or mi is None:
        return None
    p, w, m = view.facts[pi], view.facts[wi], view.facts[mi]
    if p.value is None or w.value is None or m.value is None:
        return None
    told = value_interval(m)
    if told.low is None or told.high is None:
        return None
    over_rest = 2 * p.value - w.value
    half = over_rest / 2
    readings = (over_rest, half.to_integral_value(ROUND_FLOOR), half.to_integral_value(ROUND_CEILING))
    if over_rest > 0 and any(told.low <= r <= told.high for r in readings):
        return None
    computed = format_number(over_rest) if over_rest > 0 else "none"
    fields = (("part", p.text), ("whole", w.text), ("majority", m.text), ("computed", computed))
    return Hit(m.span, (p.span, w.span, *rel.cues), fields)
