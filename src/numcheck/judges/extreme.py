"""Judge ``extreme``: a period's peak is at least its average, its low at most its average.

"Inflation touched a peak of 6.2% in June 2017" and "the rate averaged
6.6% across all of 2017" cannot both hold: no value of the year was above
6.2%, so the year cannot average 6.6%. A bound on every value ("a maximum
of £300", side ``most``; "a minimum of", ``least``) is judged the same way.
Figures are compared as intervals at their printed precision.
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
FIELDS = frozenset({"extreme", "average", "word", "side", "scope"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


# Hedges a bound may carry: "a maximum of £300" is read as "at most £300".
_BOUND_HEDGES = {"high": ("exact",), "low": ("exact",), "most": ("exact", "at most"), "least": ("exact", "at least")}
_WORDS = {
    "high": ("peak", "below"),
    "low": ("low", "above"),
    "most": ("maximum", "below"),
    "least": ("minimum", "above"),
}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    ei, ai = rel.get("extreme"), rel.get("average")
    side = rel.label("side")
    if ei is None or ai is None or side not in _WORDS:
        return None
    e, a = view.facts[ei], view.facts[ai]
    if not same_family(e, a) or e.hedge not in _BOUND_HEDGES[side] or a.hedge not in ("exact", "about"):
        return None
    ev, av = value_interval(e), value_interval(a)
    upper = side in ("high", "most")
    if upper and ev.high is not None and av.low is not None and ev.high < av.low:
        pass
    elif not upper and ev.low is not None and av.high is not None and ev.low > av.high:
        pass
    else:
        return None
    word, where = _WORDS[side]
    scope = " for the same period" if side in ("high", "low") else ""  # a bound holds for every value
    fields = (("extreme", e.text), ("average", a.text), ("word", word), ("side", where), ("scope", scope))
    return Hit(e.span, (a.span,), fields)
