"""Judge ``period-rate``: one amount over two periods must agree ("£1.2bn a year, or £33m a week").

The rate is carried over to the other's period by the number of such periods
in a year (``PER_YEAR``) and compared with it as intervals at their printed
precision and hedges: "about £23m a week" is £1.08bn to £1.32bn a year and
meets "£1.2bn a year"; "about £33m a week" (£1.54bn to £1.89bn) does not.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.judges.arith import value_interval
from numcheck.model import Hit
from numcheck.patterns import View, compile_templates, round_to
from numcheck.relations import Relation, same_family

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"period-rate"})
ROLES = ("rate", "other")  # and "length", for an amount told over a length
PARAMS: dict[str, tuple[type, Any]] = {"templates": (list, [])}
FIELDS = frozenset({"rate", "other", "computed"})
# Periods in a year: a day is 1/365 of a year, an hour 1/8,760 (rounding of the text is far coarser than
# a leap day).
PER_YEAR = {
    "year": Decimal(1),
    "month": Decimal(12),
    "week": Decimal(52),
    "day": Decimal(365),
    "hour": Decimal(8760),
    "minute": Decimal(525600),
    "second": Decimal(31536000),
}


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {"templates": compile_templates("templates", params["templates"], ROLES)}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    ri, oi = rel.get("rate"), rel.get("other")
    period, other_period = rel.label("period"), rel.label("other_period")
    if ri is None or oi is None or period not in PER_YEAR or other_period not in PER_YEAR:
        return None
    r, o = view.facts[ri], view.facts[oi]
    if (
        not (same_family(r, o, bare_ok=True) or same_family(o, r, bare_ok=True))
        or r.is_range
        or o.is_range
        or r.value is None
        or r.value <= 0
    ):
        return None
    # "48,000 over three days": the other amount is told over a length of its period.
    length = Decimal(rel.label("other_length") or 1)
    factor = PER_YEAR[period] / PER_YEAR[other_period] * length
    iv, ov = value_interval(r), value_interval(o)
    if iv.low is None or iv.high is None or ov.low is None or ov.high is None:
        return None
    low, high = iv.low * factor, iv.high * factor
    if high >= ov.low and (low <= ov.high or rel.label("bound") == "at-least"):
        return None  # an amount lent is repaid with interest: the rate over its term is at least the amount
    from numcheck.checks.total import _scaled

    per = f"over {rel.label('other_over')}" if rel.label("other_over") else _per(other_period)
    shown = _scaled(round_to(r.value * factor, Decimal(1).scaleb(o.value.adjusted() - 2)), [o]) if o.value else ""
    fields = (("rate", f"{r.text} {_per(period)}"), ("other", f"{o.text} {per}"), ("computed", f"about {shown} {per}"))
    return Hit(r.span, (o.span,), fields)


def _per(period: str) -> str:
    return "an hour" if period == "hour" else f"a {period}"
