"""Judge ``extreme``: a period's peak is at least its average, its low at most its average.

"The rate reached a peak of 11.1% in April 2004" and "the average for the
whole of 2004 was 11.5%" cannot both hold: no value of the year was above
11.1%, so the year cannot average 11.5%. Figures are compared as intervals
at their printed precision.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.judges.arith import value_interval
from numcheck.model import Hit
from numcheck.patterns import View
from numcheck.relations import Relation, same_family

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"extreme"})
ROLES = ("extreme", "average")
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"extreme", "average", "word", "side"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    ei, ai = rel.get("extreme"), rel.get("average")
    if ei is None or ai is None:
        return None
    e, a = view.facts[ei], view.facts[ai]
    if not same_family(e, a) or e.hedge != "exact" or a.hedge != "exact":
        return None
    ev, av = value_interval(e), value_interval(a)
    if ev.high is None or ev.low is None or av.high is None or av.low is None:
        return None
    side = rel.label("side")
    if side == "high" and ev.high < av.low:
        fields = (("extreme", e.text), ("average", a.text), ("word", "peak"), ("side", "below"))
    elif side == "low" and ev.low > av.high:
        fields = (("extreme", e.text), ("average", a.text), ("word", "low"), ("side", "above"))
    else:
        return None
    return Hit(e.span, (a.span,), fields)
