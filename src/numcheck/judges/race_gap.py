"""Judge ``race-gap``: a winning margin against the two race times it lies between. "won in 2:21:45, 80
seconds ahead of Kim, who ran 2:23:15": 2:23:15 − 2:21:45 is 90 seconds, not 80. Times and the gap are
read at their printed precision (a gap of "80 seconds" is 79.5 to 80.5; "0.2 seconds" 0.15 to 0.25)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.interval import Interval
from numcheck.model import Hit
from numcheck.patterns import View, format_number
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Fact, Rule

RELATIONS = frozenset({"race-gap"})
ROLES = ("gap", "a", "b")
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"gap", "a", "b", "computed"})
_SECONDS = {"second": Decimal(1), "minute": Decimal(60), "hour": Decimal(3600)}


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def _in_seconds(f: Fact) -> Interval | None:
    iv = f.interval
    if iv.low is None or iv.high is None:
        return None
    scale = _SECONDS.get(f.unit or "second", Decimal(1))
    return Interval(iv.low * scale, iv.high * scale)


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    gi, ai, bi = rel.get("gap"), rel.get("a"), rel.get("b")
    if gi is None or ai is None or bi is None:
        return None
    g, a, b = view.facts[gi], view.facts[ai], view.facts[bi]
    ga, aa, ba = _in_seconds(g), _in_seconds(a), _in_seconds(b)
    if ga is None or aa is None or ba is None or a.value is None or b.value is None:
        return None
    diff = ba - aa if b.value >= a.value else aa - ba
    if diff.overlaps(ga):
        return None
    shown = abs(b.value - a.value)
    computed = f"{format_number(shown)} seconds"
    return Hit(g.span, (a.span, b.span), (("gap", g.text), ("a", a.text), ("b", b.text), ("computed", computed)))
