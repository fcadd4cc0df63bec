"""Judge ``clock-elapsed``: "N hours later" against the two clock times it counts between ("locked at 23:15
… went in at 1:45 the next day, four hours after")."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.model import Hit
from numcheck.patterns import View
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"clock-span"})
ROLES = ("length", "start", "end")
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"length", "start", "end", "expected"})
MINUTES = {"hour": Decimal(60), "minute": Decimal(1)}


# Hedges that set only a lower bound ("more than 16 hours later"): of the length, or read before it by the builder.
_AT_LEAST = frozenset({"more than", "at least"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    li, si, ei = rel.get("length"), rel.get("start"), rel.get("end")
    told = rel.label("minutes")
    if li is None or si is None or ei is None or not told.isdigit():
        return None
    length = view.facts[li]
    unit = MINUTES.get(length.unit or "")
    if unit is None or length.value is None:
        return None
    minutes = Decimal(told)
    # A length is told to its last unit: "four hours" is 3½ to 4½ hours; a hedge ("about") widens it.
    iv = length.interval
    n = abs(length.value)
    low = min(iv.low if iv.low is not None else n, n - Decimal("0.5"))
    high = max(iv.high if iv.high is not None else n, n + Decimal("0.5"))
    if low * unit <= minutes and (
        minutes <= high * unit or length.hedge in _AT_LEAST or rel.label("hedge") in _AT_LEAST
    ):
        return None  # "more than 16 hours later" for 16 hours 35 minutes: no upper bound
    hours = minutes / 60
    if unit != 60:
        expected = f"{minutes} minutes"
    elif minutes % 15:
        # "2 hours 25 minutes", not "2.416666… hours"
        expected = f"{int(minutes) // 60} hours {int(minutes) % 60} minutes"
    else:
        expected = f"{hours.normalize():f} hours"
    return Hit(
        length.span,
        (view.facts[si].span, view.facts[ei].span),
        (
            ("length", length.text),
            ("start", view.facts[si].text),
            ("end", view.facts[ei].text),
            ("expected", expected),
        ),
    )
