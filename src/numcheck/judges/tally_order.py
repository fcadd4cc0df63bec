"""Judge ``tally-order``: a tally "A to B" against the winner its clause names and the gap it tells.

"Okafor beat Pryce by just 14 votes, 1,180 to 1,194": a side that won has the first figure of its tally,
so 1,180 to 1,194 puts the winner behind. "carried by 45 votes to 12, a majority of 35": the gap between the
two sides is 33, not 35. A tally told by a losing word ("lost by 12 votes to 15") gives no order.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.judges.arith import value_interval
from numcheck.model import Hit
from numcheck.patterns import View, format_number
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"tally-order"})
ROLES = ("first", "second", "margin")
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"first", "second", "word", "why"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    ai, bi, mi = rel.get("first"), rel.get("second"), rel.get("margin")
    if ai is None or bi is None:
        return None
    a, b = view.facts[ai], view.facts[bi]
    if a.value is None or b.value is None:
        return None
    word = rel.label("winning")
    fields = [("first", a.text), ("second", b.text), ("word", word)]
    ia, ib = value_interval(a), value_interval(b)
    if None in (ia.low, ia.high, ib.low, ib.high):
        return None  # "more than 300 to 250": an open side orders nothing
    a_lo, a_hi, b_lo, b_hi = (x or Decimal(0) for x in (ia.low, ia.high, ib.low, ib.high))
    side = rel.label("side")
    if side and a_hi < b_lo:
        # A margin's side word ("three ahead of Kelso on 45"): the first side is the one it puts above.
        below = side in _behind()
        own, rival = (b, a) if below else (a, b)
        put = "below" if below else "above"
        why = f"'{side}' puts {own.text} {put} {rival.text}, but it is {'more' if below else 'fewer'}"
        return Hit(own.span, (rival.span, *rel.cues), (*fields, ("word", side), ("why", why)))
    if word and a_hi < b_lo:
        why = f"'{word}' gives the first side the win, but {a.text} is fewer than {b.text}"
        return Hit(a.span, (b.span, *rel.cues), (*fields, ("why", why)))
    if mi is None:
        return None
    m = view.facts[mi]
    told = value_interval(m)
    if m.value is None or told.low is None or told.high is None:
        return None
    # The gap between two sides the tally allows, at the precision each is printed to.
    low = max(a_lo - b_hi, b_lo - a_hi, Decimal(0))
    high = max(a_hi - b_lo, b_hi - a_lo)
    if low <= told.high and told.low <= high:
        return None
    why = f"the gap between them is {format_number(abs(a.value - b.value))}, not {m.text}"
    return Hit(m.span, (a.span, b.span), (*fields, ("why", why)))


def _behind() -> frozenset[str]:
    from numcheck.relations.margins import _words

    return _words("behind")
