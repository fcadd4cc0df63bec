"""Judge ``range-order``: a range's low end is not above its high end ("150 to 135 passengers")."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck import startcache
from numcheck.judges.arith import value_interval
from numcheck.model import Fact, Hit, Span
from numcheck.patterns import View, compile_templates, entirely_above
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"range"})
ROLES = ("low", "high")
PARAMS: dict[str, tuple[type, Any]] = {"templates": (list, [])}
FIELDS = frozenset({"range", "low", "high"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {"templates": compile_templates("templates", params["templates"], ROLES)}


def _printed_above(a: Fact, b: Fact) -> bool:
    """The ends as printed, in one unit, with no hedge: "£2bn-£1bn" runs backwards even though each
    end's rounding ("£2bn" may be £1.5bn) lets the two touch. A range's ends are written as values,
    so their order is the printed one. A first end without a scale word takes the last end's ("$5-$4.2
    trillion" is $5 trillion to $4.2 trillion, "between 9 and 8 million" 9 million to 8 million)."""
    if a.value is None or b.value is None or a.hedge not in _AS_PRINTED or b.hedge not in _AS_PRINTED:
        return False
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return False
    return a.value * _shared_scale(a, b) > b.value


# Hedges that leave a range's ends as printed: "some 3 to 2 million" is about 3 million to 2 million.
_AS_PRINTED = frozenset({"exact", "about"})
_NUMERAL = startcache.compile(r"\d+(?:[.,]\d+)*")
# Scale words an end may share with the other: thousand, million, billion, trillion.
_SCALES = frozenset(Decimal(10) ** n for n in (3, 6, 9, 12))


def _printed(f: Fact) -> Decimal | None:
    """The numeral as printed in the fact's text ("$4.2 trillion" → 4.2), None without one."""
    m = _NUMERAL.search(f.text)
    if m is None:
        return None
    try:
        return Decimal(m.group().replace(",", ""))
    except ArithmeticError:
        return None


def _shared_scale(a: Fact, b: Fact) -> Decimal:
    """The scale word of the last end that the first end, written without one, shares (1 if none)."""
    pa, pb = _printed(a), _printed(b)
    if (
        (a.kind != b.kind and a.kind != "number")
        or pa is None
        or pb is None
        or not pb
        or a.value != pa
        or b.value is None
    ):
        return Decimal(1)
    scale = b.value / pb
    return scale if scale in _SCALES else Decimal(1)


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    lo, hi = rel.get("low"), rel.get("high")
    if lo is None or hi is None:
        return None
    a, b = view.facts[lo], view.facts[hi]
    if a.value is not None and b.value is not None and a.value < 0 and b.value < 0:
        return None  # "between -12C and -15C": below zero, writers order the ends by how cold (or far) they are
    if not (entirely_above(value_interval(a), value_interval(b)) or _printed_above(a, b)):
        return None
    start = min([a.span.start] + [c.start for c in rel.cues if c.end <= a.span.start])
    span = Span(start, b.span.end)
    text = view.doc.text[span.start : span.end]
    return Hit(span, (a.span, b.span), (("range", text), ("low", a.text), ("high", b.text)))
