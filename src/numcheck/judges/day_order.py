"""Judge ``day-order``: a date told as coming after another ("After that, … on 17 March") that falls
before it ("on 19 March … met")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.days import date_parts
from numcheck.model import Hit
from numcheck.patterns import View
from numcheck.relations import Relation

if TYPE_CHECKING:
    from numcheck.model import Rule

RELATIONS = frozenset({"day-order"})
ROLES = ("before", "after")
PARAMS: dict[str, tuple[type, Any]] = {}
FIELDS = frozenset({"before", "after", "apart"})
# Days a later date may fall before the earlier one and still be a slip: more, and two dates without a
# year may sit either side of a new year ("on 30 December … After that, on 2 January").
SLIP_DAYS = 60
# A year with 29 February, for two dates without a year: only the distance between them matters.
_ANY_YEAR = 2000


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {}


def _day(iso: str | None, year: int | None) -> dt.date | None:
    parts = date_parts(iso)
    if len(parts) != 1:
        return None
    y, m, d = parts[0]
    try:
        return dt.date(y or year or _ANY_YEAR, m, d)
    except ValueError:
        return None


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    bi, ai = rel.get("before"), rel.get("after")
    if bi is None or ai is None:
        return None
    b, a = view.facts[bi], view.facts[ai]
    yb, ya = date_parts(b.iso), date_parts(a.iso)
    if len(yb) != 1 or len(ya) != 1:
        return None
    year = yb[0][0] or ya[0][0]
    before, after = _day(b.iso, year), _day(a.iso, year)
    if before is None or after is None or not 0 < (before - after).days <= SLIP_DAYS:
        return None
    return Hit(
        a.span,
        (b.span,),
        (("before", b.text), ("after", a.text), ("apart", str((before - after).days))),
    )
