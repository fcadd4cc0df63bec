"""Judge ``race-gap``: a winning margin against the two race times it lies between. "won in 2:21:45, 80
seconds ahead of Kim, who ran 2:23:15": 2:23:15 − 2:21:45 is 90 seconds, not 80. Times and the gap are
read at their printed precision (a gap of "80 seconds" is 79.5 to 80.5; "0.2 seconds" 0.15 to 0.25)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.interval import Interval
from numcheck.model import Hit, Span
from numcheck.patterns import View, format_number
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Fact, Rule

RELATIONS = frozenset({"race-gap"})
ROLES = ("gap", "a", "b")  # and "lead", the minutes told before a gap's seconds
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"gap", "a", "b", "computed"})
_SECONDS = {"second": Decimal(1), "minute": Decimal(60), "hour": Decimal(3600)}


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


# Hedges before a margin and how they widen it: "more than two minutes ahead" is any gap above two minutes.
_ABOVE = frozenset({"more than", "over", "above", "at least", "just over", "well over"})
_BELOW = frozenset({"almost", "nearly", "less than", "under", "just under", "fewer than", "not quite"})
_ABOUT = Decimal("0.15")


def _in_seconds(f: Fact, hedge: str = "") -> Interval | None:
    iv = f.interval
    if iv.low is None or iv.high is None or f.value is None:
        return None
    scale = _SECONDS.get(f.unit or "second", Decimal(1))
    low, high = iv.low * scale, iv.high * scale
    if f.kind == "relative":
        # The fact table reads "two minutes ahead" as exactly 2: a margin keeps its printed precision.
        exponent = f.value.as_tuple().exponent
        half = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0) / 2
        low, high = (f.value - half) * scale, (f.value + half) * scale
    if hedge in _ABOVE:
        return Interval(f.value * scale, None)
    if hedge in _BELOW:
        return Interval(f.value * scale * (1 - _ABOUT), f.value * scale)
    if hedge:
        return Interval(low * (1 - _ABOUT), high * (1 + _ABOUT))
    return Interval(low, high)


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    gi, ai, bi = rel.get("gap"), rel.get("a"), rel.get("b")
    if gi is None or ai is None or bi is None:
        return None
    g, a, b = view.facts[gi], view.facts[ai], view.facts[bi]
    ga, aa, ba = _in_seconds(g, rel.label("hedge")), _in_seconds(a), _in_seconds(b)
    if ga is None or aa is None or ba is None or a.value is None or b.value is None:
        return None
    li = rel.get("lead")
    said = g.text
    if li is not None:
        # "1 minute 14 seconds ahead": the minutes told before the seconds are the gap's too.
        lead = view.facts[li]
        if lead.value is None or lead.unit not in _SECONDS:
            return None
        ga = ga + Interval.point(lead.value * _SECONDS[lead.unit or "second"])
        said = view.doc.text[lead.span.start : g.span.end]
    diff = ba - aa if b.value >= a.value else aa - ba
    if diff.overlaps(ga):
        return None
    shown = abs(b.value - a.value)
    computed = f"{format_number(shown)} seconds"
    span = g.span if li is None else Span(view.facts[li].span.start, g.span.end)
    return Hit(span, (a.span, b.span), (("gap", said), ("a", a.text), ("b", b.text), ("computed", computed)))
