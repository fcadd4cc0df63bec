"""Judge ``unit-conversion``: a figure and its conversion must agree at their printed precision.

"10 miles (25 km)" is wrong: 10 miles is 16.1 km. The figure's interval is
converted through pint and must overlap the conversion's; a hedge on the
conversion ("about") widens it, trailing zeros may be rounding, and a bound
before the figure ("up to 290km/h (180 mph)", "at least 9 feet (2.7
meters)") bounds both, so the two are compared as printed.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.checks.conversion import BOUNDS, _approximate, _round_zeros, _unbracket, _units, printed
from numcheck.interval import Interval
from numcheck.model import Fact, Hit
from numcheck.patterns import View, compile_templates
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"conversion"})
ROLES = ("figure", "conversion")
TEMPLATE_ROLES = {"a": "figure", "b": "conversion"}
PARAMS: dict[str, tuple[type, Any]] = {"templates": (list, [])}
FIELDS = frozenset({"figure", "conversion", "computed", "rate"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {"templates": compile_templates("templates", params["templates"], ("a", "b"))}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    ai, bi = rel.get("figure"), rel.get("conversion")
    if ai is None or bi is None:
        return None
    a, b = _unbracket(view.facts[ai]), _unbracket(view.facts[bi])
    if a.kind != "measure" or b.kind != "measure":
        return None
    if b.is_range and not a.is_range:
        return None  # "from 300 metres to just over 1,100 metres, or roughly 980 to 3,600 feet": the whole range
    if a.hedge in BOUNDS:
        a, b = printed(a), printed(b)
    told_bound = _told_bound(b)
    if not (a.interval.bounded and (b.interval.bounded or told_bound)) or a.unit is None or b.unit is None:
        return None
    if told_bound:
        return _units(a, b, told_bound)
    b_iv = _approximate(b) if rel.label("hedge").strip() else _round_zeros(b)
    return _units(a, b, b_iv)


def _told_bound(b: Fact) -> Interval | None:
    """A conversion told as a bound of its own, "rose two metres (more than 10ft)", "a 5kg (under 8lb)
    parcel": open on the bound's side and read as "about" on the side it closes, so a loose bound passes
    and one the figure cannot reach is wrong. None when the conversion is no bound."""
    if b.hedge not in BOUNDS or b.value is None:
        return None
    near = _approximate(b)
    if b.hedge in ("more than", "at least"):
        return Interval(near.low, None)
    return Interval(near.low if near.low is not None and near.low < 0 else Decimal(0), near.high)
