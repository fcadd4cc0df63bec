"""Judge ``change``: a stated change (%, points, an amount) matches its from → to figures."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.judges.arith import value_interval
from numcheck.judges.changes import TEMPLATE_ROLES, from_binding
from numcheck.model import Fact, Hit
from numcheck.patterns import View, compile_regex, compile_templates, point
from numcheck.relations import Relation, same_family


def _scaled(value: Decimal, like: list[Fact]) -> str:
    from numcheck.checks.total import _scaled as scaled

    return scaled(value, like)


if TYPE_CHECKING:
    from numcheck.model import Rule

__all__ = ["TEMPLATE_ROLES", "from_binding", "judge"]

RELATIONS = frozenset({"change"})
ROLES = ("a", "b", "c")
PARAMS: dict[str, tuple[type, Any]] = {"templates": (list, []), "exclude": (str, r"(?!)")}
# The same message fields as the template check kind, whose arithmetic this judge shares.
FIELDS = frozenset({"from", "to", "stated", "computed", "points", "direction", "word", "change", "claim"})


def compile(params: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "templates": compile_templates("templates", params["templates"], ROLES),
        "exclude": compile_regex("exclude", params["exclude"]),
    }


def judge(rel: Relation, view: View, rule: Rule) -> Hit | None:
    from numcheck.checks.change import _endpoints_ok, _stated_change

    ai, bi, ci = rel.get("from"), rel.get("to"), rel.get("stated")
    if ai is None or bi is None or ci is None:
        return None
    facts = view.facts
    a, b, c = facts[ai], facts[bi], facts[ci]
    if not _endpoints_ok(a, b):
        return None
    direction = {"up": "rise", "down": "fall"}.get(rel.label("direction"), "")
    if c.kind == "count":
        if not re.match(r"^\s+(?:percentage\s+)?points?\b", view.after(c, 25)):
            return None
        c = replace(c, kind="points")
    if c.kind in ("percent", "points", "share"):
        return _stated_change(a, b, c, direction, "change")
    if same_family(c, b) and same_family(a, b):
        return _amount_change(a, b, c, direction)
    return None


def _amount_change(a: Fact, b: Fact, c: Fact, direction: str) -> Hit | None:
    """ "$850m, a $597m improvement from $153m": the stated amount against to − from."""
    from numcheck.checks.change import _fields, _neg

    av, bv = point(a), point(b)
    if av is None or bv is None:
        return None
    diff = value_interval(b) - value_interval(a)
    stated = value_interval(c)
    options = [stated] if direction == "rise" else [_neg(stated)] if direction == "fall" else [stated, _neg(stated)]
    if any(diff.overlaps(o) for o in options):
        return None
    shown = _scaled(abs(bv - av), [a, b])
    return Hit(c.span, (a.span, b.span), _fields(a, b, c, shown, shown, direction))
